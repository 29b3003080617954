// A house's rule book for its staff: the version in force and who has not
// signed it, the versions before it and what changed between them, and the
// draft of the next version: written, saved, compared, then published.
import { A, useParams } from '@solidjs/router';
import {
  ruleBookDiffInput,
  ruleBookDraftInput,
  ruleBookPublishInput,
  startFromTemplateInput,
} from '@porchlight/domain';
import {
  CONSEQUENCE_KINDS,
  CONSEQUENCE_LABELS,
  RULE_CATEGORIES,
  RULE_CATEGORY_LABELS,
} from '@porchlight/domain/labels';
import { useQuery } from '@tanstack/solid-query';
import {
  batch,
  createEffect,
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
import { createStore, produce } from 'solid-js/store';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
import { formatInstant, plural } from '../lib/dates';
import { fieldSentence, problemOf } from '../lib/errors';
import {
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
import {
  publishRuleBook,
  ruleQueries,
  saveRuleDraft,
  startRulesFromTemplate,
  type SavedDraft,
} from './data';
import { RuleDiff } from './rule-diff';
import './rules.css';

interface SourceRule {
  key?: string;
  category: string;
  text: string;
  consequences: ReadonlyArray<{ kind: string; amountCents?: number }>;
}

/** One rule as the editor holds it: the form's controls, not yet checked. */
interface EditRule {
  /** Identifies the rule on this page only. */
  uid: string;
  /** Kept from version to version: the same rule, so violations point at it. */
  key: string | undefined;
  category: string;
  text: string;
  kinds: string[];
  fineDollars: string;
}

let lastUid = 0;
const newUid = () => `rule-${++lastUid}`;

function toEditRule(rule: SourceRule): EditRule {
  const fine = rule.consequences.find((c) => c.kind === 'fine');
  return {
    uid: newUid(),
    key: rule.key,
    category: rule.category,
    text: rule.text,
    kinds: rule.consequences.map((c) => c.kind),
    fineDollars: fine?.amountCents === undefined ? '' : (fine.amountCents / 100).toFixed(2),
  };
}

function blankRule(): EditRule {
  return { uid: newUid(), key: undefined, category: '', text: '', kinds: [], fineDollars: '' };
}

/** Cents from "12.50", "$1,000" or "25"; undefined when blank, null when not an amount. */
function toCents(dollars: string): number | undefined | null {
  const plain = dollars.replace(/[$,\s]/g, '');
  if (plain === '') return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Math.round(Number(plain) * 100);
}

/**
 * Moves the API's messages onto the controls of the editor: a fine's amount to
 * its dollar field, a consequence to the group of checkboxes, the book itself
 * into a sentence for the alert.
 */
function placeErrors(errors: Record<string, string>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const fine = /^rules\.(\d+)\.consequences\.\d+\.amountCents$/.exec(field);
    const consequence = /^rules\.(\d+)\.consequences(?:\.\d+(?:\.kind)?)?$/.exec(field);
    const key = /^rules\.(\d+)\.key$/.exec(field);
    if (fine) placed[`rules.${fine[1]}.fineDollars`] ??= message;
    else if (consequence) placed[`rules.${consequence[1]}.consequences`] ??= message;
    else if (key) placed['rules'] ??= `Rule ${Number(key[1]) + 1}: its key ${message}`;
    else if (field === 'rules')
      placed['rules'] ??=
        `${message.startsWith('are ') ? 'The rules' : 'The rule book'} ${message}`;
    else placed[field] ??= message;
  }
  return placed;
}

/** The draft as the API takes it, checked with the API's own schema. */
function readDraft(houseId: string, rules: readonly EditRule[]) {
  const amountErrors: Record<string, string> = {};
  const input = {
    houseId,
    rules: rules.map((rule, i) => ({
      ...(rule.key ? { key: rule.key } : {}),
      category: rule.category,
      text: rule.text,
      consequences: CONSEQUENCE_KINDS.filter((kind) => rule.kinds.includes(kind)).map((kind) => {
        if (kind !== 'fine') return { kind };
        const cents = toCents(rule.fineDollars);
        if (cents === null)
          amountErrors[`rules.${i}.fineDollars`] =
            'must be an amount in dollars, like 25 or 12.50.';
        return cents === undefined || cents === null ? { kind } : { kind, amountCents: cents };
      }),
    })),
  };
  const checked = validate(ruleBookDraftInput, input);
  if (checked.ok && Object.keys(amountErrors).length === 0) return checked;
  return {
    ok: false as const,
    errors: { ...placeErrors(checked.ok ? {} : checked.errors), ...amountErrors },
  };
}

const CATEGORY_CHOICES = [
  { value: '', label: 'Choose a category' },
  ...RULE_CATEGORIES.map((c) => ({ value: c, label: RULE_CATEGORY_LABELS[c] ?? c })),
];

function focusLater(selector: string) {
  queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());
}

