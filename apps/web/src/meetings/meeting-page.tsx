// Everyone in the house: the record of one meeting (the order of business with
// the reports it carried, the roll, minutes, motions and action items), on screen and on paper.
import {
  amendMinutesInput,
  ATTENDANCE_LABELS,
  MOTION_RESULT_LABELS,
  MOTION_THRESHOLD_LABELS,
  type MotionResult,
  quorumOf,
  REPORT_SOURCE_LABELS,
  type ReportSource,
  votesNeeded,
} from '@porchlight/domain';
import { A, useParams } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { managesHouse, useWhoami } from '../account/session';
import { Icon, type IconName } from '../components/icon';
import { dayLabel } from '../chores/status';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, NotFoundMessage, PageHeading } from '../components/page';
import { browserToday, formatDate, plural } from '../lib/dates';
import { isNotFound } from '../lib/errors';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  TextAreaField,
  TextField,
  text,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { formatAt, formatWallTime } from '../passes/format';
import {
  type ActionItem,
  type AgendaItem,
  amendMinutes,
  approveMinutes,
  type MeetingDetail,
  type MeetingReports,
  meetingQueries,
  type MotionItem,
  type RollEntry,
} from './data';
import './meeting-record.css';

type Done = (message: string) => void;

const fullDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Sun, Dec 6, 2026": a house date is a day, read as UTC so no timezone moves it. */
function dateWords(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : fullDay.format(at);
}

/** Today on the house's clock (YYYY-MM-DD): a meeting can be run from its own day. */
function todayIn(timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date());
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    // an unknown timezone name: the reader's own day is the nearest guess
    return browserToday();
  }
}

const RESULT_ICONS: Record<MotionResult, IconName> = {
  passed: 'check',
  failed: 'cross',
  no_quorum: 'dash',
};

const MOTION_KIND_WORDS: Record<string, string> = {
  election: 'Election',
  admit_member: 'Admitting a member',
  minutes: 'Accepting the minutes',
};

export default function MeetingPage() {
  const params = useParams<{ meetingId: string }>();
  const meeting = useQuery(() => meetingQueries.get(params.meetingId));
  // the site's header and the page's padding go away when printing this page only
  onMount(() => document.body.classList.add('printing-meeting'));
  onCleanup(() => document.body.classList.remove('printing-meeting'));
  return (
    <Switch fallback={<Loading label="Loading the meeting…" />}>
      <Match when={meeting.isError && isNotFound(meeting.error)}>
        <NotFoundMessage
          message="We couldn't find that meeting, or you don't have access."
          back={
            <p>
              <A href="/">Back to the start</A>
            </p>
          }
        />
      </Match>
      <Match when={meeting.isError && !meeting.data}>
        <div class="stack">
          <PageHeading title="Meeting">Meeting</PageHeading>
          <LoadError error={meeting.error} retry={() => void meeting.refetch()} />
        </div>
      </Match>
      <Match when={meeting.data}>{(detail) => <MeetingRecord detail={detail()} />}</Match>
    </Switch>
  );
}

function MeetingRecord(props: { detail: MeetingDetail }) {
  const who = useWhoami();
  const [message, setMessage] = createSignal('');
  const m = () => props.detail.meeting;
  const house = () => props.detail.house;
  const heading = () => `${m().title}, ${dateWords(m().date)}, ${formatWallTime(m().time)}`;
  const today = () => todayIn(house().timezone);
  const canRun = () =>
    props.detail.can.chair &&
    (m().status === 'open' || (m().status === 'scheduled' && m().date <= today()));
  // the officers' powers (can.chair) are a resident's; staff are the house's managers
  const staff = () => managesHouse(who.data, house().id);
  return (
    <article class="stack-lg meeting-record">
      <header class="stack meeting-head">
        <p class="crumbs no-print">
          <A href={`/houses/${house().id}/meetings`}>Meetings · {house().name}</A>
        </p>
        {/* on paper the crumbs are gone: the house is named above the title instead */}
        <p class="print-only meeting-print-house">{house().name}</p>
        <PageHeading title={`${m().title}, ${dateWords(m().date)} · ${house().name}`}>
          {heading()}
        </PageHeading>
        <StatusLine detail={props.detail} today={today()} />
        <div class="action-list no-print">
          <Show when={canRun()}>
            <A href={`/meetings/${m().id}/run`} class="button button-primary">
              Run the meeting
            </A>
          </Show>
          <button type="button" class="button" onClick={() => window.print()}>
            Print the record
          </button>
        </div>
        <p class="status-note no-print" role="status">
          {message()}
        </p>
      </header>
      <Agenda
        agenda={props.detail.agenda}
        reports={m().status === 'cancelled' ? null : props.detail.reports}
        date={m().date}
        cancelled={m().status === 'cancelled'}
      />
      <Show when={m().status !== 'cancelled'}>
        <Roll detail={props.detail} staff={staff()} />
        <Minutes detail={props.detail} onDone={setMessage} />
        <Motions detail={props.detail} />
        <RaisedItems items={props.detail.actionItems} status={m().status} today={today()} />
      </Show>
      <p class="print-only meeting-printed">Printed from Porchlight on {formatDate(today())}.</p>
    </article>
  );
}

