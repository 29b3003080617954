// Staff forms for drug and alcohol tests: recording a test as it is taken, a
// lab's confirmation added beside it, and the random draw. Each is checked with
// the API's own schema before it is sent.
import {
  DRUG_TEST_METHOD_LABELS,
  DRUG_TEST_METHODS,
  DRUG_TEST_RESULT_LABELS,
  DRUG_TEST_RESULTS,
  DRUG_TEST_TYPE_LABELS,
  DRUG_TEST_TYPES,
  type DrugTestMethod,
  drugTestConfirmInput,
  drugTestRecordInput,
  LAB_RESULTS,
  randomDrawInput,
  STANDARD_PANELS,
  SUBSTANCE_LABELS,
  SUBSTANCES,
} from '@porchlight/domain';
import { createSignal, For, Show } from 'solid-js';
import {
  CheckboxGroup,
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
import { localInputToIso } from '../passes/format';
import { Disclosure } from '../components/disclosure';
import {
  confirmTest,
  type DrawResult,
  drawForTesting,
  recordTest,
  type ResidentTestItem,
} from './data';

type Done = (message: string) => void;

const SUBSTANCE_CHOICES = SUBSTANCES.map((s) => ({ value: s, label: SUBSTANCE_LABELS[s] }));
const RESULT_CHOICES = DRUG_TEST_RESULTS.map((r) => ({
  value: r,
  label: r === 'refused' ? 'Refused (counts as positive)' : DRUG_TEST_RESULT_LABELS[r],
}));

function isMethod(value: string): value is DrugTestMethod {
  return (DRUG_TEST_METHODS as readonly string[]).includes(value);
}

export interface ResidentChoice {
  residentId: string;
  name: string;
}

/**
 * A test as it is taken. The panel starts from what the method usually screens
 * for; "positive for" is asked only when the result is positive.
 */
export function RecordTestForm(props: {
  residents: readonly ResidentChoice[];
  residentId?: string | undefined;
  type?: string | undefined;
  onDone: Done;
}) {
  const [method, setMethod] = createSignal<DrugTestMethod>('urine_cup');
  const [result, setResult] = createSignal('negative');
  const nameOf = (id: string) => props.residents.find((r) => r.residentId === id)?.name ?? '';
  const form = createForm({
    read: (data) => {
      const collected = text(data, 'collectedAt');
      return validate(drugTestRecordInput, {
        residentId: text(data, 'residentId'),
        type: text(data, 'type'),
        method: text(data, 'method'),
        panel: data.getAll('panel').map(String),
        result: text(data, 'result'),
        positiveFor:
          text(data, 'result') === 'positive' ? data.getAll('positiveFor').map(String) : [],
        witness: text(data, 'witness'),
        notes: text(data, 'notes'),
        ...(collected ? { collectedAt: localInputToIso(collected) } : {}),
      });
    },
    submit: async (value, element) => {
      const saved = await recordTest({
        ...value,
        collectedAt: value.collectedAt?.toISOString(),
      });
      element.reset();
      setResult('negative');
      props.onDone(
        `The test of ${nameOf(value.residentId)} is recorded: ${DRUG_TEST_RESULT_LABELS[saved.result]}${
          saved.result === 'refused' ? ', which counts as positive' : ''
        }.`,
      );
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Record a test">
      <SelectField
        name="residentId"
        label="Resident"
        value={props.residentId}
        choices={[
          { value: '', label: 'Choose a resident' },
          ...props.residents.map((r) => ({ value: r.residentId, label: r.name })),
        ]}
      />
      <div class="field-row">
        <SelectField
          name="type"
          label="Type"
          value={props.type ?? 'random'}
          choices={DRUG_TEST_TYPES.map((t) => ({ value: t, label: DRUG_TEST_TYPE_LABELS[t] }))}
        />
        <SelectField
          name="method"
          label="Method"
          value={method()}
          choices={DRUG_TEST_METHODS.map((m) => ({ value: m, label: DRUG_TEST_METHOD_LABELS[m] }))}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isMethod(value)) setMethod(value);
          }}
        />
      </div>
      {/* a new method brings its usual panel: the group is built again with it */}
      <For each={[method()]}>
        {(m) => (
          <div class="test-panel">
            <CheckboxGroup
              name="panel"
              legend="Tested for"
              hint={m === 'lab' ? 'Tick what the lab screens for.' : 'The usual panel is ticked.'}
              choices={SUBSTANCE_CHOICES}
              values={STANDARD_PANELS[m]}
            />
          </div>
        )}
      </For>
      <SelectField
        name="result"
        label="Result"
        value={result()}
        choices={RESULT_CHOICES}
        onChange={(e) => setResult(e.currentTarget.value)}
      />
      <Show when={result() === 'positive'}>
        <div class="test-panel">
          <CheckboxGroup
            name="positiveFor"
            legend="Positive for"
            hint="Only substances on the panel above."
            choices={SUBSTANCE_CHOICES}
          />
        </div>
      </Show>
      <TextField name="witness" label="Witness" optional autocomplete="off" />
      <TextField
        name="collectedAt"
        label="Taken at"
        type="datetime-local"
        optional
        hint="Leave empty if it was taken just now. On this phone's clock; up to 14 days ago."
      />
      <TextAreaField name="notes" label="Notes" optional />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Record the test</SubmitButton>
    </Form>
  );
}

