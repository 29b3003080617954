// What changed between two versions of a rule book: rules added and removed,
// rules changed word by word, and how many stayed the same. Changes are marked
// by underline and strikethrough and named in words, never by colour alone.
import { consequenceText, RULE_CATEGORY_LABELS } from '@porchlight/domain/labels';
import { For, Match, Show, Switch } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { plural } from '../lib/dates';
import type { RuleBookDiff } from './data';
import './rules.css';

type Rule = RuleBookDiff['added'][number];
type Change = RuleBookDiff['changed'][number];

const categoryLabel = (category: string) => RULE_CATEGORY_LABELS[category] ?? category;

function consequencesOf(rule: Rule): string {
  return rule.consequences.map((c) => consequenceText(c)).join(' · ');
}

function RuleSummary(props: { rule: Rule }) {
  return (
    <>
      <p class="muted">{categoryLabel(props.rule.category)}</p>
      <p>{props.rule.text}</p>
      <p class="muted">What can follow a breach: {consequencesOf(props.rule)}</p>
    </>
  );
}

/** The text of a changed rule, with added words underlined and removed ones struck through. */
export function WordChanges(props: { parts: NonNullable<Change['text']> }) {
  return (
    <p class="word-diff">
      <For each={props.parts}>
        {(part) => (
          <Switch fallback={<span>{part.value}</span>}>
            <Match when={part.added}>
              <ins>
                <span class="visually-hidden">Added: </span>
                {part.value}
                <span class="visually-hidden"> (end of added)</span>
              </ins>
            </Match>
            <Match when={part.removed}>
              <del>
                <span class="visually-hidden">Removed: </span>
                {part.value}
                <span class="visually-hidden"> (end of removed)</span>
              </del>
            </Match>
          </Switch>
        )}
      </For>
    </p>
  );
}

function ChangedRule(props: { change: Change }) {
  return (
    <li class="card stack rule-change">
      <Show
        when={props.change.categoryChanged}
        fallback={<p class="muted">{categoryLabel(props.change.after.category)}</p>}
      >
        <p>
          <span class="change-tag">Category changed:</span>{' '}
          <del>
            <span class="visually-hidden">Removed: </span>
            {categoryLabel(props.change.before.category)}
          </del>{' '}
          to{' '}
          <ins>
            <span class="visually-hidden">Added: </span>
            {categoryLabel(props.change.after.category)}
          </ins>
        </p>
      </Show>
      <Show when={props.change.text} fallback={<p>{props.change.after.text}</p>}>
        {(parts) => (
          <>
            <p class="change-tag">Wording changed:</p>
            <WordChanges parts={parts()} />
          </>
        )}
      </Show>
      <Show
        when={props.change.consequencesChanged}
        fallback={
          <p class="muted">What can follow a breach: {consequencesOf(props.change.after)}</p>
        }
      >
        <ul class="consequence-changes">
          <For each={props.change.consequencesAdded}>
            {(text) => (
              <li>
                <span class="change-tag">Consequence added:</span> <ins>{text}</ins>
              </li>
            )}
          </For>
          <For each={props.change.consequencesRemoved}>
            {(text) => (
              <li>
                <span class="change-tag">Consequence removed:</span> <del>{text}</del>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </li>
  );
}

/**
 * A diff from `rules.diff`. Its section headings are at `level` (3 by default),
 * so it fits under whatever heading introduces it.
 */
export function RuleDiff(props: { diff: RuleBookDiff; level?: 2 | 3 | 4 | 5 }) {
  const heading = () => `h${props.level ?? 3}`;
  const total = () =>
    props.diff.added.length + props.diff.removed.length + props.diff.changed.length;
  return (
    <div class="stack rule-diff">
      <p class="lede">
        <Show when={total() > 0} fallback="No rules changed.">
          {[
            props.diff.added.length
              ? `${plural(props.diff.added.length, 'rule', 'rules')} added`
              : '',
            props.diff.removed.length
              ? `${plural(props.diff.removed.length, 'rule', 'rules')} removed`
              : '',
            props.diff.changed.length
              ? `${plural(props.diff.changed.length, 'rule', 'rules')} changed`
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Show>
      </p>
      <Show when={props.diff.added.length > 0}>
        <section class="stack">
          <Dynamic component={heading()}>Added rules</Dynamic>
          <ul class="rule-cards">
            <For each={props.diff.added}>
              {(rule) => (
                <li class="card stack rule-added">
                  <p class="change-tag">New rule</p>
                  <RuleSummary rule={rule} />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={props.diff.removed.length > 0}>
        <section class="stack">
          <Dynamic component={heading()}>Removed rules</Dynamic>
          <ul class="rule-cards">
            <For each={props.diff.removed}>
              {(rule) => (
                <li class="card stack rule-removed">
                  <p class="change-tag">Rule removed</p>
                  <RuleSummary rule={rule} />
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={props.diff.changed.length > 0}>
        <section class="stack">
          <Dynamic component={heading()}>Changed rules</Dynamic>
          <ul class="rule-cards">
            <For each={props.diff.changed}>{(change) => <ChangedRule change={change} />}</For>
          </ul>
        </section>
      </Show>
      <Show when={props.diff.unchanged > 0}>
        <p class="muted">{plural(props.diff.unchanged, 'rule', 'rules')} unchanged.</p>
      </Show>
    </div>
  );
}
