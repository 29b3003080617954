// A resident's passes: what their phase allows, asking for a pass, and their
// passes with "I'm back" for the one they are on.
import { passRequestInput } from '@porchlight/domain';
import { PASS_TYPES } from '@porchlight/domain/labels';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LoadError, Loading, PageHeading } from '../components/page';
import { browserTimeZone } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { PassBadge, PassDecision, PassDetails } from './components';
import {
  cancelPass,
  markPassReturned,
  type MyPassesPage,
  type PassItem,
  type PassPhase,
  passQueries,
  requestPass,
} from './data';
import {
  dayAfter,
  formatAt,
  formatMinutes,
  formatWallTime,
  localInputToIso,
  passTypeText,
} from './format';
import { ShowMore } from '../components/show-more';
import './passes.css';

type House = NonNullable<MyPassesPage['house']>;

function PhaseSummary(props: { phase: PassPhase; moveInDate: string | null }) {
  const types = () => props.phase.passTypesAllowed.map(passTypeText).join(', ');
  return (
    <section class="card stack" aria-labelledby="passes-phase">
      <h2 id="passes-phase">What {props.phase.name} allows</h2>
      <ul class="stack">
        <li>
          Curfew: {formatWallTime(props.phase.curfewWeeknights)} on weeknights (Sunday to Thursday
          nights), {formatWallTime(props.phase.curfewWeekends)} on Friday and Saturday nights.
        </li>
        <li>
          {props.phase.overnightPassesAllowed
            ? 'Overnight passes are allowed.'
            : 'Overnight passes are not allowed: be home by curfew.'}
        </li>
        <li>
          <Show
            when={props.phase.passTypesAllowed.length > 0}
            fallback={<>No pass types are allowed in this phase.</>}
          >
            Pass types you can ask for: {types()}.
          </Show>
        </li>
        <li>
          <Show
            when={props.phase.minDaysBeforePasses > 0}
            fallback={<>You can ask for passes from your first day in the house.</>}
          >
            Passes start on day {props.phase.minDaysBeforePasses} in the house
            <Show when={props.moveInDate}>
              {(moveIn) => <> ({dayAfter(moveIn(), props.phase.minDaysBeforePasses)})</>}
            </Show>
            .
          </Show>
        </li>
      </ul>
    </section>
  );
}

function RequestForm(props: { house: House; phase: PassPhase | null }) {
  const [done, setDone] = createSignal('');
  const choices = () =>
    (props.phase ? props.phase.passTypesAllowed : PASS_TYPES).map((type) => ({
      value: type,
      label: passTypeText(type),
    }));
  const differentZone = () => browserTimeZone() !== props.house.timezone;
  const timeHint = () =>
    differentZone()
      ? `In this phone's local time (${browserTimeZone()}). Your house, ${props.house.name}, keeps ${props.house.timezone} time.`
      : "In this phone's local time.";
  const form = createForm({
    read: (data) => {
      const departAt = localInputToIso(text(data, 'departAt'));
      const expectedReturnAt = localInputToIso(text(data, 'expectedReturnAt'));
      const checked = validate(passRequestInput, {
        type: text(data, 'type'),
        destination: text(data, 'destination'),
        departAt,
        expectedReturnAt,
        contact: text(data, 'contact'),
        note: text(data, 'note'),
      });
      // the API takes the instants as ISO strings, as typed
      return checked.ok
        ? { ok: true, data: { ...checked.data, departAt, expectedReturnAt } }
        : checked;
    },
    submit: async (value, element) => {
      setDone('');
      await requestPass(value);
      element.reset();
      form.reset();
      setDone('Requested — waiting for a decision.');
    },
  });
  return (
    <section class="stack" aria-labelledby="passes-request">
      <h2 id="passes-request">Ask for a pass</h2>
      <Form form={form} class="card stack" aria-labelledby="passes-request">
        <SelectField name="type" label="Type of pass" choices={choices()} />
        <TextField name="destination" label="Where are you going?" autocomplete="off" />
        <div class="field-row">
          <TextField name="departAt" label="Leaving" type="datetime-local" hint={timeHint()} />
          <TextField
            name="expectedReturnAt"
            label="Back by"
            type="datetime-local"
            hint={timeHint()}
          />
        </div>
        <TextField
          name="contact"
          label="Contact while away"
          optional
          autocomplete="off"
          hint="A phone number or the person you will be with."
        />
        <TextAreaField name="note" label="Note for the house manager" optional />
        <FormAlert />
        <SubmitButton busyLabel="Sending…">Ask for this pass</SubmitButton>
      </Form>
      <p class="status-note" role="status">
        {done()}
      </p>
    </section>
  );
}

