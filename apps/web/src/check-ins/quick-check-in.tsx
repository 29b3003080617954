// The top of a resident's home page: today's check-in in three taps (mood,
// craving, send), or what was recorded with a way to correct it; "I'm home" in
// the curfew window; and going out and coming back. Every time shown is the
// server's, on the house's clock.
import { A } from '@solidjs/router';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading } from '../components/page';
import { problemOf } from '../lib/errors';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextField,
  type Validation,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { formatAt, formatMinutes } from '../passes/format';
import {
  type CheckInLocation,
  checkInQueries,
  type CheckInsMine,
  correctCheckIn,
  type CurfewNow,
  curfewCheckIn,
  type OpenSignOut,
  recordCheckIn,
  signBackIn,
  signOutOfHouse,
  type TodayEntry,
  type TodayStatus,
  useMyResidentId,
} from './data';
import { DailyFields, readDaily, unfoldFor } from './fields';
import { cravingText, formatTime, haltText, moodText } from './format';
import { createLocationRequest, type LocationRequest } from './location';
import './check-ins.css';

type Announce = (message: string) => void;

/** Today's check-ins for the signed-in resident. */
export function QuickCheckIn() {
  const mine = useQuery(checkInQueries.mine);
  const residentId = useMyResidentId();
  const [said, setSaid] = createSignal('');
  let status: HTMLParagraphElement | undefined;
  // the button or form that was used is gone once its change is made: the news takes the focus
  const announce: Announce = (message) => {
    setSaid(message);
    status?.focus();
  };
  return (
    <Show when={!(mine.data && !mine.data.livingIn)}>
      <section class="stack check-in-today" aria-labelledby="check-in-today-heading">
        <h2 id="check-in-today-heading">Check in</h2>
        <p class="alert alert-success check-in-said" role="status" tabindex="-1" ref={status}>
          {said()}
        </p>
        <Switch fallback={<Loading />}>
          <Match when={mine.isError && !mine.data}>
            <LoadError error={mine.error} retry={() => void mine.refetch()} />
          </Match>
          <Match when={mine.data}>
            {(data) => <Today mine={data()} residentId={residentId()} announce={announce} />}
          </Match>
        </Switch>
      </section>
    </Show>
  );
}

function Today(props: { mine: CheckInsMine; residentId: string; announce: Announce }) {
  const location = createLocationRequest();
  const timeZone = () => props.mine.summary?.timezone;
  const today = () => props.mine.summary?.todayStatus ?? null;
  // "I'm home" goes first while it is the thing to do now; otherwise after the daily check-in
  const curfewNow = () =>
    props.mine.curfewNow && today()?.curfew !== 'not_required' ? props.mine.curfewNow : null;
  const curfewFirst = () => {
    const c = curfewNow();
    return c !== null && c.open && !c.done;
  };
  const curfew = () => (
    <Show when={curfewNow()}>
      {(c) => (
        <Curfew
          curfew={c()}
          timeZone={timeZone()}
          shareLocation={props.mine.shareLocation}
          location={location}
          announce={props.announce}
        />
      )}
    </Show>
  );
  return (
    <>
      <Show when={props.mine.signOut}>
        {(out) => <SignedOut signOut={out()} timeZone={timeZone()} announce={props.announce} />}
      </Show>
      <Show when={curfewFirst()}>{curfew()}</Show>
      <Show when={today()}>
        {(status) => (
          <Daily
            today={status()}
            timeZone={timeZone()}
            residentId={props.residentId}
            shareLocation={props.mine.shareLocation}
            location={location}
            announce={props.announce}
          />
        )}
      </Show>
      <Show when={!curfewFirst()}>{curfew()}</Show>
      <Show when={!props.mine.signOut}>
        <Disclosure label="Going out? Let the house know">
          {(close) => (
            <SignOutForm
              timeZone={timeZone()}
              onDone={(message) => {
                close();
                props.announce(message);
              }}
            />
          )}
        </Disclosure>
      </Show>
    </>
  );
}

function LateBadge() {
  return <span class="badge check-in-late">Late</span>;
}

