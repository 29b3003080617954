// A resident's own chores: today's and the coming days', asking a housemate to
// swap and answering their asks, last week's and how chores have gone, the
// whole house's rota, and a private calendar address for their phone.
import { A } from '@solidjs/router';
import { swapRequestInput } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { plural } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import {
  answerSwap,
  cancelSwap,
  choreQueries,
  createCalendarFeed,
  type MyChores,
  type MyOccurrence,
  type MySwap,
  requestSwap,
  revokeCalendarFeed,
} from './data';
import { MyChoreCard } from './my-chore-card';
import { ChoreStatus, dayLabel, relativeDay } from './status';
import './chores.css';

type Say = (message: string) => void;

export default function MyChoresPage() {
  const mine = useQuery(choreQueries.mine);
  const [said, setSaid] = createSignal('');
  let status: HTMLParagraphElement | undefined;
  // a button that did its work is gone: the news takes the focus
  const say: Say = (message) => {
    setSaid(message);
    status?.focus();
  };
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="My chores">My chores</PageHeading>
        <p class="status-note" role="status" tabindex="-1" ref={status}>
          {said()}
        </p>
      </div>
      <Switch fallback={<Loading label="Loading your chores…" />}>
        <Match when={mine.isError && !mine.data}>
          <LoadError error={mine.error} retry={() => void mine.refetch()} />
        </Match>
        <Match when={mine.data && !mine.data.livingIn}>
          <p class="alert alert-info">Chores are for residents living in a house.</p>
        </Match>
        <Match when={mine.data && mine.data.livingIn ? mine.data : null}>
          {(m) => <Chores mine={m()} say={say} />}
        </Match>
      </Switch>
    </div>
  );
}