/** Requested, or approved and not yet started: the resident may still call it off. */
function cancellable(pass: PassItem): boolean {
  return (
    pass.status === 'requested' ||
    (pass.status === 'approved' && pass.progress.state === 'upcoming')
  );
}

function isOut(pass: PassItem): boolean {
  return pass.progress.state === 'away' || pass.progress.state === 'overdue';
}

function MyPassCard(props: {
  pass: PassItem;
  timeZone: string | undefined;
  onDone: (message: string) => void;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const overdue = () =>
    props.pass.progress.state === 'overdue' ? props.pass.progress.minutesOverdue : null;
  const title = () => `${passTypeText(props.pass.type)} pass to ${props.pass.destination}`;
  const back = async () => {
    const result = await markPassReturned({ passId: props.pass.id });
    props.onDone(
      result.minutesLate > 0
        ? `Welcome back. Your return is recorded, ${formatMinutes(result.minutesLate)} late.`
        : 'Welcome back. Your return is recorded.',
    );
  };
  const cancel = async () => {
    await cancelPass(props.pass.id);
    props.onDone(`The ${title()} is cancelled.`);
  };
  return (
    <li class="card stack pass-card" classList={{ 'pass-urgent': overdue() !== null }}>
      <h3>{title()}</h3>
      <p>
        <PassBadge pass={props.pass} />
      </p>
      <Show when={overdue()}>
        {(minutes) => (
          <p class="pass-urgent-text">
            Urgent: you were due back {formatMinutes(minutes())} ago, at{' '}
            {formatAt(props.pass.expectedReturnAt, props.timeZone)}. Tap “I'm back” as soon as you
            are home, or call your house manager.
          </p>
        )}
      </Show>
      <Show when={isOut(props.pass)}>
        <ActionButton class="button button-primary button-big" busyLabel="Saving…" onRun={back}>
          I'm back<span class="visually-hidden"> from the {title()}</span>
        </ActionButton>
      </Show>
      <PassDetails pass={props.pass} timeZone={props.timeZone} />
      <PassDecision pass={props.pass} timeZone={props.timeZone} />
      <Show when={props.pass.late}>
        {(late) => (
          <Show when={late().excusedAt}>
            <p class="muted">
              The late return was excused
              <Show when={late().excuseReason}>{(reason) => <>: {reason()}</>}</Show>.
            </p>
          </Show>
        )}
      </Show>
      <Show when={cancellable(props.pass)}>
        <Show
          when={confirming()}
          fallback={
            <div class="actions">
              <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
                Cancel<span class="visually-hidden"> the {title()}</span>
              </button>
            </div>
          }
        >
          <div class="stack" role="group" aria-label={`Cancel the ${title()}?`}>
            <p>Cancel this pass? This cannot be undone; you would ask again.</p>
            <div class="actions">
              <ActionButton class="button button-primary" busyLabel="Cancelling…" onRun={cancel}>
                Yes, cancel it
              </ActionButton>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          </div>
        </Show>
      </Show>
    </li>
  );
}

export default function MyPassesPage() {
  const list = useInfiniteQuery(() => passQueries.mine());
  const [message, setMessage] = createSignal('');
  const first = () => list.data?.pages[0];
  const timeZone = () => first()?.house?.timezone;
  const items = () => list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="My passes">My passes</PageHeading>
        <p class="lede">Ask before you go, and tap “I'm back” when you get home.</p>
      </div>
      <p class="status-note" role="status">
        {message()}
      </p>
      <Switch fallback={<Loading />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={first()}>
          {(page) => (
            <>
              <Show
                when={page().phase}
                fallback={
                  <Show when={page().house}>
                    <p class="alert alert-info">
                      You have no phase yet. Your house manager will check each request against the
                      house rules.
                    </p>
                  </Show>
                }
              >
                {(phase) => <PhaseSummary phase={phase()} moveInDate={page().moveInDate} />}
              </Show>
              <Show
                when={page().house}
                fallback={
                  <p class="alert alert-info">
                    Passes are for residents living in a house. You are not living in one right now.
                  </p>
                }
              >
                {(house) => <RequestForm house={house()} phase={page().phase} />}
              </Show>
              <section class="stack" aria-labelledby="passes-mine">
                <h2 id="passes-mine">Your passes</h2>
                <Show when={items().length > 0} fallback={<p class="empty">No passes yet.</p>}>
                  <ul class="pass-list">
                    <For each={items()}>
                      {(pass) => (
                        <MyPassCard pass={pass} timeZone={timeZone()} onDone={setMessage} />
                      )}
                    </For>
                  </ul>
                </Show>
                <ShowMore list={list} label="Load more passes" />
              </section>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
