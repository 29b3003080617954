// A resident's house rules: the version in force, grouped by category with the
// consequences each rule discloses, and signing it with their typed name.
import { acknowledgeInput } from '@porchlight/domain';
import { consequenceText, RULE_CATEGORY_LABELS } from '@porchlight/domain/labels';
import { useQuery } from '@tanstack/solid-query';
import { For, Match, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { LoadError, Loading, PageHeading } from '../components/page';
import { formatInstant } from '../lib/dates';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import { residentQueries } from '../residents/data';
import { acknowledgeRules, ruleQueries } from './data';
import { RuleDiff } from './rule-diff';

type Rule = {
  key: string;
  category: string;
  text: string;
  consequences: Array<{ kind: string; amountCents?: number }>;
};

function byCategory(rules: readonly Rule[]) {
  const groups = new Map<string, Rule[]>();
  for (const rule of rules) groups.set(rule.category, [...(groups.get(rule.category) ?? []), rule]);
  return [...groups.entries()].map(([category, list]) => ({ category, rules: list }));
}

/** What changed from the version before, loaded when the resident opens it. */
function ChangesSincePrevious(props: { houseId: string; version: number }) {
  const diff = useQuery(() => ruleQueries.diff(props.houseId, props.version - 1, props.version));
  return (
    <Switch fallback={<Loading label="Comparing…" />}>
      <Match when={diff.isError && !diff.data}>
        <LoadError error={diff.error} retry={() => void diff.refetch()} />
      </Match>
      <Match when={diff.data}>{(d) => <RuleDiff diff={d()} level={3} />}</Match>
    </Switch>
  );
}

function SignForm(props: { versionId: string }) {
  const form = createForm({
    read: (data) =>
      validate(acknowledgeInput, {
        ruleBookVersionId: props.versionId,
        typedName: text(data, 'typedName'),
      }),
    submit: async (value) => {
      await acknowledgeRules(value);
    },
  });
  return (
    <Form form={form} class="card stack" aria-label="Sign the house rules">
      <p>I have read these rules and the consequences they list, and I agree to follow them.</p>
      <TextField name="typedName" label="Type your full name to sign" autocomplete="name" />
      <FormAlert />
      <SubmitButton busyLabel="Signing…">Sign the house rules</SubmitButton>
    </Form>
  );
}

export default function HouseRulesPage() {
  const me = useQuery(residentQueries.me);
  const houseId = () => me.data?.house?.id ?? '';
  const current = useQuery(() => ruleQueries.current(houseId()));
  return (
    <div class="stack-lg">
      <PageHeading title="House rules">House rules</PageHeading>
      <Switch fallback={<Loading />}>
        <Match when={me.isError || current.isError}>
          <LoadError error={me.error ?? current.error} retry={() => void current.refetch()} />
        </Match>
        <Match when={current.data && !current.data.version}>
          <p>Your house has no rule book yet.</p>
        </Match>
        <Match when={current.data?.version}>
          {(version) => (
            <>
              <p class="lede">
                Version {version().version}, in force since {formatInstant(version().publishedAt)}
                <Show when={version().changeNote}>{(note) => <> · {note()}</>}</Show>
              </p>
              <Show
                when={current.data?.mySignature?.signed}
                fallback={
                  <p class="alert alert-info" role="status">
                    Please read the rules below and sign them at the end of the page.
                  </p>
                }
              >
                <p class="alert alert-success" role="status">
                  You signed this version on{' '}
                  {formatInstant(current.data?.mySignature?.acknowledgedAt ?? '')}.
                </p>
              </Show>
              <Show when={version().version > 1}>
                <section class="stack" aria-labelledby="rules-changes">
                  <h2 id="rules-changes">What changed from version {version().version - 1}</h2>
                  <Disclosure label="Show the changes">
                    {() => <ChangesSincePrevious houseId={houseId()} version={version().version} />}
                  </Disclosure>
                </section>
              </Show>
              <For each={byCategory(version().rules)}>
                {(group) => (
                  <section class="stack" aria-labelledby={`rules-${group.category}`}>
                    <h2 id={`rules-${group.category}`}>
                      {RULE_CATEGORY_LABELS[group.category] ?? group.category}
                    </h2>
                    <ul class="plain-list">
                      <For each={group.rules}>
                        {(rule) => (
                          <li class="stack">
                            <p>{rule.text}</p>
                            <p class="muted">
                              What can follow a breach:{' '}
                              {rule.consequences.map((c) => consequenceText(c)).join(' · ')}
                            </p>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
              <Show when={current.data?.mySignature?.signed === false}>
                <SignForm versionId={version().id} />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
