// Running a house meeting from a phone or tablet in the room: open it, take the
// roll with one tap per resident, record motions with their votes (the result
// is shown as the votes are counted, and worked out again by the server), write
// the minutes as the meeting goes (saved as you type), settle and add action
// items, and close it.
import { A, useNavigate, useParams } from '@solidjs/router';
import {
  ATTENDANCE_LABELS,
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  actionItemInput,
  MOTION_KINDS,
  MOTION_RESULT_LABELS,
  MOTION_THRESHOLD_LABELS,
  MOTION_THRESHOLDS,
  type MotionKind,
  motionOutcome,
  type MotionThreshold,
} from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import {
  createEffect,
  createSignal,
  For,
  Match,
  on,
  onCleanup,
  Show,
  Switch,
  untrack,
} from 'solid-js';
import { LoadError, Loading, NotFoundMessage, PageHeading } from '../components/page';
import { dayLabel } from '../chores/status';
import { isNotFound, problemOf, problemSentence } from '../lib/errors';
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
import { formatTime } from '../check-ins/format';
import {
  addActionItem,
  closeMeeting,
  completeActionItem,
  type MeetingDetail,
  meetingQueries,
  officerQueries,
  openMeeting,
  recordAttendance,
  recordMotion,
  saveMinutes,
} from './data';
import './run-meeting.css';

type Say = (message: string) => void;

export default function RunMeetingPage() {
  const params = useParams<{ meetingId: string }>();
  const meeting = useQuery(() => meetingQueries.get(params.meetingId));
  const [said, setSaid] = createSignal('');
  return (
    <Switch fallback={<Loading label="Loading the meeting…" />}>
      <Match when={meeting.isError && isNotFound(meeting.error)}>
        <NotFoundMessage message="We couldn't find that meeting, or you don't have access." />
      </Match>
      <Match when={meeting.isError && !meeting.data}>
        <PageHeading title="Meeting">Meeting</PageHeading>
        <LoadError error={meeting.error} retry={() => void meeting.refetch()} />
      </Match>
      <Match when={meeting.data}>{(m) => <Run detail={m()} said={said()} say={setSaid} />}</Match>
    </Switch>
  );
}

