// A grievance with its ladder: every step, who took it, the decision and why,
// and where it stands now, in words.
import {
  GRIEVANCE_DECISION_LABELS,
  GRIEVANCE_LEVEL_LABELS,
  GRIEVANCE_STATUS_LABELS,
} from '@porchlight/domain/labels';
import { type JSX, For, Show } from 'solid-js';
import { formatInstant } from '../lib/dates';
import type { GrievanceItem } from './data';
import '../violations/records.css';

const ACTION_WORDS: Record<string, string> = {
  file: 'Filed',
  decide: 'Decided',
  escalate: 'Taken to the operator',
  accept: 'Decision accepted',
  withdraw: 'Withdrawn',
};

export function standing(g: GrievanceItem, forResident: boolean): string {
  if (g.waitingOn === 'resident')
    return forResident
      ? `Decided by the ${GRIEVANCE_LEVEL_LABELS[g.level]?.toLowerCase() ?? g.level}. Accept the decision${g.level === 'house_manager' ? ', or take it to the operator' : ''}.`
      : 'Decided: waiting for the resident to accept or take it further.';
  return GRIEVANCE_STATUS_LABELS[g.status] ?? g.status;
}

export function GrievanceCard(props: {
  grievance: GrievanceItem;
  forResident: boolean;
  children?: JSX.Element;
}) {
  const g = () => props.grievance;
  return (
    <article class="card stack">
      <header class="stack-sm">
        <h3>{g().subject}</h3>
        <p class="muted">
          <Show when={!props.forResident}>{g().residentName} · </Show>
          Filed {formatInstant(g().createdAt)}
          <Show when={g().violationId}> · about a violation</Show>
        </p>
        <p>
          <strong>Where it stands:</strong> {standing(g(), props.forResident)}
        </p>
      </header>
      <p class="quote">{g().body}</p>
      <h4>Steps</h4>
      <ol class="ladder">
        <For each={g().steps}>
          {(s) => (
            <li class="stack-sm">
              <p>
                <strong>{ACTION_WORDS[s.action] ?? s.action}</strong> ·{' '}
                {GRIEVANCE_LEVEL_LABELS[s.level] ?? s.level} · {formatInstant(s.at)}
                <Show when={s.by}> · {s.by}</Show>
              </p>
              <Show when={s.decision}>{(d) => <p>{GRIEVANCE_DECISION_LABELS[d()] ?? d()}</p>}</Show>
              <Show when={s.reason}>{(r) => <p class="muted">{r()}</p>}</Show>
            </li>
          )}
        </For>
      </ol>
      {props.children}
    </article>
  );
}
