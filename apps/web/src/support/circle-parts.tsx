// The parts of a support circle both the resident and their house's staff see:
// the people pillar by pillar with how recently they were in touch, the form
// to add someone (the resident adds; staff suggest), milestones and
// contributions.
import {
  KIND_PILLAR,
  PILLAR_LABELS,
  PILLARS,
  type Pillar,
  RECENCY_LABELS,
  SUPPORT_KIND_LABELS,
  SUPPORT_KINDS,
  supportMemberInput,
  type SupportKind,
} from '@porchlight/domain';
import { createSignal, For, type JSX, Show, untrack } from 'solid-js';
import { formatDate, plural } from '../lib/dates';
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
import {
  addMember,
  type Circle,
  type CircleMember,
  type Contributions,
  type Milestones,
} from './data';

const KIND_CHOICES = SUPPORT_KINDS.map((k) => ({ value: k, label: SUPPORT_KIND_LABELS[k] }));
const PILLAR_CHOICES = [
  { value: '', label: 'The usual one for the kind' },
  ...PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] })),
];

function optional(data: FormData, name: string) {
  const v = text(data, name).trim();
  return v === '' ? undefined : v;
}

/** The member fields of a form, as the API takes them. */
export function readMember(data: FormData) {
  const pillar = optional(data, 'pillar');
  return {
    name: text(data, 'name'),
    kind: text(data, 'kind') as SupportKind,
    ...(pillar ? { pillar: pillar as Pillar } : {}),
    ...(optional(data, 'organisation') ? { organisation: optional(data, 'organisation') } : {}),
    ...(optional(data, 'phone') ? { phone: optional(data, 'phone') } : {}),
    ...(optional(data, 'email') ? { email: optional(data, 'email') } : {}),
    ...(optional(data, 'notes') ? { notes: optional(data, 'notes') } : {}),
  };
}

/** Name, kind, pillar and contact details; filled from `member` when editing. */
export function MemberFields(props: { member?: CircleMember }) {
  // the kind chosen so far, starting from the member's (a form's starting values are read once)
  const [kind, setKind] = createSignal<SupportKind>(untrack(() => props.member?.kind ?? 'friend'));
  const usual = () =>
    props.member && props.member.pillar !== KIND_PILLAR[props.member.kind]
      ? props.member.pillar
      : '';
  return (
    <>
      <TextField name="name" label="Name" value={props.member?.name ?? ''} autocomplete="off" />
      <SelectField
        name="kind"
        label="Who they are to you"
        choices={KIND_CHOICES}
        value={props.member?.kind ?? 'friend'}
        onChange={(e) => setKind(e.currentTarget.value as SupportKind)}
      />
      <SelectField
        name="pillar"
        label="Pillar"
        optional
        hint={`Usually: ${PILLAR_LABELS[KIND_PILLAR[kind()]]}.`}
        choices={PILLAR_CHOICES}
        value={usual()}
      />
      <TextField
        name="organisation"
        label="Organisation"
        optional
        value={props.member?.organisation ?? ''}
      />
      <TextField
        name="phone"
        label="Phone"
        optional
        type="tel"
        autocomplete="off"
        value={props.member?.phone ?? ''}
      />
      <TextField
        name="email"
        label="Email"
        optional
        type="email"
        autocomplete="off"
        value={props.member?.email ?? ''}
      />
      <TextAreaField
        name="notes"
        label="Notes"
        optional
        rows={2}
        value={props.member?.notes ?? ''}
      />
    </>
  );
}

/** Add someone to the circle (the resident), or suggest someone (staff). */
export function AddMemberForm(props: {
  residentId: string;
  asStaff: boolean;
  onDone: (message: string) => void;
}) {
  let reset = () => {};
  const form = createForm({
    read: (data) =>
      validate(supportMemberInput, { residentId: props.residentId, ...readMember(data) }),
    submit: async (value, element) => {
      await addMember(value);
      element.reset();
      reset();
      props.onDone(
        props.asStaff
          ? `${value.name} was suggested. They join the circle if the resident accepts.`
          : `${value.name} was added to your circle.`,
      );
    },
  });
  reset = () => form.reset();
  return (
    <Form
      form={form}
      class="stack"
      aria-label={props.asStaff ? 'Suggest someone for the circle' : 'Add someone to your circle'}
    >
      <MemberFields />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">
        {props.asStaff ? 'Suggest them' : 'Add to my circle'}
      </SubmitButton>
    </Form>
  );
}

export function recencyWords(m: CircleMember) {
  return m.lastContact && m.recency !== 'never'
    ? `${RECENCY_LABELS[m.recency]} (last ${formatDate(m.lastContact)})`
    : RECENCY_LABELS.never;
}

