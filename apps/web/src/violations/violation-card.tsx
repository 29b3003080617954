// One violation as both the resident and staff read it: the rule as signed, what
// happened, the consequence, the resident's answer, and a void if there was one.
import { consequenceText, RULE_CATEGORY_LABELS } from '@porchlight/domain/labels';
import { type JSX, Show } from 'solid-js';
import { formatInstant } from '../lib/dates';
import type { ViolationItem } from './data';

export function ViolationCard(props: {
  violation: ViolationItem;
  showResident?: boolean;
  children?: JSX.Element;
}) {
  const v = () => props.violation;
  return (
    <article class="card stack" classList={{ voided: v().voided !== null }}>
      <header class="stack-sm">
        <h3>
          <Show when={props.showResident}>{v().residentName} · </Show>
          {RULE_CATEGORY_LABELS[v().rule.category] ?? v().rule.category}
          <Show when={v().voided}>
            {' '}
            <span class="badge badge-muted">Voided</span>
          </Show>
        </h3>
        <p class="muted">
          {formatInstant(v().occurredAt)} · reported by {v().reportedBy ?? 'staff'}
        </p>
      </header>
      <blockquote class="quote">
        <p>{v().rule.text}</p>
        <footer class="muted">Rule book version {v().rule.version}, as signed</footer>
      </blockquote>
      <p>{v().description}</p>
      <p>
        <strong>Consequence:</strong> {consequenceText(v().consequence)}
      </p>
      <Show when={v().residentResponse}>
        {(response) => (
          <div class="stack-sm">
            <p>
              <strong>Response from {props.showResident ? v().residentName : 'you'}:</strong>
            </p>
            <p class="quote">{response()}</p>
          </div>
        )}
      </Show>
      <Show when={v().voided}>
        {(voided) => (
          <div class="alert alert-info">
            <p>
              Voided {formatInstant(voided().at)}
              {voided().by ? ` by ${voided().by}` : ''}. It no longer counts.
            </p>
            <p>Reason: {voided().reason}</p>
          </div>
        )}
      </Show>
      {props.children}
    </article>
  );
}