function Chores(props: { mine: MyChores; say: Say }) {
  const today = () => props.mine.today;
  const todays = () => props.mine.occurrences.filter((o) => o.date === today());
  const coming = () => props.mine.occurrences.filter((o) => o.date > today());
  const past = () => props.mine.occurrences.filter((o) => o.date < today()).reverse();
  return (
    <>
      <p class="lede">
        {props.mine.house.name}. Tap Done when you finish a chore; some are checked by your house
        manager.
      </p>
      <section class="stack" aria-labelledby="my-today-heading">
        <h2 id="my-today-heading">Today</h2>
        <Show when={todays().length > 0} fallback={<p class="empty">No chores today.</p>}>
          <ul class="chore-cards">
            <For each={todays()}>
              {(o) => (
                <MyChoreCard
                  occurrence={o}
                  today={today()}
                  timeZone={props.mine.house.timezone}
                  onDone={props.say}
                >
                  <SwapAsk occurrence={o} mine={props.mine} say={props.say} />
                </MyChoreCard>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <SwapsSection mine={props.mine} say={props.say} />
      <section class="stack" aria-labelledby="my-coming-heading">
        <h2 id="my-coming-heading">Coming up</h2>
        <Show
          when={coming().length > 0}
          fallback={<p class="empty">Nothing on the published rota yet.</p>}
        >
          <ul class="chore-cards">
            <For each={coming()}>
              {(o) => (
                <MyChoreCard
                  occurrence={o}
                  today={today()}
                  timeZone={props.mine.house.timezone}
                  onDone={props.say}
                >
                  <SwapAsk occurrence={o} mine={props.mine} say={props.say} />
                </MyChoreCard>
              )}
            </For>
          </ul>
        </Show>
        <p>
          <A href={`/houses/${props.mine.house.id}/chores/print`}>The whole house’s rota</A>
        </p>
      </section>
      <section class="stack" aria-labelledby="my-past-heading">
        <h2 id="my-past-heading">Last week</h2>
        <Show when={past().length > 0} fallback={<p class="empty">No chores last week.</p>}>
          <ul class="occurrences">
            <For each={past()}>
              {(o) => (
                <li class="occurrence">
                  <div class="occurrence-head">
                    <span class="occurrence-name">{o.choreName}</span>
                    <span class="muted">{dayLabel(o.date)}</span>
                    <ChoreStatus status={o.status} needsVerification={o.needsVerification} />
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <CompletionLine mine={props.mine} />
      </section>
      <CalendarSection say={props.say} />
    </>
  );
}

function CompletionLine(props: { mine: MyChores }) {
  const line = (c: MyChores['completion']['weeks4']) =>
    c.rate === null
      ? 'nothing was due'
      : `${Math.round(c.rate * 100)}% done (${c.done} of ${plural(c.assigned, 'chore', 'chores')})`;
  return (
    <p>
      Last 4 weeks: {line(props.mine.completion.weeks4)}. Last 12 weeks:{' '}
      {line(props.mine.completion.weeks12)}.
    </p>
  );
}

/** Asks a housemate to take this chore: as a favour, or for one of theirs. */
function SwapAsk(props: { occurrence: MyOccurrence; mine: MyChores; say: Say }) {
  return (
    <Switch>
      <Match when={props.occurrence.inOpenSwap}>
        <p class="muted">A swap of this chore is waiting for an answer.</p>
      </Match>
      <Match when={props.occurrence.canSwap && props.mine.housemates.length > 0}>
        <Disclosure label={`Ask to swap ${props.occurrence.choreName}`}>
          {(close) => (
            <SwapForm
              occurrence={props.occurrence}
              mine={props.mine}
              onDone={(message) => {
                close();
                props.say(message);
              }}
            />
          )}
        </Disclosure>
      </Match>
    </Switch>
  );
}

function SwapForm(props: { occurrence: MyOccurrence; mine: MyChores; onDone: Say }) {
  const [withId, setWithId] = createSignal('');
  // their chores on the published rota, to take one in exchange
  const rota = useQuery(() => choreQueries.rotaOn(props.mine.house.id, props.occurrence.date));
  const theirs = () =>
    (rota.data?.rota?.occurrences ?? []).filter(
      (o) => o.residentId === withId() && o.date >= props.mine.today,
    );
  const choreName = (choreId: string) =>
    rota.data?.rota?.chores.find((c) => c.id === choreId)?.name ?? 'Chore';
  const nameOf = (residentId: string) =>
    props.mine.housemates.find((h) => h.residentId === residentId)?.name ?? '';
  const form = createForm({
    read: (data) => {
      const their = text(data, 'theirOccurrenceId');
      return validate(swapRequestInput, {
        occurrenceId: props.occurrence.id,
        withResidentId: text(data, 'withResidentId'),
        ...(their ? { theirOccurrenceId: their } : {}),
        note: text(data, 'note'),
      });
    },
    submit: async (value) => {
      await requestSwap(value);
      props.onDone(
        `Asked ${nameOf(value.withResidentId)} to swap ${props.occurrence.choreName}. You will see the answer here.`,
      );
    },
  });
  return (
    <Form form={form} class="stack" aria-label={`Ask to swap ${props.occurrence.choreName}`}>
      <SelectField
        name="withResidentId"
        label="Who do you ask?"
        value=""
        choices={[
          { value: '', label: 'Choose a housemate' },
          ...props.mine.housemates.map((h) => ({ value: h.residentId, label: h.name })),
        ]}
        onChange={(e) => setWithId(e.currentTarget.value)}
      />
      <Show when={withId() !== ''}>
        <SelectField
          name="theirOccurrenceId"
          label="In exchange"
          optional
          hint="Take one of their chores, or leave this so they cover yours as a favour."
          value=""
          choices={[
            { value: '', label: 'Nothing: they cover mine' },
            ...theirs().map((o) => ({
              value: o.id,
              label: `${choreName(o.choreId)}, ${relativeDay(o.date, props.mine.today)}`,
            })),
          ]}
        />
      </Show>
      <TextField name="note" label="Message" optional autocomplete="off" />
      <FormAlert />
      <SubmitButton busyLabel="Asking…">Ask them</SubmitButton>
    </Form>
  );
}

function swapWhat(s: MySwap, today: string): string {
  const mineFirst = s.asked;
  const theirPart = s.theirOccurrence
    ? `${s.theirOccurrence.choreName} (${relativeDay(s.theirOccurrence.date, today)})`
    : null;
  const askedPart = `${s.occurrence.choreName} (${relativeDay(s.occurrence.date, today)})`;
  if (mineFirst)
    return theirPart
      ? `You give ${s.otherName} your ${askedPart} and take their ${theirPart}.`
      : `${s.otherName} covers your ${askedPart}.`;
  return theirPart
    ? `You take ${s.otherName}’s ${askedPart}; they take your ${theirPart}.`
    : `You cover ${s.otherName}’s ${askedPart}.`;
}

const SWAP_WORDS: Record<MySwap['status'], string> = {
  requested: 'Waiting for an answer',
  accepted: 'Agreed: waiting for the house manager',
  approved: 'Swapped',
  declined: 'Declined',
  rejected: 'Turned down by the house manager',
  cancelled: 'Withdrawn',
};

function SwapsSection(props: { mine: MyChores; say: Say }) {
  return (
    <section id="swaps" class="stack" aria-labelledby="my-swaps-heading">
      <h2 id="my-swaps-heading">Swaps</h2>
      <Show
        when={props.mine.swaps.length > 0}
        fallback={
          <p class="empty">
            No swaps. To swap a chore, use “Ask to swap” on it.
            {props.mine.house.swapsNeedApproval
              ? ' Your house manager approves swaps once both agree.'
              : ''}
          </p>
        }
      >
        <ul class="chore-cards">
          <For each={props.mine.swaps}>
            {(s) => <SwapCard swap={s} today={props.mine.today} say={props.say} />}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function SwapCard(props: { swap: MySwap; today: string; say: Say }) {
  const s = () => props.swap;
  const accept = async () => {
    const result = await answerSwap({ swapId: s().id, answer: 'accept' });
    props.say(
      result.swapped
        ? 'Swapped. Your chores now show the change.'
        : 'You agreed. It goes through once your house manager approves it.',
    );
  };
  const decline = async () => {
    await answerSwap({ swapId: s().id, answer: 'decline' });
    props.say(`You declined. ${s().otherName} sees your answer.`);
  };
  const withdraw = async () => {
    await cancelSwap({ swapId: s().id });
    props.say('You withdrew the swap.');
  };
  return (
    <li class="card chore-card">
      <h3>{s().asked ? `You asked ${s().otherName}` : `${s().otherName} asks you`}</h3>
      <p>{swapWhat(s(), props.today)}</p>
      <Show when={s().note}>{(note) => <p class="muted">“{note()}”</p>}</Show>
      <p>
        <strong>{SWAP_WORDS[s().status]}</strong>
        <Show when={s().decisionReason}>{(why) => <>: {why()}</>}</Show>
      </p>
      <Show when={!s().asked && s().status === 'requested'}>
        <div class="action-list">
          <ActionButton class="button button-primary" busyLabel="Saving…" onRun={accept}>
            Accept<span class="visually-hidden"> the swap with {s().otherName}</span>
          </ActionButton>
          <ActionButton busyLabel="Saving…" onRun={decline}>
            Decline<span class="visually-hidden"> the swap with {s().otherName}</span>
          </ActionButton>
        </div>
      </Show>
      <Show when={s().asked && (s().status === 'requested' || s().status === 'accepted')}>
        <ActionButton busyLabel="Saving…" onRun={withdraw}>
          Withdraw<span class="visually-hidden"> the swap with {s().otherName}</span>
        </ActionButton>
      </Show>
    </li>
  );
}

/** The resident's private calendar address: shown once when made; a new one turns the old one off. */
function CalendarSection(props: { say: Say }) {
  const feed = useQuery(choreQueries.calendarFeed);
  const [address, setAddress] = createSignal<string | null>(null);
  const make = async () => {
    const made = await createCalendarFeed(undefined);
    setAddress(`${window.location.origin}${made.path}`);
    props.say('Your calendar address is ready: add it to your phone’s calendar now.');
  };
  const off = async () => {
    await revokeCalendarFeed(undefined);
    setAddress(null);
    props.say('Your calendar address is turned off. Calendars using it stop updating.');
  };
  const webcal = () => address()?.replace(/^https?:/, 'webcal:') ?? '';
  return (
    <section class="card stack" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Chores in your phone’s calendar</h2>
      <p>
        A private address your calendar app follows, so your chores show up beside everything else.
        Anyone with the address can see your chores: keep it to yourself, and turn it off if it gets
        out.
      </p>
      <Show when={address()}>
        {(url) => (
          <div class="stack">
            <p>
              <a class="button button-primary" href={webcal()}>
                Add to my calendar
              </a>
            </p>
            <label class="field">
              <span class="field-label">Or copy this address into your calendar app</span>
              <input type="text" readonly value={url()} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <p class="muted">
              For safety it is shown only now. If you lose it, make a new one: the old one stops
              working.
            </p>
          </div>
        )}
      </Show>
      <Show when={!address()}>
        <Show
          when={feed.data?.on}
          fallback={
            <ActionButton class="button button-primary" busyLabel="Making it…" onRun={make}>
              Make my calendar address
            </ActionButton>
          }
        >
          <p>
            Your calendar address is on
            {feed.data?.since ? ` since ${dayLabel(feed.data.since.slice(0, 10))}` : ''}.
          </p>
          <div class="action-list">
            <ActionButton busyLabel="Making it…" onRun={make}>
              Make a new address
            </ActionButton>
            <ActionButton busyLabel="Turning it off…" onRun={off}>
              Turn it off
            </ActionButton>
          </div>
        </Show>
      </Show>
    </section>
  );
}