export default function RuleBookEditorPage() {
  const params = useParams<{ houseId: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title={house.data ? `Rule book · ${house.data.name}` : 'Rule book'}>
          Rule book
          <Show when={house.data?.name}>{(name) => <>: {name()}</>}</Show>
        </PageHeading>
        <p class="lede">
          The rules residents sign, with what can follow a breach. Change them in a draft; nothing
          changes for residents until you publish a new version.
        </p>
      </div>
      <Show when={house.isError && !house.data}>
        <LoadError error={house.error} retry={() => void house.refetch()} />
      </Show>
      <InForce houseId={params.houseId} />
      <Versions houseId={params.houseId} />
      <DraftSection houseId={params.houseId} organisationId={house.data?.organisationId} />
    </div>
  );
}

function InForce(props: { houseId: string }) {
  const current = useQuery(() => ruleQueries.current(props.houseId));
  return (
    <section class="stack" aria-labelledby="in-force-heading">
      <h2 id="in-force-heading">In force</h2>
      <Switch fallback={<Loading />}>
        <Match when={current.isError && !current.data}>
          <LoadError error={current.error} retry={() => void current.refetch()} />
        </Match>
        <Match when={current.data && !current.data.version}>
          <p>
            No version has been published yet. Write the rules in the draft below, then publish.
          </p>
        </Match>
        <Match when={current.data?.version}>
          {(version) => (
            <>
              <dl class="facts card">
                <div>
                  <dt>Version</dt>
                  <dd>
                    {version().version} ({plural(version().rules.length, 'rule', 'rules')})
                  </dd>
                </div>
                <div>
                  <dt>Published</dt>
                  <dd>{formatInstant(version().publishedAt)}</dd>
                </div>
                <div>
                  <dt>Change note</dt>
                  <dd>{version().changeNote || 'None'}</dd>
                </div>
              </dl>
              <Show when={current.data?.unsigned}>
                {(unsigned) => (
                  <section class="stack" aria-labelledby="unsigned-heading">
                    <h3 id="unsigned-heading">Not signed yet</h3>
                    <Show
                      when={unsigned().length > 0}
                      fallback={<p>Everyone has signed version {version().version}.</p>}
                    >
                      <p class="muted">
                        {plural(unsigned().length, 'resident has', 'residents have')} not signed
                        version {version().version}.
                      </p>
                      <ul class="plain-list">
                        <For each={unsigned()}>
                          {(resident) => (
                            <li>
                              <A href={`/residents/${resident.residentId}`}>{resident.name}</A>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </section>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function Versions(props: { houseId: string }) {
  const history = useQuery(() => ruleQueries.history(props.houseId));
  const versions = () => history.data?.versions ?? [];
  return (
    <section class="stack" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <Switch fallback={<Loading />}>
        <Match when={history.isError && !history.data}>
          <LoadError error={history.error} retry={() => void history.refetch()} />
        </Match>
        <Match when={history.data && versions().length === 0}>
          <p class="empty">No versions published yet.</p>
        </Match>
        <Match when={versions().length > 0}>
          <ol class="version-list">
            <For each={versions()}>
              {(v) => (
                <li>
                  <p>
                    <strong>Version {v.version}</strong> · {formatInstant(v.publishedAt)} ·{' '}
                    {plural(v.rules.length, 'rule', 'rules')}
                  </p>
                  <Show when={v.changeNote}>{(note) => <p class="muted">{note()}</p>}</Show>
                </li>
              )}
            </For>
          </ol>
          <CompareVersions houseId={props.houseId} versions={versions().map((v) => v.version)} />
        </Match>
      </Switch>
    </section>
  );
}

/** Two versions side by side as changes; the previous and the latest at first. */
function CompareVersions(props: { houseId: string; versions: readonly number[] }) {
  const [chosen, setChosen] = createSignal<{ from: number; to: number } | null>(null);
  const pair = () => chosen() ?? { from: props.versions[1] ?? 0, to: props.versions[0] ?? 1 };
  const diff = useQuery(() => ruleQueries.diff(props.houseId, pair().from, pair().to));
  const form = createForm({
    read: (data) => {
      const from = Number(text(data, 'from'));
      const to = Number(text(data, 'to'));
      if (from === to)
        return { ok: false as const, errors: { to: 'must be a different version from “From”.' } };
      return validate(ruleBookDiffInput, { houseId: props.houseId, from, to });
    },
    submit: (value) => {
      if (typeof value.to === 'number') setChosen({ from: value.from, to: value.to });
      return Promise.resolve();
    },
  });
  const name = (v: number) => (v === 0 ? 'the empty rule book' : `version ${v}`);
  return (
    <section class="stack" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Compare versions</h3>
      <Form form={form} class="card stack" aria-labelledby="compare-heading">
        <div class="compare-fields">
          <SelectField
            name="from"
            label="From"
            value={String(pair().from)}
            choices={[
              { value: '0', label: 'The empty rule book' },
              ...props.versions.map((v) => ({ value: String(v), label: `Version ${v}` })),
            ]}
          />
          <SelectField
            name="to"
            label="To"
            value={String(pair().to)}
            choices={props.versions.map((v) => ({ value: String(v), label: `Version ${v}` }))}
          />
        </div>
        <FormAlert />
        <SubmitButton>Compare</SubmitButton>
      </Form>
      <div class="stack">
        <p class="muted">
          From {name(pair().from)} to {name(pair().to)}:
        </p>
        <Switch fallback={<Loading label="Comparing…" />}>
          <Match when={diff.isError && !diff.data}>
            <LoadError error={diff.error} retry={() => void diff.refetch()} />
          </Match>
          <Match when={diff.data}>{(d) => <RuleDiff diff={d()} level={4} />}</Match>
        </Switch>
      </div>
    </section>
  );
}

function DraftSection(props: { houseId: string; organisationId: string | undefined }) {
  const draft = useQuery(() => ruleQueries.draft(props.houseId));
  const [rules, setRules] = createStore<EditRule[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  // when the draft the editor holds was saved: publishing names it, so nobody publishes blind
  const [seenAt, setSeenAt] = createSignal<string | null>(null);
  const [dirty, setDirty] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [spoken, setSpoken] = createSignal('');
  let rulesHeading: HTMLHeadingElement | undefined;

  function load(source: { rules: readonly SourceRule[]; draftUpdatedAt: string | null }) {
    batch(() => {
      setRules(source.rules.map(toEditRule));
      setSeenAt(source.draftUpdatedAt);
      setDirty(false);
      setLoaded(true);
    });
  }

  createEffect(() => {
    const data = draft.data;
    if (data && !untrack(loaded)) load(data);
  });

  async function reloadFromServer() {
    const result = await draft.refetch();
    if (result.data) load(result.data);
    return result.data;
  }

  function edited() {
    setDirty(true);
    setNotice(null);
  }

  function change(index: number, patch: Partial<EditRule>) {
    setRules(index, patch);
    edited();
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    const rule = rules[index];
    if (!rule || target < 0 || target >= rules.length) return;
    setRules(
      produce((list) => {
        const [moved] = list.splice(index, 1);
        if (moved) list.splice(target, 0, moved);
      }),
    );
    edited();
    setSpoken(`Rule ${index + 1} moved ${by < 0 ? 'up' : 'down'}. It is now rule ${target + 1}.`);
    // the button pressed keeps the focus, or its twin when the rule reached an end
    const atEnd = by < 0 ? target === 0 : target === rules.length - 1;
    const action = by < 0 !== atEnd ? 'up' : 'down';
    focusLater(`[data-rule="${rule.uid}"] [data-action="${action}"]`);
  }

  function remove(index: number) {
    const next = rules[index + 1] ?? rules[index - 1];
    setRules((list) => list.filter((_, i) => i !== index));
    edited();
    setSpoken(`Rule ${index + 1} removed. Save the draft to keep the change.`);
    focusLater(next ? `[data-rule="${next.uid}"] select` : '#add-rule');
  }

  function add() {
    const rule = blankRule();
    setRules(rules.length, rule);
    edited();
    setSpoken(`Rule ${rules.length} added.`);
    focusLater(`[data-rule="${rule.uid}"] select`);
  }

  const form = createForm({
    read: () => readDraft(props.houseId, rules),
    submit: async (value) => {
      try {
        const result = await saveRuleDraft(value);
        batch(() => {
          // the keys the API gave new rules, so the next save names the same rules
          result.rules.forEach((rule, i) => setRules(i, 'key', rule.key));
          setSeenAt(result.draftUpdatedAt);
          setDirty(false);
          setNotice(`Draft saved with ${plural(result.rules.length, 'rule', 'rules')}.`);
        });
      } catch (error) {
        const problem = problemOf(error);
        if (problem.code === 'UNAUTHORIZED') throw error;
        form.fail(placeErrors(problem.fieldErrors), problem.message);
      }
    },
  });

  const basedOn = () => draft.data?.basedOnVersion ?? null;
  const next = () => (basedOn() ?? 0) + 1;

  return (
    <section class="stack" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft of version {next()}</h2>
      <Switch fallback={<Loading label="Loading the draft…" />}>
        <Match when={draft.isError && !draft.data}>
          <LoadError error={draft.error} retry={() => void draft.refetch()} />
        </Match>
        <Match when={draft.data && loaded()}>
          <p>
            <Switch fallback="This house has no rules yet. Add them below, save a draft, then publish version 1.">
              <Match when={draft.data?.hasDraft && draft.data.draftUpdatedAt}>
                {(at) => (
                  <>
                    Draft last saved {formatInstant(at())}
                    <Show when={basedOn()}>{(v) => <>, to follow version {v()}</>}</Show>.
                  </>
                )}
              </Match>
              <Match when={basedOn()}>
                {(v) => <>There is no draft: below are the rules of version {v()} to start from.</>}
              </Match>
            </Switch>
          </p>
          <Show when={notice()}>
            {(message) => (
              <p class="alert alert-success" role="status">
                {message()}
              </p>
            )}
          </Show>
          <TemplatePicker
            houseId={props.houseId}
            organisationId={props.organisationId}
            onDone={(result, name) => {
              load(result);
              setNotice(
                `The draft now holds the ${plural(result.rules.length, 'rule', 'rules')} of “${name}”. Change them as needed, then publish.`,
              );
              rulesHeading?.focus();
            }}
          />
          <Form form={form} class="stack" aria-labelledby="draft-rules-heading">
            <h3 id="draft-rules-heading" tabindex="-1" ref={rulesHeading}>
              Rules
            </h3>
            <p class="visually-hidden" role="status">
              {spoken()}
            </p>
            <Show
              when={rules.length > 0}
              fallback={<p class="empty">No rules in the draft. Add the first one.</p>}
            >
              <div class="rule-editor">
                <For each={rules}>
                  {(rule, index) => (
                    <RuleFields
                      rule={rule}
                      index={index()}
                      count={rules.length}
                      onChange={(patch) => change(index(), patch)}
                      onMove={(by) => move(index(), by)}
                      onRemove={() => remove(index())}
                    />
                  )}
                </For>
              </div>
            </Show>
            <div class="actions">
              <button type="button" id="add-rule" class="button" onClick={add}>
                Add a rule
              </button>
            </div>
            <Show when={dirty()}>
              <p class="status-note">You have changes that are not saved.</p>
            </Show>
            <FormAlert />
            <SubmitButton busyLabel="Saving…">Save draft</SubmitButton>
          </Form>
          <Switch>
            <Match when={draft.data?.hasDraft && seenAt() && !dirty()}>
              <ReviewAndPublish
                houseId={props.houseId}
                basedOn={basedOn()}
                seenAt={seenAt() ?? ''}
                onPublished={(version) => {
                  void reloadFromServer().then(() =>
                    setNotice(
                      `Version ${version} is in force. Every resident of the house will be asked to sign it.`,
                    ),
                  );
                }}
                onReload={() => {
                  void reloadFromServer().then((data) =>
                    setNotice(
                      data?.draftUpdatedAt
                        ? `Loaded the latest draft, saved ${formatInstant(data.draftUpdatedAt)}. Review it, then publish.`
                        : 'Loaded the latest rules: there is no draft to publish now.',
                    ),
                  );
                }}
              />
            </Match>
            <Match when={draft.data?.hasDraft && dirty()}>
              <p class="alert alert-info">Save the draft to compare it and publish it.</p>
            </Match>
            <Match when={!draft.data?.hasDraft}>
              <p class="alert alert-info">
                Save a draft to compare it
                <Show when={basedOn()} fallback=" ">
                  {(v) => <> with version {v()} </>}
                </Show>
                and publish it as version {next()}.
              </p>
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
  );
}

function RuleFields(props: {
  rule: EditRule;
  index: number;
  count: number;
  onChange: (patch: Partial<EditRule>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = () => props.index + 1;
  const name = (field: string) => `rules.${props.index}.${field}`;
  return (
    <fieldset class="rule-fieldset" data-rule={props.rule.uid}>
      <legend>Rule {n()}</legend>
      <SelectField
        name={name('category')}
        label="Category"
        choices={CATEGORY_CHOICES}
        value={props.rule.category}
        onChange={(e) => props.onChange({ category: e.currentTarget.value })}
      />
      <TextAreaField
        name={name('text')}
        label="What the rule says"
        value={props.rule.text}
        onInput={(e) => props.onChange({ text: e.currentTarget.value })}
      />
      <ConsequenceChoices
        name={name('consequences')}
        fineName={name('fineDollars')}
        rule={props.rule}
        onChange={(patch) => props.onChange(patch)}
      />
      <div class="rule-tools">
        <button
          type="button"
          class="button button-quiet"
          data-action="up"
          disabled={props.index === 0}
          onClick={() => props.onMove(-1)}
        >
          Move rule {n()} up
        </button>
        <button
          type="button"
          class="button button-quiet"
          data-action="down"
          disabled={props.index === props.count - 1}
          onClick={() => props.onMove(1)}
        >
          Move rule {n()} down
        </button>
        <button
          type="button"
          class="button button-quiet"
          data-action="remove"
          onClick={() => props.onRemove()}
        >
          Remove rule {n()}
        </button>
      </div>
    </fieldset>
  );
}

/** The consequences a rule discloses, one checkbox each; a fine also names its amount. */
function ConsequenceChoices(props: {
  name: string;
  fineName: string;
  rule: EditRule;
  onChange: (patch: Partial<EditRule>) => void;
}) {
  const form = useFormState();
  const id = createUniqueId();
  const label = 'What can follow a breach';
  createRenderEffect(() => {
    const unregister = form?.register(props.name, { label });
    if (unregister) onCleanup(unregister);
  });
  const error = () => {
    const message = form?.errors()[props.name];
    return message ? fieldSentence('Consequences', props.name, message) : undefined;
  };
  const toggle = (kind: string, on: boolean) => {
    const kinds = props.rule.kinds.filter((k) => k !== kind);
    props.onChange({ kinds: on ? [...kinds, kind] : kinds });
  };
  return (
    <fieldset class="consequence-choices" aria-describedby={`${id}-hint`}>
      <legend>{label}</legend>
      <p class="field-hint" id={`${id}-hint`}>
        Residents read these before they sign. Tick at least one.
      </p>
      <For each={CONSEQUENCE_KINDS}>
        {(kind) => (
          <>
            <label class="checkbox">
              <input
                type="checkbox"
                value={kind}
                checked={props.rule.kinds.includes(kind)}
                aria-invalid={error() ? 'true' : undefined}
                aria-describedby={error() ? `${id}-error` : undefined}
                onChange={(e) => toggle(kind, e.currentTarget.checked)}
              />
              <span>{CONSEQUENCE_LABELS[kind] ?? kind}</span>
            </label>
            <Show when={kind === 'fine' && props.rule.kinds.includes('fine')}>
              <div class="fine-amount">
                <TextField
                  name={props.fineName}
                  label="Fine amount in dollars"
                  hint="Up to $1,000."
                  inputmode="decimal"
                  autocomplete="off"
                  value={props.rule.fineDollars}
                  onInput={(e) => props.onChange({ fineDollars: e.currentTarget.value })}
                />
              </div>
            </Show>
          </>
        )}
      </For>
      <Show when={error()}>
        <p class="field-error" id={`${id}-error`}>
          {error()}
        </p>
      </Show>
    </fieldset>
  );
}

/** Replaces the draft with a copy of one of the organisation's templates, after a warning. */
function TemplatePicker(props: {
  houseId: string;
  organisationId: string | undefined;
  onDone: (result: SavedDraft, name: string) => void;
}) {
  const templates = useQuery(() => ruleQueries.templates(props.organisationId));
  const [choice, setChoice] = createSignal('');
  const [confirming, setConfirming] = createSignal(false);
  const selectId = createUniqueId();
  const list = () => templates.data ?? [];
  const chosen = () => list().find((t) => t.id === choice()) ?? list()[0];
  let startButton: HTMLButtonElement | undefined;
  return (
    <Show when={list().length > 0}>
      <section class="stack card" aria-labelledby="template-heading">
        <h3 id="template-heading">Start from a template</h3>
        <Show
          when={confirming() ? chosen() : undefined}
          fallback={
            <>
              <div class="field">
                <div class="field-label">
                  <label for={selectId}>Template</label>
                </div>
                <select id={selectId} onChange={(e) => setChoice(e.currentTarget.value)}>
                  <For each={list()}>
                    {(t) => (
                      <option value={t.id} selected={t.id === chosen()?.id}>
                        {t.name} ({plural(t.rules.length, 'rule', 'rules')})
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <div class="actions">
                <button
                  ref={startButton}
                  type="button"
                  class="button"
                  onClick={() => {
                    setConfirming(true);
                    focusLater('#template-confirm-text');
                  }}
                >
                  Start from this template
                </button>
              </div>
            </>
          }
        >
          {(template) => (
            <ConfirmTemplate
              houseId={props.houseId}
              template={template()}
              onCancel={() => {
                setConfirming(false);
                startButton?.focus();
              }}
              onDone={(result) => {
                setConfirming(false);
                props.onDone(result, template().name);
              }}
            />
          )}
        </Show>
      </section>
    </Show>
  );
}

function ConfirmTemplate(props: {
  houseId: string;
  template: { id: string; name: string; rules: readonly unknown[] };
  onCancel: () => void;
  onDone: (result: SavedDraft) => void;
}) {
  const form = createForm({
    read: () =>
      validate(startFromTemplateInput, { houseId: props.houseId, templateId: props.template.id }),
    submit: async (value) => {
      try {
        props.onDone(await startRulesFromTemplate(value));
      } catch (error) {
        const problem = problemOf(error);
        if (problem.code === 'UNAUTHORIZED') throw error;
        const templateError = problem.fieldErrors['templateId'];
        form.fail({}, templateError ? `That template ${templateError}` : problem.message);
      }
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Replace the draft with a template">
      <p id="template-confirm-text" class="alert alert-info" tabindex="-1">
        This replaces the current draft, saved or not, with the{' '}
        {plural(props.template.rules.length, 'rule', 'rules')} of “{props.template.name}”. Residents
        see no change until you publish.
      </p>
      <FormAlert />
      <div class="actions">
        <SubmitButton busyLabel="Replacing…">Replace the draft</SubmitButton>
        <button type="button" class="button button-quiet" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </Form>
  );
}

function ReviewAndPublish(props: {
  houseId: string;
  basedOn: number | null;
  seenAt: string;
  onPublished: (version: number) => void;
  onReload: () => void;
}) {
  const next = () => (props.basedOn ?? 0) + 1;
  const [conflicted, setConflicted] = createSignal(false);
  const form = createForm({
    read: (data) =>
      validate(ruleBookPublishInput, {
        houseId: props.houseId,
        changeNote: text(data, 'changeNote'),
        draftUpdatedAt: props.seenAt,
      }),
    submit: async (value, element) => {
      try {
        const result = await publishRuleBook(value);
        element.reset();
        props.onPublished(result.version);
      } catch (error) {
        const problem = problemOf(error);
        if (problem.code === 'UNAUTHORIZED') throw error;
        if (problem.code === 'CONFLICT') setConflicted(true);
        const { draftUpdatedAt: _seen, ...rest } = problem.fieldErrors;
        form.fail(placeErrors(rest), problem.message);
      }
    },
  });
  return (
    <section class="stack" aria-labelledby="publish-heading">
      <h3 id="publish-heading">Review and publish</h3>
      <Disclosure
        label={
          props.basedOn
            ? `Compare the draft with version ${props.basedOn}`
            : 'See the rules in the draft'
        }
      >
        {() => <DraftDiff houseId={props.houseId} from={props.basedOn ?? 0} />}
      </Disclosure>
      <Form form={form} class="card stack" aria-label={`Publish version ${next()}`}>
        <p>
          Publishing puts the saved draft in force as version {next()}, and every resident of the
          house will be asked to sign it.
        </p>
        <TextAreaField
          name="changeNote"
          label="Change note"
          hint="One or two sentences on what changed and why. Residents see it with the new version."
        />
        <FormAlert />
        <Show when={conflicted()}>
          <div class="actions">
            <button
              type="button"
              class="button"
              onClick={() => {
                setConflicted(false);
                form.reset();
                props.onReload();
              }}
            >
              Load the latest draft
            </button>
          </div>
        </Show>
        <SubmitButton busyLabel="Publishing…">Publish version {next()}</SubmitButton>
      </Form>
    </section>
  );
}

function DraftDiff(props: { houseId: string; from: number }) {
  const diff = useQuery(() => ruleQueries.diff(props.houseId, props.from, 'draft'));
  return (
    <Switch fallback={<Loading label="Comparing…" />}>
      <Match when={diff.isError && !diff.data}>
        <LoadError error={diff.error} retry={() => void diff.refetch()} />
      </Match>
      <Match when={diff.data}>{(d) => <RuleDiff diff={d()} level={4} />}</Match>
    </Switch>
  );
}
