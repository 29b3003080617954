// The fields of a daily check-in, shared by the check-in and its correction:
// mood and craving as big tap targets (real radio buttons), and the optional
// rest folded away. Messages from either side appear beside the field they name.
import {
  HALT,
  HALT_LABELS,
  MEETING_TYPES,
  MEETING_TYPE_LABELS,
  MOOD_LABELS,
} from '@porchlight/domain';
import {
  createRenderEffect,
  createSignal,
  createUniqueId,
  For,
  onCleanup,
  Show,
  untrack,
} from 'solid-js';
import { fieldSentence } from '../lib/errors';
import { SelectField, text, TextAreaField, TextField, useFormState } from '../lib/forms';
import {
  ContactChips,
  DirectoryMeetingPicker,
  forgetDirectoryEntry,
} from '../support/check-in-support';

export interface ButtonChoice {
  value: string;
  /** The accessible name of the choice: keep it short ("4", "Yes"). */
  text: string;
  /** Words shown under the text, read as part of the name ("Good"). */
  detail?: string;
}

/**
 * A group of radio buttons (or checkboxes) drawn as big buttons. The inputs are
 * real and cover their button, so touch, keyboard and screen readers all work.
 */
export function ChoiceButtons(props: {
  name: string;
  legend: string;
  choices: readonly ButtonChoice[];
  type?: 'radio' | 'checkbox';
  /** The values ticked at first. */
  checked?: readonly string[];
  hint?: string;
  /** How messages name the group, when the legend is too long for that ("Statement 4"). */
  label?: string;
  /** Words for the two ends of a scale, shown under its first and last choice. */
  ends?: readonly [string, string];
  class: string;
}) {
  const form = useFormState();
  const id = createUniqueId();
  const type = () => props.type ?? 'radio';
  createRenderEffect(() => {
    const unregister = form?.register(props.name, { label: props.label ?? props.legend });
    if (unregister) onCleanup(unregister);
  });
  const error = () => {
    const message = form?.errors()[props.name];
    return message ? fieldSentence(props.label ?? props.legend, props.name, message) : undefined;
  };
  const describedBy = () =>
    [props.hint ? `${id}-hint` : '', props.ends ? `${id}-ends` : '', error() ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <fieldset
      class="field check-in-choices"
      classList={{ 'check-in-choices-invalid': error() !== undefined }}
      role={type() === 'radio' ? 'radiogroup' : undefined}
      aria-labelledby={`${id}-legend`}
    >
      <legend id={`${id}-legend`}>{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <div class={props.class}>
        <For each={props.choices}>
          {(choice) => (
            <label class="check-in-option">
              <input
                type={type()}
                name={props.name}
                value={choice.value}
                checked={props.checked?.includes(choice.value) ?? false}
                aria-invalid={error() ? 'true' : undefined}
                aria-describedby={describedBy()}
              />
              <span class="check-in-face">
                <span class="check-in-face-text">{choice.text}</span>
                <Show when={choice.detail}>
                  {(detail) => (
                    <>
                      {' '}
                      <span class="check-in-face-detail">{detail()}</span>
                    </>
                  )}
                </Show>
              </span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.ends}>
        {(ends) => (
          <p class="check-in-ends" id={`${id}-ends`}>
            <span>{ends()[0]}</span> <span>{ends()[1]}</span>
          </p>
        )}
      </Show>
      <Show when={error()}>
        <p class="field-error" id={`${id}-error`}>
          {error()}
        </p>
      </Show>
    </fieldset>
  );
}

export const MOOD_CHOICES: readonly ButtonChoice[] = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  text: String(n),
  detail: MOOD_LABELS[n] ?? '',
}));

export const CRAVING_CHOICES: readonly ButtonChoice[] = Array.from({ length: 11 }, (_, n) => ({
  value: String(n),
  text: String(n),
}));

const HALT_CHOICES: readonly ButtonChoice[] = HALT.map((h) => ({
  value: h,
  text: HALT_LABELS[h],
}));

