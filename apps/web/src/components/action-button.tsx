// A button that runs one change, shared by every page that has one.
import { type JSX, createSignal, Show } from 'solid-js';
import { problemOf, problemSentence } from '../lib/errors';

/** A button that runs one change; while it runs it says so, and a failure is read out. */
export function ActionButton(props: {
  children: JSX.Element;
  busyLabel: string;
  onRun: () => Promise<unknown>;
  class?: string;
  /** The accessible name, when the visible words need more to say which record (starts with them). */
  label?: string;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const click = async () => {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await props.onRun();
    } catch (e) {
      setError(problemSentence(problemOf(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack">
      <button
        type="button"
        class={props.class ?? 'button'}
        aria-disabled={busy() ? 'true' : undefined}
        aria-label={props.label}
        onClick={() => void click()}
      >
        <Show when={busy()} fallback={props.children}>
          {props.busyLabel}
        </Show>
      </button>
      <Show when={error()}>
        {(message) => (
          <p class="action-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}