function StatusLine(props: { detail: MeetingDetail; today: string }) {
  const m = () => props.detail.meeting;
  const tz = () => props.detail.house.timezone;
  return (
    <Switch>
      <Match when={m().status === 'cancelled'}>
        <div class="stack meeting-status">
          <p>
            <span class="badge meeting-badge meeting-badge-cancelled">Cancelled</span>
          </p>
          <p>
            <Show when={m().cancelReason} fallback="No reason was given.">
              {(reason) => <>Reason: {reason()}</>}
            </Show>
          </p>
        </div>
      </Match>
      <Match when={m().status === 'open'}>
        <p class="meeting-status">
          <span class="badge badge-open meeting-badge">In progress</span>{' '}
          <Show when={m().openedAt}>{(at) => <>Opened {formatAt(at(), tz())}</>}</Show>
        </p>
      </Match>
      <Match when={m().status === 'closed'}>
        <p class="meeting-status">
          <span class="badge meeting-badge">Held</span>{' '}
          <Show when={m().openedAt && m().closedAt}>
            Opened {formatAt(m().openedAt, tz())}, closed {formatAt(m().closedAt, tz())}
          </Show>
        </p>
      </Match>
      {/* a day gone by without the meeting being opened: it can still be, late */}
      <Match when={m().date < props.today}>
        <p class="meeting-status">
          <span class="badge meeting-badge">Not opened</span> Planned for {dateWords(m().date)}; it
          was not opened on the day.
        </p>
      </Match>
      <Match when={true}>
        <p class="meeting-status">
          <span class="badge badge-open meeting-badge">Coming up</span>
          <Show when={m().date === props.today}> Today.</Show>
        </p>
      </Match>
    </Switch>
  );
}

// ---------- order of business ----------