/** The check-in is sent with the location when the phone gives it, and without it otherwise. */
async function withLocation<T>(
  share: boolean,
  location: LocationRequest,
  send: (where: CheckInLocation | undefined) => Promise<T>,
): Promise<T> {
  const where = share ? await location.take() : undefined;
  try {
    return await send(where);
  } catch (error) {
    // sharing was turned off meanwhile (on another phone): it goes without the location
    if (where && problemOf(error).fieldErrors.location) return send(undefined);
    throw error;
  }
}

function Daily(props: {
  today: TodayStatus;
  timeZone: string | undefined;
  residentId: string;
  shareLocation: boolean;
  location: LocationRequest;
  announce: Announce;
}) {
  return (
    <section class="card stack" aria-labelledby="check-in-daily-heading">
      <Show
        when={props.today.dailyEntry}
        fallback={
          <>
            <h3 id="check-in-daily-heading">Today's check-in</h3>
            <DueLine today={props.today} timeZone={props.timeZone} />
            <CheckInForm
              dueAt={props.today.dailyDueAt}
              timeZone={props.timeZone}
              shareLocation={props.shareLocation}
              location={props.location}
              announce={props.announce}
            />
          </>
        }
      >
        {(entry) => (
          <RecordedToday
            entry={entry()}
            status={props.today.daily}
            timeZone={props.timeZone}
            residentId={props.residentId}
            announce={props.announce}
          />
        )}
      </Show>
    </section>
  );
}

function DueLine(props: { today: TodayStatus; timeZone: string | undefined }) {
  const due = () => formatTime(props.today.dailyDueAt, props.timeZone);
  return (
    <Switch>
      <Match when={props.today.daily === 'due'}>
        <p class="muted">Due by {due()}. Three taps: your mood, your craving, send.</p>
      </Match>
      <Match when={props.today.daily === 'missed'}>
        <p>
          <strong>It was due by {due()}.</strong> Check in now: it is recorded as late, and that is
          better than missing it.
        </p>
      </Match>
      <Match when={props.today.daily === 'away'}>
        <p class="muted">You are away on a pass. You can still check in.</p>
      </Match>
      <Match when={props.today.daily === 'not_required'}>
        <p class="muted">Not required today, but you can still check in.</p>
      </Match>
    </Switch>
  );
}

function CheckInForm(props: {
  dueAt: string;
  timeZone: string | undefined;
  shareLocation: boolean;
  location: LocationRequest;
  announce: Announce;
}) {
  const form = createForm({
    read: async (data, element) => {
      const { checkInRecordInput } = await import('../lib/schemas');
      const checked = validate(checkInRecordInput, readDaily(data));
      if (!checked.ok) unfoldFor(element, checked.errors);
      return checked;
    },
    submit: async (value, element) => {
      try {
        const result = await withLocation(props.shareLocation, props.location, (where) =>
          recordCheckIn(where ? { ...value, location: where } : value),
        );
        const at = formatTime(result.recordedAt, props.timeZone);
        props.announce(
          result.late
            ? `Checked in at ${at}, late: it was due by ${formatTime(props.dueAt, props.timeZone)}. Thank you for checking in.`
            : `Checked in at ${at}. Thank you.`,
        );
      } catch (error) {
        unfoldFor(element, problemOf(error).fieldErrors);
        throw error;
      }
    },
  });
  return (
    <Form
      form={form}
      class="stack"
      aria-labelledby="check-in-daily-heading"
      // the phone starts finding its place at the first tap, so it is ready by "Send"
      onChange={() => {
        if (props.shareLocation) props.location.start();
        // and the schema that checks the answers is on its way by then too
        void import('../lib/schemas');
      }}
    >
      <DailyFields contacts />
      <Show when={props.shareLocation}>
        <p class="field-hint">
          Location sharing is on: where your phone is goes with this check-in, if it can tell.{' '}
          <A href="/check-ins#location-sharing">Change location sharing</A>
        </p>
      </Show>
      <FormAlert />
      <SubmitButton class="button button-primary check-in-send" busyLabel="Sending…">
        Send check-in
      </SubmitButton>
    </Form>
  );
}

