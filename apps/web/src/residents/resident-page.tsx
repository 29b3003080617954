import { A, useLocation, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createEffect, createSignal, lazy, Match, on, Show, Switch } from 'solid-js';
import { LoadError, NotFoundMessage, PageHeading } from '../components/page';
import { isNotFound } from '../lib/errors';
import type { ResidentRecord } from '../lib/trpc';
import { residentQueries } from './data';
import type { AdmitFailure } from './intake-page';
import { ResidentActions } from './resident-actions';
import { ResidentPhase } from '../phases/resident-phase';
import { EmergencyContactList, ResidentFacts, StayHistory } from './resident-details';

// charts and the tests log load with the part of the page that shows them
const ResidentCheckIns = lazy(() =>
  import('../check-ins/resident-check-ins').then((m) => ({ default: m.ResidentCheckIns })),
);

const ResidentSupport = lazy(() =>
  import('../support/resident-support').then((m) => ({ default: m.ResidentSupport })),
);

export default function ResidentPage() {
  const params = useParams<{ residentId: string }>();
  const resident = useQuery(() => residentQueries.get(params.residentId));
  return (
    <Switch>
      <Match when={resident.isError && isNotFound(resident.error)}>
        <NotFoundMessage message="We couldn't find that resident, or you don't have access." />
      </Match>
      <Match when={resident.isError && !resident.data}>
        <PageHeading title="Resident">Resident</PageHeading>
        <LoadError error={resident.error} retry={() => void resident.refetch()} />
      </Match>
      <Match when={resident.data}>{(record) => <ResidentView record={record()} />}</Match>
    </Switch>
  );
}

function ResidentView(props: { record: ResidentRecord }) {
  const location = useLocation<AdmitFailure>();
  // set by intake when the resident was saved but the bed could not be assigned
  const [admitError, setAdmitError] = createSignal(location.state?.admitError ?? null);
  const [notice, setNotice] = createSignal<string | null>(null);
  // a link to a part of the record (#check-ins, #tests) lands there once it is drawn
  createEffect(
    on(
      () => location.hash,
      (hash) => {
        if (hash)
          requestAnimationFrame(() => document.getElementById(hash.slice(1))?.scrollIntoView());
      },
    ),
  );
  return (
    <div class="stack-lg">
      <div class="stack">
        <Show when={props.record.canManage && props.record.house}>
          {(house) => (
            <p class="crumbs">
              <A href={`/houses/${house().id}`}>{house().name}</A>
            </p>
          )}
        </Show>
        <PageHeading title={props.record.name}>{props.record.name}</PageHeading>
        <Show when={admitError()}>
          {(message) => (
            <div class="alert alert-error" role="alert">
              <p>
                {props.record.name} was saved, but was not admitted to the bed: {message()}
              </p>
              <Show when={props.record.canManage}>
                <p>Use “Admit” below to choose a bed again.</p>
              </Show>
            </div>
          )}
        </Show>
        <p class="status-note" role="status">
          {notice()}
        </p>
        <ResidentFacts record={props.record} />
      </div>
      <Show when={props.record.canManage}>
        <ResidentActions
          record={props.record}
          onDone={(message) => {
            setAdmitError(null);
            setNotice(message);
          }}
        />
      </Show>
      <ResidentPhase record={props.record} onDone={setNotice} />
      <Show when={props.record.canManage}>
        <ResidentCheckIns
          residentId={props.record.id}
          name={props.record.name}
          livingIn={props.record.status === 'current'}
          timeZone={props.record.house?.timezone}
          onDone={setNotice}
        />
        <ResidentSupport
          residentId={props.record.id}
          name={props.record.name}
          houseId={props.record.house?.id ?? null}
          livingIn={props.record.status === 'current'}
          onDone={setNotice}
        />
      </Show>
      <EmergencyContactList record={props.record} />
      <StayHistory record={props.record} />
    </div>
  );
}
