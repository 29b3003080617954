import { Celebrations } from '../support/celebrations';
import { A, useParams } from '@solidjs/router';
import { NARR_LEVEL_LABELS } from '@porchlight/domain/labels';
import { useQuery } from '@tanstack/solid-query';
import { Match, Show, Switch } from 'solid-js';
import { isOperator, managesHouse, useWhoami } from '../account/session';
import { LoadError, NotFoundMessage, PageHeading } from '../components/page';
import { isNotFound } from '../lib/errors';
import type { HouseDetails } from '../lib/trpc';
import { BedBoard, WaitingList } from './bed-board';
import { NightLookup } from './night-lookup';
import { houseQueries, occupancyText } from './data';
import { OccupancyBar } from '../components/occupancy-bar';
import { HouseResidents } from './house-residents';
import { HousePhases } from '../phases/house-phases';
import { HouseToday } from '../check-ins/house-today';
import { EditHouse, RoomsAndBeds } from './manage-house';

export default function HousePage() {
  const params = useParams<{ houseId: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  return (
    <Switch>
      <Match when={house.isError && isNotFound(house.error)}>
        <NotFoundMessage
          message="We couldn't find that house, or you don't have access."
          back={
            <p>
              <A href="/houses">Back to houses</A>
            </p>
          }
        />
      </Match>
      <Match when={house.isError && !house.data}>
        <PageHeading title="House">House</PageHeading>
        <LoadError error={house.error} retry={() => void house.refetch()} />
      </Match>
      <Match when={house.data}>{(details) => <HouseView house={details()} />}</Match>
    </Switch>
  );
}

function HouseView(props: { house: HouseDetails }) {
  const who = useWhoami();
  const staff = () => managesHouse(who.data, props.house.id, props.house.organisationId);
  const board = useQuery(() => houseQueries.board(props.house.id, staff()));
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href="/houses">Houses</A>
        </p>
        <PageHeading title={props.house.name}>{props.house.name}</PageHeading>
        <p class="lede">
          {NARR_LEVEL_LABELS[props.house.narrLevel] ?? ''} · {props.house.address}
        </p>
        <Show when={board.data}>
          {(b) => (
            <p class="occupancy">
              <OccupancyBar filled={b().occupancy.filled} beds={b().occupancy.beds} />
              {occupancyText(b().occupancy)}
            </p>
          )}
        </Show>
        <Show when={staff()}>
          <p>
            <A href={`/houses/${props.house.id}/intake`} class="button button-primary">
              New resident
            </A>
          </p>
        </Show>
      </div>
      <Show
        when={staff()}
        fallback={
          <>
            <Celebrations houseId={props.house.id} />
            <ul class="link-grid">
              <li>
                <A href={`/houses/${props.house.id}/meetings`} class="button">
                  House meetings
                </A>
              </li>
              <li>
                <A href={`/houses/${props.house.id}/resources`} class="button">
                  Resources nearby
                </A>
              </li>
            </ul>
          </>
        }
      >
        <HouseToday houseId={props.house.id} />
        <Celebrations houseId={props.house.id} />
        <section class="stack" aria-labelledby="beds-heading">
          <h2 id="beds-heading">Beds</h2>
          <Switch>
            <Match when={board.isError && !board.data}>
              <LoadError error={board.error} retry={() => void board.refetch()} />
            </Match>
            <Match when={board.data}>
              {(b) => <BedBoard board={b()} houseId={props.house.id} />}
            </Match>
          </Switch>
        </section>
        <Show when={board.data}>{(b) => <WaitingList board={b()} />}</Show>
        <NightLookup houseId={props.house.id} today={props.house.today} />
        <nav class="stack" aria-labelledby="rules-heading">
          <h2 id="rules-heading">Rules and records</h2>
          <ul class="link-grid">
            <li>
              <A href={`/houses/${props.house.id}/check-ins`} class="button">
                Check-ins
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/chores`} class="button">
                Chores
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/tests`} class="button">
                Tests
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/meetings`} class="button">
                Meetings
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/officers`} class="button">
                Officers
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/mentoring`} class="button">
                Mentoring
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/resources`} class="button">
                Resources
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/passes`} class="button">
                Passes
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/rules`} class="button">
                Rule book
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/violations`} class="button">
                Violations
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/grievances`} class="button">
                Grievances
              </A>
            </li>
            <li>
              <A href={`/houses/${props.house.id}/report`} class="button">
                Monthly report
              </A>
            </li>
          </ul>
        </nav>
        <section class="stack" aria-labelledby="residents-heading">
          <h2 id="residents-heading">Residents</h2>
          <HouseResidents houseId={props.house.id} />
        </section>
        <HousePhases houseId={props.house.id} />
        <section class="stack" aria-labelledby="manage-heading">
          <h2 id="manage-heading">Manage this house</h2>
          <div class="action-list">
            <Show when={board.data}>
              {(b) => <RoomsAndBeds board={b()} houseId={props.house.id} />}
            </Show>
            <Show when={isOperator(who.data)}>
              <EditHouse house={props.house} />
            </Show>
          </div>
        </section>
      </Show>
    </div>
  );
}
