// Staff: a house's passes. Who is out (overdue first), requests waiting for a
// decision, late returns to excuse or make a violation, and the history.
import { PASS_STATUS_LABELS } from '@porchlight/domain/labels';
import { A, useParams } from '@solidjs/router';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { EligibilityNotes, PassBadge, PassDecision, PassDetails } from './components';
import { type PassBoard, type PassItem, passQueries, type PassStatusFilter } from './data';
import { formatAt, formatMinutes, possessive, passTypeText } from './format';
import { DecideActions, ExcuseAction, RecordReturnAction } from './staff-forms';
import { ShowMore } from '../components/show-more';
import './passes.css';

type Done = (message: string) => void;

function overdueFirst(out: readonly PassItem[]): PassItem[] {
  const minutes = (p: PassItem) =>
    p.progress.state === 'overdue' ? p.progress.minutesOverdue : -1;
  return [...out].sort((a, b) => minutes(b) - minutes(a));
}

function OutCard(props: { pass: PassItem; timeZone: string | undefined; onDone: Done }) {
  const overdue = () =>
    props.pass.progress.state === 'overdue' ? props.pass.progress.minutesOverdue : null;
  return (
    <li class="card stack pass-card" classList={{ 'pass-urgent': overdue() !== null }}>
      <h3>{props.pass.residentName}</h3>
      <p>
        <PassBadge pass={props.pass} />
      </p>
      <Switch>
        <Match when={overdue()}>
          {(minutes) => (
            <p class="pass-urgent-text">
              Urgent: {formatMinutes(minutes())} past the return time of{' '}
              {formatAt(props.pass.expectedReturnAt, props.timeZone)}.
            </p>
          )}
        </Match>
        <Match when={props.pass.progress.state === 'away'}>
          <p>Due back by {formatAt(props.pass.expectedReturnAt, props.timeZone)}.</p>
        </Match>
      </Switch>
      <PassDetails pass={props.pass} timeZone={props.timeZone} />
      <Show when={props.pass.progress.state !== 'upcoming'}>
        <RecordReturnAction pass={props.pass} timeZone={props.timeZone} onDone={props.onDone} />
      </Show>
    </li>
  );
}