function RecordedToday(props: {
  entry: TodayEntry;
  status: TodayStatus['daily'];
  timeZone: string | undefined;
  residentId: string;
  announce: Announce;
}) {
  return (
    <>
      <h3 id="check-in-daily-heading">Today's check-in is in</h3>
      <p class="check-in-badges">
        <span>Checked in at {formatTime(props.entry.recordedAt, props.timeZone)}</span>
        <Show when={props.entry.late}>
          <LateBadge />
        </Show>
        <Show when={props.entry.corrected}>
          <span class="badge check-in-corrected">Corrected</span>
        </Show>
      </p>
      <Show when={props.status === 'unsigned'}>
        <p class="alert alert-info">
          It counts once you have signed the house rules. <A href="/rules">Read and sign them</A>
        </p>
      </Show>
      <dl class="check-in-facts">
        <div>
          <dt>Mood</dt>
          <dd>{moodText(props.entry.mood)}</dd>
        </div>
        <div>
          <dt>Craving</dt>
          <dd>{cravingText(props.entry.craving)}</dd>
        </div>
        <Show when={props.entry.halt.length > 0}>
          <div>
            <dt>Feeling</dt>
            <dd>{haltText(props.entry.halt)}</dd>
          </div>
        </Show>
      </dl>
      <Disclosure label="Correct it">
        {(close) => (
          <CorrectForm
            entry={props.entry}
            residentId={props.residentId}
            onDone={(message) => {
              close();
              props.announce(message);
            }}
          />
        )}
      </Disclosure>
    </>
  );
}

/** A correction starts from the check-in as it stands now: every field, not only mood and craving. */
function CorrectForm(props: { entry: TodayEntry; residentId: string; onDone: Announce }) {
  const history = useInfiniteQuery(() => checkInQueries.history(props.residentId));
  const current = () =>
    history.data?.pages
      .flatMap((page) => page.items)
      .find((item) => item.id === props.entry.originalId)?.current;
  return (
    <Show
      when={history.isSuccess || history.isError}
      fallback={<Loading label="Loading your check-in…" />}
    >
      <Show when={!current()}>
        <p class="alert alert-info">
          Only your mood, craving and feelings could be loaded: add anything else again.
        </p>
      </Show>
      <CorrectFields entry={props.entry} initial={current() ?? props.entry} onDone={props.onDone} />
    </Show>
  );
}