function Run(props: { detail: MeetingDetail; said: string; say: Say }) {
  const m = () => props.detail.meeting;
  const can = () => props.detail.can;
  const runs = () => can().chair || can().roll || can().minutes;
  return (
    <div class="stack-lg run-meeting">
      <div class="stack">
        <p class="crumbs">
          <A href={`/meetings/${m().id}`}>The meeting’s record</A>
        </p>
        <PageHeading title={`Run: ${m().title}`}>
          {m().title}, {dayLabel(m().date)}
        </PageHeading>
        <p class="lede">
          {props.detail.house.name}. {props.detail.counts.present} of {props.detail.counts.members}{' '}
          in the room · a quorum is {Math.floor(props.detail.counts.members / 2) + 1}.
        </p>
        <p class="status-note" role="status">
          {props.said}
        </p>
      </div>
      <Switch>
        <Match when={!runs()}>
          <p class="alert alert-info">
            The house’s officers and staff run meetings. You can follow along on{' '}
            <A href={`/meetings/${m().id}`}>the meeting’s record</A>.
          </p>
        </Match>
        <Match when={m().status === 'scheduled'}>
          <OpenIt detail={props.detail} say={props.say} />
        </Match>
        <Match when={m().status === 'closed' || m().status === 'cancelled'}>
          <p class="alert alert-info">
            This meeting is over. <A href={`/meetings/${m().id}`}>See its record</A>.
          </p>
        </Match>
        <Match when={m().status === 'open'}>
          <nav class="run-nav" aria-label="Parts of the meeting">
            <a href="#roll">Roll</a>
            <a href="#motions">Motions</a>
            <a href="#minutes">Minutes</a>
            <a href="#actions">Action items</a>
            <a href="#close">Close</a>
          </nav>
          <Show when={can().roll}>
            <RollCall detail={props.detail} say={props.say} />
          </Show>
          <Agenda detail={props.detail} />
          <Show when={can().chair}>
            <Motions detail={props.detail} say={props.say} />
          </Show>
          <Show when={can().minutes}>
            <Minutes detail={props.detail} say={props.say} />
          </Show>
          <Show when={can().chair}>
            <ActionItems detail={props.detail} say={props.say} />
            <CloseIt detail={props.detail} />
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

function OpenIt(props: { detail: MeetingDetail; say: Say }) {
  const open = async () => {
    await openMeeting({ meetingId: props.detail.meeting.id });
    props.say('The meeting is open. Start with the roll.');
  };
  return (
    <section class="card stack" aria-labelledby="open-heading">
      <h2 id="open-heading">Open the meeting</h2>
      <p>
        Opening sets down the order of business and the house’s reports as they stand now. Then take
        the roll, and the motions are counted against those in the room.
      </p>
      <Show
        when={props.detail.can.chair}
        fallback={<p class="muted">The chair (or staff) opens the meeting.</p>}
      >
        <ActionButton class="button button-primary run-big" busyLabel="Opening…" onRun={open}>
          Open the meeting
        </ActionButton>
      </Show>
    </section>
  );
}

const ROLL_WORDS: Record<AttendanceStatus, string> = {
  present: 'Present',
  late: 'Late',
  excused: 'Excused',
  unexcused: 'Absent',
};

function RollCall(props: { detail: MeetingDetail; say: Say }) {
  const [error, setError] = createSignal<string | null>(null);
  const mark = async (residentId: string, name: string, status: AttendanceStatus) => {
    setError(null);
    try {
      await recordAttendance({ meetingId: props.detail.meeting.id, residentId, status });
      props.say(`${name}: ${ATTENDANCE_LABELS[status].toLowerCase()}.`);
    } catch (e) {
      setError(problemSentence(problemOf(e)));
    }
  };
  const left = () => props.detail.attendance.filter((a) => a.status === null).length;
  return (
    <section id="roll" class="stack" aria-labelledby="roll-heading">
      <h2 id="roll-heading">Roll call</h2>
      <p class="muted">
        One tap for each resident.
        {left() > 0 ? ` ${left()} still to mark.` : ' Everyone is marked.'}
      </p>
      <Show when={error()}>
        {(message) => (
          <p class="field-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <ul class="roll-list">
        <For each={props.detail.attendance}>
          {(a) => (
            <li class="roll-row">
              <span class="roll-name" id={`roll-${a.residentId}`}>
                {a.name}
              </span>
              <div class="roll-choices" role="group" aria-labelledby={`roll-${a.residentId}`}>
                <For each={ATTENDANCE_STATUSES}>
                  {(status) => (
                    <button
                      type="button"
                      class={`roll-choice roll-${status}`}
                      aria-pressed={a.status === status ? 'true' : 'false'}
                      aria-label={`${a.name}: ${ATTENDANCE_LABELS[status]}`}
                      onClick={() => void mark(a.residentId, a.name, status)}
                    >
                      {ROLL_WORDS[status]}
                    </button>
                  )}
                </For>
              </div>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Agenda(props: { detail: MeetingDetail }) {
  return (
    <section class="stack" aria-labelledby="run-agenda-heading">
      <h2 id="run-agenda-heading">Order of business</h2>
      <ol class="run-agenda">
        <For each={props.detail.agenda}>{(item) => <li>{item.title}</li>}</For>
      </ol>
      <p>
        <A href={`/meetings/${props.detail.meeting.id}`}>The reports for each item</A>
      </p>
    </section>
  );
}

const KIND_WORDS: Record<MotionKind, string> = {
  general: 'A motion',
  minutes: 'Accept the minutes of the last meeting',
  election: 'Elect an officer',
  admit_member: 'Admit a member',
};

function Counter(props: {
  label: string;
  value: number;
  max: number;
  onChange: (n: number) => void;
}) {
  return (
    <div class="counter" role="group" aria-label={props.label}>
      <span class="counter-label">{props.label}</span>
      <button
        type="button"
        class="button counter-step"
        aria-label={`One fewer ${props.label.toLowerCase()}`}
        onClick={() => props.onChange(Math.max(0, props.value - 1))}
      >
        −
      </button>
      <output class="counter-value" aria-live="polite">
        {props.value}
      </output>
      <button
        type="button"
        class="button counter-step"
        aria-label={`One more ${props.label.toLowerCase()}`}
        onClick={() => props.onChange(Math.min(props.max, props.value + 1))}
      >
        +
      </button>
    </div>
  );
}

function Motions(props: { detail: MeetingDetail; say: Say }) {
  const officers = useQuery(() => officerQueries.list(props.detail.house.id));
  const [kind, setKind] = createSignal<MotionKind>('general');
  const [threshold, setThreshold] = createSignal<MotionThreshold>('majority');
  const [votes, setVotes] = createSignal({ for: 0, against: 0, abstain: 0 });
  const [formKey, setFormKey] = createSignal(0);
  const inRoom = () =>
    props.detail.attendance.filter((a) => a.status === 'present' || a.status === 'late');
  const present = () => inRoom().length;
  const cast = () => votes().for + votes().against + votes().abstain;
  const preview = () => motionOutcome(threshold(), votes(), present(), props.detail.counts.members);
  const setVote = (which: 'for' | 'against' | 'abstain', n: number) =>
    setVotes({ ...votes(), [which]: Math.min(n, present() - (cast() - votes()[which])) });
  const offices = () => (officers.data?.offices ?? []).filter((o) => !o.retired);
  const members = () => props.detail.attendance;
  return (
    <section id="motions" class="stack" aria-labelledby="motions-heading">
      <h2 id="motions-heading">Motions</h2>
      <Show when={props.detail.motions.length > 0}>
        <ol class="run-motions">
          <For each={props.detail.motions}>
            {(motion) => (
              <li class="card stack">
                <p>
                  <strong>{motion.text}</strong>
                </p>
                <p>
                  <span class={`motion-result motion-${motion.result}`}>
                    {MOTION_RESULT_LABELS[motion.result]}
                  </span>{' '}
                  {motion.votes.for} for, {motion.votes.against} against, {motion.votes.abstain}{' '}
                  abstaining, of {motion.present} present.
                </p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <For each={[formKey()]}>
        {() => {
          const form = createForm({
            read: (data) => {
              const moved = text(data, 'movedBy');
              const seconded = text(data, 'secondedBy');
              const isElection = kind() === 'election';
              const body = {
                meetingId: props.detail.meeting.id,
                kind: kind(),
                text:
                  text(data, 'text') ||
                  (kind() === 'minutes' ? 'Accept the minutes of the last meeting.' : ''),
                movedBy: moved,
                ...(seconded ? { secondedBy: seconded } : {}),
                threshold: threshold(),
                votesFor: votes().for,
                votesAgainst: votes().against,
                votesAbstain: votes().abstain,
                ...(isElection
                  ? {
                      election: {
                        officeId: text(data, 'officeId'),
                        residentId: text(data, 'electedId'),
                      },
                    }
                  : {}),
              };
              if (moved === '')
                return { ok: false as const, errors: { movedBy: 'is required: who moved it?' } };
              return { ok: true as const, data: body };
            },
            submit: async (value) => {
              const result = await recordMotion(value);
              props.say(
                `Recorded: ${MOTION_RESULT_LABELS[result.result].toLowerCase()} (${value.votesFor} for, ${result.needed} needed of ${result.present} present).`,
              );
              setVotes({ for: 0, against: 0, abstain: 0 });
              setKind('general');
              setThreshold('majority');
              setFormKey(formKey() + 1);
            },
          });
          return (
            <Form form={form} class="card stack" aria-label="Record a motion">
              <h3>Record a motion</h3>
              <SelectField
                name="kind"
                label="What is it"
                value={kind()}
                choices={MOTION_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] }))}
                onChange={(e) => {
                  const value = e.currentTarget.value as MotionKind;
                  setKind(value);
                  setThreshold(value === 'admit_member' ? 'eighty_percent' : 'majority');
                }}
              />
              <Show when={kind() !== 'minutes'}>
                <TextField name="text" label="The motion" autocomplete="off" />
              </Show>
              <Show when={kind() === 'election'}>
                <div class="field-row">
                  <SelectField
                    name="officeId"
                    label="Office"
                    choices={[
                      { value: '', label: 'Choose the office' },
                      ...offices().map((o) => ({ value: o.id, label: o.name })),
                    ]}
                  />
                  <SelectField
                    name="electedId"
                    label="Elected"
                    choices={[
                      { value: '', label: 'Choose the resident' },
                      ...members().map((r) => ({ value: r.residentId, label: r.name })),
                    ]}
                  />
                </div>
              </Show>
              <div class="field-row">
                <SelectField
                  name="movedBy"
                  label="Moved by"
                  choices={[
                    { value: '', label: 'Who moved it' },
                    ...inRoom().map((r) => ({ value: r.residentId, label: r.name })),
                  ]}
                />
                <SelectField
                  name="secondedBy"
                  label="Seconded by"
                  optional
                  choices={[
                    { value: '', label: 'Nobody' },
                    ...inRoom().map((r) => ({ value: r.residentId, label: r.name })),
                  ]}
                />
              </div>
              <SelectField
                name="threshold"
                label="Passes with"
                value={threshold()}
                choices={MOTION_THRESHOLDS.map((t) => ({
                  value: t,
                  label: MOTION_THRESHOLD_LABELS[t],
                }))}
                onChange={(e) => setThreshold(e.currentTarget.value as MotionThreshold)}
              />
              <fieldset class="field">
                <legend>The vote</legend>
                <div class="counters">
                  <Counter
                    label="For"
                    value={votes().for}
                    max={present()}
                    onChange={(n) => setVote('for', n)}
                  />
                  <Counter
                    label="Against"
                    value={votes().against}
                    max={present()}
                    onChange={(n) => setVote('against', n)}
                  />
                  <Counter
                    label="Abstaining"
                    value={votes().abstain}
                    max={present()}
                    onChange={(n) => setVote('abstain', n)}
                  />
                </div>
                <p class="vote-preview" aria-live="polite">
                  <Switch>
                    <Match when={preview().result === 'no_quorum'}>
                      No quorum: {present()} in the room, {preview().quorum} needed.
                    </Match>
                    <Match when={true}>
                      {votes().for} of {preview().needed} needed ({present()} present):{' '}
                      <strong>{preview().result === 'passed' ? 'passes' : 'does not pass'}</strong>.
                    </Match>
                  </Switch>
                </p>
              </fieldset>
              <FormAlert />
              <SubmitButton busyLabel="Recording…">Record the motion</SubmitButton>
            </Form>
          );
        }}
      </For>
    </section>
  );
}

/** The minutes, written as the meeting goes: saved a moment after typing stops, or at once. */
function Minutes(props: { detail: MeetingDetail; say: Say }) {
  // the text is the secretary's from here on: later reads of the meeting do not overwrite it
  const [draft, setDraft] = createSignal(untrack(() => props.detail.minutes.text));
  const [savedAt, setSavedAt] = createSignal<string | null>(
    untrack(() => props.detail.minutes.updatedAt),
  );
  const [error, setError] = createSignal<string | null>(null);
  let saved = untrack(() => props.detail.minutes.text);
  const saveNow = async () => {
    await save();
    props.say('Minutes saved.');
  };
  const save = async () => {
    const text = draft();
    if (text === saved) return;
    try {
      const result = await saveMinutes({ meetingId: props.detail.meeting.id, text });
      saved = text;
      setSavedAt(result.savedAt);
      setError(null);
    } catch (e) {
      setError(problemSentence(problemOf(e)));
    }
  };
  createEffect(
    on(
      draft,
      () => {
        const timer = setTimeout(() => void save(), 1500);
        onCleanup(() => clearTimeout(timer));
      },
      { defer: true },
    ),
  );
  return (
    <section id="minutes" class="stack" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">Minutes</h2>
      <div class="field">
        <div class="field-label">
          <label for="minutes-text">What was said and decided</label>
        </div>
        <p class="field-hint" id="minutes-hint">
          Saved as you type. Motions and the roll are recorded on their own.
        </p>
        <textarea
          id="minutes-text"
          rows={10}
          aria-describedby="minutes-hint minutes-saved"
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <p class="muted" id="minutes-saved" aria-live="polite">
          {savedAt()
            ? `Saved at ${formatTime(savedAt(), props.detail.house.timezone)}.`
            : 'Not saved yet.'}
        </p>
        <Show when={error()}>
          {(message) => (
            <p class="field-error" role="alert">
              {message()}
            </p>
          )}
        </Show>
      </div>
      <button type="button" class="button" onClick={() => void saveNow()}>
        Save the minutes now
      </button>
    </section>
  );
}

function ActionItems(props: { detail: MeetingDetail; say: Say }) {
  const carried = () => (props.detail.reports?.actionItems ?? []).filter((a) => !a.done);
  const members = () => props.detail.attendance;
  const [formKey, setFormKey] = createSignal(0);
  return (
    <section id="actions" class="stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Action items</h2>
      <Show when={carried().length > 0}>
        <h3>Carried over</h3>
        <ul class="chore-cards plain-list stack">
          <For each={carried()}>
            {(item) => (
              <li class="card stack">
                <p>
                  <strong>{item.text}</strong>
                </p>
                <p class="muted">
                  {item.ownerName ?? 'Nobody named'}
                  {item.dueDate ? `, due ${dayLabel(item.dueDate)}` : ''} · raised{' '}
                  {dayLabel(item.raisedOn)}
                </p>
                <DoneButton id={item.id} text={item.text} say={props.say} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.detail.actionItems.length > 0}>
        <h3>Raised at this meeting</h3>
        <ul class="plain-list stack">
          <For each={props.detail.actionItems}>
            {(item) => (
              <li>
                {item.text} <span class="muted">({item.ownerName ?? 'nobody named'})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <For each={[formKey()]}>
        {() => {
          const form = createForm({
            read: (data) => {
              const owner = text(data, 'ownerResidentId');
              const due = text(data, 'dueDate');
              return validate(actionItemInput, {
                meetingId: props.detail.meeting.id,
                text: text(data, 'text'),
                ...(owner ? { ownerResidentId: owner } : {}),
                ...(due ? { dueDate: due } : {}),
              });
            },
            submit: async (value) => {
              await addActionItem(value);
              props.say(`Action item added: ${value.text}`);
              setFormKey(formKey() + 1);
            },
          });
          return (
            <Form form={form} class="card stack" aria-label="Add an action item">
              <TextField name="text" label="What needs doing" autocomplete="off" />
              <div class="field-row">
                <SelectField
                  name="ownerResidentId"
                  label="Who"
                  optional
                  choices={[
                    { value: '', label: 'Nobody yet' },
                    ...members().map((r) => ({ value: r.residentId, label: r.name })),
                  ]}
                />
                <TextField name="dueDate" label="By" type="date" optional />
              </div>
              <FormAlert />
              <SubmitButton busyLabel="Adding…">Add the action item</SubmitButton>
            </Form>
          );
        }}
      </For>
    </section>
  );
}

function DoneButton(props: { id: string; text: string; say: Say }) {
  const done = async () => {
    await completeActionItem({ actionItemId: props.id });
    props.say(`Done: ${props.text}`);
  };
  return (
    <ActionButton busyLabel="Saving…" label={`Done: ${props.text}`} onRun={done}>
      Done
    </ActionButton>
  );
}

function CloseIt(props: { detail: MeetingDetail }) {
  const navigate = useNavigate();
  const unmarked = () => props.detail.attendance.filter((a) => a.status === null).length;
  const close = async () => {
    await closeMeeting({ meetingId: props.detail.meeting.id });
    navigate(`/meetings/${props.detail.meeting.id}`);
  };
  return (
    <section id="close" class="card stack" aria-labelledby="close-heading">
      <h2 id="close-heading">Close the meeting</h2>
      <p>
        Closing makes the roll, the motions and the action items the meeting’s record. The minutes
        can still be finished, and the house accepts them at the next meeting.
      </p>
      <Show when={unmarked() > 0}>
        <p>
          <strong>
            {unmarked() === 1 ? '1 resident is' : `${unmarked()} residents are`} not marked on the
            roll.
          </strong>
        </p>
      </Show>
      <ActionButton class="button button-primary run-big" busyLabel="Closing…" onRun={close}>
        Close the meeting
      </ActionButton>
    </section>
  );
}
