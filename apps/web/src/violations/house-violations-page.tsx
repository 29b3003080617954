// A house's violations for its staff: record one against a rule the resident
// signed, with a consequence the rule disclosed; read, and void with a reason.
import { A, useParams, useSearchParams } from '@solidjs/router';
import { violationRecordInput, violationVoidInput } from '@porchlight/domain';
import { consequenceText, RULE_CATEGORY_LABELS } from '@porchlight/domain/labels';
import { useInfiniteQuery, useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Show, Switch, untrack } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { houseQueries } from '../houses/data';
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
import { residentQueries } from '../residents/data';
import { recordViolation, violationQueries, voidViolation } from './data';
import { ViolationCard } from './violation-card';
import { ShowMore } from '../components/show-more';
import './records.css';

/** A datetime-local value for now, in the browser's clock. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function toInstant(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

export default function HouseViolationsPage() {
  const params = useParams<{ houseId: string }>();
  const [search] = useSearchParams<{ residentId?: string; passId?: string }>();
  const house = useQuery(() => houseQueries.get(params.houseId));
  const list = useInfiniteQuery(() => violationQueries.house(params.houseId));
  const [saved, setSaved] = createSignal<string | null>(null);
  return (
    <div class="stack-lg">
      <div class="stack">
        <p class="crumbs">
          <A href={`/houses/${params.houseId}`}>{house.data?.name ?? 'House'}</A>
        </p>
        <PageHeading title="Violations">Violations</PageHeading>
        <p class="lede">
          A violation applies a rule the resident signed, with a consequence that rule disclosed.
          The resident sees it and can answer. A wrong one is voided, never deleted.
        </p>
      </div>
      <Show when={saved()}>
        {(message) => (
          <p class="alert alert-success" role="status">
            {message()}
          </p>
        )}
      </Show>
      <section class="stack" aria-labelledby="record-heading">
        <h2 id="record-heading">Record a violation</h2>
        <RecordViolationForm
          houseId={params.houseId}
          residentId={search.residentId ?? ''}
          passId={search.passId}
          onDone={setSaved}
        />
      </section>
      <section class="stack" aria-labelledby="list-heading">
        <h2 id="list-heading">Recorded</h2>
        <Switch fallback={<Loading />}>
          <Match when={list.isError && !list.data}>
            <LoadError error={list.error} retry={() => void list.refetch()} />
          </Match>
          <Match when={list.data}>
            {(data) => (
              <>
                <Show when={data().pages[0]?.items.length === 0}>
                  <p class="empty">No violations recorded in this house.</p>
                </Show>
                <ul class="plain-list stack">
                  <For each={data().pages.flatMap((p) => p.items)}>
                    {(v) => (
                      <li>
                        <ViolationCard violation={v} showResident>
                          <Show when={!v.voided}>
                            <Disclosure label={`Void this violation for ${v.residentName}`}>
                              {(close) => (
                                <VoidForm
                                  violationId={v.id}
                                  onDone={() => {
                                    close();
                                    setSaved(`The violation for ${v.residentName} was voided.`);
                                  }}
                                />
                              )}
                            </Disclosure>
                          </Show>
                        </ViolationCard>
                      </li>
                    )}
                  </For>
                </ul>
                <ShowMore list={list} />
              </>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}

function RecordViolationForm(props: {
  houseId: string;
  residentId: string;
  passId: string | undefined;
  onDone: (message: string) => void;
}) {
  // the resident named in the link is only where the form starts
  const [residentId, setResidentId] = createSignal(untrack(() => props.residentId));
  const [ruleKey, setRuleKey] = createSignal('');
  const residents = useInfiniteQuery(() => residentQueries.list(props.houseId, 'current', ''));
  const rules = useQuery(() => violationQueries.applicableRules(residentId()));
  const rule = () => rules.data?.version?.rules.find((r) => r.key === ruleKey());
  const residentChoices = () => [
    { value: '', label: 'Choose a resident' },
    ...(residents.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({
      value: r.id,
      label: r.name,
    })),
  ];
  const form = createForm({
    read: (data) => {
      const kind = text(data, 'consequence');
      const fine = text(data, 'fineAmount');
      return validate(violationRecordInput, {
        residentId: residentId(),
        ruleKey: ruleKey(),
        occurredAt: toInstant(text(data, 'occurredAt')),
        description: text(data, 'description'),
        consequence:
          kind === 'fine' && fine !== ''
            ? { kind, amountCents: Math.round(Number(fine) * 100) }
            : { kind },
        ...(props.passId ? { passId: props.passId } : {}),
      });
    },
    submit: async (value, element) => {
      const result = await recordViolation({
        ...value,
        occurredAt: value.occurredAt.toISOString(),
      });
      element.reset();
      setRuleKey('');
      props.onDone(
        `Recorded for ${rules.data?.residentName ?? 'the resident'}: ${consequenceText(result.consequence)}.`,
      );
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Record a violation">
      <Show when={props.passId}>
        <p class="alert alert-info">This violation is about a late return from a pass.</p>
      </Show>
      <SelectField
        name="residentId"
        label="Resident"
        choices={residentChoices()}
        value={residentId()}
        onChange={(e) => {
          setResidentId(e.currentTarget.value);
          setRuleKey('');
        }}
      />
      <Show when={residentId() !== ''}>
        <Switch fallback={<Loading label="Loading the rules they signed…" />}>
          <Match when={rules.isError}>
            <LoadError error={rules.error} retry={() => void rules.refetch()} />
          </Match>
          <Match when={rules.data && !rules.data.version}>
            <p class="alert alert-info">
              {rules.data?.residentName} has not signed the house rules yet. A rule is applied only
              once it was disclosed and signed.
            </p>
          </Match>
          <Match when={rules.data?.version}>
            {(version) => (
              <>
                <SelectField
                  name="ruleKey"
                  label="Rule"
                  hint={`From version ${version().version}, the version ${rules.data?.residentName ?? ''} signed.`}
                  choices={[
                    { value: '', label: 'Choose the rule' },
                    ...version().rules.map((r) => ({
                      value: r.key,
                      label: `${RULE_CATEGORY_LABELS[r.category] ?? r.category}: ${r.text}`,
                    })),
                  ]}
                  value={ruleKey()}
                  onChange={(e) => setRuleKey(e.currentTarget.value)}
                />
                <Show when={rule()}>
                  {(r) => (
                    <fieldset class="field choice-list">
                      <legend>Consequence (only those this rule disclosed)</legend>
                      <For each={r().consequences}>
                        {(c, i) => (
                          <label>
                            <input
                              type="radio"
                              name="consequence"
                              value={c.kind}
                              checked={i() === 0}
                            />
                            <span>{consequenceText(c)}</span>
                          </label>
                        )}
                      </For>
                      <Show when={r().consequences.some((c) => c.kind === 'fine')}>
                        <TextField
                          name="fineAmount"
                          label="Fine in dollars, if a fine"
                          inputmode="decimal"
                          optional
                          hint="Leave empty for the disclosed amount; it can be less, not more."
                        />
                      </Show>
                    </fieldset>
                  )}
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </Show>
      <TextField
        name="occurredAt"
        label="When it happened"
        type="datetime-local"
        value={nowLocal()}
      />
      <TextAreaField
        name="description"
        label="What happened"
        hint="Facts only: what, where, who saw it. The resident reads this."
      />
      <FormAlert />
      <SubmitButton busyLabel="Recording…">Record the violation</SubmitButton>
    </Form>
  );
}

function VoidForm(props: { violationId: string; onDone: () => void }) {
  const form = createForm({
    read: (data) =>
      validate(violationVoidInput, {
        violationId: props.violationId,
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await voidViolation(value);
      props.onDone();
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Void the violation">
      <TextField
        name="reason"
        label="Why it is void"
        hint="The violation stays on record for managers, marked void with this reason, and stops counting."
      />
      <FormAlert />
      <SubmitButton busyLabel="Voiding…">Void it</SubmitButton>
    </Form>
  );
}