function CorrectFields(props: {
  entry: TodayEntry;
  initial: Parameters<typeof DailyFields>[0]['initial'];
  onDone: Announce;
}) {
  const form = createForm({
    read: async (data, element) => {
      const { checkInCorrectInput } = await import('../lib/schemas');
      const checked = validate(checkInCorrectInput, {
        checkInId: props.entry.originalId,
        reason: text(data, 'reason'),
        ...readDaily(data),
      });
      if (!checked.ok) unfoldFor(element, checked.errors);
      return checked;
    },
    submit: async (value, element) => {
      try {
        await correctCheckIn(value);
      } catch (error) {
        const problem = problemOf(error);
        unfoldFor(element, problem.fieldErrors);
        // the check-in itself is the problem (too old, not yours): say so in words
        const about = problem.fieldErrors.checkInId;
        if (about) throw new Error(`This check-in ${about}`);
        throw error;
      }
      props.onDone('Your correction is saved. Your first answers stay on record beside it.');
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Correct today's check-in">
      <DailyFields initial={props.initial} />
      <TextField
        name="reason"
        label="Why are you correcting it?"
        autocomplete="off"
        hint="Your first answers stay on record, with this reason."
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save the correction</SubmitButton>
    </Form>
  );
}

function Curfew(props: {
  curfew: CurfewNow;
  timeZone: string | undefined;
  shareLocation: boolean;
  location: LocationRequest;
  announce: Announce;
}) {
  const curfewAt = () => formatTime(props.curfew.curfewAt, props.timeZone);
  const home = async () => {
    const result = await withLocation(props.shareLocation, props.location, curfewCheckIn);
    props.announce(
      result.late
        ? `You're checked in for the night, ${formatMinutes(result.minutesLate)} after curfew (${formatTime(result.curfewAt, props.timeZone)}). It is recorded as late.`
        : "You're checked in for the night, on time. Rest well.",
    );
  };
  return (
    <section
      class="stack"
      classList={{ card: props.curfew.open && !props.curfew.done }}
      aria-labelledby="check-in-curfew-heading"
    >
      <h3 id="check-in-curfew-heading">Curfew</h3>
      <Switch>
        <Match when={props.curfew.done}>
          <p>Your curfew check-in is done for tonight.</p>
        </Match>
        <Match when={props.curfew.open}>
          <p>
            Curfew tonight is <strong>{curfewAt()}</strong>. Tap when you are home for the night.
          </p>
          <ActionButton
            class="button button-primary check-in-send"
            busyLabel="Saving…"
            onRun={home}
          >
            I'm home
          </ActionButton>
        </Match>
        <Match when={!props.curfew.open}>
          <p class="muted">
            Curfew tonight is {curfewAt()}. The “I'm home” button appears here at{' '}
            {formatTime(props.curfew.opensAt, props.timeZone)}.
          </p>
        </Match>
      </Switch>
    </section>
  );
}

/** The resident is out: where, since when, back by when, and the way to say they are back. */
function SignedOut(props: {
  signOut: OpenSignOut;
  timeZone: string | undefined;
  announce: Announce;
}) {
  // "overdue" follows the clock while the page is open; the server decides what is recorded
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(timer));
  const overdue = () => Date.parse(props.signOut.expectedReturnAt) < now();
  const back = async () => {
    const result = await signBackIn(props.signOut.id);
    const at = formatTime(result.signedInAt, props.timeZone);
    props.announce(
      result.minutesLate > 0
        ? `Welcome back. Signed in at ${at}, ${formatMinutes(result.minutesLate)} late.`
        : `Welcome back. Signed in at ${at}.`,
    );
  };
  return (
    <section
      class="card stack check-in-out"
      classList={{ 'check-in-overdue': overdue() }}
      aria-labelledby="check-in-out-heading"
    >
      <h3 id="check-in-out-heading">You are signed out</h3>
      <p>
        Going to <strong>{props.signOut.destination}</strong>, since{' '}
        {formatTime(props.signOut.signedOutAt, props.timeZone)}.
      </p>
      <p class="check-in-back-by">
        Back by <strong>{formatAt(props.signOut.expectedReturnAt, props.timeZone)}</strong>
      </p>
      <Show when={overdue()}>
        <p class="check-in-overdue-text">
          Overdue. Tap “I'm back” as soon as you are home, or call your house manager.
        </p>
      </Show>
      <ActionButton class="button button-primary check-in-send" busyLabel="Saving…" onRun={back}>
        I'm back
      </ActionButton>
    </section>
  );
}

/** "21:30" on this phone's clock: today, or tomorrow when that time has passed. */
function returnTimeToIso(value: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return value.trim();
  const now = new Date();
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.toISOString();
}

function SignOutForm(props: { timeZone: string | undefined; onDone: Announce }) {
  const form = createForm({
    read: async (data): Promise<Validation<{ destination: string; expectedReturnAt: string }>> => {
      const { signOutInput } = await import('../lib/schemas');
      const time = text(data, 'expectedReturnAt');
      const expectedReturnAt = returnTimeToIso(time);
      const checked = validate(signOutInput, {
        destination: text(data, 'destination'),
        expectedReturnAt,
      });
      if (time.trim() === '')
        return {
          ok: false,
          errors: { ...(checked.ok ? {} : checked.errors), expectedReturnAt: 'is required.' },
        };
      // the API takes the instant as an ISO string, as worked out here
      return checked.ok
        ? { ok: true, data: { destination: checked.data.destination, expectedReturnAt } }
        : checked;
    },
    submit: async (value) => {
      await signOutOfHouse(value);
      props.onDone(
        `You are signed out. Back by ${formatAt(value.expectedReturnAt, props.timeZone)}.`,
      );
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Going out">
      <p class="muted">
        For a short while out, back within 24 hours. For longer, or overnight,{' '}
        <A href="/passes">ask for a pass</A>.
      </p>
      <TextField name="destination" label="Where are you going?" autocomplete="off" />
      <TextField
        name="expectedReturnAt"
        label="Back by"
        type="time"
        hint="On this phone's clock. A time that has passed today means tomorrow."
        class="check-in-short-input"
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">I'm going out</SubmitButton>
    </Form>
  );
}
