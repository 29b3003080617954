// One of the signed-in resident's chores: what and where, its state, and the
// "Done" button on its day (with an optional note). Shared by the home page and
// the resident's chores page.
import { type JSX, Show } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { createForm, Form, FormAlert, SubmitButton, text, TextField, validate } from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { formatTime } from '../check-ins/format';
import { markChoreDone, type MyOccurrence } from './data';
import { ChoreStatus, Effort, relativeDay } from './status';
import './chores.css';

export function doneMessage(o: MyOccurrence): string {
  return o.needsVerification
    ? `${o.choreName} is marked done. Your house manager will check it.`
    : `${o.choreName} is done. Thank you.`;
}

export function MyChoreCard(props: {
  occurrence: MyOccurrence;
  today: string;
  timeZone: string;
  onDone: (message: string) => void;
  /** Extra actions under the card (the chores page offers a swap). */
  children?: JSX.Element;
}) {
  const o = () => props.occurrence;
  const done = async () => {
    await markChoreDone({ occurrenceId: o().id });
    props.onDone(doneMessage(o()));
  };
  return (
    <li class="card chore-card" classList={{ 'is-due': o().canMarkDone }}>
      <h3>
        {o().choreName}
        <span class="muted"> · {relativeDay(o().date, props.today)}</span>
      </h3>
      <p class="occurrence-line">
        <ChoreStatus status={o().status} needsVerification={o().needsVerification} />
        <Effort effort={o().effort} />
        <Show when={o().area}>{(area) => <span>{area()}</span>}</Show>
        <Show when={o().needsVerification}>
          <span class="muted">Your house manager checks it</span>
        </Show>
      </p>
      <Show when={o().status === 'rejected' && o().checkReason}>
        {(reason) => (
          <p class="alert alert-info">
            Sent back: {reason()} Do it again and tap Done before the day ends.
          </p>
        )}
      </Show>
      <Show when={o().doneAt && o().status !== 'rejected'}>
        <p class="muted">Done at {formatTime(o().doneAt, props.timeZone)}.</p>
      </Show>
      <Show when={o().instructions}>
        {(how) => (
          <details>
            <summary>How to do it</summary>
            <p>{how()}</p>
          </details>
        )}
      </Show>
      <Show when={o().canMarkDone}>
        <div class="action-list">
          <ActionButton
            class="button button-primary"
            busyLabel="Saving…"
            onRun={done}
            label={`Done: ${o().choreName}`}
          >
            Done
          </ActionButton>
          <Disclosure label="Done, with a note">
            {(close) => (
              <DoneWithNote
                occurrence={o()}
                onDone={(message) => {
                  close();
                  props.onDone(message);
                }}
              />
            )}
          </Disclosure>
        </div>
      </Show>
      {props.children}
    </li>
  );
}

function DoneWithNote(props: { occurrence: MyOccurrence; onDone: (message: string) => void }) {
  const form = createForm({
    read: async (data) => {
      const { markDoneInput } = await import('../lib/schemas');
      return validate(markDoneInput, {
        occurrenceId: props.occurrence.id,
        note: text(data, 'note'),
      });
    },
    submit: async (value) => {
      await markChoreDone(value);
      props.onDone(doneMessage(props.occurrence));
    },
  });
  return (
    <Form form={form} class="stack" aria-label={`Mark ${props.occurrence.choreName} done`}>
      <TextField
        name="note"
        label="Note"
        optional
        autocomplete="off"
        hint="For your house manager, e.g. “out of bin bags”."
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Mark it done</SubmitButton>
    </Form>
  );
}
