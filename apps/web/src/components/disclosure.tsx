// A button that shows and hides a panel. The panel's content is only built
// while open, so its data loads on demand.
import { type JSX, createSignal, createUniqueId, Show } from 'solid-js';

export function Disclosure(props: {
  label: string;
  children: (close: () => void) => JSX.Element;
  class?: string;
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
        class="button disclosure-toggle"
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
