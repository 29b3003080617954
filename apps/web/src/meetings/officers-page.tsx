// A house's officers, for everyone in the house: each office, what it may do in
// Porchlight, who holds it and who did before; for whoever chairs, ending a
// term, retiring or adding an office, and the house's term limits.
import {
  endTermInput,
  OFFICE_POWER_LABELS,
  OFFICE_POWERS,
  officeCreateInput,
  termPolicyInput,
} from '@porchlight/domain';
import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { managesHouse, useWhoami } from '../account/session';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { plural } from '../lib/dates';
import {
  type Choice,
  CheckboxGroup,
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { possessive } from '../passes/format';
import {
  type OfficeItem,
  type OfficerRoster,
  officerQueries,
  createOffice,
  endTerm,
  retireOffice,
  type TermItem,
  updateTermPolicy,
} from './data';
import './meetings.css';

type Done = (message: string) => void;

const POWER_CHOICES: Choice[] = OFFICE_POWERS.map((p) => ({
  value: p,
  label: OFFICE_POWER_LABELS[p],
}));

const monthDay = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthDayYear = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Oct 20"; "Apr 19, 2027" when it is not this year. */
function shortDate(date: string, today: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return (date.slice(0, 4) === today.slice(0, 4) ? monthDay : monthDayYear).format(at);
}

function policyWords(policy: OfficerRoster['policy']): string {
  return (
    `Officers are elected at the house meeting. A term is at most ${plural(policy.maxMonths, 'month', 'months')}` +
    (policy.consecutiveAllowed ? '.' : ', and nobody serves the same office twice in a row.')
  );
}

function ElectedAt(props: { term: TermItem; today: string }) {
  return (
    <Show when={props.term.electedAtMeetingId}>
      {(meetingId) => (
        <p>
          <A href={`/meetings/${meetingId()}`}>
            <Show when={props.term.electedOn} fallback="Elected at a house meeting">
              {(date) => <>Elected at the meeting of {shortDate(date(), props.today)}</>}
            </Show>
          </A>
        </p>
      )}
    </Show>
  );
}

function endWords(endDate: string, today: string): string {
  if (endDate === today) return 'ends today';
  return `${endDate < today ? 'ended' : 'ends'} on ${shortDate(endDate, today)}`;
}

function EndTermForm(props: { office: OfficeItem; term: TermItem; today: string; onDone: Done }) {
  const form = createForm({
    read: (data) => {
      const endDate = text(data, 'endDate');
      return validate(endTermInput, {
        termId: props.term.id,
        reason: text(data, 'reason'),
        ...(endDate ? { endDate } : {}),
      });
    },
    submit: async (value) => {
      const who = props.term.name;
      const office = props.office.name;
      const result = await endTerm(value);
      props.onDone(
        `${possessive(who)} term as ${office} ${endWords(result.endDate, props.today)}. Elect who takes over at the next house meeting.`,
      );
    },
  });
  return (
    <Form
      form={form}
      class="card stack"
      aria-label={`End ${possessive(props.term.name)} term as ${props.office.name}`}
    >
      <TextField
        name="reason"
        label="Reason"
        autocomplete="off"
        maxLength={300}
        hint="Kept on the record, such as “Stepped down” or “Moved out”."
      />
      <TextField
        name="endDate"
        label="Last day of the term"
        type="date"
        optional
        max={props.term.endDate}
        hint={`Leave it empty to end the term today. It can be an earlier day, and no later than ${shortDate(props.term.endDate, props.today)}, when the term was due to end.`}
      />
      <FormAlert />
      <SubmitButton busyLabel="Ending…">End the term</SubmitButton>
    </Form>
  );
}

function RetireOffice(props: { office: OfficeItem; onDone: Done }) {
  const retire = async () => {
    const name = props.office.name;
    const holder = props.office.current?.name;
    await retireOffice({ officeId: props.office.id });
    props.onDone(
      `${name} is retired.` +
        (holder ? ` ${possessive(holder)} term ends today.` : '') +
        ' Its past terms stay on the record.',
    );
  };
  return (
    <div class="card stack">
      <p>
        The office leaves the house's list
        <Show when={props.office.current}>
          {(term) => <>, and {possessive(term().name)} term ends today</>}
        </Show>
        <Show when={props.office.next}>
          {(term) => <>; {possessive(term().name)} term to come is called off</>}
        </Show>
        . Past terms stay on the record. A retired office cannot come back, and a new office cannot
        take its name.
      </p>
      <ActionButton busyLabel="Retiring…" onRun={retire}>
        Yes, retire {props.office.name}
      </ActionButton>
    </div>
  );
}

/** Everyone who held an office, latest first: a term ended by retiring it today still counts as today's. */
function heldBy(office: OfficeItem): TermItem[] {
  return office.current ? [office.current, ...office.history] : office.history;
}

function TermLine(props: { term: TermItem; today: string }) {
  return (
    <>
      <strong>{props.term.name}</strong>, {shortDate(props.term.startDate, props.today)} to{' '}
      {shortDate(props.term.endDate, props.today)}
    </>
  );
}

function OfficeCard(props: { office: OfficeItem; today: string; manage: boolean; onDone: Done }) {
  // a term already ended early has its last day set: there is nothing more to end
  const endable = () => {
    const term = props.office.current;
    return term && !term.endedEarly ? term : undefined;
  };
  return (
    <li class="card stack officer-card">
      <h3>{props.office.name}</h3>
      <Show when={props.office.description}>
        {(description) => <p class="muted">{description()}</p>}
      </Show>
      <div class="officer-part">
        <h4>Holds it now</h4>
        <Show
          when={props.office.current}
          fallback={
            <p>
              <strong>Vacant</strong>: elect someone at the next house meeting.
            </p>
          }
        >
          {(term) => (
            <>
              <p>
                <strong>{term().name}</strong>, since {shortDate(term().startDate, props.today)}{' '}
                until {shortDate(term().endDate, props.today)}
              </p>
              {/* a term ended early stays current through its last day */}
              <Show when={term().endedEarly}>
                <p class="muted">
                  {term().endDate === props.today ? 'Last day today' : 'Ends early'}:{' '}
                  {term().endReason ?? 'no reason given'}
                </p>
              </Show>
              <ElectedAt term={term()} today={props.today} />
            </>
          )}
        </Show>
        <Show when={props.office.next}>
          {(term) => (
            <p>
              Next: <strong>{term().name}</strong>, from {shortDate(term().startDate, props.today)}{' '}
              until {shortDate(term().endDate, props.today)}
            </p>
          )}
        </Show>
      </div>
      <div class="officer-part">
        <h4>In Porchlight</h4>
        <Show
          when={props.office.powers.length > 0}
          fallback={<p class="muted">Nothing more than every resident may do.</p>}
        >
          <ul class="officer-powers">
            <For each={props.office.powers}>{(power) => <li>{OFFICE_POWER_LABELS[power]}</li>}</For>
          </ul>
        </Show>
      </div>
      <Show when={props.office.history.length > 0}>
        <Disclosure
          label={`Earlier terms as ${props.office.name} (${props.office.history.length})`}
        >
          {() => (
            <ul class="plain-list officer-history">
              <For each={props.office.history}>
                {(term) => (
                  <li>
                    <p>
                      <TermLine term={term} today={props.today} />
                    </p>
                    <Show when={term.endedEarly}>
                      <p class="muted">Ended early: {term.endReason ?? 'no reason given'}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Disclosure>
      </Show>
      <Show when={props.manage}>
        <div class="action-list officer-actions">
          <Show when={endable()}>
            {(term) => (
              <Disclosure label={`End ${possessive(term().name)} term`}>
                {(close) => (
                  <EndTermForm
                    office={props.office}
                    term={term()}
                    today={props.today}
                    onDone={(said) => {
                      close();
                      props.onDone(said);
                    }}
                  />
                )}
              </Disclosure>
            )}
          </Show>
          <Disclosure label={`Retire ${props.office.name}`}>
            {() => <RetireOffice office={props.office} onDone={props.onDone} />}
          </Disclosure>
        </div>
      </Show>
    </li>
  );
}

function AddOfficeForm(props: { houseId: string; onDone: Done }) {
  const form = createForm({
    read: (data) =>
      validate(officeCreateInput, {
        houseId: props.houseId,
        name: text(data, 'name'),
        powers: data.getAll('powers').map(String),
      }),
    submit: async (value) => {
      await createOffice(value);
      props.onDone(`${value.name} is an office of the house. Elect someone to it at a meeting.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Add an office">
      <TextField name="name" label="Name" autocomplete="off" maxLength={80} />
      <CheckboxGroup
        name="powers"
        legend="What it may do in Porchlight"
        hint="Whoever holds the office can do these for the house. Most offices need none."
        choices={POWER_CHOICES}
      />
      <FormAlert />
      <SubmitButton busyLabel="Adding…">Add the office</SubmitButton>
    </Form>
  );
}

function TermLimitsForm(props: { houseId: string; policy: OfficerRoster['policy']; onDone: Done }) {
  const hintId = createUniqueId();
  const form = createForm({
    read: (data) => {
      const months = text(data, 'maxMonths');
      return validate(termPolicyInput, {
        houseId: props.houseId,
        // an empty box is "not a number", not 0
        maxMonths: months === '' ? Number.NaN : Number(months),
        consecutiveAllowed: data.has('consecutiveAllowed'),
      });
    },
    submit: async (value) => {
      await updateTermPolicy(value);
      props.onDone(
        `Term limits saved: at most ${plural(value.maxMonths, 'month', 'months')}, and ${value.consecutiveAllowed ? 'an officer may be elected again straight after' : 'nobody serves the same office twice in a row'}. They apply to elections from now on.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Term limits">
      <TextField
        name="maxMonths"
        label="Term limit"
        type="number"
        inputmode="numeric"
        min="1"
        max="24"
        hint="The longest a term may be, in months, from 1 to 24. Oxford Houses elect officers for six months at most."
        value={String(props.policy.maxMonths)}
      />
      <div class="field">
        <label class="checkbox officer-check">
          <input
            type="checkbox"
            name="consecutiveAllowed"
            checked={props.policy.consecutiveAllowed}
            aria-describedby={hintId}
          />
          <span>An officer may serve the same office twice in a row</span>
        </label>
        <p class="field-hint" id={hintId}>
          Oxford Houses do not allow it, so that every member learns to run the house.
        </p>
      </div>
      <p class="field-hint">Terms already running keep their dates.</p>
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save the term limits</SubmitButton>
    </Form>
  );
}

export default function OfficersPage() {
  const params = useParams<{ houseId: string }>();
  const who = useWhoami();
  const roster = useQuery(() => officerQueries.list(params.houseId));
  const staff = () => managesHouse(who.data, params.houseId);
  const [message, setMessage] = createSignal('');
  let statusNote: HTMLParagraphElement | undefined;
  const done: Done = (said) => {
    setMessage(said);
    // retiring takes away the card whose button did it: the focus then goes to what happened
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || !focused.isConnected) statusNote?.focus();
    });
  };
  // Keyed by id, not by object: every refresh brings new objects, and a card
  // rebuilt for one would close its open form and lose the focus.
  const activeIds = () => (roster.data?.offices ?? []).filter((o) => !o.retired).map((o) => o.id);
  const officeById = (id: string) => roster.data?.offices.find((o) => o.id === id);
  const retired = () => (roster.data?.offices ?? []).filter((o) => o.retired);
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs officer-crumbs">
          <Show when={staff()}>
            <A href={`/houses/${params.houseId}`}>{roster.data?.house.name ?? 'House'}</A>
          </Show>
          <A href={`/houses/${params.houseId}/meetings`}>Meetings</A>
        </p>
        <PageHeading title="Officers">Officers</PageHeading>
        <Show when={roster.data}>{(data) => <p class="lede">{policyWords(data().policy)}</p>}</Show>
      </div>
      <p ref={statusNote} class="status-note" role="status" tabindex="-1">
        {message()}
      </p>
      <Switch fallback={<Loading label="Loading the officers…" />}>
        <Match when={roster.isError && !roster.data}>
          <LoadError error={roster.error} retry={() => void roster.refetch()} />
        </Match>
        <Match when={roster.data}>
          {(data) => (
            <>
              <section class="stack" aria-labelledby="offices-heading">
                <h2 id="offices-heading">Offices</h2>
                <Show
                  when={activeIds().length > 0}
                  fallback={<p class="empty">The house has no offices.</p>}
                >
                  <ul class="officer-cards">
                    <For each={activeIds()}>
                      {(id) => (
                        <Show when={officeById(id)}>
                          {(office) => (
                            <OfficeCard
                              office={office()}
                              today={data().today}
                              manage={data().can.manage}
                              onDone={done}
                            />
                          )}
                        </Show>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <Show when={data().can.manage}>
                <section class="stack" aria-labelledby="manage-offices-heading">
                  <h2 id="manage-offices-heading">Offices and terms</h2>
                  <div class="action-list">
                    <Disclosure label="Add an office">
                      {(close) => (
                        <AddOfficeForm
                          houseId={params.houseId}
                          onDone={(said) => {
                            close();
                            done(said);
                          }}
                        />
                      )}
                    </Disclosure>
                    <Disclosure label="Term limits">
                      {(close) => (
                        <TermLimitsForm
                          houseId={params.houseId}
                          policy={data().policy}
                          onDone={(said) => {
                            close();
                            done(said);
                          }}
                        />
                      )}
                    </Disclosure>
                  </div>
                </section>
              </Show>
              <Show when={retired().length > 0}>
                <section class="stack" aria-labelledby="retired-offices-heading">
                  <h2 id="retired-offices-heading">Retired offices</h2>
                  <Disclosure
                    label={`Show ${plural(retired().length, 'retired office', 'retired offices')}`}
                  >
                    {() => (
                      <ul class="officer-cards">
                        <For each={retired()}>
                          {(office) => (
                            <li class="card stack officer-card officer-retired">
                              <h3>{office.name}</h3>
                              <p>
                                <span class="badge">Retired</span>
                              </p>
                              <Show
                                when={heldBy(office).length > 0}
                                fallback={<p class="muted">Nobody held it.</p>}
                              >
                                <ul class="plain-list officer-history">
                                  <For each={heldBy(office)}>
                                    {(term) => (
                                      <li>
                                        <TermLine term={term} today={data().today} />
                                      </li>
                                    )}
                                  </For>
                                </ul>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    )}
                  </Disclosure>
                </section>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
