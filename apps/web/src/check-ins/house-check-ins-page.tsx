// Staff: a house's day of check-ins. Who is overdue comes first and loudest,
// then who needs attention and why, then the day in counts and a row per
// resident (due, done, late, missed, away). Any past day can be looked at; the
// check-in policy of the house is changed at the foot of the page.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { checkInPolicyInput } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { plural } from '../lib/dates';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { formatAt, formatMinutes, formatWallTime } from '../passes/format';
import { AttentionFlags } from './attention-list';
import {
  attentionQueries,
  type BoardResident,
  boardQueries,
  type CheckInBoard,
  type OutNow,
  type RequirementStatus,
  signBackIn,
  updateCheckInPolicy,
} from './data';
import { formatTime, longDay } from './format';
import { Icon } from '../components/icon';
import {
  moodAndCraving,
  REQUIREMENT_COUNT_WORDS,
  REQUIREMENT_MEANING,
  REQUIREMENT_ORDER,
  StatusChip,
} from './status';
import './board.css';
import './check-ins.css';

type Done = (message: string) => void;

export default function HouseCheckInsPage() {
  const params = useParams<{ houseId: string }>();
  const [search, setSearch] = useSearchParams<{ date?: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const board = useQuery(() => boardQueries.day(params.houseId, search.date || undefined));
  const [message, setMessage] = createSignal('');
  const isToday = () => !!board.data && board.data.date === board.data.today;
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title="Check-ins">Check-ins</PageHeading>
        <Show when={board.data}>
          {(b) => (
            <p class="lede">
              {b().house.name}, {isToday() ? 'today' : ''} {longDay(b().date)}. Times are on the
              house's clock ({b().house.timezone}).
            </p>
          )}
        </Show>
      </div>
      <p class="status-note" role="status">
        {message()}
      </p>
      <Switch fallback={<Loading label="Loading the day…" />}>
        <Match when={board.isError && !board.data}>
          <LoadError error={board.error} retry={() => void board.refetch()} />
        </Match>
        <Match when={board.data}>
          {(b) => (
            <>
              <Show when={isToday()}>
                <OutSection board={b()} houseId={params.houseId} onDone={setMessage} />
                <AttentionSection houseId={params.houseId} timeZone={b().house.timezone} />
              </Show>
              <DaySection
                board={b()}
                onDate={(date) => setSearch({ date: date === b().today ? undefined : date })}
              />
              <PolicySection board={b()} onDone={setMessage} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function OutSection(props: { board: CheckInBoard; houseId: string; onDone: Done }) {
  const overdue = () => props.board.overdue.length;
  return (
    <section class="stack" aria-labelledby="board-out-heading">
      <h2 id="board-out-heading">Out now</h2>
      <Show when={overdue() > 0}>
        <p class="out-alert">
          <Icon name="alert" />
          <span>
            {overdue() === 1
              ? '1 resident is overdue back.'
              : `${overdue()} residents are overdue back.`}
          </span>
        </p>
      </Show>
      <Show when={props.board.out.length > 0} fallback={<p class="empty">Everyone is in.</p>}>
        <ul class="out-list">
          <For each={props.board.out}>
            {(out) => (
              <OutCard
                out={out}
                houseId={props.houseId}
                timeZone={props.board.house.timezone}
                onDone={props.onDone}
              />
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function OutCard(props: { out: OutNow; houseId: string; timeZone: string; onDone: Done }) {
  const overdue = () => props.out.overdueMinutes > 0;
  const back = async () => {
    const result = await signBackIn(props.out.id);
    props.onDone(
      result.minutesLate > 0
        ? `${props.out.residentName} is back, ${formatMinutes(result.minutesLate)} late.`
        : `${props.out.residentName} is back.`,
    );
  };
  return (
    <li id={`out-${props.out.id}`} class="card out-card" classList={{ 'out-overdue': overdue() }}>
      <h3>
        <A href={`/residents/${props.out.residentId}#check-ins`}>{props.out.residentName}</A>
      </h3>
      <Show when={overdue()}>
        <p class="out-overdue-text">
          <Icon name="alert" />
          <span>Overdue by {formatMinutes(props.out.overdueMinutes)}</span>
        </p>
      </Show>
      <p>
        {props.out.kind === 'pass' ? 'On a pass' : 'Signed out'} to{' '}
        <strong>{props.out.destination}</strong> since {formatAt(props.out.since, props.timeZone)}.
        Back by <strong>{formatAt(props.out.expectedReturnAt, props.timeZone)}</strong>.
      </p>
      <Show
        when={props.out.kind === 'sign_out'}
        fallback={
          <p>
            <A href={`/houses/${props.houseId}/passes`}>Record the return on the passes page</A>
          </p>
        }
      >
        <ActionButton
          class={overdue() ? 'button button-danger' : 'button'}
          busyLabel="Saving…"
          onRun={back}
        >
          {props.out.residentName} is back
        </ActionButton>
      </Show>
    </li>
  );
}

function AttentionSection(props: { houseId: string; timeZone: string }) {
  const list = useQuery(() => attentionQueries.list(props.houseId));
  return (
    <section id="attention" class="stack" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      <p class="muted">
        Most urgent first. These are for a conversation; nothing happens to anyone automatically.
      </p>
      <Switch fallback={<Loading label="Loading who needs attention…" />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          {(data) => <AttentionFlags list={data()} houseId={props.houseId} />}
        </Match>
      </Switch>
    </section>
  );
}

function DaySection(props: { board: CheckInBoard; onDate: (date: string) => void }) {
  const tz = () => props.board.house.timezone;
  return (
    <section class="stack" aria-labelledby="board-day-heading">
      <h2 id="board-day-heading">
        {props.board.date === props.board.today ? 'Today' : longDay(props.board.date)}
      </h2>
      <form
        class="board-day"
        aria-label="Show another day"
        onSubmit={(e) => {
          e.preventDefault();
          const value = text(new FormData(e.currentTarget), 'date');
          if (value) props.onDate(value);
        }}
      >
        <div class="field">
          <div class="field-label">
            <label for="board-date">Day</label>
          </div>
          <input
            id="board-date"
            name="date"
            type="date"
            max={props.board.today}
            value={props.board.date}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (value && value <= props.board.today) props.onDate(value);
            }}
          />
        </div>
        <Show when={props.board.date !== props.board.today}>
          <button type="button" class="button" onClick={() => props.onDate(props.board.today)}>
            Back to today
          </button>
        </Show>
      </form>
      <div class="board-counts">
        <CountSummary
          title={`Daily check-in, due by ${formatTime(props.board.dailyDueAt, tz())}`}
          counts={props.board.counts.daily}
        />
        <CountSummary title="Curfew check-in (I'm home)" counts={props.board.counts.curfew} />
      </div>
      <Show
        when={props.board.residents.length > 0}
        fallback={<p class="empty">Nobody lived in the house on this day.</p>}
      >
        <ul class="board-rows" aria-label="Residents">
          <For each={props.board.residents}>{(row) => <BoardRow row={row} timeZone={tz()} />}</For>
        </ul>
      </Show>
    </section>
  );
}

/** Counts as words, with a bar of the same numbers for a glance. */
function CountSummary(props: { title: string; counts: Record<RequirementStatus, number> }) {
  const shown = () => REQUIREMENT_ORDER.filter((s) => props.counts[s] > 0);
  const total = () => {
    let sum = 0;
    for (const status of shown()) sum += props.counts[status];
    return sum;
  };
  return (
    <div class="card board-count">
      <h3>{props.title}</h3>
      <Show when={total() > 0}>
        <div class="stacked-bar" aria-hidden="true">
          <For each={shown()}>
            {(status) => (
              <span
                class={`bar-${status}`}
                style={{ width: `${(100 * props.counts[status]) / total()}%` }}
              />
            )}
          </For>
        </div>
      </Show>
      <ul class="count-list">
        <For each={shown()}>
          {(status) => (
            <li title={REQUIREMENT_MEANING[status]}>
              <strong>{props.counts[status]}</strong> {REQUIREMENT_COUNT_WORDS[status]}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

function BoardRow(props: { row: BoardResident; timeZone: string }) {
  const daily = () => props.row.daily;
  const curfew = () => props.row.curfew;
  return (
    <li class="board-row">
      <div class="board-who">
        <A href={`/residents/${props.row.residentId}#check-ins`}>{props.row.name}</A>
        <Show when={props.row.phaseName}>{(phase) => <span class="muted">{phase()}</span>}</Show>
        <Show when={props.row.out}>
          {(out) => (
            <span class="board-out-note" classList={{ 'is-overdue': out().overdueMinutes > 0 }}>
              <Icon name={out().overdueMinutes > 0 ? 'alert' : 'away'} />
              {out().overdueMinutes > 0
                ? `Overdue by ${formatMinutes(out().overdueMinutes)}`
                : `Out: ${out().destination}`}
            </span>
          )}
        </Show>
      </div>
      <dl class="board-checks">
        <div>
          <dt>Daily</dt>
          <dd>
            <StatusChip status={daily().status} />
            <Show when={daily().entry}>
              {(entry) => (
                <>
                  <span>{formatTime(entry().recordedAt, props.timeZone)}</span>
                  <span class="muted">{moodAndCraving(entry())}</span>
                  <Show when={entry().corrected}>
                    <span class="badge check-in-corrected">Corrected</span>
                  </Show>
                </>
              )}
            </Show>
          </dd>
        </div>
        <div>
          <dt>Curfew</dt>
          <dd>
            <StatusChip status={curfew().status} />
            <Switch>
              <Match when={curfew().entry}>
                {(entry) => <span>Home at {formatTime(entry().recordedAt, props.timeZone)}</span>}
              </Match>
              <Match when={curfew().status === 'due' && curfew().curfewAt}>
                {(at) => <span class="muted">Curfew {formatTime(at(), props.timeZone)}</span>}
              </Match>
            </Switch>
          </dd>
        </div>
      </dl>
    </li>
  );
}

function PolicySection(props: { board: CheckInBoard; onDone: Done }) {
  const policy = () => props.board.policy;
  return (
    <section class="stack" aria-labelledby="board-policy-heading">
      <h2 id="board-policy-heading">When check-ins are due</h2>
      <p>
        The daily check-in is due by <strong>{formatWallTime(policy().dailyCheckInBy)}</strong>.
        “I'm home” opens {plural(policy().curfewWindowBefore, 'minute', 'minutes')} before curfew
        and is on time until {plural(policy().curfewGrace, 'minute', 'minutes')} after it. Curfews
        and which check-ins each resident owes come from their phase.
      </p>
      <Disclosure label="Change when check-ins are due">
        {(close) => (
          <PolicyForm
            board={props.board}
            onDone={(message) => {
              close();
              props.onDone(message);
            }}
          />
        )}
      </Disclosure>
    </section>
  );
}

function PolicyForm(props: { board: CheckInBoard; onDone: Done }) {
  const minutes = (value: string) => (value.trim() === '' ? value : Number(value));
  const form = createForm({
    read: (data) =>
      validate(checkInPolicyInput, {
        houseId: props.board.house.id,
        dailyCheckInBy: text(data, 'dailyCheckInBy'),
        curfewWindowBefore: minutes(text(data, 'curfewWindowBefore')),
        curfewGrace: minutes(text(data, 'curfewGrace')),
      }),
    submit: async (value) => {
      await updateCheckInPolicy(value);
      props.onDone('The check-in times are saved.');
    },
  });
  return (
    <Form form={form} class="stack" aria-label="When check-ins are due">
      <TextField
        name="dailyCheckInBy"
        label="Daily check-in due by"
        type="time"
        value={props.board.policy.dailyCheckInBy}
        class="check-in-short-input"
      />
      <TextField
        name="curfewWindowBefore"
        label="“I'm home” opens, minutes before curfew"
        type="number"
        inputmode="numeric"
        min="0"
        max="240"
        value={String(props.board.policy.curfewWindowBefore)}
        class="check-in-short-input"
      />
      <TextField
        name="curfewGrace"
        label="Minutes after curfew still on time"
        type="number"
        inputmode="numeric"
        min="0"
        max="120"
        value={String(props.board.policy.curfewGrace)}
        class="check-in-short-input"
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save check-in times</SubmitButton>
    </Form>
  );
}