/** A lab's result for a test already on record; the first result stays beside it. */
export function ConfirmTestForm(props: { testId: string; panel: readonly string[]; onDone: Done }) {
  const [result, setResult] = createSignal('negative');
  const form = createForm({
    read: (data) =>
      validate(drugTestConfirmInput, {
        testId: props.testId,
        result: text(data, 'result'),
        positiveFor:
          text(data, 'result') === 'positive' ? data.getAll('positiveFor').map(String) : [],
        lab: text(data, 'lab'),
        notes: text(data, 'notes'),
      }),
    submit: async (value) => {
      await confirmTest(value);
      props.onDone(
        `The lab's result is recorded: ${DRUG_TEST_RESULT_LABELS[value.result]}. The first result stays on record.`,
      );
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Lab confirmation">
      <TextField name="lab" label="Lab" autocomplete="organization" />
      <SelectField
        name="result"
        label="The lab's result"
        value={result()}
        choices={LAB_RESULTS.map((r) => ({ value: r, label: DRUG_TEST_RESULT_LABELS[r] }))}
        onChange={(e) => setResult(e.currentTarget.value)}
      />
      <Show when={result() === 'positive'}>
        <CheckboxGroup
          name="positiveFor"
          legend="Positive for"
          choices={SUBSTANCE_CHOICES.filter((c) => props.panel.includes(c.value))}
        />
      </Show>
      <TextAreaField name="notes" label="Notes" optional />
      <FormAlert />
      <SubmitButton busyLabel="Saving…">Save the lab's result</SubmitButton>
    </Form>
  );
}

/** Asks for a number of residents or a share of the house; the server draws. */
export function DrawForm(props: { houseId: string; onDrawn: (draw: DrawResult) => void }) {
  const [by, setBy] = createSignal<'count' | 'percent'>('count');
  const form = createForm({
    read: (data) => {
      const amount = text(data, 'amount').trim();
      const number = amount === '' ? undefined : Number(amount);
      const checked = validate(randomDrawInput, {
        houseId: props.houseId,
        [by()]: number,
        reason: text(data, 'reason'),
      });
      // the amount is one box whichever way it is asked for
      if (checked.ok) return checked;
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([key, message]) => [
          key === 'count' || key === 'percent' ? 'amount' : key,
          message,
        ]),
      );
      return { ok: false, errors };
    },
    submit: async (value) => {
      props.onDrawn(await drawForTesting(value));
    },
  });
  return (
    <Form form={form} class="stack" aria-label="Random draw">
      <fieldset class="field">
        <legend>Draw by</legend>
        <div class="choice-row">
          <label class="checkbox">
            <input
              type="radio"
              name="by"
              value="count"
              checked={by() === 'count'}
              onChange={() => setBy('count')}
            />
            <span>Number of residents</span>
          </label>
          <label class="checkbox">
            <input
              type="radio"
              name="by"
              value="percent"
              checked={by() === 'percent'}
              onChange={() => setBy('percent')}
            />
            <span>Percentage of the house</span>
          </label>
        </div>
      </fieldset>
      <TextField
        name="amount"
        label={by() === 'count' ? 'How many residents' : 'What percentage'}
        type="number"
        inputmode="numeric"
        min="1"
        max="100"
        value={by() === 'count' ? '2' : '20'}
        class="check-in-short-input"
      />
      <TextField
        name="reason"
        label="Reason"
        optional
        autocomplete="off"
        hint="Kept with the draw, e.g. “weekly random”."
      />
      <FormAlert />
      <SubmitButton busyLabel="Drawing…">Draw residents</SubmitButton>
    </Form>
  );
}

/** Staff add a lab's result to a test; it stands beside the first one. */
export function LabConfirmation(props: { test: ResidentTestItem; onDone: Done }) {
  return (
    <Show when={props.test.result !== 'refused'}>
      <Disclosure label="Add the lab's result">
        {(close) => (
          <ConfirmTestForm
            testId={props.test.id}
            panel={props.test.panel}
            onDone={(said) => {
              close();
              props.onDone(said);
            }}
          />
        )}
      </Disclosure>
    </Show>
  );
}
