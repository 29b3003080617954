// The community resource directory of a house, for its residents and staff:
// meetings first (with "tonight" and "today" one tap away, on the house's
// clock), then clinics, counselling and the rest; staff add, change and archive.
import {
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  resourceCreateInput,
  resourceUpdateInput,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '@porchlight/domain';
import { A, useParams, useSearchParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import {
  type Accessor,
  createMemo,
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
import { managesHouse, useWhoami } from '../account/session';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, NotFoundMessage, PageHeading } from '../components/page';
import { ShowMore } from '../components/show-more';
import { houseQueries } from '../houses/data';
import { browserTimeZone, plural } from '../lib/dates';
import { createDebounced } from '../lib/debounce';
import { fieldSentence, isNotFound } from '../lib/errors';
import {
  type Choice,
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
import { formatWallTime } from '../passes/format';
import {
  archiveResource,
  createResource,
  type Directory,
  type Resource,
  supportQueries,
  updateResource,
} from './data';
import './resources.css';

type Done = (message: string) => void;
type TimeFilter = 'tonight' | 'today' | '';

/** A meeting that started this long ago still counts as "tonight": latecomers are welcome. */
const GRACE_MINUTES = 30;
/** Entries shown in a group before a "Show more" button. */
const PAGE_SIZE = 12;

const KIND_LABELS: Record<string, string> = RESOURCE_KIND_LABELS;
const FELLOWSHIP_LABELS: Record<string, string> = MEETING_TYPE_LABELS;
const GROUP_HEADINGS: Record<string, string> = {
  meeting: 'Meetings',
  clinic: 'Clinics',
  counselling: 'Counselling',
  job_training: 'Job training',
  education: 'Education',
  legal_aid: 'Legal aid',
  volunteering: 'Volunteering',
  faith: 'Faith groups',
  fitness: 'Fitness',
  other: 'Other help',
};
/** One word each, for counting what is shown: "3 clinics". */
const KIND_NOUNS: Record<string, [string, string]> = {
  meeting: ['meeting', 'meetings'],
  clinic: ['clinic', 'clinics'],
  counselling: ['counselling service', 'counselling services'],
  job_training: ['job training entry', 'job training entries'],
  education: ['education entry', 'education entries'],
  legal_aid: ['legal aid service', 'legal aid services'],
  volunteering: ['volunteering entry', 'volunteering entries'],
  faith: ['faith group', 'faith groups'],
  fitness: ['fitness entry', 'fitness entries'],
  other: ['entry', 'entries'],
};

const KIND_CHOICES: Choice[] = RESOURCE_KINDS.map((k) => ({
  value: k,
  label: RESOURCE_KIND_LABELS[k],
}));
const KIND_FILTER_CHOICES: Choice[] = [{ value: '', label: 'Every kind' }, ...KIND_CHOICES];
const FELLOWSHIP_CHOICES: Choice[] = [
  { value: '', label: 'Not given' },
  ...MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] })),
];

// ISO weekday d is the day of 2024-01-0d (a Monday first): named in the reader's language
const shortDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const SHORT_DAYS: Record<number, string> = Object.fromEntries(
  WEEKDAYS.map((d) => [d, shortDayFormat.format(new Date(Date.UTC(2024, 0, d)))]),
);

/** "Mon, Wed, Fri"; "Every day" for all seven. */
function daysText(weekdays: readonly number[]): string {
  if (weekdays.length === 7) return 'Every day';
  return [...weekdays]
    .sort((a, b) => a - b)
    .map((d) => SHORT_DAYS[d] ?? String(d))
    .join(', ');
}

/** "Mon, Wed, Fri · 12:00 PM", or whichever half is known. */
function whenText(r: Resource): string {
  return [r.weekdays.length > 0 ? daysText(r.weekdays) : '', r.time ? formatWallTime(r.time) : '']
    .filter(Boolean)
    .join(' · ');
}

function fellowshipText(fellowship: string | null): string {
  return fellowship ? (FELLOWSHIP_LABELS[fellowship] ?? fellowship) : '';
}

