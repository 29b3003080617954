// Forms: validated on the client with the same zod schemas the API uses, then
// sent; messages from either side appear beside the field they name, and
// anything else in one alert above the submit button.
import {
  type Accessor,
  type JSX,
  createContext,
  createRenderEffect,
  createSignal,
  createUniqueId,
  For,
  onCleanup,
  Show,
  splitProps,
  untrack,
  useContext,
} from 'solid-js';
import type { z } from 'zod';
import { fieldLabel, fieldSentence, problemOf } from './errors';
import { queryClient, WHOAMI_KEY } from './query-client';

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** Field path ("emergencyContacts.0.name") → first message, as the API reports it. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'input';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The text of a form control by name; '' when absent. */
export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

interface FieldInfo {
  label: string;
}

export interface FormState {
  errors: Accessor<Record<string, string>>;
  alert: Accessor<string | null>;
  busy: Accessor<boolean>;
  /** A field present in the form: its errors are shown beside it, not in the alert. */
  register(name: string, info: FieldInfo): () => void;
  onSubmit: (event: SubmitEvent) => void;
  /** Puts messages on the form, as if the server had sent them. */
  fail(errors: Record<string, string>, message?: string): void;
  reset(): void;
}

const FormContext = createContext<FormState>();

export interface FormOptions<T> {
  /** A form may load its schema on the first send (see lib/schemas.ts): reading can wait. */
  read: (data: FormData, form: HTMLFormElement) => Validation<T> | Promise<Validation<T>>;
  submit: (value: T, form: HTMLFormElement) => Promise<void>;
}

export function createForm<T>(options: FormOptions<T>): FormState {
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [alert, setAlert] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const fields = new Map<string, FieldInfo>();
  let formElement: HTMLFormElement | undefined;

  function show(fieldErrors: Record<string, string>, message?: string) {
    setErrors(fieldErrors);
    const keys = Object.keys(fieldErrors);
    const elsewhere = keys
      .filter((k) => !fields.has(k))
      .map((k) => fieldSentence(fieldLabel(k), k, fieldErrors[k] ?? ''));
    if (keys.length > 0) {
      const known = keys.length - elsewhere.length;
      setAlert(
        [known > 0 ? 'Please correct the highlighted fields.' : '', ...elsewhere]
          .filter(Boolean)
          .join(' '),
      );
    } else {
      setAlert(message ?? null);
    }
    // the first field to fix gets the focus; otherwise the alert speaks for itself
    formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  async function run(form: HTMLFormElement) {
    formElement = form;
    setErrors({});
    setAlert(null);
    // busy while reading too: a second tap must not send twice while a schema loads
    setBusy(true);
    try {
      const checked = await options.read(new FormData(form), form);
      if (!checked.ok) {
        show(checked.errors);
        return;
      }
      await options.submit(checked.data, form);
    } catch (error) {
      const problem = problemOf(error);
      // a session that expired while the form was open: back to sign in, then here
      if (problem.code === 'UNAUTHORIZED') queryClient.setQueryData(WHOAMI_KEY, null);
      show(problem.fieldErrors, problem.message);
    } finally {
      setBusy(false);
    }
  }

  return {
    errors,
    alert,
    busy,
    register(name, info) {
      fields.set(name, info);
      return () => fields.delete(name);
    },
    onSubmit(event) {
      event.preventDefault();
      if (busy()) return;
      const form = event.currentTarget;
      if (form instanceof HTMLFormElement) void run(form);
    },
    fail(fieldErrors, message) {
      show(fieldErrors, message);
    },
    reset() {
      setErrors({});
      setAlert(null);
    },
  };
}

type FormProps = Omit<JSX.FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  form: FormState;
  children: JSX.Element;
};

/** A <form> wired to its state; native validation bubbles are off, ours speak instead. */
export function Form(props: FormProps) {
  const [local, rest] = splitProps(props, ['form', 'children']);
  return (
    // a form keeps one state for its whole life: its fields need not track a change
    <FormContext.Provider value={untrack(() => local.form)}>
      <form novalidate {...rest} onSubmit={(e) => local.form.onSubmit(e)}>
        {local.children}
      </form>
    </FormContext.Provider>
  );
}

export function useFormState(): FormState | undefined {
  return useContext(FormContext);
}

/** The general message of a form, announced when it appears. */
export function FormAlert() {
  const form = useFormState();
  return (
    <Show when={form?.alert()}>
      {(message) => (
        <p class="alert alert-error" role="alert">
          {message()}
        </p>
      )}
    </Show>
  );
}

