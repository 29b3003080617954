// Pieces both passes pages share: a pass's status in words, its times and
// details.
import { PASS_STATUS_LABELS } from '@porchlight/domain/labels';
import { For, Show } from 'solid-js';
import type { PassItem } from './data';
import { formatAt, passState, passTypeText } from './format';

/** The status of a pass in words; the colour only repeats it. */
export function PassBadge(props: { pass: PassItem }) {
  const state = () => passState(props.pass);
  return <span class={`badge pass-tone-${state().tone}`}>{state().text}</span>;
}

/** Type, destination, times and the resident's contact and note. */
export function PassDetails(props: { pass: PassItem; timeZone?: string | undefined }) {
  return (
    <dl class="pass-times">
      <div>
        <dt>Type</dt>
        <dd>{passTypeText(props.pass.type)}</dd>
      </div>
      <div>
        <dt>Going to</dt>
        <dd>{props.pass.destination}</dd>
      </div>
      <div>
        <dt>Leaves</dt>
        <dd>{formatAt(props.pass.departAt, props.timeZone)}</dd>
      </div>
      <div>
        <dt>Back by</dt>
        <dd>{formatAt(props.pass.expectedReturnAt, props.timeZone)}</dd>
      </div>
      <Show when={props.pass.returnedAt}>
        {(at) => (
          <div>
            <dt>Got back</dt>
            <dd>{formatAt(at(), props.timeZone)}</dd>
          </div>
        )}
      </Show>
      <Show when={props.pass.contact}>
        {(contact) => (
          <div>
            <dt>Contact while away</dt>
            <dd>{contact()}</dd>
          </div>
        )}
      </Show>
      <Show when={props.pass.note}>
        {(note) => (
          <div>
            <dt>Note</dt>
            <dd>{note()}</dd>
          </div>
        )}
      </Show>
    </dl>
  );
}

/** The decision on a pass and the reason given, when there is one. */
export function PassDecision(props: { pass: PassItem; timeZone?: string | undefined }) {
  return (
    <Show when={props.pass.decidedAt}>
      {(at) => (
        <p class="muted">
          {PASS_STATUS_LABELS[props.pass.status] ?? 'Decided'}
          <Show when={props.pass.decidedBy}>{(by) => <> by {by()}</>}</Show> on{' '}
          {formatAt(at(), props.timeZone)}
          <Show when={props.pass.decisionReason}>
            {(reason) => (
              <>
                . Reason: <q>{reason()}</q>
              </>
            )}
          </Show>
        </p>
      )}
    </Show>
  );
}

/** What the person deciding should know about a request, shown before the buttons. */
export function EligibilityNotes(props: { notes: readonly string[] }) {
  return (
    <Show
      when={props.notes.length > 0}
      fallback={<p class="muted">Nothing unusual: within the resident's phase.</p>}
    >
      <div class="pass-notes">
        <p>
          <strong>Check before deciding:</strong>
        </p>
        <ul>
          <For each={props.notes}>{(note) => <li>{note}</li>}</For>
        </ul>
      </div>
    </Show>
  );
}