function minutesOf(hhmm: string | null): number | null {
  const match = hhmm ? /^(\d{1,2}):(\d{2})/.exec(hhmm) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

interface HouseClock {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Minutes since midnight on the house's wall clock. */
  minutes: number;
}

const ISO_WEEKDAY: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // a timezone this browser does not know: its own clock is the best guess
      format = new Intl.DateTimeFormat('en-US', options);
    }
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** The weekday and time the house's clock shows at `now`, as Intl reads them. */
function houseClock(now: Date, timeZone: string): HouseClock {
  const parts = clockFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: ISO_WEEKDAY[part('weekday')] ?? 1,
    minutes: (Number(part('hour')) % 24) * 60 + Number(part('minute')),
  };
}

/** The time now, refreshed every minute while the page is open. */
function createNow(): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), 60_000);
  onCleanup(() => clearInterval(timer));
  return now;
}

function meetsToday(r: Resource, clock: HouseClock): boolean {
  return r.kind === 'meeting' && r.weekdays.includes(clock.weekday);
}

/** Today, and not started more than half an hour ago. */
function meetsTonight(r: Resource, clock: HouseClock): boolean {
  const at = minutesOf(r.time);
  return meetsToday(r, clock) && at !== null && at >= clock.minutes - GRACE_MINUTES;
}

/** Minutes from now to the meeting's next start (this week), for listing the soonest first. */
function untilNext(r: Resource, clock: HouseClock): number {
  const at = minutesOf(r.time) ?? 24 * 60 - 1;
  const week = 7 * 24 * 60;
  const starts = r.weekdays.map((d) => {
    const ahead = (d - clock.weekday) * 24 * 60 + at - (clock.minutes - GRACE_MINUTES);
    return ((ahead % week) + week) % week;
  });
  return starts.length > 0 ? Math.min(...starts) : week;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matchesSearch(r: Resource, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [r.name, r.place ?? '', r.fellowship ?? '', fellowshipText(r.fellowship)].join(' '),
  );
  return words.every((w) => haystack.includes(w));
}

/** A tel: address: digits and a leading +, nothing else. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function hostOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return '';
  }
}

/* ---------- one entry ---------- */

function ResourceFacts(props: { resource: Resource }) {
  const when = () => whenText(props.resource);
  return (
    <dl class="resource-facts">
      <Show when={when()}>
        <div>
          <dt>When</dt>
          <dd>{when()}</dd>
        </div>
      </Show>
      <Show when={props.resource.place}>
        {(place) => (
          <div>
            <dt>Where</dt>
            <dd>{place()}</dd>
          </div>
        )}
      </Show>
      <Show when={props.resource.phone}>
        {(phone) => (
          <div>
            <dt>Phone</dt>
            <dd>
              <a href={telHref(phone())} class="resource-link">
                {phone()}
              </a>
            </dd>
          </div>
        )}
      </Show>
      <Show when={props.resource.onlineLink}>
        {(link) => (
          <div>
            <dt>Online</dt>
            <dd>
              <a
                href={link()}
                class="resource-link"
                target="_blank"
                rel="noopener noreferrer"
                aria-label={`Join online: ${props.resource.name}, ${hostOf(link()) || link()} (opens in a new tab)`}
              >
                Join online
              </a>{' '}
              <span class="muted resource-host">{hostOf(link())}</span>
            </dd>
          </div>
        )}
      </Show>
    </dl>
  );
}

function ResourceCard(props: {
  resource: Resource;
  clock: HouseClock;
  staff: boolean;
  onDone: Done;
}) {
  const fellowship = () =>
    props.resource.kind === 'meeting' ? fellowshipText(props.resource.fellowship) : '';
  const tonight = () => meetsTonight(props.resource, props.clock);
  const archive = async () => {
    const name = props.resource.name;
    await archiveResource({ resourceId: props.resource.id });
    props.onDone(`Archived ${name}. It no longer shows in the directory.`);
  };
  return (
    <li class="card resource-card">
      <h3>{props.resource.name}</h3>
      <Show when={fellowship() || tonight() || props.resource.houseId === null}>
        <p class="resource-tags">
          <Show when={fellowship()}>
            <span class="badge resource-fellowship">{fellowship()}</span>
          </Show>
          <Show when={tonight()}>
            <span class="badge resource-soon">Today</span>
          </Show>
          <Show when={props.resource.houseId === null}>
            <span class="badge">Whole organisation</span>
          </Show>
        </p>
      </Show>
      <ResourceFacts resource={props.resource} />
      <Show when={props.resource.notes}>{(notes) => <p class="resource-notes">{notes()}</p>}</Show>
      <Show when={props.staff}>
        <div class="action-list resource-actions">
          {/* "Change" on the button, the entry's name only in its accessible name: a long name on every card would crowd a phone */}
          <Disclosure label="Change" ariaLabel={`Change ${props.resource.name}`}>
            {(close) => (
              <ChangeResourceForm
                resource={props.resource}
                onDone={(said) => {
                  close();
                  props.onDone(said);
                }}
              />
            )}
          </Disclosure>
          <ActionButton
            class="button button-quiet"
            busyLabel="Archiving…"
            label={`Archive ${props.resource.name}`}
            onRun={archive}
          >
            Archive
          </ActionButton>
        </div>
      </Show>
    </li>
  );
}

