// A resident's phase on their record: where they are, how they got there, and
// (for staff) moving them on, with the reason kept.
import { phaseAssignInput } from '@porchlight/domain';
import { useQuery } from '@tanstack/solid-query';
import { For, Show } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { formatDate } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SelectField,
  SubmitButton,
  text,
  TextField,
  validate,
} from '../lib/forms';
import type { ResidentRecord } from '../lib/trpc';
import { assignPhase, phaseQueries } from './data';

export function ResidentPhase(props: {
  record: ResidentRecord;
  onDone?: (message: string) => void;
}) {
  const phases = useQuery(() => phaseQueries.list(props.record.currentStay?.houseId ?? ''));
  const form = createForm({
    read: (data) =>
      validate(phaseAssignInput, {
        residentId: props.record.id,
        phaseId: text(data, 'phaseId'),
        startDate: text(data, 'startDate') || undefined,
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await assignPhase(value);
      props.onDone?.(`${props.record.name} moved to a new phase.`);
    },
  });
  return (
    <section class="stack" aria-labelledby="phase-heading">
      <h2 id="phase-heading">Phase</h2>
      <Show
        when={props.record.currentPhase}
        fallback={
          <p>{props.record.currentStay ? 'No phase assigned.' : 'Not living in a house now.'}</p>
        }
      >
        {(phase) => (
          <p>
            In <strong>{phase().name}</strong> since {formatDate(phase().startDate)}.
          </p>
        )}
      </Show>
      <Show when={props.record.phaseHistory.length > 0}>
        <ol class="plain-list">
          <For each={props.record.phaseHistory}>
            {(p) => (
              <li>
                {formatDate(p.startDate)}: {p.name}
                <Show when={p.reason}>{(r) => <> · {r()}</>}</Show>
                <Show when={p.decidedBy}>
                  {(by) => <span class="muted"> · decided by {by()}</span>}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show
        when={props.record.canManage && props.record.currentStay && (phases.data?.length ?? 0) > 0}
      >
        <Disclosure label="Move to another phase">
          {() => (
            <Form form={form} class="card stack" aria-label="Move to another phase">
              <SelectField
                name="phaseId"
                label="Phase"
                choices={(phases.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
              <TextField
                name="startDate"
                label="From"
                type="date"
                value={props.record.today ?? ''}
              />
              <TextField
                name="reason"
                label="Reason"
                optional
                hint="Kept in the resident's history."
              />
              <FormAlert />
              <SubmitButton busyLabel="Saving…">Move to this phase</SubmitButton>
            </Form>
          )}
        </Disclosure>
      </Show>
    </section>
  );
}