const YES_NO: readonly ButtonChoice[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

const MEETING_CHOICES = [
  { value: '', label: 'Choose the kind' },
  ...MEETING_TYPES.map((type) => ({ value: type, label: MEETING_TYPE_LABELS[type] })),
];

const MAX_MEETINGS = 10;

interface MeetingValues {
  type: string;
  name: string;
  verification: string | null;
}

/** What a check-in said, to start a correction from. */
export interface DailyValues {
  mood?: number | null;
  craving?: number | null;
  halt?: readonly string[];
  sleepHours?: number | null;
  meetings?: readonly MeetingValues[];
  sponsorContact?: boolean | null;
  workOrSchool?: boolean | null;
  note?: string | null;
}

/** Recovery meetings as rows to add and remove; names renumber so the API's paths match. */
function MeetingRows(props: { initial: readonly MeetingValues[] }) {
  let nextKey = 0;
  let list: HTMLDivElement | undefined;
  let addButton: HTMLButtonElement | undefined;
  const [rows, setRows] = createSignal<{ key: number; meeting: MeetingValues | undefined }[]>(
    untrack(() => props.initial).map((meeting) => ({ key: nextKey++, meeting })),
  );
  const add = () => {
    setRows([...rows(), { key: nextKey++, meeting: undefined }]);
    // the new row is in the page now: its first field takes the focus
    list?.querySelector<HTMLSelectElement>('.check-in-meeting:last-child select')?.focus();
  };
  const remove = (key: number) => {
    setRows(rows().filter((row) => row.key !== key));
    addButton?.focus();
  };
  return (
    <fieldset class="stack">
      <legend>Recovery meetings since your last check-in</legend>
      <Show when={rows().length === 0}>
        <p class="muted">None added.</p>
      </Show>
      <div class="check-in-meetings" ref={list}>
        <For each={rows()}>
          {(row, index) => (
            <fieldset class="card stack check-in-meeting">
              <legend class="check-in-meeting-legend">Meeting {index() + 1}</legend>
              <DirectoryMeetingPicker index={index()} />
              <SelectField
                name={`meetings.${index()}.type`}
                label="Kind of meeting"
                choices={MEETING_CHOICES}
                value={row.meeting?.type ?? ''}
              />
              <TextField
                name={`meetings.${index()}.name`}
                label="Meeting name or place"
                autocomplete="off"
                value={row.meeting?.name ?? ''}
                onInput={(e) => forgetDirectoryEntry(e.currentTarget, index())}
              />
              <TextField
                name={`meetings.${index()}.verification`}
                label="Verification note"
                optional
                autocomplete="off"
                hint="For example: the attendance sheet was signed, or the chair's name."
                value={row.meeting?.verification ?? ''}
              />
              <div class="actions">
                <button type="button" class="button button-quiet" onClick={() => remove(row.key)}>
                  Remove<span class="visually-hidden"> meeting {index() + 1}</span>
                </button>
              </div>
            </fieldset>
          )}
        </For>
      </div>
      <Show
        when={rows().length < MAX_MEETINGS}
        fallback={<p class="muted">That is the most one check-in can hold.</p>}
      >
        <div class="actions">
          <button type="button" class="button" ref={addButton} onClick={add}>
            Add a meeting
          </button>
        </div>
      </Show>
    </fieldset>
  );
}

function yesNoValue(value: boolean | null | undefined): string[] {
  if (value === true) return ['yes'];
  if (value === false) return ['no'];
  return [];
}

/** Mood and craving, then the optional rest, folded away unless it already holds something. */
export function DailyFields(props: { initial?: DailyValues; contacts?: boolean }) {
  // a form's first values are read once: later changes to the record do not reset what is typed
  const initial = untrack(() => props.initial) ?? {};
  const hasMore =
    (initial.halt?.length ?? 0) > 0 ||
    (initial.meetings?.length ?? 0) > 0 ||
    (initial.sleepHours ?? null) !== null ||
    (initial.sponsorContact ?? null) !== null ||
    (initial.workOrSchool ?? null) !== null ||
    (initial.note ?? '') !== '';
  return (
    <>
      <ChoiceButtons
        name="mood"
        legend="Mood"
        hint="How are you feeling?"
        choices={MOOD_CHOICES}
        checked={initial.mood ? [String(initial.mood)] : []}
        class="check-in-scale check-in-mood"
      />
      <ChoiceButtons
        name="craving"
        legend="Craving"
        hint="How strong is the urge to drink or use?"
        ends={['0: none', '10: strong']}
        choices={CRAVING_CHOICES}
        checked={
          initial.craving !== undefined && initial.craving !== null ? [String(initial.craving)] : []
        }
        class="check-in-scale check-in-craving"
      />
      <Show when={props.contacts}>
        <ContactChips />
      </Show>
      {/* a native disclosure: folded fields stay in the form and keep what was typed */}
      <details class="check-in-more" open={hasMore}>
        <summary>Add more (optional)</summary>
        <div class="stack check-in-more-panel">
          <ChoiceButtons
            type="checkbox"
            name="halt"
            legend="Are you hungry, angry, lonely or tired?"
            hint="Tick any that fit right now."
            choices={HALT_CHOICES}
            checked={initial.halt ?? []}
            class="check-in-toggles"
          />
          <TextField
            name="sleepHours"
            label="Hours slept last night"
            optional
            inputmode="decimal"
            autocomplete="off"
            hint="For example 7, or 6.5."
            class="check-in-short-input"
            value={
              initial.sleepHours !== undefined && initial.sleepHours !== null
                ? String(initial.sleepHours)
                : ''
            }
          />
          <MeetingRows initial={initial.meetings ?? []} />
          <ChoiceButtons
            name="sponsorContact"
            legend="Talked with your sponsor or mentor?"
            choices={YES_NO}
            checked={yesNoValue(initial.sponsorContact)}
            class="check-in-yes-no"
          />
          <ChoiceButtons
            name="workOrSchool"
            legend="Went to work or school?"
            choices={YES_NO}
            checked={yesNoValue(initial.workOrSchool)}
            class="check-in-yes-no"
          />
          <TextAreaField
            name="note"
            label="Note"
            optional
            hint="Anything you want your house manager to know."
            value={initial.note ?? ''}
          />
        </div>
      </details>
    </>
  );
}

/** A typed number, or the text as typed so the schema can say what is wrong with it. */
export function numberOf(value: string): number | string | undefined {
  const typed = value.trim().replace(',', '.');
  if (typed === '') return undefined;
  const n = Number(typed);
  return Number.isFinite(n) ? n : typed;
}

function yesNoOf(value: string): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  return undefined;
}