/* ---------- adding and changing (staff) ---------- */

/** The days of the week as boxes in a row; like CheckboxGroup, its message sits under the legend. */
function DayChoices(props: { legend: string; hint: string; values: readonly number[] }) {
  const form = useFormState();
  const id = createUniqueId();
  createRenderEffect(() => {
    const unregister = form?.register('weekdays', { label: props.legend });
    if (unregister) onCleanup(unregister);
  });
  const error = () => {
    const message = form?.errors()['weekdays'];
    return message ? fieldSentence(props.legend, 'weekdays', message) : undefined;
  };
  const describedBy = () => [`${id}-hint`, error() ? `${id}-error` : ''].join(' ').trim();
  return (
    <fieldset class="field checkbox-group">
      <legend class="resource-legend">{props.legend}</legend>
      <p class="field-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <div class="resource-days">
        <For each={WEEKDAYS}>
          {(day) => (
            <label class="checkbox">
              <input
                type="checkbox"
                name="weekdays"
                value={String(day)}
                checked={props.values.includes(day)}
                aria-invalid={error() ? 'true' : undefined}
                aria-describedby={describedBy()}
              />
              <span aria-hidden="true">{SHORT_DAYS[day]}</span>
              <span class="visually-hidden">{WEEKDAY_LABELS[day]}</span>
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

/** The fields of an entry, shared by adding one and changing one. */
function ResourceFields(props: { resource?: Resource | undefined }) {
  // what the entry was when the form opened: a refresh must not undo what is being typed
  const start = untrack(() => props.resource);
  const [kind, setKind] = createSignal(start?.kind ?? 'meeting');
  const meeting = () => kind() === 'meeting';
  return (
    <>
      <SelectField
        name="kind"
        label="Kind"
        choices={KIND_CHOICES}
        value={kind()}
        onChange={(e) => setKind(e.currentTarget.value)}
      />
      <TextField
        name="name"
        label="Name"
        autocomplete="off"
        maxLength={160}
        value={start?.name ?? ''}
      />
      <Show when={meeting()}>
        <SelectField
          name="fellowship"
          label="Fellowship"
          optional
          choices={FELLOWSHIP_CHOICES}
          value={start?.fellowship ?? ''}
        />
      </Show>
      <DayChoices
        legend="Days"
        hint={
          meeting()
            ? 'Every day the meeting meets.'
            : 'Only for something on a schedule, such as a weekly class.'
        }
        values={start?.weekdays ?? []}
      />
      <TextField
        name="time"
        label="Time"
        type="time"
        optional={!meeting()}
        hint="On the house's clock."
        value={start?.time ?? ''}
      />
      <TextField
        name="place"
        label="Place"
        optional
        autocomplete="off"
        maxLength={300}
        hint="An address, or how to find it."
        value={start?.place ?? ''}
      />
      <TextField
        name="onlineLink"
        label="Online link"
        type="url"
        inputmode="url"
        optional
        autocomplete="off"
        hint="Starts with https://"
        value={start?.onlineLink ?? ''}
      />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        optional
        autocomplete="off"
        maxLength={40}
        value={start?.phone ?? ''}
      />
      <TextAreaField
        name="notes"
        label="Notes"
        optional
        maxLength={1000}
        hint="What a newcomer should know: the door to use, what to bring."
        value={start?.notes ?? ''}
      />
    </>
  );
}

/** What the entry fields say, for either schema to check. */
function readResource(data: FormData) {
  const kind = text(data, 'kind');
  const time = text(data, 'time');
  return {
    kind,
    name: text(data, 'name'),
    // the fellowship box is only on the page for a meeting
    fellowship: kind === 'meeting' ? text(data, 'fellowship') : '',
    weekdays: data.getAll('weekdays').map(Number),
    // an empty time box is no time; some browsers add seconds
    time: time === '' ? undefined : time.slice(0, 5),
    place: text(data, 'place'),
    onlineLink: text(data, 'onlineLink'),
    phone: text(data, 'phone'),
    notes: text(data, 'notes'),
  };
}

function AddResourceForm(props: {
  houseId: string;
  houseName: string;
  organisationId: string | undefined;
  onDone: Done;
}) {
  const hintId = createUniqueId();
  const form = createForm({
    read: (data) =>
      validate(
        resourceCreateInput,
        props.organisationId && data.has('everyHouse')
          ? { organisationId: props.organisationId, ...readResource(data) }
          : { houseId: props.houseId, ...readResource(data) },
      ),
    submit: async (value) => {
      await createResource(value);
      props.onDone(
        value.houseId
          ? `${value.name} is in the directory of ${props.houseName}.`
          : `${value.name} is in the directory of every house of the organisation.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Add an entry">
      <ResourceFields />
      <Show when={props.organisationId}>
        <div class="field">
          <label class="checkbox resource-check">
            <input type="checkbox" name="everyHouse" aria-describedby={hintId} />
            <span>For every house of the organisation</span>
          </label>
          <p class="field-hint" id={hintId}>
            Otherwise only {props.houseName} lists it.
          </p>
        </div>
      </Show>
      <FormAlert />
      <SubmitButton busyLabel="Adding…">Add to the directory</SubmitButton>
    </Form>
  );
}

function ChangeResourceForm(props: { resource: Resource; onDone: Done }) {
  const resourceId = untrack(() => props.resource.id);
  const form = createForm({
    read: (data) => validate(resourceUpdateInput, { resourceId, ...readResource(data) }),
    submit: async (value) => {
      await updateResource(value);
      props.onDone(`Changes to ${value.name} saved.`);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label={`Change ${props.resource.name}`}>
      <ResourceFields resource={props.resource} />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save changes</SubmitButton>
    </Form>
  );
}

/* ---------- the directory ---------- */

function ResourceGroup(props: {
  kind: string;
  ids: readonly string[];
  byId: (id: string) => Resource | undefined;
  clock: HouseClock;
  staff: boolean;
  onDone: Done;
}) {
  const [shown, setShown] = createSignal(PAGE_SIZE);
  const headingId = createUniqueId();
  const visible = () => props.ids.slice(0, shown());
  const rest = () => props.ids.length - shown();
  const nouns = () => KIND_NOUNS[props.kind] ?? ['entry', 'entries'];
  const more = {
    get hasNextPage() {
      return rest() > 0;
    },
    isFetchingNextPage: false,
    fetchNextPage: () => {
      setShown(shown() + PAGE_SIZE);
      return Promise.resolve();
    },
  };
  return (
    <section class="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{GROUP_HEADINGS[props.kind] ?? KIND_LABELS[props.kind] ?? 'Other'}</h2>
      <ul class="resource-list">
        {/* keyed by id: a refresh brings new objects, and a rebuilt card would close its form */}
        <For each={visible()}>
          {(id) => (
            <Show when={props.byId(id)}>
              {(resource) => (
                <ResourceCard
                  resource={resource()}
                  clock={props.clock}
                  staff={props.staff}
                  onDone={props.onDone}
                />
              )}
            </Show>
          )}
        </For>
      </ul>
      <ShowMore
        list={more}
        label={`Show ${Math.min(rest(), PAGE_SIZE)} more ${rest() === 1 ? nouns()[0] : nouns()[1]}`}
      />
    </section>
  );
}

function countText(
  n: number,
  kind: string,
  when: TimeFilter,
  total: number,
  searching: boolean,
): string {
  if (n === 0 && searching) return 'No matches';
  if (when === 'tonight')
    return n === 0 ? 'No more meetings tonight' : `${plural(n, 'meeting', 'meetings')} tonight`;
  if (when === 'today')
    return n === 0 ? 'No meetings today' : `${plural(n, 'meeting', 'meetings')} today`;
  const [one, many] = KIND_NOUNS[kind] ?? ['entry', 'entries'];
  if (kind) return n === 0 ? `No ${many}` : plural(n, one, many);
  return n === total
    ? plural(n, 'entry', 'entries')
    : `${n} of ${plural(total, 'entry', 'entries')}`;
}

function DirectoryView(props: { directory: Directory; staff: boolean; onDone: Done }) {
  const [search, setSearch] = useSearchParams<{ filter?: string; kind?: string }>();
  const when = (): TimeFilter =>
    search.filter === 'tonight' || search.filter === 'today' ? search.filter : '';
  const kind = () =>
    (RESOURCE_KINDS as readonly string[]).includes(search.kind ?? '') ? (search.kind ?? '') : '';
  const [typed, setTyped] = createSignal('');
  const query = createDebounced(typed, 250);
  const now = createNow();
  const timeZone = () => props.directory.house.timezone;
  const clock = createMemo(() => houseClock(now(), timeZone()), undefined, {
    equals: (a, b) => a.weekday === b.weekday && a.minutes === b.minutes,
  });
  const searchId = createUniqueId();
  const kindId = createUniqueId();
  const elsewhere = () => browserTimeZone() !== timeZone();

  const setWhen = (next: TimeFilter) =>
    setSearch(
      // "tonight" is about meetings: another kind chosen would show nothing
      {
        filter: next || undefined,
        kind: next && kind() !== 'meeting' ? undefined : kind() || undefined,
      },
      { replace: true },
    );
  const setKind = (next: string) =>
    setSearch(
      {
        kind: next || undefined,
        filter: next && next !== 'meeting' ? undefined : when() || undefined,
      },
      { replace: true },
    );
  const clear = () => {
    setTyped('');
    setSearch({ filter: undefined, kind: undefined }, { replace: true });
  };

  const byId = (id: string) => props.directory.resources.find((r) => r.id === id);
  const shown = createMemo(() => {
    const c = clock();
    const q = query();
    const k = kind();
    const w = when();
    return props.directory.resources.filter(
      (r) =>
        (k === '' || r.kind === k) &&
        (w === '' || (w === 'today' ? meetsToday(r, c) : meetsTonight(r, c))) &&
        matchesSearch(r, q),
    );
  });
  /** Meetings by when they next start, the rest by name; kind by kind, meetings first. */
  const groups = createMemo(() => {
    const c = clock();
    const list = shown();
    const ids = new Map<string, string[]>();
    for (const k of RESOURCE_KINDS) {
      const entries = list.filter((r) => r.kind === k);
      if (k === 'meeting')
        entries.sort((a, b) => untilNext(a, c) - untilNext(b, c) || a.name.localeCompare(b.name));
      else entries.sort((a, b) => a.name.localeCompare(b.name));
      if (entries.length > 0)
        ids.set(
          k,
          entries.map((r) => r.id),
        );
    }
    return ids;
  });
  // kinds as strings: a refresh keeps each group (and any form open in it) in place
  const kinds = () => [...groups().keys()];
  const filtered = () => when() !== '' || kind() !== '' || query().trim() !== '';

  return (
    <>
      <div class="card resource-filters" role="search" aria-label="Find in the directory">
        <div class="resource-when">
          <button
            type="button"
            class="button resource-toggle"
            aria-pressed={when() === 'tonight' ? 'true' : 'false'}
            onClick={() => setWhen(when() === 'tonight' ? '' : 'tonight')}
          >
            Meetings tonight
          </button>
          <button
            type="button"
            class="button resource-toggle"
            aria-pressed={when() === 'today' ? 'true' : 'false'}
            onClick={() => setWhen(when() === 'today' ? '' : 'today')}
          >
            Meetings today
          </button>
        </div>
        <div class="field-row">
          <div class="field">
            <div class="field-label">
              <label for={searchId}>Search</label>
            </div>
            <input
              id={searchId}
              type="search"
              autocomplete="off"
              enterkeyhint="search"
              placeholder="Name, place or fellowship"
              value={typed()}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <div class="field-label">
              <label for={kindId}>Kind</label>
            </div>
            <select id={kindId} onChange={(e) => setKind(e.currentTarget.value)}>
              <For each={KIND_FILTER_CHOICES}>
                {(choice) => (
                  <option value={choice.value} selected={choice.value === kind()}>
                    {choice.label}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <div class="resource-count-row">
          <p class="resource-count" role="status">
            {countText(
              shown().length,
              kind(),
              when(),
              props.directory.resources.length,
              query().trim() !== '',
            )}
          </p>
          <Show when={filtered() && kinds().length > 0}>
            <button type="button" class="button button-quiet" onClick={clear}>
              Show everything
            </button>
          </Show>
        </div>
        <Show when={when() === 'tonight'}>
          <p class="muted">Still to come today, or started in the last {GRACE_MINUTES} minutes.</p>
        </Show>
        <Show when={elsewhere()}>
          <p class="muted">Times are on the house's clock ({timeZone()}).</p>
        </Show>
      </div>
      <Switch>
        <Match when={props.directory.resources.length === 0}>
          <p class="empty">
            {props.staff
              ? 'The directory is empty. Add the meetings and services near the house, and the organisation’s helplines.'
              : 'The directory is empty for now. Your house manager can add the meetings and services near the house.'}
          </p>
        </Match>
        <Match when={kinds().length === 0}>
          <div class="stack resource-empty">
            <p class="empty">
              <Switch fallback="Nothing in the directory matches.">
                <Match when={query().trim() !== ''}>
                  Nothing matches “{query().trim()}”
                  {when() === 'tonight' ? ' tonight' : when() === 'today' ? ' today' : ''}.
                </Match>
                <Match when={when() === 'tonight'}>
                  No more meetings tonight. Tomorrow brings more: the whole week is one tap away.
                </Match>
                <Match when={when() === 'today'}>No meetings today in the directory.</Match>
              </Switch>
            </p>
            <div class="actions">
              <Show when={when() === 'tonight' && query().trim() === ''}>
                <button type="button" class="button" onClick={() => setWhen('today')}>
                  Meetings today
                </button>
              </Show>
              <button type="button" class="button" onClick={clear}>
                Show everything
              </button>
            </div>
          </div>
        </Match>
      </Switch>
      <For each={kinds()}>
        {(k) => (
          <ResourceGroup
            kind={k}
            ids={groups().get(k) ?? []}
            byId={byId}
            clock={clock()}
            staff={props.staff}
            onDone={props.onDone}
          />
        )}
      </For>
    </>
  );
}

export default function ResourcesPage() {
  const params = useParams<{ houseId: string }>();
  const who = useWhoami();
  const staff = () => managesHouse(who.data, params.houseId);
  const directory = useQuery(() => supportQueries.directory(params.houseId));
  // for the organisation's id (entries for every house); residents never need it
  const house = useQuery(() => ({ ...houseQueries.get(params.houseId), enabled: staff() }));
  const houseName = () => directory.data?.house.name ?? house.data?.name;
  const [message, setMessage] = createSignal('');
  let statusNote: HTMLParagraphElement | undefined;
  const done: Done = (said) => {
    setMessage(said);
    // archiving takes away the button that did it: the focus then goes to what happened
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || !focused.isConnected) statusNote?.focus();
    });
  };
  const notFound = () => directory.isError && !directory.data && isNotFound(directory.error);
  const title = () => (houseName() ? `Resources near ${houseName()}` : 'Resources');
  return (
    <Show
      when={!notFound()}
      fallback={
        <NotFoundMessage
          message="There is no such house, or its directory is not yours to see."
          back={
            <p>
              <A href="/">Back to the start</A>
            </p>
          }
        />
      }
    >
      <div class="stack-lg">
        <div class="stack">
          <Show when={staff()}>
            <p class="crumbs">
              <A href={`/houses/${params.houseId}`}>{houseName() ?? 'House'}</A>
            </p>
          </Show>
          <PageHeading title={title()}>{title()}</PageHeading>
          <p class="lede">
            Meetings, clinics and other help near the house. Meetings are listed from the next one
            to start.
          </p>
        </div>
        <p ref={statusNote} class="status-note" role="status" tabindex="-1">
          {message()}
        </p>
        <Switch fallback={<Loading label="Loading the directory…" />}>
          <Match when={directory.isError && !directory.data}>
            <LoadError error={directory.error} retry={() => void directory.refetch()} />
          </Match>
          <Match when={directory.data}>
            {(data) => (
              <>
                <Show when={staff()}>
                  <Disclosure label="Add an entry">
                    {(close) => (
                      <AddResourceForm
                        houseId={params.houseId}
                        houseName={data().house.name}
                        organisationId={house.data?.organisationId}
                        onDone={(said) => {
                          close();
                          done(said);
                        }}
                      />
                    )}
                  </Disclosure>
                </Show>
                <DirectoryView directory={data()} staff={staff()} onDone={done} />
              </>
            )}
          </Match>
        </Switch>
      </div>
    </Show>
  );
}
