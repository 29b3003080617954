// What staff do with one pass: approve or decline a request, record a return,
// excuse a late one. Each says what it did through `onDone`.
import { id, passDecideInput, passReturnInput, requiredText } from '@porchlight/domain';
import * as z from 'zod';
import { Disclosure } from '../components/disclosure';
import { browserTimeZone } from '../lib/dates';
import {
  createForm,
  Form,
  FormAlert,
  SubmitButton,
  text,
  TextAreaField,
  TextField,
  validate,
} from '../lib/forms';
import { ActionButton } from '../components/action-button';
import { decidePass, excuseLatePass, markPassReturned, type PassItem } from './data';
import { formatMinutes, localInputToIso, possessive } from './format';

interface StaffActionProps {
  pass: PassItem;
  timeZone?: string | undefined;
  onDone: (message: string) => void;
}

const excuseInput = z.strictObject({ passId: id, reason: requiredText(500) });

function localTimeHint(timeZone: string | undefined, lead: string): string {
  const zone = browserTimeZone();
  return timeZone && timeZone !== zone
    ? `${lead} In this phone's local time (${zone}), not the house's (${timeZone}).`
    : `${lead} In this phone's local time.`;
}

export function DecideActions(props: StaffActionProps) {
  const name = () => possessive(props.pass.residentName);
  const approve = async () => {
    await decidePass({ passId: props.pass.id, decision: 'approve' });
    props.onDone(`Approved ${name()} pass.`);
  };
  return (
    <div class="action-list">
      <ActionButton class="button button-primary" busyLabel="Approving…" onRun={approve}>
        Approve {name()} pass
      </ActionButton>
      <Disclosure label={`Decline ${name()} pass`}>
        {(close) => (
          <DeclineForm
            {...props}
            onDone={(message) => {
              close();
              props.onDone(message);
            }}
          />
        )}
      </Disclosure>
    </div>
  );
}

function DeclineForm(props: StaffActionProps) {
  const form = createForm({
    read: (data) =>
      validate(passDecideInput, {
        passId: props.pass.id,
        decision: 'decline',
        reason: text(data, 'reason'),
      }),
    submit: async (value) => {
      await decidePass(value);
      props.onDone(`Declined ${possessive(props.pass.residentName)} pass.`);
    },
  });
  return (
    <Form
      form={form}
      class="card stack"
      aria-label={`Decline ${possessive(props.pass.residentName)} pass`}
    >
      <TextAreaField
        name="reason"
        label="Reason for declining"
        hint="The resident is told why."
        required
      />
      <FormAlert />
      <SubmitButton busyLabel="Declining…">Decline the pass</SubmitButton>
    </Form>
  );
}

export function RecordReturnAction(props: StaffActionProps) {
  const name = () => possessive(props.pass.residentName);
  return (
    <Disclosure label={`Record ${name()} return`}>
      {(close) => (
        <RecordReturnForm
          {...props}
          onDone={(message) => {
            close();
            props.onDone(message);
          }}
        />
      )}
    </Disclosure>
  );
}

function RecordReturnForm(props: StaffActionProps) {
  const form = createForm({
    read: (data) => {
      const returnedAt = localInputToIso(text(data, 'returnedAt'));
      const checked = validate(passReturnInput, {
        passId: props.pass.id,
        ...(returnedAt ? { returnedAt } : {}),
      });
      return checked.ok
        ? { ok: true, data: { passId: props.pass.id, ...(returnedAt ? { returnedAt } : {}) } }
        : checked;
    },
    submit: async (value) => {
      const result = await markPassReturned(value);
      props.onDone(
        result.minutesLate > 0
          ? `Recorded ${possessive(props.pass.residentName)} return, ${formatMinutes(result.minutesLate)} late. It is now under “Late returns to review”.`
          : `Recorded ${possessive(props.pass.residentName)} return, on time.`,
      );
    },
  });
  return (
    <Form
      form={form}
      class="card stack"
      aria-label={`Record ${possessive(props.pass.residentName)} return`}
    >
      <TextField
        name="returnedAt"
        label="When they got back"
        type="datetime-local"
        optional
        hint={localTimeHint(props.timeZone, 'Leave empty for now.')}
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save the return</SubmitButton>
    </Form>
  );
}

export function ExcuseAction(props: StaffActionProps) {
  const name = () => possessive(props.pass.residentName);
  return (
    <Disclosure label={`Excuse ${name()} late return`}>
      {(close) => (
        <ExcuseForm
          {...props}
          onDone={(message) => {
            close();
            props.onDone(message);
          }}
        />
      )}
    </Disclosure>
  );
}

function ExcuseForm(props: StaffActionProps) {
  const form = createForm({
    read: (data) => validate(excuseInput, { passId: props.pass.id, reason: text(data, 'reason') }),
    submit: async (value) => {
      await excuseLatePass(value);
      props.onDone(`Excused ${possessive(props.pass.residentName)} late return.`);
    },
  });
  return (
    <Form
      form={form}
      class="card stack"
      aria-label={`Excuse ${possessive(props.pass.residentName)} late return`}
    >
      <TextAreaField
        name="reason"
        label="Why it is excused"
        hint="Kept with the pass; no violation is recorded."
        required
      />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Excuse the late return</SubmitButton>
    </Form>
  );
}