function Agenda(props: {
  agenda: AgendaItem[];
  reports: MeetingReports | null;
  date: string;
  cancelled: boolean;
}) {
  return (
    <section class="stack meeting-section" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Order of business</h2>
      <Show when={props.cancelled}>
        <p class="muted">
          The meeting was not held. This is the order of business it would have had.
        </p>
      </Show>
      <Show
        when={props.agenda.length > 0}
        fallback={<p class="empty">This meeting has no agenda.</p>}
      >
        <ol class="meeting-agenda">
          <For each={props.agenda}>
            {(item) => (
              <li class="meeting-agenda-item">
                <h3>{item.title}</h3>
                <Show when={item.reports.length > 0}>
                  <Show
                    when={props.reports}
                    fallback={
                      <p class="muted">
                        With: {item.reports.map((r) => REPORT_SOURCE_LABELS[r]).join('; ')}
                      </p>
                    }
                  >
                    {(reports) => (
                      <ul class="meeting-reports">
                        <For each={item.reports}>
                          {(source) => (
                            <Report source={source} reports={reports()} date={props.date} />
                          )}
                        </For>
                      </ul>
                    )}
                  </Show>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function Report(props: { source: ReportSource; reports: MeetingReports; date: string }) {
  return (
    <li class="meeting-report">
      <h4>{REPORT_SOURCE_LABELS[props.source]}</h4>
      <Switch>
        <Match when={props.source === 'minutes'}>
          <LastMinutes minutes={props.reports.minutes} />
        </Match>
        <Match when={props.source === 'chores'}>
          <ChoresReport chores={props.reports.chores} />
        </Match>
        <Match when={props.source === 'check_ins'}>
          <Show
            when={props.reports.checkIns.required > 0}
            fallback={<p>No check-ins were due in the week before.</p>}
          >
            <p>
              Check-ins made: {props.reports.checkIns.made} of {props.reports.checkIns.required} due
              ({props.reports.checkIns.onTime} on time)
            </p>
          </Show>
        </Match>
        <Match when={props.source === 'violations'}>
          {/* counts only: a house meeting is no place to name anyone's violation */}
          <p>{violationCounts(props.reports.violations)}</p>
        </Match>
        <Match when={props.source === 'residents'}>
          <MovesReport residents={props.reports.residents} />
        </Match>
        <Match when={props.source === 'action_items'}>
          <CarriedItems items={props.reports.actionItems} date={props.date} />
        </Match>
        <Match when={props.source === 'milestones'}>
          <Show
            when={props.reports.celebrations.length > 0}
            fallback={<p>No milestones shared for this week.</p>}
          >
            <ul class="celebrations">
              <For each={props.reports.celebrations}>
                {(c) => (
                  <li>
                    <strong>{c.name}</strong>: {c.label}
                    {c.kind === 'sobriety' ? ' sober' : ''} ({formatDate(c.date)})
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
      </Switch>
    </li>
  );
}

/** "no violations", "1 violation", "2 violations". */
function countWords(n: number, one: string, many: string): string {
  return n === 0 ? `no ${many}` : plural(n, one, many);
}

/**
 * "2 violations in the last 30 days, 1 grievance waiting". A violation has no
 * open or closed state: the API counts those not voided from the 30 days before.
 */
function violationCounts(counts: MeetingReports['violations']): string {
  const violations = countWords(counts.openViolations, 'violation', 'violations');
  const grievances = countWords(counts.openGrievances, 'grievance waiting', 'grievances waiting');
  const sentence = `${violations} in the last 30 days, ${grievances}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function LastMinutes(props: { minutes: MeetingReports['minutes'] }) {
  return (
    <Show when={props.minutes} fallback={<p>There was no meeting before this one.</p>}>
      {(last) => (
        <>
          <p>
            From the meeting of{' '}
            <A href={`/meetings/${last().meetingId}`}>{dateWords(last().date)}</A>:{' '}
            {last().approved ? 'approved' : 'to be accepted'}
          </p>
          <Show
            when={last().text.trim() !== ''}
            fallback={<p class="empty">No minutes were written.</p>}
          >
            <details class="meeting-details no-print">
              <summary>Read the minutes of {dayLabel(last().date)}</summary>
              <p class="meeting-text">{last().text}</p>
            </details>
          </Show>
        </>
      )}
    </Show>
  );
}

function ChoresReport(props: { chores: MeetingReports['chores'] }) {
  const next = () => props.chores.nextRota;
  return (
    <>
      <p>
        Last week ({dayLabel(props.chores.from)} to {dayLabel(props.chores.to)}):{' '}
        <Show when={props.chores.due > 0} fallback="no chores were due.">
          {props.chores.done} of {plural(props.chores.due, 'chore', 'chores')} done,{' '}
          {props.chores.missed} missed.
        </Show>
      </p>
      <p>
        {/* the API names a rota only when one starts after the meeting, not one still running */}
        Next rota:{' '}
        <Show when={next()} fallback="not yet made">
          {(rota) => (
            <>
              {rota().published ? 'published' : 'drafted, not yet published'} (from{' '}
              {dayLabel(rota().startDate)})
            </>
          )}
        </Show>
      </p>
    </>
  );
}

function MovesReport(props: { residents: MeetingReports['residents'] }) {
  const moves = () => props.residents.movedIn.length + props.residents.movedOut.length;
  return (
    <>
      <Show when={moves() > 0} fallback={<p>Nobody moved in or left in the week before.</p>}>
        <Show when={props.residents.movedIn.length > 0}>
          <p>Moved in:</p>
          <ul class="meeting-bullets">
            <For each={props.residents.movedIn}>
              {(r) => (
                <li>
                  {r.name}, {dayLabel(r.date)}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.residents.movedOut.length > 0}>
          <p>Left:</p>
          <ul class="meeting-bullets">
            <For each={props.residents.movedOut}>
              {(r) => (
                <li>
                  {r.name}, {dayLabel(r.date)}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <p class="muted">{plural(props.residents.count, 'resident', 'residents')} in the house.</p>
    </>
  );
}

function CarriedItems(props: { items: ActionItem[]; date: string }) {
  const open = () => props.items.filter((i) => !i.done);
  return (
    <Show when={open().length > 0} fallback={<p>No action items are open.</p>}>
      <ul class="meeting-bullets">
        <For each={open()}>
          {(item) => (
            <li>
              {item.text}{' '}
              <span class="muted">
                ({itemFacts(item, props.date)}; carried over from {dayLabel(item.raisedOn)})
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** "Isaiah Grant, due Tue, Nov 10", and "overdue" when still open after the day it was due by. */
function itemFacts(item: ActionItem, on?: string): string {
  const owner = item.ownerName ?? 'nobody named';
  if (!item.dueDate) return `${owner}, no due date`;
  const late = !item.done && on !== undefined && item.dueDate < on;
  return `${owner}, due ${dayLabel(item.dueDate)}${late ? ', overdue' : ''}`;
}

// ---------- roll call ----------

function Roll(props: { detail: MeetingDetail; staff: boolean }) {
  const taken = () => props.detail.attendance.some((a) => a.status !== null);
  const late = () => props.detail.attendance.filter((a) => a.status === 'late').length;
  return (
    <section class="stack meeting-section meeting-roll-section" aria-labelledby="roll-heading">
      <h2 id="roll-heading">Roll call</h2>
      <Show
        when={taken()}
        fallback={
          <p>
            The roll has not been taken yet (
            {plural(props.detail.counts.members, 'member', 'members')}).
          </p>
        }
      >
        <p class="meeting-count">
          {props.detail.counts.present} of {props.detail.counts.members} present
          <Show when={late() > 0}> ({late()} of them late)</Show>
        </p>
      </Show>
      <Show when={props.detail.attendance.length > 0}>
        <ul class="meeting-roll">
          <For each={props.detail.attendance}>
            {(entry) => (
              <RollLine entry={entry} houseId={props.detail.house.id} staff={props.staff} />
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function RollLine(props: { entry: RollEntry; houseId: string; staff: boolean }) {
  return (
    <li class="meeting-roll-entry">
      <span class="meeting-roll-name">{props.entry.name}</span>
      <span
        class="meeting-roll-status"
        classList={{ 'meeting-roll-absent': props.entry.status === 'unexcused' }}
      >
        <Show when={props.entry.status} fallback="Not yet taken">
          {(status) => ATTENDANCE_LABELS[status()]}
        </Show>
        <Show when={props.entry.note}>{(note) => <> ({note()})</>}</Show>
      </span>
      <Show when={props.staff && props.entry.status === 'unexcused'}>
        <A
          class="no-print meeting-roll-action"
          href={`/houses/${props.houseId}/violations?residentId=${encodeURIComponent(props.entry.residentId)}`}
        >
          Record a violation<span class="visually-hidden"> for {props.entry.name}</span>
        </A>
      </Show>
    </li>
  );
}

// ---------- minutes ----------

function Minutes(props: { detail: MeetingDetail; onDone: Done }) {
  const minutes = () => props.detail.minutes;
  const status = () => props.detail.meeting.status;
  const tz = () => props.detail.house.timezone;
  const meetingId = () => props.detail.meeting.id;
  const approve = async () => {
    await approveMinutes({ meetingId: meetingId() });
    props.onDone('The minutes are approved.');
  };
  return (
    <section class="stack meeting-section" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">Minutes</h2>
      <Show
        when={minutes().text.trim() !== ''}
        fallback={
          <p class="empty">
            {status() === 'scheduled'
              ? 'The minutes are written during the meeting.'
              : 'No minutes have been written.'}
          </p>
        }
      >
        <div class="meeting-text meeting-minutes">{minutes().text}</div>
      </Show>
      <Show when={status() !== 'scheduled'}>
        <Show
          when={minutes().approved}
          fallback={<p class="meeting-approval">Not yet approved.</p>}
        >
          <p class="meeting-approval">
            <Icon name="check" class="meeting-icon" /> Approved
            <Show when={minutes().approvedAt}>{(at) => <> on {formatAt(at(), tz())}</>}</Show>
          </p>
          <p class="muted no-print">
            Approved minutes stay as they are: a change is added below them as an amendment.
          </p>
        </Show>
      </Show>
      <Show when={minutes().amendments.length > 0}>
        <h3>Amendments</h3>
        <ol class="meeting-amendments">
          <For each={minutes().amendments}>
            {(amendment) => (
              <li class="meeting-amendment">
                <p>
                  <strong>{amendment.reason}</strong>
                </p>
                <p class="meeting-text">{amendment.text}</p>
                <p class="muted">
                  {amendment.by ? `By ${amendment.by}, ` : ''}
                  {formatAt(amendment.at, tz())}
                </p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.detail.can.minutes && minutes().approved}>
        <div class="no-print">
          <Disclosure label="Amend the minutes">
            {(close) => (
              <AmendForm
                meetingId={meetingId()}
                onDone={(said) => {
                  close();
                  props.onDone(said);
                }}
              />
            )}
          </Disclosure>
        </div>
      </Show>
      <Show when={props.detail.can.minutes && status() === 'closed' && !minutes().approved}>
        <div class="card stack no-print">
          <p>
            Usually the house accepts the minutes by a motion at its next meeting, which approves
            them. Approve them here only if the house has accepted them some other way: once
            approved they are locked, and can only be amended.
          </p>
          <ActionButton busyLabel="Approving…" onRun={approve}>
            Approve the minutes
          </ActionButton>
        </div>
      </Show>
    </section>
  );
}

function AmendForm(props: { meetingId: string; onDone: Done }) {
  const form = createForm({
    read: (data) =>
      validate(amendMinutesInput, {
        meetingId: props.meetingId,
        text: text(data, 'text'),
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await amendMinutes(value);
      props.onDone('The amendment is added to the minutes.');
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Amend the minutes">
      <TextAreaField
        name="text"
        label="The amendment"
        rows={4}
        hint="What to add or correct. It is listed after the approved minutes, which stay as they are."
      />
      <TextField
        name="reason"
        label="Reason"
        autocomplete="off"
        hint="Why the minutes need it, for example “the treasurer’s figure was wrong”."
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Add the amendment</SubmitButton>
    </Form>
  );
}

// ---------- motions ----------

function Motions(props: { detail: MeetingDetail }) {
  return (
    <section class="stack meeting-section" aria-labelledby="motions-heading">
      <h2 id="motions-heading">Motions</h2>
      <Show
        when={props.detail.motions.length > 0}
        fallback={
          <p class="empty">
            {props.detail.meeting.status === 'scheduled'
              ? 'Motions are recorded during the meeting.'
              : 'No motions were recorded.'}
          </p>
        }
      >
        <ol class="meeting-motions">
          <For each={props.detail.motions}>
            {(motion, index) => <Motion motion={motion} number={index() + 1} />}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function Motion(props: { motion: MotionItem; number: number }) {
  const x = () => props.motion;
  const kind = () => MOTION_KIND_WORDS[x().kind];
  const votes = () =>
    `${x().votes.for} for, ${x().votes.against} against, ${x().votes.abstain} abstaining, of ${x().present} present`;
  return (
    <li class="card stack meeting-motion">
      <h3>
        Motion {props.number}
        <Show when={kind()}>{(k) => <span class="meeting-motion-kind">: {k()}</span>}</Show>
      </h3>
      <p class="meeting-motion-text">{x().text}</p>
      <p class={`meeting-result meeting-result-${x().result}`}>
        <Icon name={RESULT_ICONS[x().result]} class="meeting-icon" />
        <span>{MOTION_RESULT_LABELS[x().result]}</span>
      </p>
      <dl class="meeting-facts">
        <div>
          <dt>Moved by</dt>
          <dd>{x().movedBy ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Seconded by</dt>
          <dd>{x().secondedBy ?? 'Not seconded'}</dd>
        </div>
        <div>
          <dt>Needs</dt>
          <dd>{MOTION_THRESHOLD_LABELS[x().threshold]}</dd>
        </div>
        <div>
          <dt>Votes</dt>
          <dd>
            {votes()}
            <Show
              when={x().result !== 'no_quorum'}
              fallback={
                <>
                  {' '}
                  ({x().present} of {x().members} members; {quorumOf(x().members)} make a quorum)
                </>
              }
            >
              {' '}
              ({votesNeeded(x().threshold, x().present)} for needed to pass)
            </Show>
          </dd>
        </div>
        <Show when={x().kind === 'election' && x().elected}>
          {(name) => (
            <div>
              {/* a failed election names who stood, not who won */}
              <dt>{x().result === 'passed' ? 'Elected' : 'Candidate'}</dt>
              <dd>{name()}</dd>
            </div>
          )}
        </Show>
        <Show when={x().note}>
          {(note) => (
            <div>
              <dt>Note</dt>
              <dd>{note()}</dd>
            </div>
          )}
        </Show>
      </dl>
    </li>
  );
}

// ---------- action items ----------

/** Raised at this meeting, as they stand now: done, open, or open past their day. */
function RaisedItems(props: {
  items: ActionItem[];
  status: MeetingDetail['meeting']['status'];
  today: string;
}) {
  return (
    <section class="stack meeting-section" aria-labelledby="items-heading">
      <h2 id="items-heading">Action items</h2>
      <Show
        when={props.items.length > 0}
        fallback={
          <p class="empty">
            {props.status === 'scheduled'
              ? 'Action items are raised during the meeting.'
              : 'No action items were raised at this meeting.'}
          </p>
        }
      >
        <ul class="meeting-items">
          <For each={props.items}>
            {(item) => (
              <li class="meeting-item">
                <p class="meeting-item-text">{item.text}</p>
                <p class="meeting-item-facts">
                  <span>{itemFacts(item, props.today)}</span>
                  <span class="meeting-item-state">
                    <Icon name={item.done ? 'check' : 'dash'} class="meeting-icon" />
                    {item.done ? 'Done' : 'Open'}
                  </span>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
