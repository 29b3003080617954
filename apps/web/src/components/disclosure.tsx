// A button that shows and hides a panel. The panel's content is only built
// while open, so its data loads on demand.
import { type JSX, createSignal, createUniqueId, Show } from 'solid-js';

export function Disclosure(props: {
  label: string;
  children: (close: () => void) => JSX.Element;
  class?: string;
  /** The accessible name, when the visible words need more to say which record (starts with them). */
  ariaLabel?: string;
  /** The toggle's own classes, e.g. a smaller button among a record's actions. */
  buttonClass?: string;
}) {
  const [open, setOpen] = createSignal(false);
  const id = createUniqueId();
  let button: HTMLButtonElement | undefined;
  const close = () => {
    setOpen(false);
    button?.focus();
  };
  return (
    <div class={props.class ?? 'disclosure'}>
      <button
        ref={button}
        type="button"
        class={`${props.buttonClass ?? 'button'} disclosure-toggle`}
        aria-label={props.ariaLabel}
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={id}
        onClick={() => setOpen(!open())}
      >
        {props.label}
      </button>
      <div id={id} class="disclosure-panel">
        <Show when={open()}>{props.children(close)}</Show>
      </div>
    </div>
  );
}