function meetingsOf(data: FormData) {
  const meetings: { type: string; name: string; verification: string; resourceId?: string }[] = [];
  for (let i = 0; data.has(`meetings.${i}.type`); i += 1) {
    const resourceId = text(data, `meetings.${i}.resourceId`);
    meetings.push({
      type: text(data, `meetings.${i}.type`),
      name: text(data, `meetings.${i}.name`),
      verification: text(data, `meetings.${i}.verification`),
      ...(resourceId ? { resourceId } : {}),
    });
  }
  return meetings;
}

/** The daily fields of a check-in form, ready for the schema. */
export function readDaily(data: FormData) {
  return {
    mood: numberOf(text(data, 'mood')),
    craving: numberOf(text(data, 'craving')),
    halt: data.getAll('halt').filter((v): v is string => typeof v === 'string'),
    sleepHours: numberOf(text(data, 'sleepHours')),
    meetings: meetingsOf(data),
    sponsorContact: yesNoOf(text(data, 'sponsorContact')),
    workOrSchool: yesNoOf(text(data, 'workOrSchool')),
    note: text(data, 'note'),
    contacts: data.getAll('contacts').filter((v): v is string => typeof v === 'string'),
  };
}

/** A message about a folded field unfolds it, so the field can take the focus. */
export function unfoldFor(form: HTMLFormElement, errors: Record<string, string>) {
  const folded = Object.keys(errors).some((key) => key !== 'mood' && key !== 'craving');
  const details = form.querySelector<HTMLDetailsElement>('details.check-in-more');
  if (folded && details) details.open = true;
}
