// Staff: a house's chore list and what shapes its rotas. Each chore with who is
// excused from it or pinned to it, adding and changing chores, and rota settings.
import {
  CHORE_FREQUENCIES,
  CHORE_FREQUENCY_LABELS,
  choreCreateInput,
  choreExclusionInput,
  chorePinInput,
  choreSettingsInput,
  choreUpdateInput,
  MAX_EFFORT,
  MAX_RESIDENTS_PER_CHORE,
  MIN_EFFORT,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '@porchlight/domain';
import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import {
  createRenderEffect,
  createSignal,
  createUniqueId,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
  untrack,
} from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { plural } from '../lib/dates';
import { fieldSentence } from '../lib/errors';
import {
  type Choice,
  CheckboxGroup,
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  useFormState,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { possessive } from '../passes/format';
import {
  type ChoreItem,
  type ChoreList,
  choreQueries,
  type ExclusionItem,
  type PinItem,
  createChore,
  endExclusion,
  excuseFromChore,
  pinChore,
  retireChore,
  unpinChore,
  updateChore,
  updateChoreSettings,
} from './data';
import './chore-list.css';

type Done = (message: string) => void;
type Resident = ChoreList['residents'][number];

const FREQUENCY_CHOICES: Choice[] = CHORE_FREQUENCIES.map((f) => ({
  value: f,
  label: CHORE_FREQUENCY_LABELS[f],
}));
const WEEKDAY_CHOICES: Choice[] = WEEKDAYS.map((d) => ({
  value: String(d),
  label: WEEKDAY_LABELS[d] ?? String(d),
}));
const EFFORT_LEVELS = Array.from({ length: MAX_EFFORT - MIN_EFFORT + 1 }, (_, i) => MIN_EFFORT + i);
const EFFORT_CHOICES: Choice[] = EFFORT_LEVELS.map((n) => ({ value: String(n), label: String(n) }));
const ROTA_LENGTH_CHOICES: Choice[] = [
  { value: '7', label: 'One week' },
  { value: '14', label: 'Two weeks' },
];

/** The day of an instant, in the house's time when it is known. */
function dayOf(iso: string, timeZone: string | undefined): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

function residentName(residents: readonly Resident[], residentId: string): string {
  return residents.find((r) => r.residentId === residentId)?.name ?? 'The resident';
}

/** Radio buttons sharing one name; as with CheckboxGroup, its message sits under the legend. */
function RadioGroup(props: {
  name: string;
  legend: string;
  choices: readonly Choice[];
  value: string;
  hint?: string;
}) {
  const form = useFormState();
  const id = createUniqueId();
  createRenderEffect(() => {
    const unregister = form?.register(props.name, { label: props.legend });
    if (unregister) onCleanup(unregister);
  });
  const error = () => {
    const message = form?.errors()[props.name];
    return message ? fieldSentence(props.legend, props.name, message) : undefined;
  };
  const describedBy = () =>
    [props.hint ? `${id}-hint` : '', error() ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset class="field checkbox-group">
      <legend>{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <div class="chore-choice-row">
        <For each={props.choices}>
          {(choice) => (
            <label class="checkbox">
              <input
                type="radio"
                name={props.name}
                value={choice.value}
                checked={choice.value === props.value}
                aria-invalid={error() ? 'true' : undefined}
                aria-describedby={describedBy()}
              />
              <span>{choice.label}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={error()}>
        <p class="field-error" id={`${id}-error`}>
          {error()}
        </p>
      </Show>
    </fieldset>
  );
}

/** One yes-or-no box with a hint; a group and its legend would only repeat the label. */
function YesNoField(props: { name: string; label: string; hint: string; checked: boolean }) {
  const hintId = createUniqueId();
  return (
    <div class="field">
      <label class="checkbox chore-check">
        <input
          type="checkbox"
          name={props.name}
          checked={props.checked}
          aria-describedby={hintId}
        />
        <span>{props.label}</span>
      </label>
      <p class="field-hint" id={hintId}>
        {props.hint}
      </p>
    </div>
  );
}

/** Effort in words, repeated as filled and hollow dots for a quick look down the list. */
function Effort(props: { effort: number }) {
  return (
    <span class="chore-effort">
      {props.effort} of {MAX_EFFORT}
      <span class="chore-dots" aria-hidden="true">
        <For each={EFFORT_LEVELS}>
          {(level) => (
            <span class="chore-dot" classList={{ 'chore-dot-on': level <= props.effort }} />
          )}
        </For>
      </span>
    </span>
  );
}

function ChoreFacts(props: { chore: ChoreItem }) {
  return (
    <>
      <dl class="chore-facts">
        <Show when={props.chore.area}>
          {(area) => (
            <div>
              <dt>Where</dt>
              <dd>{area()}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>When</dt>
          <dd>{props.chore.schedule}</dd>
        </div>
        <div>
          <dt>Effort</dt>
          <dd>
            <Effort effort={props.chore.effort} />
          </dd>
        </div>
      </dl>
      <Show when={props.chore.needsVerification || props.chore.residentsNeeded > 1}>
        <p class="chore-tags">
          <Show when={props.chore.needsVerification}>
            <span class="badge">Checked by a manager</span>
          </Show>
          <Show when={props.chore.residentsNeeded > 1}>
            <span class="badge">Needs {props.chore.residentsNeeded} residents</span>
          </Show>
        </p>
      </Show>
      <Show when={props.chore.instructions}>
        {(instructions) => <p class="chore-instructions">{instructions()}</p>}
      </Show>
    </>
  );
}

/** The fields of a chore, shared by adding one and changing one. */
function ChoreFields(props: { chore?: ChoreItem | undefined }) {
  // what the chore was when the form opened: a refresh must not undo what is being typed
  const start = untrack(() => props.chore);
  const [frequency, setFrequency] = createSignal<string>(start?.frequency ?? 'daily');
  return (
    <>
      <TextField name="name" label="Name" autocomplete="off" value={start?.name ?? ''} />
      <TextField
        name="area"
        label="Area"
        optional
        autocomplete="off"
        hint="Where in the house, such as “Kitchen”."
        value={start?.area ?? ''}
      />
      <TextAreaField
        name="instructions"
        label="Instructions"
        optional
        hint="What done looks like, for whoever gets it."
        value={start?.instructions ?? ''}
      />
      <SelectField
        name="frequency"
        label="How often"
        choices={FREQUENCY_CHOICES}
        value={frequency()}
        onChange={(e) => setFrequency(e.currentTarget.value)}
      />
      <Show when={frequency() !== 'daily'}>
        <CheckboxGroup
          name="weekdays"
          legend={frequency() === 'weekly' ? 'Day' : 'Days'}
          hint={
            frequency() === 'weekly'
              ? 'Pick the one day it is due. It can be done on any day of the week up to then.'
              : 'Pick every day it is due.'
          }
          choices={WEEKDAY_CHOICES}
          values={start?.weekdays.map(String) ?? []}
        />
      </Show>
      <RadioGroup
        name="effort"
        legend="Effort"
        hint={`From ${MIN_EFFORT}, a few minutes, to ${MAX_EFFORT}, the biggest job in the house. Rotas share the effort out fairly.`}
        choices={EFFORT_CHOICES}
        value={String(start?.effort ?? 2)}
      />
      <YesNoField
        name="needsVerification"
        label="A manager checks it when done"
        hint="After the resident marks it done, a manager checks it or sends it back."
        checked={start?.needsVerification ?? false}
      />
      <TextField
        name="residentsNeeded"
        label="Residents needed"
        type="number"
        inputmode="numeric"
        min="1"
        max={String(MAX_RESIDENTS_PER_CHORE)}
        hint={`How many residents do it together, up to ${MAX_RESIDENTS_PER_CHORE}.`}
        value={String(start?.residentsNeeded ?? 1)}
      />
    </>
  );
}

/** What the chore fields say, for either schema to check. */
function readChore(data: FormData) {
  const residents = text(data, 'residentsNeeded');
  return {
    name: text(data, 'name'),
    area: text(data, 'area'),
    instructions: text(data, 'instructions'),
    frequency: text(data, 'frequency'),
    // the day boxes are only on the page for chores that name days
    weekdays: data.getAll('weekdays').map(Number),
    effort: Number(text(data, 'effort')),
    needsVerification: data.has('needsVerification'),
    // an empty box is "not a number", not 0
    residentsNeeded: residents === '' ? Number.NaN : Number(residents),
  };
}

function AddChoreForm(props: { houseId: string; onDone: Done }) {
  const form = createForm({
    read: (data) => validate(choreCreateInput, { houseId: props.houseId, ...readChore(data) }),
    submit: async (value) => {
      await createChore(value);
      props.onDone(`${value.name} is on the chore list. Rotas made from now on include it.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Add a chore">
      <ChoreFields />
      <FormAlert />
      <SubmitButton busyLabel="Adding…">Add the chore</SubmitButton>
    </Form>
  );
}

function ChangeChoreForm(props: { chore: ChoreItem; onDone: Done }) {
  const choreId = untrack(() => props.chore.id);
  const form = createForm({
    read: (data) => validate(choreUpdateInput, { choreId, ...readChore(data) }),
    submit: async (value) => {
      await updateChore(value);
      props.onDone(`Changes to ${value.name} saved. They apply to rotas made from now on.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label={`Change ${props.chore.name}`}>
      <ChoreFields chore={props.chore} />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save changes</SubmitButton>
    </Form>
  );
}

function residentChoices(residents: readonly Resident[]): Choice[] {
  return [
    { value: '', label: 'Choose a resident' },
    ...residents.map((r) => ({ value: r.residentId, label: r.name })),
  ];
}

function ExcuseForm(props: { chore: ChoreItem; residents: readonly Resident[]; onDone: Done }) {
  const form = createForm({
    read: (data) =>
      validate(choreExclusionInput, {
        choreId: props.chore.id,
        residentId: text(data, 'residentId'),
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      // named before the change: afterwards they are no longer among those to choose
      const name = residentName(props.residents, value.residentId);
      const chore = props.chore.name;
      await excuseFromChore(value);
      props.onDone(
        `${name} is excused from ${chore}. Rotas made from now on leave them out of it.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label={`Excuse a resident from ${props.chore.name}`}>
      <SelectField name="residentId" label="Resident" choices={residentChoices(props.residents)} />
      <TextField
        name="reason"
        label="Reason"
        autocomplete="off"
        maxLength={300}
        hint="Only staff see it; residents never do."
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Excuse them</SubmitButton>
    </Form>
  );
}

function PinForm(props: { chore: ChoreItem; residents: readonly Resident[]; onDone: Done }) {
  const form = createForm({
    read: (data) =>
      validate(chorePinInput, { choreId: props.chore.id, residentId: text(data, 'residentId') }),
    submit: async (value) => {
      const name = residentName(props.residents, value.residentId);
      const chore = props.chore.name;
      await pinChore(value);
      props.onDone(`${chore} is pinned to ${name}: every rota from now on gives it to them.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label={`Pin ${props.chore.name} to a resident`}>
      <SelectField name="residentId" label="Resident" choices={residentChoices(props.residents)} />
      <FormAlert />
      <SubmitButton busyLabel="Pinning…">Pin it</SubmitButton>
    </Form>
  );
}

function ExclusionRow(props: {
  houseId: string;
  chore: ChoreItem;
  exclusion: ExclusionItem;
  timeZone: string | undefined;
  onDone: Done;
}) {
  const end = async () => {
    const who = props.exclusion.residentName;
    const chore = props.chore.name;
    await endExclusion({ houseId: props.houseId, exclusionId: props.exclusion.id });
    props.onDone(
      `${who} is no longer excused from ${chore}. Rotas made from now on can give it to them.`,
    );
  };
  return (
    <li class="chore-person">
      <div>
        <p>
          <strong>{props.exclusion.residentName}</strong>: {props.exclusion.reason}
        </p>
        <p class="muted">Since {dayOf(props.exclusion.since, props.timeZone)}</p>
      </div>
      <ActionButton busyLabel="Ending…" onRun={end}>
        End
        <span class="visually-hidden">
          {' '}
          {possessive(props.exclusion.residentName)} excuse from {props.chore.name}
        </span>
      </ActionButton>
    </li>
  );
}

function PinRow(props: {
  houseId: string;
  chore: ChoreItem;
  pin: PinItem;
  timeZone: string | undefined;
  onDone: Done;
}) {
  const unpin = async () => {
    const who = props.pin.residentName;
    const chore = props.chore.name;
    await unpinChore({ houseId: props.houseId, pinId: props.pin.id });
    props.onDone(
      `${chore} is no longer pinned to ${who}. Rotas made from now on share it out as usual.`,
    );
  };
  return (
    <li class="chore-person">
      <div>
        <p>
          <strong>{props.pin.residentName}</strong>
        </p>
        <p class="muted">Since {dayOf(props.pin.since, props.timeZone)}</p>
      </div>
      <ActionButton busyLabel="Unpinning…" onRun={unpin}>
        Unpin
        <span class="visually-hidden">
          {' '}
          {props.chore.name} from {props.pin.residentName}
        </span>
      </ActionButton>
    </li>
  );
}

function ChoreCard(props: {
  houseId: string;
  chore: ChoreItem;
  list: ChoreList;
  timeZone: string | undefined;
  onDone: Done;
}) {
  const exclusions = () => props.list.exclusions.filter((e) => e.choreId === props.chore.id);
  const pins = () => props.list.pins.filter((p) => p.choreId === props.chore.id);
  const excused = (residentId: string) => exclusions().some((e) => e.residentId === residentId);
  const pinned = (residentId: string) => pins().some((p) => p.residentId === residentId);
  const excusable = () => props.list.residents.filter((r) => !excused(r.residentId));
  // an excused resident is never given the chore: pinning it to them would contradict that
  const pinnable = () =>
    props.list.residents.filter((r) => !excused(r.residentId) && !pinned(r.residentId));
  const full = () => pins().length >= props.chore.residentsNeeded;
  const retire = async () => {
    const name = props.chore.name;
    await retireChore({ choreId: props.chore.id });
    props.onDone(`${name} is retired: it leaves future rotas, and past rotas keep it.`);
  };

  return (
    <li class="card stack chore-card">
      <h3>{props.chore.name}</h3>
      <ChoreFacts chore={props.chore} />
      <div class="chore-part">
        <h4>Excused</h4>
        <Show when={exclusions().length > 0} fallback={<p class="empty">Nobody.</p>}>
          <ul class="plain-list">
            <For each={exclusions()}>
              {(exclusion) => (
                <ExclusionRow
                  houseId={props.houseId}
                  chore={props.chore}
                  exclusion={exclusion}
                  timeZone={props.timeZone}
                  onDone={props.onDone}
                />
              )}
            </For>
          </ul>
        </Show>
      </div>
      <div class="chore-part">
        <h4>Pinned to</h4>
        <Show when={pins().length > 0} fallback={<p class="empty">Nobody.</p>}>
          <ul class="plain-list">
            <For each={pins()}>
              {(pin) => (
                <PinRow
                  houseId={props.houseId}
                  chore={props.chore}
                  pin={pin}
                  timeZone={props.timeZone}
                  onDone={props.onDone}
                />
              )}
            </For>
          </ul>
        </Show>
        <Show when={full()}>
          <p class="muted">As many residents as it needs: unpin one to pin someone else.</p>
        </Show>
      </div>
      <div class="action-list">
        <Disclosure label={`Change ${props.chore.name}`}>
          {(close) => (
            <ChangeChoreForm
              chore={props.chore}
              onDone={(said) => {
                close();
                props.onDone(said);
              }}
            />
          )}
        </Disclosure>
        <Show when={excusable().length > 0}>
          <Disclosure label={`Excuse a resident from ${props.chore.name}`}>
            {(close) => (
              <ExcuseForm
                chore={props.chore}
                residents={excusable()}
                onDone={(said) => {
                  close();
                  props.onDone(said);
                }}
              />
            )}
          </Disclosure>
        </Show>
        <Show when={!full() && pinnable().length > 0}>
          <Disclosure label={`Pin ${props.chore.name} to a resident`}>
            {(close) => (
              <PinForm
                chore={props.chore}
                residents={pinnable()}
                onDone={(said) => {
                  close();
                  props.onDone(said);
                }}
              />
            )}
          </Disclosure>
        </Show>
        <ActionButton busyLabel="Retiring…" onRun={retire}>
          Retire<span class="visually-hidden"> {props.chore.name}</span>
        </ActionButton>
      </div>
    </li>
  );
}

function SettingsForm(props: { houseId: string; settings: ChoreList['settings']; onDone: Done }) {
  const form = createForm({
    read: (data) =>
      validate(choreSettingsInput, {
        houseId: props.houseId,
        rotaDays: Number(text(data, 'rotaDays')),
        swapsNeedApproval: data.has('swapsNeedApproval'),
      }),
    submit: async (value) => {
      await updateChoreSettings(value);
      props.onDone(
        `Rota settings saved: new rotas cover ${value.rotaDays === 14 ? 'two weeks' : 'one week'}, and swaps between residents ${value.swapsNeedApproval ? 'need' : 'do not need'} a manager's approval.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Rota settings">
      <RadioGroup
        name="rotaDays"
        legend="Rota length"
        hint="How many days each new rota covers. Rotas already made keep their length."
        choices={ROTA_LENGTH_CHOICES}
        value={String(props.settings.rotaDays)}
      />
      <YesNoField
        name="swapsNeedApproval"
        label="Swaps between residents need a manager's approval"
        hint="Without it, a swap goes through as soon as the other resident accepts."
        checked={props.settings.swapsNeedApproval}
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save rota settings</SubmitButton>
    </Form>
  );
}

export default function ChoreListPage() {
  const params = useParams<{ houseId: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const list = useQuery(() => choreQueries.list(params.houseId));
  const timeZone = () => house.data?.timezone;
  const [message, setMessage] = createSignal('');
  let statusNote: HTMLParagraphElement | undefined;
  const done: Done = (said) => {
    setMessage(said);
    // some changes take away the button that made them (a retired chore, an ended
    // excuse): the focus then goes to what happened rather than to the top of the page
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || !focused.isConnected) statusNote?.focus();
    });
  };
  // Keyed by id, not by object: every refresh brings new objects, and a card
  // rebuilt for one would close its open form and lose the focus.
  const activeIds = () => (list.data?.chores ?? []).filter((c) => !c.retired).map((c) => c.id);
  const choreById = (id: string) => list.data?.chores.find((c) => c.id === id);
  const retired = () => (list.data?.chores ?? []).filter((c) => c.retired);
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs chore-crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
          <A href={`/houses/${params.houseId}/chores`}>Rota</A>
        </p>
        <PageHeading title="Chore list">Chore list</PageHeading>
        <p class="lede">
          The house's chores and what shapes each rota: who is excused, who a chore is pinned to,
          and how long a rota runs. Changes apply to rotas made from now on.
        </p>
      </div>
      <p ref={statusNote} class="status-note" role="status" tabindex="-1">
        {message()}
      </p>
      <Switch fallback={<Loading />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          {(data) => (
            <>
              <section class="stack" aria-labelledby="chores-heading">
                <h2 id="chores-heading">Chores</h2>
                <ul class="chore-rules">
                  <li>Excused residents are never given the chore.</li>
                  <li>
                    A pinned chore goes to that resident in every rota while they live in the house.
                  </li>
                  <li>A retired chore leaves future rotas; the rotas it was already in keep it.</li>
                </ul>
                <Show
                  when={activeIds().length > 0}
                  fallback={
                    <p class="empty">
                      No chores yet. Add the house's chores here, then make a rota on the rota page.
                    </p>
                  }
                >
                  <ul class="chore-list">
                    <For each={activeIds()}>
                      {(id) => (
                        <Show when={choreById(id)}>
                          {(chore) => (
                            <ChoreCard
                              houseId={params.houseId}
                              chore={chore()}
                              list={data()}
                              timeZone={timeZone()}
                              onDone={done}
                            />
                          )}
                        </Show>
                      )}
                    </For>
                  </ul>
                </Show>
                <Disclosure label="Add a chore">
                  {(close) => (
                    <AddChoreForm
                      houseId={params.houseId}
                      onDone={(said) => {
                        close();
                        done(said);
                      }}
                    />
                  )}
                </Disclosure>
              </section>
              <section class="stack" aria-labelledby="rota-settings-heading">
                <h2 id="rota-settings-heading">Rota settings</h2>
                <SettingsForm houseId={params.houseId} settings={data().settings} onDone={done} />
              </section>
              <Show when={retired().length > 0}>
                <section class="stack" aria-labelledby="retired-heading">
                  <h2 id="retired-heading">Retired chores</h2>
                  <p class="muted">
                    Retired chores are in no future rota; past rotas keep them. To use one again,
                    add it as a new chore.
                  </p>
                  <Disclosure
                    label={`Show ${plural(retired().length, 'retired chore', 'retired chores')}`}
                  >
                    {() => (
                      <ul class="chore-list">
                        <For each={retired()}>
                          {(chore) => (
                            <li class="card stack chore-card chore-retired">
                              <h3>{chore.name}</h3>
                              <p>
                                <span class="badge">Retired</span>
                              </p>
                              <ChoreFacts chore={chore} />
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