function OutSection(props: { board: PassBoard; timeZone: string | undefined; onDone: Done }) {
  const outNow = () => overdueFirst(props.board.out.filter((p) => p.progress.state !== 'upcoming'));
  const leaving = () => props.board.out.filter((p) => p.progress.state === 'upcoming');
  const overdueCount = () => outNow().filter((p) => p.progress.state === 'overdue').length;
  return (
    <section class="stack" aria-labelledby="passes-out">
      <h2 id="passes-out">Overdue and out now</h2>
      <Show when={overdueCount() > 0}>
        <p class="pass-urgent-text">
          Urgent: {overdueCount()} {overdueCount() === 1 ? 'resident is' : 'residents are'} overdue.
        </p>
      </Show>
      <Show when={outNow().length > 0} fallback={<p class="empty">No one is out right now.</p>}>
        <ul class="pass-list">
          <For each={outNow()}>
            {(pass) => <OutCard pass={pass} timeZone={props.timeZone} onDone={props.onDone} />}
          </For>
        </ul>
      </Show>
      <Show when={leaving().length > 0}>
        <p>Leaving within the next day:</p>
        <ul class="pass-list">
          <For each={leaving()}>
            {(pass) => <OutCard pass={pass} timeZone={props.timeZone} onDone={props.onDone} />}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function PendingSection(props: { board: PassBoard; timeZone: string | undefined; onDone: Done }) {
  return (
    <section class="stack" aria-labelledby="passes-pending">
      <h2 id="passes-pending">Waiting for a decision</h2>
      <Show
        when={props.board.pending.length > 0}
        fallback={<p class="empty">No requests are waiting.</p>}
      >
        <ul class="pass-list">
          <For each={props.board.pending}>
            {(pass) => (
              <li class="card stack pass-card">
                <h3>{pass.residentName}</h3>
                <EligibilityNotes notes={pass.eligibilityNotes} />
                <PassDetails pass={pass} timeZone={props.timeZone} />
                <DecideActions pass={pass} timeZone={props.timeZone} onDone={props.onDone} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function LateSection(props: {
  board: PassBoard;
  houseId: string;
  timeZone: string | undefined;
  onDone: Done;
}) {
  return (
    <section class="stack" aria-labelledby="passes-late">
      <h2 id="passes-late">Late returns to review</h2>
      <Show
        when={props.board.lateReturns.length > 0}
        fallback={<p class="empty">No late returns to review.</p>}
      >
        <ul class="pass-list">
          <For each={props.board.lateReturns}>
            {(pass) => (
              <li class="card stack pass-card">
                <h3>{pass.residentName}</h3>
                <Show when={pass.late}>
                  {(late) => (
                    <p>
                      <strong>Back {formatMinutes(late().minutesLate)} late</strong>
                      {' · '}
                      <Show when={late().afterCurfew} fallback={<>not after curfew.</>}>
                        {(after) => <strong>{formatMinutes(after())} after curfew.</strong>}
                      </Show>
                    </p>
                  )}
                </Show>
                <PassDetails pass={pass} timeZone={props.timeZone} />
                <div class="action-list">
                  <ExcuseAction pass={pass} timeZone={props.timeZone} onDone={props.onDone} />
                  <A
                    class="button"
                    href={`/houses/${props.houseId}/violations?residentId=${pass.residentId}&passId=${pass.id}`}
                  >
                    Record a violation
                    <span class="visually-hidden">
                      {' '}
                      for {possessive(pass.residentName)} late return
                    </span>
                  </A>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

const STATUS_FILTERS: ReadonlyArray<{ value: PassStatusFilter | ''; label: string }> = [
  { value: '', label: 'All passes' },
  { value: 'requested', label: PASS_STATUS_LABELS['requested'] ?? 'Requested' },
  { value: 'approved', label: PASS_STATUS_LABELS['approved'] ?? 'Approved' },
  { value: 'declined', label: PASS_STATUS_LABELS['declined'] ?? 'Declined' },
  { value: 'cancelled', label: PASS_STATUS_LABELS['cancelled'] ?? 'Cancelled' },
];

function isStatusFilter(value: string): value is PassStatusFilter | '' {
  return STATUS_FILTERS.some((f) => f.value === value);
}

function HistorySection(props: { houseId: string; timeZone: string | undefined }) {
  const [status, setStatus] = createSignal<PassStatusFilter | ''>('');
  const list = useInfiniteQuery(() => passQueries.history(props.houseId, status()));
  const items = () => list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section class="stack" aria-labelledby="passes-history">
      <h2 id="passes-history">History</h2>
      <div class="field">
        <div class="field-label">
          <label for="passes-history-status">Show</label>
        </div>
        <select
          id="passes-history-status"
          value={status()}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isStatusFilter(value)) setStatus(value);
          }}
        >
          <For each={STATUS_FILTERS}>
            {(filter) => <option value={filter.value}>{filter.label}</option>}
          </For>
        </select>
      </div>
      <Switch fallback={<Loading label="Loading history…" />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          <Show when={items().length > 0} fallback={<p class="empty">No passes yet.</p>}>
            <ul class="pass-list">
              <For each={items()}>
                {(pass) => (
                  <li class="card stack pass-card">
                    <h3>
                      {pass.residentName}: {passTypeText(pass.type)} pass to {pass.destination}
                    </h3>
                    <p>
                      <PassBadge pass={pass} />
                    </p>
                    <p>
                      {formatAt(pass.departAt, props.timeZone)} to{' '}
                      {formatAt(pass.expectedReturnAt, props.timeZone)}
                      <Show when={pass.returnedAt}>
                        {(at) => <> · back {formatAt(at(), props.timeZone)}</>}
                      </Show>
                    </p>
                    <PassDecision pass={pass} timeZone={props.timeZone} />
                    <Show when={pass.late}>
                      {(late) => (
                        <p class="muted">
                          <Switch fallback={<>Late return not yet reviewed.</>}>
                            <Match when={late().violationId}>
                              Late return recorded as a violation.
                            </Match>
                            <Match when={late().excusedAt}>
                              Late return excused
                              <Show when={late().excuseReason}>{(r) => <>: {r()}</>}</Show>.
                            </Match>
                          </Switch>
                        </p>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <ShowMore list={list} label="Load more history" />
        </Match>
      </Switch>
    </section>
  );
}

export default function HousePassesPage() {
  const params = useParams<{ houseId: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const board = useQuery(() => passQueries.board(params.houseId));
  const [message, setMessage] = createSignal('');
  const timeZone = () => house.data?.timezone;
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title="Passes">Passes</PageHeading>
        <Show when={house.data}>
          {(h) => (
            <p class="lede">
              {h().name}. Times are in the house's time ({h().timezone}).
            </p>
          )}
        </Show>
      </div>
      <p class="status-note" role="status">
        {message()}
      </p>
      <Switch fallback={<Loading />}>
        <Match when={board.isError && !board.data}>
          <LoadError error={board.error} retry={() => void board.refetch()} />
        </Match>
        <Match when={board.data}>
          {(b) => (
            <>
              <OutSection board={b()} timeZone={timeZone()} onDone={setMessage} />
              <PendingSection board={b()} timeZone={timeZone()} onDone={setMessage} />
              <LateSection
                board={b()}
                houseId={params.houseId}
                timeZone={timeZone()}
                onDone={setMessage}
              />
            </>
          )}
        </Match>
      </Switch>
      <HistorySection houseId={params.houseId} timeZone={timeZone()} />
    </div>
  );
}
