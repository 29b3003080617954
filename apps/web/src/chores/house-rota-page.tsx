// Staff: a house's chore rota for a period. Generate one (each chore given
// fairly, with why), adjust it by picking a resident or by dragging a chore to
// another resident's day, publish it; then check chores marked done, approve
// swaps, hand chores on, and see each resident's effort against their share.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { generateRotaInput, verifyChoreInput } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, type JSX, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { plural } from '../lib/dates';
import { problemOf, problemSentence } from '../lib/errors';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { formatAt, possessive } from '../passes/format';
import {
  assignOccurrence,
  choreQueries,
  decideSwap,
  generateRota,
  type OpenSwap,
  publishRota,
  type RotaOccurrence,
  type RotaView,
  verifyChore,
} from './data';
import { ChoreStatus, dayLabel, Effort, periodLabel } from './status';
import './chores.css';

type Done = (message: string) => void;

export default function HouseRotaPage() {
  const params = useParams<{ houseId: string }>();
  const [search, setSearch] = useSearchParams<{ date?: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const rota = useQuery(() => choreQueries.rotaOn(params.houseId, search.date || undefined));
  const [message, setMessage] = createSignal('');
  const goTo = (date: string | undefined) => setSearch({ date });
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title="Chores">Chores</PageHeading>
        <p class="lede">
          The rota gives each chore to someone in the house that day, evening out the effort over
          time. Residents see a rota once it is published.
        </p>
        <ul class="link-grid">
          <li>
            <A href={`/houses/${params.houseId}/chores/list`} class="button">
              Chore list
            </A>
          </li>
          <li>
            <A href={`/houses/${params.houseId}/chores/report`} class="button">
              How chores have gone
            </A>
          </li>
          <li>
            <A
              href={`/houses/${params.houseId}/chores/print${search.date ? `?date=${search.date}` : ''}`}
              class="button"
            >
              Print the rota
            </A>
          </li>
        </ul>
      </div>
      <p class="status-note" role="status">
        {message()}
      </p>
      <Switch fallback={<Loading label="Loading the rota…" />}>
        <Match when={rota.isError && !rota.data}>
          <LoadError error={rota.error} retry={() => void rota.refetch()} />
        </Match>
        <Match when={rota.data}>
          {(data) => (
            <>
              <PeriodNav date={data().date} today={data().today} view={data().rota} onGo={goTo} />
              <Show
                when={data().rota}
                fallback={
                  <NoRota
                    houseId={params.houseId}
                    date={data().date}
                    today={data().today}
                    nextStart={data().nextStart}
                    onMade={(start, said) => {
                      setMessage(said);
                      goTo(start);
                    }}
                  />
                }
              >
                {(view) => <RotaSections view={view()} onDone={setMessage} />}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function PeriodNav(props: {
  date: string;
  today: string;
  view: RotaView | null;
  onGo: (date: string | undefined) => void;
}) {
  const start = () => props.view?.period.startDate ?? props.date;
  const end = () => props.view?.period.endDate ?? props.date;
  return (
    <nav class="rota-nav" aria-label="Rota periods">
      <button type="button" class="button" onClick={() => props.onGo(addDays(start(), -1))}>
        Earlier<span class="visually-hidden"> rota</span>
      </button>
      <p class="rota-period" aria-live="polite">
        <Show when={props.view} fallback={<>{dayLabel(props.date)}: no rota</>}>
          {(v) => (
            <>
              {periodLabel(v().period.startDate, v().period.endDate)} ·{' '}
              {v().period.status === 'draft' ? 'Draft' : 'Published'}
            </>
          )}
        </Show>
      </p>
      <button type="button" class="button" onClick={() => props.onGo(addDays(end(), 1))}>
        Later<span class="visually-hidden"> rota</span>
      </button>
      <Show when={props.date !== props.today}>
        <button type="button" class="button" onClick={() => props.onGo(undefined)}>
          This week
        </button>
      </Show>
    </nav>
  );
}

function NoRota(props: {
  houseId: string;
  date: string;
  today: string;
  nextStart: string;
  onMade: (start: string, message: string) => void;
}) {
  const suggested = () =>
    props.date >= props.today && props.date !== props.today ? props.date : props.nextStart;
  const form = createForm({
    read: (data) =>
      validate(generateRotaInput, { houseId: props.houseId, start: text(data, 'start') }),
    submit: async (value) => {
      const made = await generateRota(value);
      const nobody = made.occurrences.filter((o) => o.residentId === null).length;
      props.onMade(
        value.start,
        `A draft rota for ${periodLabel(made.period.startDate, made.period.endDate)} is ready${
          nobody > 0 ? `; ${plural(nobody, 'chore has', 'chores have')} nobody yet` : ''
        }. Check it, then publish it.`,
      );
    },
  });
  return (
    <section class="card stack" aria-labelledby="generate-heading">
      <h2 id="generate-heading">No rota for {dayLabel(props.date)}</h2>
      <Show
        when={props.date >= props.today || props.nextStart <= props.date}
        fallback={<p>No rota was published for that day.</p>}
      >
        <p>
          Generate a draft: every chore goes to someone in the house that day, skipping anyone away
          on a pass or excused, and balancing effort against earlier rotas.
        </p>
        <Form form={form} class="stack" aria-label="Generate a rota">
          <TextField
            name="start"
            label="First day of the rota"
            type="date"
            min={props.today}
            value={suggested()}
            class="check-in-short-input"
          />
          <FormAlert />
          <SubmitButton busyLabel="Planning…">Generate the rota</SubmitButton>
        </Form>
      </Show>
    </section>
  );
}

function RotaSections(props: { view: RotaView; onDone: Done }) {
  const [view, setView] = createSignal<'days' | 'residents'>('days');
  const draft = () => props.view.period.status === 'draft';
  const waiting = () =>
    props.view.occurrences.filter(
      (o) => o.status === 'done' && o.needsVerification && o.checkResult === null,
    );
  const missed = () => props.view.occurrences.filter((o) => o.status === 'missed');
  return (
    <>
      <Show when={draft()}>
        <DraftBar view={props.view} onDone={props.onDone} />
      </Show>
      <Show when={!draft()}>
        <section class="stack" aria-labelledby="checks-heading">
          <h2 id="checks-heading">Waiting for a check</h2>
          <Show
            when={waiting().length > 0}
            fallback={<p class="empty">No chore is waiting for a check.</p>}
          >
            <ul class="chore-cards">
              <For each={waiting()}>
                {(o) => <CheckCard occurrence={o} view={props.view} onDone={props.onDone} />}
              </For>
            </ul>
          </Show>
        </section>
        <SwapsSection swaps={props.view.swaps} onDone={props.onDone} />
      </Show>
      <section class="stack" aria-labelledby="rota-heading">
        <div class="occurrence-head">
          <h2 id="rota-heading">Who does what</h2>
          <div class="view-switch" role="group" aria-label="Show the rota">
            <button
              type="button"
              class="button"
              aria-pressed={view() === 'days' ? 'true' : 'false'}
              onClick={() => setView('days')}
            >
              By day
            </button>
            <button
              type="button"
              class="button"
              aria-pressed={view() === 'residents' ? 'true' : 'false'}
              onClick={() => setView('residents')}
            >
              By resident
            </button>
          </div>
        </div>
        <Show when={missed().length > 0}>
          <p>
            <strong>{plural(missed().length, 'chore was', 'chores were')} missed</strong> in this
            rota. A missed chore can be recorded as a violation from its row.
          </p>
        </Show>
        <Show
          when={view() === 'days'}
          fallback={<RotaGrid view={props.view} onDone={props.onDone} />}
        >
          <RotaByDay view={props.view} onDone={props.onDone} />
        </Show>
      </section>
      <LoadsSection view={props.view} />
    </>
  );
}

function DraftBar(props: { view: RotaView; onDone: Done }) {
  const nobody = () => props.view.occurrences.filter((o) => o.residentId === null).length;
  const publish = async () => {
    await publishRota({ rotaId: props.view.period.id });
    props.onDone(
      `Published: residents now see the rota for ${periodLabel(props.view.period.startDate, props.view.period.endDate)}.`,
    );
  };
  const again = async () => {
    await generateRota({ houseId: props.view.house.id, start: props.view.period.startDate });
    props.onDone('Planned again. The chores you chose by hand stayed where you put them.');
  };
  return (
    <section class="alert alert-info stack" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft: residents do not see it yet</h2>
      <p>
        Change who does a chore by picking a resident, or drag it in the “By resident” view. What
        you choose by hand stays when you plan again.
      </p>
      <Show when={nobody() > 0}>
        <p>
          <strong>{plural(nobody(), 'chore has', 'chores have')} nobody yet</strong>: give{' '}
          {nobody() === 1 ? 'it' : 'them'} to someone before publishing.
        </p>
      </Show>
      <div class="action-list">
        <ActionButton class="button button-primary" busyLabel="Publishing…" onRun={publish}>
          Publish the rota
        </ActionButton>
        <ActionButton busyLabel="Planning…" onRun={again}>
          Plan it again
        </ActionButton>
      </div>
    </section>
  );
}

function choreName(view: RotaView, choreId: string) {
  return view.chores.find((c) => c.id === choreId)?.name ?? 'Chore';
}

function CheckCard(props: { occurrence: RotaOccurrence; view: RotaView; onDone: Done }) {
  const o = () => props.occurrence;
  const name = () => choreName(props.view, o().choreId);
  const who = () => o().residentName ?? 'Someone';
  const check = async () => {
    await verifyChore({ occurrenceId: o().id, verdict: 'verified' });
    props.onDone(`Checked: ${possessive(who())} ${name()} is done.`);
  };
  return (
    <li class="card chore-card">
      <h3>
        {who()}: {name()}
      </h3>
      <p>
        {dayLabel(o().date)} · done {formatAt(o().doneAt, props.view.house.timezone)}
      </p>
      <Show when={o().doneNote}>
        {(note) => (
          <p>
            Their note: <q>{note()}</q>
          </p>
        )}
      </Show>
      <div class="action-list">
        <ActionButton
          class="button button-primary"
          busyLabel="Saving…"
          onRun={check}
          label={`Checked: ${possessive(who())} ${name()}`}
        >
          Checked
        </ActionButton>
        <Disclosure label={`Send back ${possessive(who())} ${name()}`}>
          {(close) => (
            <SendBackForm
              occurrenceId={o().id}
              onDone={() => {
                close();
                props.onDone(`Sent back to ${who()}, with what is left to do.`);
              }}
            />
          )}
        </Disclosure>
      </div>
    </li>
  );
}

function SendBackForm(props: { occurrenceId: string; onDone: () => void }) {
  const form = createForm({
    read: (data) =>
      validate(verifyChoreInput, {
        occurrenceId: props.occurrenceId,
        verdict: 'rejected',
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await verifyChore(value);
      props.onDone();
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Send the chore back">
      <TextField name="reason" label="What is left to do" autocomplete="off" />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Send it back</SubmitButton>
    </Form>
  );
}

function SwapsSection(props: { swaps: readonly OpenSwap[]; onDone: Done }) {
  return (
    <Show when={props.swaps.length > 0}>
      <section class="stack" aria-labelledby="swaps-heading">
        <h2 id="swaps-heading">Swaps</h2>
        <ul class="chore-cards">
          <For each={props.swaps}>{(swap) => <SwapCard swap={swap} onDone={props.onDone} />}</For>
        </ul>
      </section>
    </Show>
  );
}

function SwapCard(props: { swap: OpenSwap; onDone: Done }) {
  const s = () => props.swap;
  const approve = async () => {
    await decideSwap({ swapId: s().id, decision: 'approve' });
    props.onDone('Swapped: the rota now shows the change for both.');
  };
  const what = () =>
    s().theirOccurrence
      ? `${s().requesterName} takes ${s().theirOccurrence?.choreName ?? ''} (${dayLabel(
          s().theirOccurrence?.date ?? '',
        )}); ${s().counterpartName} takes ${s().occurrence.choreName} (${dayLabel(s().occurrence.date)}).`
      : `${s().counterpartName} covers ${possessive(s().requesterName)} ${s().occurrence.choreName} (${dayLabel(s().occurrence.date)}).`;
  return (
    <li class="card chore-card">
      <h3>
        {s().requesterName} and {s().counterpartName}
      </h3>
      <p>{what()}</p>
      <Show when={s().note}>{(note) => <p class="muted">“{note()}”</p>}</Show>
      <Switch>
        <Match when={s().status === 'requested'}>
          <p class="muted">Waiting for {s().counterpartName} to answer.</p>
        </Match>
        <Match when={s().status === 'accepted'}>
          <p>Both agree. It goes through when you approve it.</p>
          <div class="action-list">
            <ActionButton class="button button-primary" busyLabel="Saving…" onRun={approve}>
              Approve the swap
              <span class="visually-hidden">
                {' '}
                of {s().requesterName} and {s().counterpartName}
              </span>
            </ActionButton>
            <Disclosure label="Turn it down">
              {(close) => (
                <RejectSwapForm
                  swapId={s().id}
                  onDone={() => {
                    close();
                    props.onDone('The swap was turned down; both residents see why.');
                  }}
                />
              )}
            </Disclosure>
          </div>
        </Match>
      </Switch>
    </li>
  );
}

function RejectSwapForm(props: { swapId: string; onDone: () => void }) {
  const form = createForm({
    read: (data) => {
      const reason = text(data, 'reason').trim();
      return reason === ''
        ? { ok: false as const, errors: { reason: 'is required when a swap is turned down.' } }
        : { ok: true as const, data: reason };
    },
    submit: async (reason) => {
      await decideSwap({ swapId: props.swapId, decision: 'reject', reason });
      props.onDone();
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Turn down the swap">
      <TextField name="reason" label="Why" autocomplete="off" />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Turn down the swap</SubmitButton>
    </Form>
  );
}

/** Who may be picked for an occurrence: a draft's can be anyone or nobody; a published one is handed on. */
function canChange(view: RotaView, o: RotaOccurrence) {
  if (view.period.status === 'draft') return true;
  return o.date >= view.today && o.doneAt === null;
}

function RotaByDay(props: { view: RotaView; onDone: Done }) {
  return (
    <ol class="rota-days">
      <For each={props.view.dates}>
        {(date) => {
          const items = () => props.view.occurrences.filter((o) => o.date === date);
          return (
            <li class="rota-day stack" classList={{ 'is-today': date === props.view.today }}>
              <h3>{dayLabel(date)}</h3>
              <Show when={items().length > 0} fallback={<p class="empty">No chores.</p>}>
                <ul class="occurrences">
                  <For each={items()}>
                    {(o) => (
                      <OccurrenceRow occurrence={o} view={props.view} onDone={props.onDone} />
                    )}
                  </For>
                </ul>
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}

function OccurrenceRow(props: { occurrence: RotaOccurrence; view: RotaView; onDone: Done }) {
  const o = () => props.occurrence;
  const name = () => choreName(props.view, o().choreId);
  const [error, setError] = createSignal<string | null>(null);
  const pick = async (residentId: string) => {
    setError(null);
    try {
      await assignOccurrence({
        occurrenceId: o().id,
        residentId: residentId === '' ? null : residentId,
        pin: props.view.period.status === 'draft',
      });
      const to = props.view.residents.find((r) => r.residentId === residentId)?.name ?? 'nobody';
      props.onDone(`${name()} on ${dayLabel(o().date)} now goes to ${to}.`);
    } catch (e) {
      setError(problemSentence(problemOf(e)));
    }
  };
  return (
    <li class="occurrence">
      <div class="occurrence-head">
        <span class="occurrence-name">{name()}</span>
        <Effort effort={o().effort} />
        <Show when={o().status}>
          {(status) => <ChoreStatus status={status()} needsVerification={o().needsVerification} />}
        </Show>
      </div>
      <div class="occurrence-line">
        <Show
          when={canChange(props.view, o())}
          fallback={<span>{o().residentName ?? 'Nobody'}</span>}
        >
          <label class="visually-hidden" for={`assign-${o().id}`}>
            Who does {name()} on {dayLabel(o().date)}
          </label>
          <select
            id={`assign-${o().id}`}
            value={o().residentId ?? ''}
            onChange={(e) => void pick(e.currentTarget.value)}
          >
            <Show when={props.view.period.status === 'draft'}>
              <option value="">Nobody yet</option>
            </Show>
            <Show
              when={
                o().residentId && !props.view.residents.some((r) => r.residentId === o().residentId)
              }
            >
              <option value={o().residentId ?? ''}>{o().residentName}</option>
            </Show>
            <For each={props.view.residents}>
              {(r) => <option value={r.residentId}>{r.name}</option>}
            </For>
          </select>
        </Show>
        <Show when={o().pinned}>
          <span class="badge">Chosen by hand</span>
        </Show>
        <Show when={o().status === 'missed' && o().residentId}>
          <A href={`/houses/${props.view.house.id}/violations?residentId=${o().residentId ?? ''}`}>
            Record a violation
            <span class="visually-hidden">
              {' '}
              for {possessive(o().residentName ?? '')} missed {name()}
            </span>
          </A>
        </Show>
      </div>
      <Show when={o().status === 'rejected' && o().checkReason}>
        {(reason) => <p class="muted">Sent back: {reason()}</p>}
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={props.view.period.status === 'published'}>
        <LazyDetails summary="What happened" detail={`to ${name()} on ${dayLabel(o().date)}`}>
          <OccurrenceHistory occurrenceId={o().id} timeZone={props.view.house.timezone} />
        </LazyDetails>
      </Show>
      <Show when={o().reasons.length > 0}>
        <details>
          <summary>
            Why {o().residentName ?? 'nobody'}
            <span class="visually-hidden">
              {' '}
              for {name()} on {dayLabel(o().date)}
            </span>
          </summary>
          <ul class="occurrence-reasons">
            <For each={o().reasons}>{(reason) => <li>{reason}</li>}</For>
          </ul>
        </details>
      </Show>
    </li>
  );
}

/** A <details> whose content is only built (and its data loaded) once it is opened. */
function LazyDetails(props: { summary: string; detail: string; children: JSX.Element }) {
  const [opened, setOpened] = createSignal(false);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        {props.summary}
        <span class="visually-hidden"> {props.detail}</span>
      </summary>
      <Show when={opened()}>{props.children}</Show>
    </details>
  );
}

const EVENT_WORDS: Record<string, string> = {
  assigned: 'Given',
  done: 'Marked done',
  verified: 'Checked',
  rejected: 'Sent back',
  swapped: 'Swapped',
  reassigned: 'Handed on',
};

/** Everything that happened to a published occurrence, oldest first. */
function OccurrenceHistory(props: { occurrenceId: string; timeZone: string }) {
  const history = useQuery(() => choreQueries.history(props.occurrenceId));
  return (
    <Switch fallback={<Loading label="Loading what happened…" />}>
      <Match when={history.isError && !history.data}>
        <LoadError error={history.error} retry={() => void history.refetch()} />
      </Match>
      <Match when={history.data}>
        {(events) => (
          <Show when={events().length > 0} fallback={<p class="muted">Nothing yet.</p>}>
            <ol class="occurrence-reasons">
              <For each={events()}>
                {(e) => (
                  <li>
                    {EVENT_WORDS[e.kind] ?? e.kind}, {formatAt(e.at, props.timeZone)}
                    <Show when={e.kind === 'swapped' || e.kind === 'reassigned'}>
                      : {e.from ?? 'nobody'} to {e.to ?? 'nobody'}
                    </Show>
                    <Show when={e.by}>{(by) => <> (by {by()})</>}</Show>
                    <Show when={e.note && !e.note.startsWith('Swap ')}>
                      {' '}
                      <q>{e.note}</q>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Match>
    </Switch>
  );
}

/** Residents down, days across. On a pointer device a chore is dragged to another resident's day. */
function RotaGrid(props: { view: RotaView; onDone: Done }) {
  const [over, setOver] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const people = () => {
    const ids = new Map<string, string>();
    for (const r of props.view.residents) ids.set(r.residentId, r.name);
    for (const o of props.view.occurrences)
      if (o.residentId && !ids.has(o.residentId)) ids.set(o.residentId, o.residentName ?? '');
    return [...ids.entries()].map(([residentId, name]) => ({ residentId, name }));
  };
  const drop = async (occurrenceId: string, residentId: string, date: string) => {
    const o = props.view.occurrences.find((x) => x.id === occurrenceId);
    if (!o || o.date !== date || o.residentId === residentId || !canChange(props.view, o)) return;
    setError(null);
    try {
      await assignOccurrence({
        occurrenceId,
        residentId,
        pin: props.view.period.status === 'draft',
      });
      const to = people().find((p) => p.residentId === residentId)?.name ?? '';
      props.onDone(`${choreName(props.view, o.choreId)} on ${dayLabel(date)} now goes to ${to}.`);
    } catch (e) {
      setError(problemSentence(problemOf(e)));
    }
  };
  const cell = (residentId: string, date: string): JSX.Element => {
    const key = `${residentId}|${date}`;
    const items = () =>
      props.view.occurrences.filter((o) => o.residentId === residentId && o.date === date);
    return (
      <td
        classList={{ 'is-drop-target': over() === key }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(key);
        }}
        onDragLeave={() => setOver(null)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(null);
          const id = e.dataTransfer?.getData('text/plain') ?? '';
          if (id) void drop(id, residentId, date);
        }}
      >
        <For each={items()}>
          {(o) => (
            <span
              class="rota-chip"
              classList={{
                'is-missed': o.status === 'missed',
                'is-done': o.status === 'done' || o.status === 'verified',
              }}
              draggable={canChange(props.view, o) ? 'true' : 'false'}
              onDragStart={(e) => e.dataTransfer?.setData('text/plain', o.id)}
            >
              {choreName(props.view, o.choreId)}
            </span>
          )}
        </For>
      </td>
    );
  };
  return (
    <div class="stack">
      <p class="muted">
        Drag a chore to another resident on the same day to give it to them. On a phone, or with a
        keyboard, pick the resident in the “By day” view.
      </p>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="rota-grid-wrap" tabindex="0" role="region" aria-label="The rota by resident">
        <table class="rota-grid">
          <caption class="visually-hidden">
            Chores by resident and day,{' '}
            {periodLabel(props.view.period.startDate, props.view.period.endDate)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Resident</th>
              <For each={props.view.dates}>{(d) => <th scope="col">{dayLabel(d)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={people()}>
              {(p) => (
                <tr>
                  <th scope="row">{p.name}</th>
                  <For each={props.view.dates}>{(d) => cell(p.residentId, d)}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Effort given in this rota against each resident's fair share, with the balance carried in and out. */
function LoadsSection(props: { view: RotaView }) {
  const most = () => Math.max(1, ...props.view.loads.map((l) => Math.max(l.assigned, l.share)));
  const sorted = () => [...props.view.loads].sort((a, b) => a.name.localeCompare(b.name));
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <Show when={props.view.loads.length > 0}>
      <section class="stack" aria-labelledby="loads-heading">
        <h2 id="loads-heading">Effort in this rota</h2>
        <p class="muted">
          Each bar is the effort a resident is given; the line is their fair share for the days they
          are in the house. The balance carries earlier rotas: above zero, they have done more than
          their share, so the rotation gives them less.
        </p>
        <ul class="load-list">
          <For each={sorted()}>
            {(l) => (
              <li>
                <p>
                  <strong>{l.name}</strong>: {l.assigned} points (share {l.share}) · balance{' '}
                  {signed(l.before)} → {signed(l.after)}
                </p>
                <div class="load-bar" aria-hidden="true">
                  <span style={{ width: `${(100 * l.assigned) / most()}%` }} />
                  <i style={{ left: `${(100 * l.share) / most()}%` }} />
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
