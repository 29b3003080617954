// A house's meetings, for everyone in the house: the weekly schedule, the
// meetings coming up and those held; for whoever plans them, the schedule,
// one-off meetings and the order of business every meeting starts from.
import {
  agendaTemplateInput,
  DEFAULT_AGENDA,
  localDateAt,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  meetingCreateInput,
  meetingScheduleInput,
  REPORT_SOURCE_LABELS,
  REPORT_SOURCES,
  type ReportSource,
  WEEKDAY_LABELS,
  WEEKDAYS,
} from '@porchlight/domain';
import { A, useParams } from '@solidjs/router';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import {
  type Accessor,
  createSignal,
  For,
  Match,
  type Setter,
  Show,
  Switch,
  untrack,
} from 'solid-js';
import { managesHouse, useWhoami } from '../account/session';
import { dayLabel } from '../chores/status';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { ShowMore } from '../components/show-more';
import { daysBetween } from '../lib/dates';
import {
  type Choice,
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import { formatWallTime } from '../passes/format';
import {
  type AgendaItem,
  createMeeting,
  type MeetingList,
  type MeetingSummary,
  meetingQueries,
  setSchedule,
  updateTemplate,
} from './data';
import './meetings.css';

type Done = (message: string) => void;
type Schedule = NonNullable<MeetingList['schedule']>;

/** Past the fourth meeting to come, the rest wait behind a button: weeks of identical cards say little. */
const SHOWN_AHEAD = 4;
/** As many items as the API takes. */
const MAX_AGENDA_ITEMS = 30;

const WEEKDAY_CHOICES: Choice[] = WEEKDAYS.map((d) => ({
  value: String(d),
  label: WEEKDAY_LABELS[d] ?? String(d),
}));
const KIND_CHOICES: Choice[] = MEETING_KINDS.map((k) => ({
  value: k,
  label: MEETING_KIND_LABELS[k],
}));

const fullDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Today on the house's clock; the browser's day if the timezone is unknown to it. */
function todayIn(timeZone: string): string {
  try {
    return localDateAt(new Date(), timeZone);
  } catch {
    return localDateAt(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  }
}

/** "Today", "Tomorrow", "Sun, Dec 6"; with the year when it is not this year's. */
function dayWords(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  if (date.slice(0, 4) === today.slice(0, 4)) return dayLabel(date);
  const at = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : fullDay.format(at);
}

/** "Today, 7:00 PM": the day and the time on the house's clock. */
function meetingWhen(m: MeetingSummary, today: string): string {
  return `${dayWords(m.date, today)}, ${formatWallTime(m.time)}`;
}

function scheduleWords(schedule: Schedule | null, timeZone: string): string {
  if (!schedule) return 'No weekly meeting is set yet.';
  const day = WEEKDAY_LABELS[schedule.weekday] ?? 'week';
  const called = schedule.title === 'House meeting' ? '' : ` It is called “${schedule.title}”.`;
  return `Every ${day} at ${formatWallTime(schedule.time)}, on the house's clock (${timeZone}).${called}`;
}

/** What became of a meeting that is over, in words. */
function heldWords(m: MeetingSummary): string {
  switch (m.status) {
    case 'closed':
      return m.minutesApproved ? 'Held, minutes approved' : 'Held, minutes waiting for approval';
    case 'cancelled':
      return m.cancelReason ? `Cancelled: ${m.cancelReason}` : 'Cancelled';
    default:
      // the API lists a meeting nobody opened once its day is over
      return 'Not recorded: the meeting was never opened in Porchlight';
  }
}

function MeetingCard(props: { meeting: MeetingSummary; today: string; canChair: boolean }) {
  const when = () => meetingWhen(props.meeting, props.today);
  const runnable = () =>
    props.canChair && (props.meeting.status === 'open' || props.meeting.date === props.today);
  return (
    <li class="card stack meeting-card">
      <h3>
        <A href={`/meetings/${props.meeting.id}`}>
          <time datetime={props.meeting.startsAt}>{when()}</time>
        </A>
      </h3>
      <p class="meeting-title">{props.meeting.title}</p>
      <Show when={props.meeting.kind !== 'house' || props.meeting.status === 'open'}>
        <p class="meeting-tags">
          <Show when={props.meeting.kind !== 'house'}>
            <span class="badge">{MEETING_KIND_LABELS[props.meeting.kind]}</span>
          </Show>
          <Show when={props.meeting.status === 'open'}>
            <span class="badge meeting-live">In progress</span>
          </Show>
        </p>
      </Show>
      <Show when={runnable()}>
        <p>
          <A
            href={`/meetings/${props.meeting.id}/run`}
            class="button button-primary"
            aria-label={`Run the meeting of ${when()}`}
          >
            Run the meeting
          </A>
        </p>
      </Show>
    </li>
  );
}

function ComingUp(props: {
  page: MeetingList;
  today: string;
  calledOff: readonly MeetingSummary[];
}) {
  const soon = () => props.page.upcoming.slice(0, SHOWN_AHEAD);
  const later = () => props.page.upcoming.slice(SHOWN_AHEAD);
  return (
    <section class="stack" aria-labelledby="coming-up-heading">
      <h2 id="coming-up-heading">Coming up</h2>
      <Show
        when={props.page.upcoming.length > 0}
        fallback={
          <p class="empty">
            No meetings planned.
            {props.page.can.plan
              ? ' Set the weekly meeting below, or add a meeting.'
              : ' The house president sets the weekly meeting.'}
          </p>
        }
      >
        <ul class="meeting-cards">
          <For each={soon()}>
            {(m) => <MeetingCard meeting={m} today={props.today} canChair={props.page.can.chair} />}
          </For>
        </ul>
        <Show when={later().length > 0}>
          <Disclosure
            label={`Show ${later().length} more ${later().length === 1 ? 'meeting' : 'meetings'}`}
          >
            {() => (
              <ul class="meeting-cards">
                <For each={later()}>
                  {(m) => (
                    <MeetingCard meeting={m} today={props.today} canChair={props.page.can.chair} />
                  )}
                </For>
              </ul>
            )}
          </Disclosure>
        </Show>
      </Show>
      <Show when={props.calledOff.length > 0}>
        <Disclosure label={`Cancelled meetings still to come (${props.calledOff.length})`}>
          {() => (
            <ul class="plain-list meeting-held">
              <For each={props.calledOff}>
                {(m) => <MeetingRow meeting={m} today={props.today} />}
              </For>
            </ul>
          )}
        </Disclosure>
      </Show>
    </section>
  );
}

/** A meeting that is over or called off: a line in a list rather than a card. */
function MeetingRow(props: { meeting: MeetingSummary; today: string }) {
  return (
    <li>
      <A href={`/meetings/${props.meeting.id}`}>
        <time datetime={props.meeting.startsAt}>{meetingWhen(props.meeting, props.today)}</time>
      </A>
      <p>
        {props.meeting.title}
        <Show when={props.meeting.kind !== 'house'}>
          {' '}
          ({MEETING_KIND_LABELS[props.meeting.kind].toLowerCase()})
        </Show>
      </p>
      <p class="muted">{heldWords(props.meeting)}</p>
    </li>
  );
}

function Held(props: {
  meetings: readonly MeetingSummary[];
  today: string;
  list: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage: () => Promise<unknown>;
  };
}) {
  return (
    <section class="stack" aria-labelledby="held-heading">
      <h2 id="held-heading">Held</h2>
      <Show
        when={props.meetings.length > 0}
        fallback={
          // while more pages load on in search of one held, the button below says so
          <Show when={!props.list.hasNextPage}>
            <p class="empty">No meetings held yet. Their minutes will be here.</p>
          </Show>
        }
      >
        <ul class="plain-list meeting-held">
          <For each={props.meetings}>{(m) => <MeetingRow meeting={m} today={props.today} />}</For>
        </ul>
      </Show>
      <ShowMore list={props.list} label="Show earlier meetings" />
    </section>
  );
}

function ScheduleForm(props: {
  houseId: string;
  schedule: Schedule | null;
  timeZone: string;
  onDone: Done;
}) {
  const start = untrack(() => props.schedule);
  const form = createForm({
    read: (data) =>
      validate(meetingScheduleInput, {
        houseId: props.houseId,
        weekday: Number(text(data, 'weekday')),
        time: text(data, 'time'),
        title: text(data, 'title'),
      }),
    submit: async (value) => {
      const replaced = props.schedule !== null;
      await setSchedule(value);
      props.onDone(
        `${value.title} is every ${WEEKDAY_LABELS[value.weekday] ?? ''} at ${formatWallTime(value.time)} from now on; the next eight weeks are planned.` +
          (replaced ? ' The old schedule’s meetings still to come are cancelled.' : ''),
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Weekly meeting">
      <p class="field-hint">
        On the house's clock ({props.timeZone}).
        {start
          ? ' Changing it cancels the old schedule’s meetings still to come, and plans new ones for the next eight weeks. Meetings already held keep their record.'
          : ' Porchlight plans the meetings for the next eight weeks, and keeps planning ahead.'}
      </p>
      <SelectField
        name="weekday"
        label="Day"
        choices={WEEKDAY_CHOICES}
        value={String(start?.weekday ?? 7)}
      />
      <TextField name="time" label="Time" type="time" value={start?.time ?? '19:00'} />
      <TextField
        name="title"
        label="Title"
        autocomplete="off"
        maxLength={120}
        value={start?.title ?? 'House meeting'}
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save the weekly meeting</SubmitButton>
    </Form>
  );
}

function AddMeetingForm(props: {
  houseId: string;
  today: string;
  timeZone: string;
  time: string;
  onDone: Done;
}) {
  // the title follows the kind until someone writes their own
  const [title, setTitle] = createSignal<string>(MEETING_KIND_LABELS.emergency);
  const [ownTitle, setOwnTitle] = createSignal(false);
  const form = createForm({
    read: (data) =>
      validate(meetingCreateInput, {
        houseId: props.houseId,
        kind: text(data, 'kind'),
        title: text(data, 'title'),
        date: text(data, 'date'),
        time: text(data, 'time'),
      }),
    submit: async (value) => {
      await createMeeting(value);
      props.onDone(
        `${value.title} added: ${dayWords(value.date, props.today)}, ${formatWallTime(value.time)}. It is under Coming up.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Add a meeting">
      <p class="field-hint">
        A meeting outside the weekly schedule, on the house's clock ({props.timeZone}).
      </p>
      <SelectField
        name="kind"
        label="Kind"
        choices={KIND_CHOICES}
        value="emergency"
        onChange={(e) => {
          const label = KIND_CHOICES.find((c) => c.value === e.currentTarget.value)?.label;
          if (!ownTitle() && label) setTitle(label);
        }}
      />
      <TextField
        name="title"
        label="Title"
        autocomplete="off"
        maxLength={120}
        value={title()}
        onInput={(e) => {
          setOwnTitle(true);
          setTitle(e.currentTarget.value);
        }}
      />
      <TextField name="date" label="Date" type="date" min={props.today} />
      <TextField name="time" label="Time" type="time" value={props.time} />
      <FormAlert />
      <SubmitButton busyLabel="Adding…">Add the meeting</SubmitButton>
    </Form>
  );
}

/** One item of the order of business while it is edited; its fields keep what is typed. */
interface Row {
  uid: number;
  key: string | undefined;
  startTitle: string;
  startReports: readonly ReportSource[];
  title: Accessor<string>;
  setTitle: Setter<string>;
  reports: Accessor<number>;
  setReports: Setter<number>;
}

let nextRow = 0;

function rowOf(item: { key?: string; title: string; reports: readonly ReportSource[] }): Row {
  const [title, setTitle] = createSignal(item.title);
  const [reports, setReports] = createSignal(item.reports.length);
  nextRow += 1;
  return {
    uid: nextRow,
    key: item.key,
    startTitle: item.title,
    startReports: item.reports,
    title,
    setTitle,
    reports,
    setReports,
  };
}

function TemplateForm(props: { houseId: string; items: readonly AgendaItem[]; onDone: Done }) {
  const [rows, setRows] = createSignal<Row[]>(untrack(() => props.items.map(rowOf)));
  const [note, setNote] = createSignal('');
  let list: HTMLOListElement | undefined;
  const name = (row: Row, index: number) => row.title().trim() || `item ${index + 1}`;
  // a moved row's node is moved too, and the browser drops the focus on the way
  const focusRow = (uid: number, selector: string) =>
    requestAnimationFrame(() =>
      list?.querySelector<HTMLElement>(`[data-row="${uid}"] ${selector}`)?.focus(),
    );
  const move = (row: Row, by: -1 | 1) => {
    const all = rows();
    const from = all.indexOf(row);
    const to = from + by;
    if (from < 0 || to < 0 || to >= all.length) return;
    const next = all.filter((r) => r !== row);
    next.splice(to, 0, row);
    setRows(next);
    setNote(`“${name(row, to)}” is item ${to + 1} of ${next.length}.`);
    const edge = (by === -1 && to === 0) || (by === 1 && to === next.length - 1);
    focusRow(row.uid, `[data-move="${edge ? -by : by}"]`);
  };
  const remove = (row: Row) => {
    const all = rows();
    const at = all.indexOf(row);
    const next = all.filter((r) => r !== row);
    setRows(next);
    setNote(`“${name(row, at)}” is taken off. Save the order of business to keep the change.`);
    const after = next[Math.min(at, next.length - 1)];
    if (after) focusRow(after.uid, 'input[type="text"]');
  };
  const add = () => {
    const row = rowOf({ title: '', reports: [] });
    setRows([...rows(), row]);
    setNote('');
    focusRow(row.uid, 'input[type="text"]');
  };
  const reset = () => {
    setRows(DEFAULT_AGENDA.map(rowOf));
    setNote('The Oxford House order is in the form. Save the order of business to use it.');
  };
  const form = createForm({
    read: (data) =>
      validate(agendaTemplateInput, {
        houseId: props.houseId,
        // the fields are numbered in the order they stand on the page
        items: rows().map((_, i) => {
          const key = text(data, `items.${i}.key`);
          return {
            ...(key ? { key } : {}),
            title: text(data, `items.${i}.title`),
            reports: data.getAll(`items.${i}.reports`).map(String),
          };
        }),
      }),
    submit: async (value) => {
      await updateTemplate(value);
      props.onDone(
        `The order of business is saved: ${value.items.length} items. Meetings not yet opened follow it, unless their own agenda was changed.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Order of business">
      <p class="field-hint">
        The items every meeting's agenda starts from, in order, and the reports from the house's
        records each one brings up. The chair can still change one meeting's agenda before it opens.
      </p>
      <ol ref={list} class="agenda-rows">
        <For each={rows()}>
          {(row, index) => (
            <li class="agenda-row" data-row={row.uid}>
              <Show when={row.key}>
                {(key) => <input type="hidden" name={`items.${index()}.key`} value={key()} />}
              </Show>
              <TextField
                name={`items.${index()}.title`}
                label={`Item ${index() + 1}`}
                autocomplete="off"
                maxLength={120}
                value={row.startTitle}
                onInput={(e) => row.setTitle(e.currentTarget.value)}
              />
              <details class="agenda-reports">
                <summary>
                  Reports ({row.reports() === 0 ? 'none' : row.reports()})
                  <span class="visually-hidden"> under “{name(row, index())}”</span>
                </summary>
                <fieldset class="field checkbox-group">
                  <legend>Reports under “{name(row, index())}”</legend>
                  <For each={REPORT_SOURCES}>
                    {(source) => (
                      <label class="checkbox">
                        <input
                          type="checkbox"
                          name={`items.${index()}.reports`}
                          value={source}
                          checked={row.startReports.includes(source)}
                          onChange={(e) =>
                            row.setReports((n) => n + (e.currentTarget.checked ? 1 : -1))
                          }
                        />
                        <span>{REPORT_SOURCE_LABELS[source]}</span>
                      </label>
                    )}
                  </For>
                </fieldset>
              </details>
              <div class="agenda-moves">
                <button
                  type="button"
                  class="button"
                  data-move="-1"
                  disabled={index() === 0}
                  aria-label={`Move up “${name(row, index())}”`}
                  onClick={() => move(row, -1)}
                >
                  Move up
                </button>
                <button
                  type="button"
                  class="button"
                  data-move="1"
                  disabled={index() === rows().length - 1}
                  aria-label={`Move down “${name(row, index())}”`}
                  onClick={() => move(row, 1)}
                >
                  Move down
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={rows().length === 1}
                  aria-label={`Remove “${name(row, index())}”`}
                  onClick={() => remove(row)}
                >
                  Remove
                </button>
              </div>
            </li>
          )}
        </For>
      </ol>
      <div class="action-list">
        <Show
          when={rows().length < MAX_AGENDA_ITEMS}
          fallback={<p class="muted">{MAX_AGENDA_ITEMS} items is as many as an agenda takes.</p>}
        >
          <button type="button" class="button" onClick={add}>
            Add an item
          </button>
        </Show>
        <button type="button" class="button button-quiet" onClick={reset}>
          Back to the Oxford House order
        </button>
      </div>
      <p class="status-note" role="status">
        {note()}
      </p>
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save the order of business</SubmitButton>
    </Form>
  );
}

/** The template loads only when its form is opened. */
function TemplateEditor(props: { houseId: string; onDone: Done }) {
  const template = useQuery(() => meetingQueries.template(props.houseId));
  return (
    <Switch fallback={<Loading label="Loading the order of business…" />}>
      <Match when={template.isError && !template.data}>
        <LoadError error={template.error} retry={() => void template.refetch()} />
      </Match>
      <Match when={template.data}>
        {(items) => <TemplateForm houseId={props.houseId} items={items()} onDone={props.onDone} />}
      </Match>
    </Switch>
  );
}

function Planning(props: { page: MeetingList; today: string; onDone: Done }) {
  const timeZone = () => props.page.house.timezone;
  return (
    <section class="stack" aria-labelledby="planning-heading">
      <h2 id="planning-heading">Plan the meetings</h2>
      <div class="action-list">
        <Disclosure label="Weekly meeting">
          {(close) => (
            <ScheduleForm
              houseId={props.page.house.id}
              schedule={props.page.schedule}
              timeZone={timeZone()}
              onDone={(said) => {
                close();
                props.onDone(said);
              }}
            />
          )}
        </Disclosure>
        <Disclosure label="Add a meeting">
          {(close) => (
            <AddMeetingForm
              houseId={props.page.house.id}
              today={props.today}
              timeZone={timeZone()}
              time={props.page.schedule?.time ?? '19:00'}
              onDone={(said) => {
                close();
                props.onDone(said);
              }}
            />
          )}
        </Disclosure>
        <Disclosure label="Order of business">
          {(close) => (
            <TemplateEditor
              houseId={props.page.house.id}
              onDone={(said) => {
                close();
                props.onDone(said);
              }}
            />
          )}
        </Disclosure>
      </div>
    </section>
  );
}

export default function MeetingsPage() {
  const params = useParams<{ houseId: string }>();
  const who = useWhoami();
  const list = useInfiniteQuery(() => meetingQueries.list(params.houseId));
  const first = () => list.data?.pages[0];
  const past = () => list.data?.pages.flatMap((p) => p.past) ?? [];
  // meetings called off ahead of time (a change of schedule replaces its own, so those are left out)
  const calledOff = () => first()?.cancelledAhead ?? [];
  const today = () => todayIn(first()?.house.timezone ?? '');
  const staff = () => managesHouse(who.data, params.houseId);
  const [message, setMessage] = createSignal('');
  let statusNote: HTMLParagraphElement | undefined;
  const done: Done = (said) => {
    setMessage(said);
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || !focused.isConnected) statusNote?.focus();
    });
  };
  return (
    <div class="stack-lg">
      <div class="stack">
        <Show when={staff()}>
          <p class="crumbs">
            <A href={`/houses/${params.houseId}`}>{first()?.house.name ?? 'House'}</A>
          </p>
        </Show>
        <PageHeading title="Meetings">Meetings</PageHeading>
        <Show when={first()}>
          {(page) => <p class="lede">{scheduleWords(page().schedule, page().house.timezone)}</p>}
        </Show>
        <p>
          <A href={`/houses/${params.houseId}/officers`}>Officers</A>: who holds each office, and
          until when.
        </p>
        <Show when={first()?.can.chair}>
          <p>
            <A href={`/houses/${params.houseId}/mentoring`}>Peer mentoring</A>: pair a newcomer with
            a resident further along.
          </p>
        </Show>
      </div>
      <p ref={statusNote} class="status-note" role="status" tabindex="-1">
        {message()}
      </p>
      <Switch fallback={<Loading label="Loading the meetings…" />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={first()}>
          {(page) => (
            <>
              <ComingUp page={page()} today={today()} calledOff={calledOff()} />
              <Show when={page().can.plan}>
                <Planning page={page()} today={today()} onDone={done} />
              </Show>
              <Held meetings={past()} today={today()} list={list} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