/** The circle's people, pillar by pillar; `actions` draws what may be done with each. */
export function PillarLists(props: {
  circle: Circle;
  headingLevel: 'h3' | 'h4';
  actions?: (m: CircleMember) => JSX.Element;
}) {
  const Heading = (p: { children: JSX.Element; id: string }) =>
    props.headingLevel === 'h3' ? <h3 id={p.id}>{p.children}</h3> : <h4 id={p.id}>{p.children}</h4>;
  return (
    <div class="pillar-list">
      <For each={props.circle.pillars}>
        {(p) => {
          const people = () =>
            props.circle.members.filter((m) => m.pillar === p.pillar && !m.suggested);
          const id = `pillar-${p.pillar}-${props.circle.resident.id}`;
          return (
            <section class="card stack" aria-labelledby={id}>
              <div class="pillar-heading">
                <Heading id={id}>{PILLAR_LABELS[p.pillar]}</Heading>
                <span class="member-meta">
                  {p.count === 0 ? '' : plural(p.count, 'person', 'people')}
                </span>
              </div>
              <Show
                when={people().length > 0}
                fallback={<p class="pillar-note-empty">Nobody here yet.</p>}
              >
                <Show when={p.state === 'thin'}>
                  <p class="member-meta">Nobody here was in touch this month.</p>
                </Show>
                <ul class="plain-list stack">
                  <For each={people()}>
                    {(m) => (
                      <li class="member stack-sm">
                        <p>
                          <span class="member-name">{m.name}</span>{' '}
                          <span class="member-meta">
                            {SUPPORT_KIND_LABELS[m.kind]}
                            {m.organisation ? `, ${m.organisation}` : ''}
                          </span>
                        </p>
                        <p class={`recency member-meta`}>
                          <span
                            class={`key-dot person-${m.recency === 'never' ? 'lapsed' : m.recency}`}
                            aria-hidden="true"
                          />
                          {recencyWords(m)}
                        </p>
                        <Show when={m.phone || m.email}>
                          <p class="member-meta">
                            <Show when={m.phone}>
                              {(phone) => (
                                <a href={`tel:${phone().replace(/[^0-9+]/g, '')}`}>{phone()}</a>
                              )}
                            </Show>
                            <Show when={m.phone && m.email}> · </Show>
                            <Show when={m.email}>
                              {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
                            </Show>
                          </p>
                        </Show>
                        <Show when={m.notes}>
                          <p>{m.notes}</p>
                        </Show>
                        {props.actions?.(m)}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          );
        }}
      </For>
    </div>
  );
}

/** Days sober, milestones just reached (to celebrate) and the next ones. */
export function MilestoneSummary(props: { milestones: Milestones; you: boolean }) {
  return (
    <div class="stack">
      <Show
        when={props.milestones.daysSober !== null}
        fallback={
          <p class="member-meta">
            {props.you
              ? 'Your sobriety date is not recorded. Your house manager can add it to your details.'
              : 'No sobriety date recorded.'}
          </p>
        }
      >
        <p class="milestone-big">{plural(props.milestones.daysSober ?? 0, 'day', 'days')} sober</p>
      </Show>
      <Show when={props.milestones.recent.length > 0}>
        <p class="alert alert-success" role="status">
          {props.you ? 'Congratulations: ' : 'Reached this week: '}
          {props.milestones.recent
            .map((m) => (m.kind === 'sobriety' ? `${m.label} sober` : m.label))
            .join(', ')}
          .
        </p>
      </Show>
      <Show when={props.milestones.next.length > 0}>
        <ul class="plain-list stack-sm milestone-list">
          <For each={props.milestones.next}>
            {(m) => (
              <li>
                <span>Next: {m.kind === 'sobriety' ? `${m.label} sober` : m.label}</span>
                <span class="member-meta">{formatDate(m.date)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/** Offices held, residents mentored and volunteer hours. */
export function ContributionList(props: {
  contributions: Contributions;
  you: boolean;
  /** For a record that leaves the house: "a newer resident" instead of the name. */
  anonymousMentees?: boolean;
  volunteeringActions?: (entry: { id: string; what: string; date: string }) => JSX.Element;
}) {
  const c = () => props.contributions;
  return (
    <div class="stack">
      <Show
        when={c().offices.length + c().mentoring.length + c().volunteering.length > 0}
        fallback={
          <p class="empty">
            {props.you
              ? 'Nothing yet. Serving in a house office, mentoring a newcomer and volunteering all count here.'
              : 'Nothing recorded yet.'}
          </p>
        }
      >
        <Show when={c().offices.length > 0}>
          <h3>Offices held</h3>
          <ul class="plain-list stack-sm">
            <For each={c().offices}>
              {(o) => (
                <li>
                  {o.office}, {o.house}{' '}
                  <span class="member-meta">
                    {formatDate(o.startDate)} to {formatDate(o.endDate)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={c().mentoring.length > 0}>
          <h3>Peer mentoring</h3>
          <ul class="plain-list stack-sm">
            <For each={c().mentoring}>
              {(m) => (
                <li>
                  {props.anonymousMentees
                    ? 'Peer mentor to a newer resident'
                    : `Mentor to ${m.mentee}`}{' '}
                  <span class="member-meta">
                    {formatDate(m.startDate)} to {formatDate(m.endDate)}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={c().volunteering.length > 0}>
          <h3>
            Volunteering: {c().volunteerHours} {c().volunteerHours === 1 ? 'hour' : 'hours'}
          </h3>
          <ul class="plain-list stack-sm">
            <For each={c().volunteering}>
              {(v) => (
                <li class="stack-sm">
                  <p>
                    {v.what}
                    {v.where ? `, ${v.where}` : ''}{' '}
                    <span class="member-meta">
                      {formatDate(v.date)} · {v.hours} {v.hours === 1 ? 'hour' : 'hours'}
                    </span>
                  </p>
                  {props.volunteeringActions?.(v)}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}
