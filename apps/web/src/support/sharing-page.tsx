// A resident shares a summary of their record with someone, with informed
// consent: they choose who, what, why and until when, read the exact words kept
// with the share, and get a private link shown this once. Below, every share
// they made, who opened it and when, and a way to revoke it at once.
import {
  consentWords,
  MAX_SHARE_DAYS,
  SENSITIVE_SHARE_FIELDS,
  SHARE_FIELD_LABELS,
  SHARE_FIELDS,
  shareCreateInput,
  type ShareField,
  shareUntilProblem,
  SUPPORT_KIND_LABELS,
} from '@porchlight/domain';
import { A } from '@solidjs/router';
import { type UseQueryResult, useQuery } from '@tanstack/solid-query';
import {
  type JSX,
  createEffect,
  createMemo,
  createRenderEffect,
  createSignal,
  createUniqueId,
  For,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { ShowMore } from '../components/show-more';
import { browserToday, formatDate, formatInstant, plural } from '../lib/dates';
import { errorCode, fieldSentence } from '../lib/errors';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormState,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { residentQueries } from '../residents/data';
import {
  type Circle,
  type CircleMember,
  createShare,
  revokeShare,
  type ShareCreated,
  type ShareItem,
  supportQueries,
} from './data';
import './sharing.css';

type CircleQuery = UseQueryResult<Circle>;

const OTHER = 'other';
const PAGE_SIZE = 10;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EVERYDAY_FIELDS = SHARE_FIELDS.filter((f) => !SENSITIVE_SHARE_FIELDS.includes(f));
const SENSITIVE_FIELDS = SHARE_FIELDS.filter((f) => SENSITIVE_SHARE_FIELDS.includes(f));

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** A part's label as said to the resident: "How many check-ins you made". */
function yourLabel(field: ShareField): string {
  return SHARE_FIELD_LABELS[field]
    .replace(/\bI\b/g, 'you')
    .replace(/\bMy\b/g, 'Your')
    .replace(/\bmy\b/g, 'your');
}

const dayOfInstant = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
function formatDay(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : dayOfInstant.format(at);
}

export default function SharingPage() {
  const me = useQuery(residentQueries.me);
  return (
    <div class="stack">
      <PageHeading title="Share a summary">Share a summary</PageHeading>
      <Switch fallback={<Loading />}>
        <Match when={me.isError && errorCode(me.error) === 'NOT_FOUND'}>
          <p>
            Sharing a summary is for residents: there is no resident record linked to your account.
            If you live in one of the houses, ask your house manager to invite you from your
            profile.
          </p>
        </Match>
        <Match when={me.isError && !me.data}>
          <LoadError error={me.error} retry={() => void me.refetch()} />
        </Match>
        <Match when={me.data}>
          {(record) => (
            <SharingFor
              residentId={record().id}
              residentName={record().name}
              today={record().today ?? browserToday()}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

function SharingFor(props: { residentId: string; residentName: string; today: string }) {
  const [created, setCreated] = createSignal<{ share: ShareCreated; recipientName: string } | null>(
    null,
  );
  // asked for here, with the page, so a new form does not start a new query (and suspend the page)
  const circle = useQuery(() => supportQueries.circle(props.residentId));
  let newHeading: HTMLHeadingElement | undefined;
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="lede">
          Show someone how you are doing, like your probation officer, your family or your boss.
        </p>
        <ul class="share-promises">
          <li>You choose who sees it, what they see, why, and until when.</li>
          <li>They get a private link. They do not need an account.</li>
          <li>You can revoke it at any time. It stops working at once.</li>
          <li>Every time the link is opened, you see it here.</li>
          <li>They are told they may not pass it on.</li>
        </ul>
      </div>
      <section class="stack" aria-labelledby="new-share-heading">
        <h2 id="new-share-heading" ref={newHeading} tabindex="-1">
          Make a new share
        </h2>
        <Show
          when={created()}
          fallback={
            <ShareForm
              circle={circle}
              residentName={props.residentName}
              today={props.today}
              onCreated={(share, recipientName) => setCreated({ share, recipientName })}
            />
          }
        >
          {(c) => (
            <CreatedPanel
              share={c().share}
              recipientName={c().recipientName}
              onAnother={() => {
                setCreated(null);
                newHeading?.focus();
              }}
            />
          )}
        </Show>
      </section>
      <section class="stack" aria-labelledby="my-shares-heading">
        <h2 id="my-shares-heading">Your shares</h2>
        <ShareList />
      </section>
    </div>
  );
}

// ---------- the form ----------

/** What each step asks for, when it was left out. */
const ASK = {
  memberId: 'Choose who will see it.',
  fields: 'Choose at least one thing to share.',
  agreed: 'Tick the box to agree, after you read the words above it.',
} as const;

/**
 * Registers a group of controls with the form; returns its message, as a
 * sentence. A "choose one" message goes as soon as something is chosen.
 */
function useGroupError(name: keyof typeof ASK, label: () => string, answered: () => boolean) {
  const form = useFormState();
  createRenderEffect(() => {
    const unregister = form?.register(name, { label: label() });
    if (unregister) onCleanup(unregister);
  });
  return () => {
    const message = form?.errors()[name];
    if (!message || (message === ASK[name] && answered())) return undefined;
    return fieldSentence(label(), name, message);
  };
}

function GroupError(props: { id: string; message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class="field-error" id={props.id}>
        {props.message}
      </p>
    </Show>
  );
}

function ShareForm(props: {
  circle: CircleQuery;
  residentName: string;
  today: string;
  onCreated: (share: ShareCreated, recipientName: string) => void;
}) {
  const members = () => (props.circle.data?.members ?? []).filter((m) => m.status === 'active');

  const [who, setWho] = createSignal('');
  const [name, setName] = createSignal('');
  const [relationship, setRelationship] = createSignal('');
  const [fields, setFields] = createSignal<ShareField[]>([]);
  const [purpose, setPurpose] = createSignal('');
  const [note, setNote] = createSignal('');
  const [until, setUntil] = createSignal('');
  const [agreed, setAgreed] = createSignal(false);
  const [changedAfterAgreeing, setChangedAfterAgreeing] = createSignal(false);

  const member = () => members().find((m) => m.id === who());
  const latest = () => addDays(props.today, MAX_SHARE_DAYS);

  function choose(value: string) {
    setWho(value);
    const m = members().find((x) => x.id === value);
    setName(m ? m.name : '');
    setRelationship(m ? SUPPORT_KIND_LABELS[m.kind] : '');
  }

  function toggle(field: ShareField, checked: boolean) {
    const others = fields().filter((f) => f !== field);
    // kept in the order the summary shows them, as the server records them
    const next = checked ? [...others, field] : others;
    setFields(SHARE_FIELDS.filter((f) => next.includes(f)));
  }

  const complete = () =>
    name().trim() !== '' &&
    relationship().trim() !== '' &&
    fields().length > 0 &&
    purpose().trim() !== '' &&
    DATE.test(until());

  /** The consent as it will be kept, with the parts not yet answered in brackets. */
  const consent = createMemo(() => {
    const words = consentWords({
      residentName: props.residentName,
      recipientName: name().trim() || '[their name]',
      recipientRelationship: relationship().trim() || '[who they are to you]',
      purpose: purpose().trim() || '[why you are sharing it]',
      fields: fields(),
      until: DATE.test(until()) ? until() : '[the last day]',
    });
    return fields().length > 0
      ? words
      : words.replace('What is shared: . ', 'What is shared: [what they will see]. ');
  });

  // agreeing is to these words: a change after ticking the box asks for it again
  createEffect(
    on(
      consent,
      () => {
        if (agreed()) {
          setAgreed(false);
          setChangedAfterAgreeing(true);
        }
      },
      { defer: true },
    ),
  );

  const form = createForm({
    read: () => {
      const errors: Record<string, string> = {};
      if (who() === '') errors.memberId = ASK.memberId;
      else {
        if (name().trim() === '') errors.recipientName = 'Write their name.';
        if (relationship().trim() === '')
          errors.recipientRelationship =
            'Write who they are to you, like “My mom” or “Probation officer”.';
      }
      if (fields().length === 0) errors.fields = ASK.fields;
      if (purpose().trim() === '') errors.purpose = 'Write why you are sharing it.';
      if (until() === '') errors.until = 'Choose the last day the link works.';
      else if (DATE.test(until())) {
        const problem = shareUntilProblem(until(), props.today);
        if (problem) errors.until = problem;
      }
      if (!agreed()) errors.agreed = ASK.agreed;
      const checked = validate(shareCreateInput, {
        recipientName: name(),
        recipientRelationship: relationship(),
        ...(member() ? { memberId: who() } : {}),
        purpose: purpose(),
        fields: fields(),
        until: until(),
        note: note(),
        agreed: agreed(),
      });
      // until someone is chosen, their name and relationship are not asked for
      const asked = (key: string) =>
        who() !== '' || (key !== 'recipientName' && key !== 'recipientRelationship');
      if (!checked.ok)
        for (const [key, message] of Object.entries(checked.errors))
          if (asked(key)) errors[key] ??= message;
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return checked;
    },
    submit: async (value) => {
      const share = await createShare(value);
      props.onCreated(share, value.recipientName);
    },
  });

  return (
    <Form form={form} class="card stack-lg share-form" aria-label="Make a new share">
      <WhoStep
        members={members()}
        loading={props.circle.isPending}
        failed={props.circle.isError}
        who={who()}
        member={member()}
        name={name()}
        relationship={relationship()}
        onChoose={choose}
        onName={setName}
        onRelationship={setRelationship}
      />
      <WhatStep fields={fields()} onToggle={toggle} />
      <fieldset class="stack">
        <legend>3. Why you are sharing it</legend>
        <TextField
          name="purpose"
          label="Purpose"
          hint="For example: “Monthly report for my probation officer.” They will see this."
          maxlength={300}
          value={purpose()}
          onInput={(e) => setPurpose(e.currentTarget.value)}
        />
        <TextAreaField
          name="note"
          label="A note to them"
          optional
          hint="They see it at the top of the summary."
          maxlength={500}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </fieldset>
      <UntilStep today={props.today} latest={latest()} until={until()} onUntil={setUntil} />
      <fieldset class="stack">
        <legend>5. Read and agree</legend>
        <p>
          These are the words kept with your share.{' '}
          {complete() ? '' : 'Words in [brackets] fill in as you answer above.'}
        </p>
        <div class="share-consent" id="share-consent-words">
          {consent()}
        </div>
        <AgreeBox
          agreed={agreed()}
          changed={changedAfterAgreeing()}
          onAgree={(value) => {
            setAgreed(value);
            if (value) setChangedAfterAgreeing(false);
          }}
        />
      </fieldset>
      <div class="stack">
        <FormAlert />
        <SubmitButton busyLabel="Creating the link…">Create the link</SubmitButton>
      </div>
    </Form>
  );
}

function WhoStep(props: {
  members: CircleMember[];
  loading: boolean;
  failed: boolean;
  who: string;
  member: CircleMember | undefined;
  name: string;
  relationship: string;
  onChoose: (value: string) => void;
  onName: (value: string) => void;
  onRelationship: (value: string) => void;
}) {
  const id = createUniqueId();
  const error = useGroupError(
    'memberId',
    () => 'The person you chose',
    () => props.who !== '',
  );
  return (
    <fieldset class="stack" aria-describedby={error() ? `${id}-error` : undefined}>
      <legend>1. Who will see it</legend>
      <Switch>
        <Match when={props.loading}>
          <Loading label="Loading your support circle…" />
        </Match>
        <Match when={props.failed}>
          <p class="muted">
            Your support circle could not be loaded. You can still write who it is.
          </p>
        </Match>
        <Match when={props.members.length === 0}>
          <p class="muted">
            Nobody is in your <A href="/support">support circle</A> yet. You can still write who it
            is.
          </p>
        </Match>
      </Switch>
      <div class="checkbox-group share-choices">
        <For each={props.members}>
          {(m) => (
            <label class="checkbox">
              <input
                type="radio"
                name="recipient"
                value={m.id}
                checked={props.who === m.id}
                aria-invalid={error() ? 'true' : undefined}
                onChange={() => props.onChoose(m.id)}
              />
              <span>
                <span class="share-choice-name">{m.name}</span>{' '}
                <span class="muted">{SUPPORT_KIND_LABELS[m.kind]}</span>
              </span>
            </label>
          )}
        </For>
        <label class="checkbox">
          <input
            type="radio"
            name="recipient"
            value={OTHER}
            checked={props.who === OTHER}
            aria-invalid={error() ? 'true' : undefined}
            onChange={() => props.onChoose(OTHER)}
          />
          <span class="share-choice-name">Someone else</span>
        </label>
      </div>
      <GroupError id={`${id}-error`} message={error()} />
      <Show when={props.who !== ''}>
        <div class="field-row">
          <Show
            when={props.member}
            fallback={
              <TextField
                name="recipientName"
                label="Their name"
                maxlength={120}
                autocomplete="off"
                value={props.name}
                onInput={(e) => props.onName(e.currentTarget.value)}
              />
            }
          >
            {(m) => (
              <p>
                <strong>{m().name}</strong> from your support circle.
              </p>
            )}
          </Show>
          <TextField
            name="recipientRelationship"
            label="Who they are to you"
            hint="The summary names them this way. You can change it."
            maxlength={120}
            autocomplete="off"
            value={props.relationship}
            onInput={(e) => props.onRelationship(e.currentTarget.value)}
          />
        </div>
      </Show>
    </fieldset>
  );
}

function FieldChoice(props: {
  field: ShareField;
  checked: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  onToggle: (field: ShareField, checked: boolean) => void;
}) {
  return (
    <label class="checkbox">
      <input
        type="checkbox"
        name="fields"
        value={props.field}
        checked={props.checked}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onToggle(props.field, e.currentTarget.checked)}
      />
      <span>{SHARE_FIELD_LABELS[props.field]}</span>
    </label>
  );
}

function WhatStep(props: {
  fields: ShareField[];
  onToggle: (field: ShareField, checked: boolean) => void;
}) {
  const id = createUniqueId();
  const error = useGroupError(
    'fields',
    () => 'What they will see',
    () => props.fields.length > 0,
  );
  const describedBy = () => (error() ? `${id}-error` : undefined);
  return (
    <fieldset class="stack" aria-describedby={`${id}-hint`}>
      <legend>2. What they will see</legend>
      <p class="field-hint" id={`${id}-hint`}>
        Share only what they need. For a probation officer or a case manager, check-ins and meetings
        are often enough. Nothing else from your record is shown.
      </p>
      <GroupError id={`${id}-error`} message={error()} />
      <fieldset class="checkbox-group">
        <legend class="share-sublegend">About your days</legend>
        <For each={EVERYDAY_FIELDS}>
          {(field) => (
            <FieldChoice
              field={field}
              checked={props.fields.includes(field)}
              invalid={error() !== undefined}
              describedBy={describedBy()}
              onToggle={(f, checked) => props.onToggle(f, checked)}
            />
          )}
        </For>
      </fieldset>
      <fieldset class="checkbox-group share-sensitive" aria-describedby={`${id}-caution`}>
        <legend class="share-sublegend">More private</legend>
        <p class="share-caution" id={`${id}-caution`}>
          Only if you want them to see this. These say a lot about you, and most people do not need
          them.
        </p>
        <For each={SENSITIVE_FIELDS}>
          {(field) => (
            <FieldChoice
              field={field}
              checked={props.fields.includes(field)}
              invalid={error() !== undefined}
              describedBy={describedBy()}
              onToggle={(f, checked) => props.onToggle(f, checked)}
            />
          )}
        </For>
      </fieldset>
    </fieldset>
  );
}

function UntilStep(props: {
  today: string;
  latest: string;
  until: string;
  onUntil: (value: string) => void;
}) {
  const quick: { days: number; label: string }[] = [
    { days: 30, label: '30 days' },
    { days: 90, label: '90 days' },
    { days: MAX_SHARE_DAYS, label: '1 year' },
  ];
  return (
    <fieldset class="stack">
      <legend>4. Until when</legend>
      <div class="actions" role="group" aria-label="Quick choices">
        <For each={quick}>
          {(q) => {
            const date = () => addDays(props.today, q.days);
            return (
              <button
                type="button"
                class="button button-quiet"
                aria-pressed={props.until === date() ? 'true' : 'false'}
                onClick={() => props.onUntil(date())}
              >
                {q.label}
              </button>
            );
          }}
        </For>
      </div>
      <TextField
        name="until"
        type="date"
        label="Last day the link works"
        hint={`Any day from today to ${formatDate(props.latest)}.`}
        min={props.today}
        max={props.latest}
        value={props.until}
        onInput={(e) => props.onUntil(e.currentTarget.value)}
      />
      <p class="status-note" aria-live="polite">
        <Show
          when={DATE.test(props.until) && props.until >= props.today && props.until <= props.latest}
        >
          The link stops working after {formatDate(props.until)}, or sooner if you revoke it.
        </Show>
      </p>
    </fieldset>
  );
}

function AgreeBox(props: { agreed: boolean; changed: boolean; onAgree: (value: boolean) => void }) {
  const id = createUniqueId();
  const error = useGroupError(
    'agreed',
    () => 'The box',
    () => props.agreed,
  );
  const describedBy = () =>
    [props.changed ? `${id}-changed` : '', error() ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div class="checkbox-group stack">
      <Show when={props.changed}>
        <p class="field-hint" id={`${id}-changed`}>
          You changed your answers, so the words changed. Read them again, then tick the box.
        </p>
      </Show>
      <label class="checkbox share-agree">
        <input
          type="checkbox"
          name="agreed"
          checked={props.agreed}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={describedBy()}
          onChange={(e) => props.onAgree(e.currentTarget.checked)}
        />
        <span>I have read this and I agree</span>
      </label>
      <GroupError id={`${id}-error`} message={error()} />
    </div>
  );
}

// ---------- after creating ----------

function CreatedPanel(props: {
  share: ShareCreated;
  recipientName: string;
  onAnother: () => void;
}) {
  const link = () => `${window.location.origin}${props.share.path}`;
  const [said, setSaid] = createSignal('');
  const canShare = typeof navigator.share === 'function';
  let panel: HTMLDivElement | undefined;
  let input: HTMLInputElement | undefined;
  onMount(() => panel?.focus());

  function selectLink() {
    input?.focus();
    input?.setSelectionRange(0, link().length);
  }

  async function copy() {
    setSaid('');
    try {
      await navigator.clipboard.writeText(link());
      setSaid('Link copied. Paste it in a text or an email to them.');
    } catch {
      selectLink();
      setSaid('Could not copy it by itself. The link is selected: press and hold it to copy.');
    }
  }

  async function share() {
    setSaid('');
    try {
      await navigator.share({
        title: 'My summary from Porchlight',
        text: 'Here is the summary I am sharing with you. Please keep it private.',
        url: link(),
      });
    } catch (e) {
      // closing the share sheet is not a failure
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setSaid('Could not open sharing. Copy the link instead.');
    }
  }

  return (
    <div
      class="share-created stack"
      role="status"
      tabindex="-1"
      ref={panel}
      aria-labelledby="share-created-heading"
    >
      <h3 id="share-created-heading">Your link for {props.recipientName} is ready</h3>
      <p>
        Send it to them yourself, by text or email. It works until the end of{' '}
        {formatDate(props.share.until)}.
      </p>
      <p class="share-warning">
        <strong>This is the only time you will see this link.</strong> If you lose it, revoke this
        share and make a new one.
      </p>
      <div class="field">
        <div class="field-label">
          <label for="share-link">The link</label>
        </div>
        <input
          ref={input}
          id="share-link"
          class="share-link"
          type="text"
          readonly
          value={link()}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div class="actions">
        <button type="button" class="button button-primary" onClick={() => void copy()}>
          Copy link
        </button>
        <Show when={canShare}>
          <button type="button" class="button" onClick={() => void share()}>
            Share…
          </button>
        </Show>
      </div>
      <p class="status-note" aria-live="polite">
        {said()}
      </p>
      <p>They will see: {props.share.fields.map((f) => yourLabel(f).toLowerCase()).join('; ')}.</p>
      <button type="button" class="button button-quiet" onClick={() => props.onAnother()}>
        Make another share
      </button>
    </div>
  );
}

// ---------- the list ----------

function ShareList() {
  const shares = useQuery(() => supportQueries.shares());
  const [shown, setShown] = createSignal(PAGE_SIZE);
  const [justRevoked, setJustRevoked] = createSignal<string | null>(null);
  const more = {
    get hasNextPage() {
      return (shares.data?.length ?? 0) > shown();
    },
    isFetchingNextPage: false,
    fetchNextPage: () => {
      setShown(shown() + PAGE_SIZE);
      return Promise.resolve();
    },
  };
  return (
    <Switch fallback={<Loading />}>
      <Match when={shares.isError && !shares.data}>
        <LoadError error={shares.error} retry={() => void shares.refetch()} />
      </Match>
      <Match when={shares.data}>
        {(list) => (
          <>
            <Show when={list().length === 0}>
              <p class="empty">You have not shared a summary yet.</p>
            </Show>
            <ul class="plain-list share-list">
              {/* keyed by id, so a refetch updates each card in place: open panels stay open */}
              <For
                each={list()
                  .slice(0, shown())
                  .map((s) => s.id)}
              >
                {(id) => (
                  <Show when={list().find((s) => s.id === id)}>
                    {(share) => (
                      <li>
                        <ShareCard
                          share={share()}
                          justRevoked={justRevoked() === id}
                          onRevoked={() => setJustRevoked(id)}
                        />
                      </li>
                    )}
                  </Show>
                )}
              </For>
            </ul>
            <ShowMore list={more} label="Show more shares" />
          </>
        )}
      </Match>
    </Switch>
  );
}

function stateBadge(share: ShareItem): { text: string; class: string } {
  if (share.state === 'active') return { text: 'Active', class: 'badge badge-open' };
  if (share.state === 'revoked' && share.revokedAt)
    return { text: `Revoked on ${formatDay(share.revokedAt)}`, class: 'badge' };
  return { text: `Ended on ${formatDate(share.until)}`, class: 'badge' };
}

function ShareCard(props: { share: ShareItem; justRevoked: boolean; onRevoked: () => void }) {
  const badge = () => stateBadge(props.share);
  return (
    <article class="card stack" aria-labelledby={`share-${props.share.id}`}>
      <div class="share-card-head">
        <h3 id={`share-${props.share.id}`}>
          {props.share.recipientName}{' '}
          <span class="share-relationship">({props.share.recipientRelationship})</span>
        </h3>
        <span class={badge().class}>{badge().text}</span>
      </div>
      <Show when={props.justRevoked}>
        <RevokedNote />
      </Show>
      <dl class="facts">
        <div>
          <dt>{props.share.state === 'active' ? 'What they see' : 'What was shared'}</dt>
          <dd>
            <ul class="share-parts">
              <For each={props.share.fields}>{(f) => <li>{yourLabel(f)}</li>}</For>
            </ul>
          </dd>
        </div>
        <div>
          <dt>Why</dt>
          <dd>{props.share.purpose}</dd>
        </div>
        <div>
          <dt>{props.share.state === 'active' ? 'Works until' : 'Was to work until'}</dt>
          <dd>The end of {formatDate(props.share.until)}</dd>
        </div>
        <div>
          <dt>Made on</dt>
          <dd>{formatInstant(props.share.createdAt)}</dd>
        </div>
        <Show when={props.share.note}>
          {(n) => (
            <div>
              <dt>Your note to them</dt>
              <dd>{n()}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>Opened</dt>
          <dd>
            <Show
              when={props.share.lastViewedAt}
              fallback={props.share.state === 'active' ? 'Not opened yet.' : 'Never opened.'}
            >
              {(last) => (
                <>
                  {plural(props.share.viewCount, 'time', 'times')}, last on {formatInstant(last())}.
                </>
              )}
            </Show>
          </dd>
        </div>
      </dl>
      <div class="action-list">
        <Show when={props.share.viewCount > 0}>
          <Disclosure label="When it was opened">
            {() => <ViewLog share={props.share} />}
          </Disclosure>
        </Show>
        <Disclosure label="What you agreed to">
          {() => <div class="share-consent">{props.share.consentText}</div>}
        </Disclosure>
      </div>
      <Show when={props.share.state === 'active'}>
        <RevokeControl share={props.share} onRevoked={() => props.onRevoked()} />
      </Show>
    </article>
  );
}

function ViewLog(props: { share: ShareItem }) {
  return (
    <div class="stack">
      <ul class="plain-list">
        <For each={props.share.views}>
          {(view) => (
            <li>
              <span class="share-view-at">{formatInstant(view.at)}</span>{' '}
              <span class="muted">{view.device}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.share.viewCount > props.share.views.length}>
        <p class="muted">
          The latest {props.share.views.length} of {props.share.viewCount} times.
        </p>
      </Show>
    </div>
  );
}

function RevokeControl(props: { share: ShareItem; onRevoked: () => void }) {
  const [confirming, setConfirming] = createSignal(false);
  let first: HTMLButtonElement | undefined;
  return (
    <Show
      when={confirming()}
      fallback={
        <div>
          <button
            ref={first}
            type="button"
            class="button button-quiet"
            aria-label={`Revoke the share with ${props.share.recipientName}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        </div>
      }
    >
      <ConfirmRevoke
        share={props.share}
        onRevoked={() => props.onRevoked()}
        onKeep={() => {
          setConfirming(false);
          first?.focus();
        }}
      />
    </Show>
  );
}

/** The second tap, asked for in the card: what revoking does, and a way to keep it. */
function ConfirmRevoke(props: { share: ShareItem; onRevoked: () => void; onKeep: () => void }) {
  let question: HTMLParagraphElement | undefined;
  onMount(() => question?.focus());
  async function revoke() {
    await revokeShare({ shareId: props.share.id });
    props.onRevoked();
  }
  return (
    <div class="share-confirm stack">
      <p ref={question} tabindex="-1">
        Revoke it? The link stops working at once. {props.share.recipientName} will see a page
        saying it is not available.
      </p>
      <div class="actions">
        <ActionButton
          class="button share-danger"
          busyLabel="Revoking…"
          label={`Yes, revoke the share with ${props.share.recipientName}`}
          onRun={revoke}
        >
          Yes, revoke it
        </ActionButton>
        <button type="button" class="button button-quiet" onClick={() => props.onKeep()}>
          Keep it
        </button>
      </div>
    </div>
  );
}

function RevokedNote(): JSX.Element {
  let note: HTMLParagraphElement | undefined;
  onMount(() => note?.focus());
  return (
    <p ref={note} class="alert alert-success" role="status" tabindex="-1">
      Revoked. The link no longer works.
    </p>
  );
}