export function SubmitButton(props: { children: JSX.Element; busyLabel?: string; class?: string }) {
  const form = useFormState();
  return (
    <button
      type="submit"
      class={props.class ?? 'button button-primary'}
      aria-disabled={form?.busy() ? 'true' : undefined}
    >
      <Show when={form?.busy() && props.busyLabel} fallback={props.children}>
        {props.busyLabel}
      </Show>
    </button>
  );
}

interface FieldShellProps {
  name: string;
  label: string;
  hint?: string | undefined;
  optional?: boolean | undefined;
  class?: string | undefined;
  children: (control: {
    id: string;
    describedBy: string | undefined;
    invalid: 'true' | undefined;
  }) => JSX.Element;
}

/** Label, hint and error around one control, tied together for assistive technology. */
function FieldShell(props: FieldShellProps) {
  const form = useFormState();
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // names can change (a removed contact renumbers the ones after it)
  createRenderEffect(() => {
    const unregister = form?.register(props.name, { label: props.label });
    if (unregister) onCleanup(unregister);
  });
  const error = () => {
    const message = form?.errors()[props.name];
    return message ? fieldSentence(props.label, props.name, message) : undefined;
  };
  const describedBy = () =>
    [props.hint ? hintId : '', error() ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.class ?? 'field'}>
      <div class="field-label">
        <label for={id}>{props.label}</label>
        <Show when={props.optional}>
          <span class="field-optional">optional</span>
        </Show>
      </div>
      <Show when={props.hint}>
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      </Show>
      {props.children({
        id,
        get describedBy() {
          return describedBy();
        },
        get invalid() {
          return error() ? ('true' as const) : undefined;
        },
      })}
      <Show when={error()}>
        <p class="field-error" id={errorId}>
          {error()}
        </p>
      </Show>
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
};

export function TextField(props: InputProps) {
  const [shell, input] = splitProps(props, ['name', 'label', 'hint', 'optional']);
  return (
    <FieldShell name={shell.name} label={shell.label} hint={shell.hint} optional={shell.optional}>
      {(control) => (
        <input
          type="text"
          {...input}
          id={control.id}
          name={shell.name}
          required={input.required ?? !shell.optional}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
        />
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
};

export function TextAreaField(props: TextAreaProps) {
  const [shell, area] = splitProps(props, ['name', 'label', 'hint', 'optional']);
  return (
    <FieldShell name={shell.name} label={shell.label} hint={shell.hint} optional={shell.optional}>
      {(control) => (
        <textarea
          rows={3}
          {...area}
          id={control.id}
          name={shell.name}
          required={!shell.optional}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
        />
      )}
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
}

type SelectProps = Omit<
  JSX.SelectHTMLAttributes<HTMLSelectElement>,
  'name' | 'id' | 'value' | 'children'
> & {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  choices: readonly Choice[];
  /** The choice selected at first. */
  value?: string | undefined;
};

export function SelectField(props: SelectProps) {
  const [shell, select] = splitProps(props, [
    'name',
    'label',
    'hint',
    'optional',
    'choices',
    'value',
  ]);
  return (
    <FieldShell name={shell.name} label={shell.label} hint={shell.hint} optional={shell.optional}>
      {(control) => (
        <select
          {...select}
          id={control.id}
          name={shell.name}
          required={!shell.optional}
          aria-invalid={control.invalid}
          aria-describedby={control.describedBy}
        >
          <For each={shell.choices}>
            {(choice) => (
              <option value={choice.value} selected={choice.value === shell.value}>
                {choice.label}
              </option>
            )}
          </For>
        </select>
      )}
    </FieldShell>
  );
}

/** A group of checkboxes sharing one name; its message sits under the legend. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  choices: readonly Choice[];
  hint?: string;
  /** The choices ticked at first. */
  values?: readonly string[];
}) {
  const form = useFormState();
  const id = createUniqueId();
  createRenderEffect(() => {
    const unregister = form?.register(props.name, { label: props.legend });
    if (unregister) onCleanup(unregister);
  });
  const error = () => {
    const message = form?.errors()[props.name];
    return message ? fieldSentence(props.legend, props.name, message) : undefined;
  };
  const describedBy = () =>
    [props.hint ? `${id}-hint` : '', error() ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset class="field checkbox-group">
      <legend>{props.legend}</legend>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <For each={props.choices}>
        {(choice) => (
          <label class="checkbox">
            <input
              type="checkbox"
              name={props.name}
              value={choice.value}
              checked={props.values?.includes(choice.value) ?? false}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={describedBy()}
            />
            <span>{choice.label}</span>
          </label>
        )}
      </For>
      <Show when={error()}>
        <p class="field-error" id={`${id}-error`}>
          {error()}
        </p>
      </Show>
    </fieldset>
  );
}
