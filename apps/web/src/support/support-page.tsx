// A resident's own support system: the picture of their circle, the people in
// it (theirs to add, edit and remove; a manager's suggestions to accept or
// not), their milestones and whether the house celebrates them, peer mentoring,
// what they give (offices, mentoring, volunteering), and where to share a
// summary or find help near the house.
import { A } from '@solidjs/router';
import {
  supportMemberUpdateInput,
  SUPPORT_KIND_LABELS,
  volunteeringInput,
} from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { formatDate } from '../lib/dates';
import { errorCode, problemOf } from '../lib/errors';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { residentQueries } from '../residents/data';
import { CirclePicture } from './circle-picture';
import {
  AddMemberForm,
  ContributionList,
  MemberFields,
  MilestoneSummary,
  PillarLists,
  readMember,
} from './circle-parts';
import {
  acceptSuggestion,
  type CircleMember,
  declineSuggestion,
  logMentorNote,
  logVolunteering,
  type Pairing,
  removeMember,
  removeVolunteering,
  setMilestoneSharing,
  supportQueries,
  updateMember,
} from './data';
import './support.css';

export default function SupportPage() {
  const me = useQuery(residentQueries.me);
  return (
    <div class="stack-lg">
      <div class="stack">
        <PageHeading title="Your support">Your support</PageHeading>
        <p class="lede">
          The people and places that help you stay well. This is yours: you decide who is in it.
        </p>
      </div>
      <Switch fallback={<Loading />}>
        <Match when={me.isError && errorCode(me.error) === 'NOT_FOUND'}>
          <p>This page is for residents: there is no resident record linked to your account.</p>
        </Match>
        <Match when={me.isError && !me.data}>
          <LoadError error={me.error} retry={() => void me.refetch()} />
        </Match>
        <Match when={me.data}>
          {(record) => (
            <SupportView
              residentId={record().id}
              firstName={record().name.split(' ')[0] ?? 'You'}
              houseId={record().house?.id ?? null}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

function SupportView(props: { residentId: string; firstName: string; houseId: string | null }) {
  const circle = useQuery(() => supportQueries.circle(props.residentId));
  const [message, setMessage] = createSignal<string | null>(null);
  const suggestions = () => circle.data?.members.filter((m) => m.suggested) ?? [];
  return (
    <>
      <p class="status-note" role="status">
        {message()}
      </p>
      <section class="stack" aria-labelledby="circle-heading">
        <h2 id="circle-heading">Your circle</h2>
        <Switch fallback={<Loading label="Loading your circle" />}>
          <Match when={circle.isError && !circle.data}>
            <LoadError error={circle.error} retry={() => void circle.refetch()} />
          </Match>
          <Match when={circle.data}>
            {(c) => (
              <>
                <CirclePicture circle={c()} centre="You" />
                <p class="field-hint">
                  Log who you were in touch with when you check in, and the picture fills in. Nearer
                  and darker means more recent.
                </p>
                <For each={suggestions()}>
                  {(s) => <Suggestion member={s} onDone={setMessage} />}
                </For>
                <PillarLists
                  circle={c()}
                  headingLevel="h3"
                  actions={(m) => <MemberActions member={m} onDone={setMessage} />}
                />
                <Disclosure label="Add someone to your circle">
                  {(close) => (
                    <AddMemberForm
                      residentId={props.residentId}
                      asStaff={false}
                      onDone={(m) => {
                        setMessage(m);
                        close();
                      }}
                    />
                  )}
                </Disclosure>
              </>
            )}
          </Match>
        </Switch>
      </section>
      <MilestonesSection onDone={setMessage} />
      <MentoringSection onDone={setMessage} />
      <ContributionsSection residentId={props.residentId} onDone={setMessage} />
      <nav class="stack" aria-labelledby="more-heading">
        <h2 id="more-heading">More</h2>
        <ul class="plain-list stack">
          <li>
            <A href="/sharing">Share a summary</A>: show a family member, a probation officer or an
            employer how you are doing, only what you choose
          </li>
          <Show when={props.houseId}>
            {(houseId) => (
              <li>
                <A href={`/houses/${houseId()}/resources`}>Resources near the house</A>: meetings,
                clinics, job training and more
              </li>
            )}
          </Show>
        </ul>
      </nav>
    </>
  );
}

function Suggestion(props: { member: CircleMember; onDone: (m: string) => void }) {
  const accept = async () => {
    await acceptSuggestion({ memberId: props.member.id });
    props.onDone(`${props.member.name} is now in your circle.`);
  };
  const decline = async () => {
    await declineSuggestion({ memberId: props.member.id });
    props.onDone(`You said no thanks to ${props.member.name}.`);
  };
  return (
    <div class="card stack suggestion">
      <p>
        Your house manager suggests adding <strong>{props.member.name}</strong> (
        {SUPPORT_KIND_LABELS[props.member.kind]}
        {props.member.organisation ? `, ${props.member.organisation}` : ''}).
      </p>
      <Show when={props.member.notes}>
        <p>“{props.member.notes}”</p>
      </Show>
      <Show when={props.member.phone}>
        {(phone) => (
          <p>
            <a href={`tel:${phone().replace(/[^0-9+]/g, '')}`}>{phone()}</a>
          </p>
        )}
      </Show>
      <div class="actions">
        <ActionButton
          class="button button-primary"
          busyLabel="Adding…"
          label={`Add ${props.member.name} to my circle`}
          onRun={accept}
        >
          Add to my circle
        </ActionButton>
        <ActionButton
          class="button button-quiet"
          busyLabel="Saying no…"
          label={`No thanks to ${props.member.name}`}
          onRun={decline}
        >
          No thanks
        </ActionButton>
      </div>
    </div>
  );
}

function MemberActions(props: { member: CircleMember; onDone: (m: string) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const remove = async () => {
    try {
      await removeMember({ memberId: props.member.id });
      props.onDone(`${props.member.name} was removed from your circle.`);
    } catch (e) {
      setError(problemOf(e).message);
    }
  };
  const form = createForm({
    read: (data) =>
      validate(supportMemberUpdateInput, { memberId: props.member.id, ...readMember(data) }),
    submit: async (value) => {
      await updateMember(value);
      props.onDone(`Saved ${value.name}.`);
    },
  });
  return (
    <div class="action-list">
      <Disclosure
        label="Edit"
        ariaLabel={`Edit ${props.member.name}`}
        buttonClass="button button-small"
      >
        {(close) => (
          <Form form={form} class="stack" aria-label={`Edit ${props.member.name}`}>
            <MemberFields member={props.member} />
            <FormAlert />
            <div class="actions">
              <SubmitButton busyLabel="Saving…">Save</SubmitButton>
              <button type="button" class="button button-quiet" onClick={close}>
                Cancel
              </button>
            </div>
          </Form>
        )}
      </Disclosure>
      <Show
        when={confirming()}
        fallback={
          <button
            type="button"
            class="button button-quiet button-small"
            aria-label={`Remove ${props.member.name}`}
            onClick={() => setConfirming(true)}
          >
            Remove
          </button>
        }
      >
        <div class="stack-sm">
          <p>Remove {props.member.name} from your circle?</p>
          <div class="actions">
            <button type="button" class="button" onClick={() => void remove()}>
              Yes, remove
            </button>
            <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </div>
      </Show>
      <Show when={error()}>
        {(m) => (
          <p class="alert alert-error" role="alert">
            {m()}
          </p>
        )}
      </Show>
    </div>
  );
}

function MilestonesSection(props: { onDone: (m: string) => void }) {
  const milestones = useQuery(supportQueries.myMilestones);
  const toggle = async (share: boolean) => {
    try {
      await setMilestoneSharing({ share });
      props.onDone(
        share
          ? 'Your milestones will be celebrated on the house board and at house meetings.'
          : 'Your milestones will stay private.',
      );
    } catch (err) {
      props.onDone(problemOf(err).message);
    }
  };
  return (
    <section class="stack" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Your milestones</h2>
      <Switch fallback={<Loading />}>
        <Match when={milestones.isError && !milestones.data}>
          <LoadError error={milestones.error} retry={() => void milestones.refetch()} />
        </Match>
        <Match when={milestones.data}>
          {(m) => (
            <>
              <MilestoneSummary milestones={m()} you />
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={m().shareMilestones}
                  onChange={(e) => void toggle(e.currentTarget.checked)}
                />
                <span>Celebrate my milestones on the house board and at house meetings</span>
              </label>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function MentoringSection(props: { onDone: (m: string) => void }) {
  const pairings = useQuery(supportQueries.myPairings);
  const current = (list: readonly Pairing[]) => list.filter((p) => p.current);
  return (
    <Show
      when={
        pairings.data && pairings.data.asMentor.length + pairings.data.asMentee.length > 0
          ? pairings.data
          : undefined
      }
    >
      {(p) => (
        <section class="stack" aria-labelledby="mentoring-heading">
          <h2 id="mentoring-heading">Peer mentoring</h2>
          <For each={current(p().asMentee)}>
            {(pairing) => (
              <div class="card stack">
                <p>
                  Your peer mentor is <strong>{pairing.mentorName}</strong>, until{' '}
                  {formatDate(pairing.endDate)}.
                </p>
                <Notes pairing={pairing} />
              </div>
            )}
          </For>
          <For each={current(p().asMentor)}>
            {(pairing) => (
              <div class="card stack">
                <p>
                  You are peer mentor to <strong>{pairing.menteeName}</strong>, until{' '}
                  {formatDate(pairing.endDate)}.
                </p>
                <NoteForm pairing={pairing} onDone={props.onDone} />
                <Notes pairing={pairing} />
              </div>
            )}
          </For>
          <Show when={[...p().asMentor, ...p().asMentee].some((x) => !x.current)}>
            <h3>Earlier pairings</h3>
            <ul class="plain-list stack-sm">
              <For each={[...p().asMentor, ...p().asMentee].filter((x) => !x.current)}>
                {(x) => (
                  <li>
                    {p().asMentor.includes(x)
                      ? `You mentored ${x.menteeName}`
                      : `${x.mentorName} mentored you`}{' '}
                    <span class="member-meta">
                      {formatDate(x.startDate)} to {formatDate(x.endDate)}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}

function Notes(props: { pairing: Pairing }) {
  return (
    <Show when={props.pairing.notes.length > 0}>
      <ul class="plain-list stack-sm">
        <For each={props.pairing.notes}>
          {(n) => (
            <li>
              <span class="member-meta">{formatDate(n.date)}:</span> {n.note}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function NoteForm(props: { pairing: Pairing; onDone: (m: string) => void }) {
  const form = createForm({
    read: (data) => {
      const note = text(data, 'note').trim();
      return note === ''
        ? { ok: false as const, errors: { note: 'is required.' } }
        : { ok: true as const, data: { mentorshipId: props.pairing.id, note } };
    },
    submit: async (value, element) => {
      await logMentorNote(value);
      element.reset();
      props.onDone(`Note saved for your time with ${props.pairing.menteeName}.`);
    },
  });
  return (
    <Form form={form} class="stack" aria-label={`Note about ${props.pairing.menteeName}`}>
      <TextAreaField
        name="note"
        label={`A short note of today with ${props.pairing.menteeName}`}
        rows={2}
        maxLength={1000}
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…" class="button">
        Save the note
      </SubmitButton>
    </Form>
  );
}

function ContributionsSection(props: { residentId: string; onDone: (m: string) => void }) {
  const contributions = useQuery(() => supportQueries.contributions(props.residentId));
  const removeEntry = async (entryId: string) => {
    await removeVolunteering({ entryId });
    props.onDone('The entry was removed.');
  };
  const form = createForm({
    read: (data) =>
      validate(volunteeringInput, {
        date: text(data, 'date'),
        hours: Number(text(data, 'hours')),
        what: text(data, 'what'),
        ...(text(data, 'where').trim() ? { where: text(data, 'where') } : {}),
      }),
    submit: async (value, element) => {
      await logVolunteering(value);
      element.reset();
      props.onDone(`${value.hours} hours of volunteering logged. Thank you.`);
    },
  });
  return (
    <section class="stack" aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">What you give</h2>
      <p class="field-hint">
        Offices you held, residents you mentored and hours you volunteered: part of your record to
        take with you. <A href="/support/record">Print your record of service</A>.
      </p>
      <Switch fallback={<Loading />}>
        <Match when={contributions.isError && !contributions.data}>
          <LoadError error={contributions.error} retry={() => void contributions.refetch()} />
        </Match>
        <Match when={contributions.data}>
          {(c) => (
            <ContributionList
              contributions={c()}
              you
              volunteeringActions={(entry) => (
                <ActionButton
                  class="button button-quiet button-small"
                  busyLabel="Removing…"
                  label={`Remove ${entry.what} on ${formatDate(entry.date)}`}
                  onRun={() => removeEntry(entry.id)}
                >
                  Remove
                </ActionButton>
              )}
            />
          )}
        </Match>
      </Switch>
      <Disclosure label="Log volunteer hours">
        {() => (
          <Form form={form} class="stack" aria-label="Log volunteer hours">
            <TextField name="what" label="What you did" />
            <TextField name="where" label="Where" optional />
            <div class="field-row">
              <TextField name="date" label="Day" type="date" />
              <TextField name="hours" label="Hours" type="number" min="0.25" max="24" step="0.25" />
            </div>
            <FormAlert />
            <SubmitButton busyLabel="Saving…">Log the hours</SubmitButton>
          </Form>
        )}
      </Disclosure>
    </section>
  );
}
