import { A, useNavigate } from '@solidjs/router';
import { houseCreateInput } from '@porchlight/domain';
import { NARR_LEVEL_LABELS } from '@porchlight/domain/labels';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { isOperator, primaryMembership, useWhoami } from '../account/session';
import { Disclosure } from '../components/disclosure';
import { LoadError, PageHeading } from '../components/page';
import { createForm, Form, FormAlert, SubmitButton, validate } from '../lib/forms';
import type { HouseSummary } from '../lib/trpc';
import { createHouse, houseQueries, occupancyText } from './data';
import { OccupancyBar } from '../components/occupancy-bar';
import { HouseFields, readHouseFields } from './house-fields';
import { ShowMore } from '../components/show-more';

export default function HousesPage() {
  const who = useWhoami();
  const houses = useInfiniteQuery(houseQueries.list);
  const operatorOrg = () => {
    const w = who.data;
    const m = w ? primaryMembership(w) : undefined;
    return isOperator(w) && m?.role === 'operator' ? m.organisationId : undefined;
  };
  const items = () => houses.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div class="stack">
      <PageHeading title="Houses">Houses</PageHeading>
      <Show when={operatorOrg()}>
        {(organisationId) => <NewHouse organisationId={organisationId()} />}
      </Show>
      <Switch>
        <Match when={houses.isError && !houses.data}>
          <LoadError error={houses.error} retry={() => void houses.refetch()} />
        </Match>
        <Match when={houses.data}>
          <Show when={items().length > 0} fallback={<p class="empty">No houses yet.</p>}>
            <ul class="house-list" aria-label="Houses">
              <For each={items()}>{(house) => <HouseRow house={house} />}</For>
            </ul>
          </Show>
          <ShowMore list={houses} />
        </Match>
      </Switch>
    </div>
  );
}

function HouseRow(props: { house: HouseSummary }) {
  return (
    <li class="house-row card">
      <A href={`/houses/${props.house.id}`} class="house-name">
        {props.house.name}
      </A>
      <span class="house-level">{NARR_LEVEL_LABELS[props.house.narrLevel] ?? ''}</span>
      <span class="house-address">{props.house.address}</span>
      <span class="house-occupancy">
        <Show when={props.house.occupancy} fallback={`${props.house.capacity} places`}>
          {(o) => (
            <>
              <OccupancyBar filled={o().filled} beds={o().beds} />
              {occupancyText(o())}
            </>
          )}
        </Show>
      </span>
    </li>
  );
}

function NewHouse(props: { organisationId: string }) {
  const navigate = useNavigate();
  return (
    <Disclosure label="New house">
      {() => {
        const form = createForm({
          read: (data) =>
            validate(houseCreateInput, {
              organisationId: props.organisationId,
              ...readHouseFields(data),
            }),
          submit: async (value) => {
            const { houseId } = await createHouse(value);
            navigate(`/houses/${houseId}`);
          },
        });
        return (
          <Form form={form} class="card stack" aria-label="New house">
            <HouseFields />
            <FormAlert />
            <SubmitButton busyLabel="Creating…">Create house</SubmitButton>
          </Form>
        );
      }}
    </Disclosure>
  );
}
