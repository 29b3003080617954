// The dashboard's line icons: drawn, hidden from assistive technology, and
// always beside words that carry the meaning.
import { Match, Switch } from 'solid-js';

export type IconName =
  'check' | 'cross' | 'clock' | 'hourglass' | 'away' | 'dash' | 'alert' | 'pen';

/** A 1em line icon in the text's colour; the words beside it carry the meaning. */
export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg
      class={props.class ?? 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <Switch>
        <Match when={props.name === 'check'}>
          <path d="M3 8.5l3 3 7-7" />
        </Match>
        <Match when={props.name === 'cross'}>
          <path d="M4 4l8 8M12 4l-8 8" />
        </Match>
        <Match when={props.name === 'clock'}>
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5V8l2.5 1.5" />
        </Match>
        <Match when={props.name === 'hourglass'}>
          <path d="M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6" />
        </Match>
        <Match when={props.name === 'away'}>
          <path d="M9 3h4v4M13 3L7 9M11 10v3H3V5h3" />
        </Match>
        <Match when={props.name === 'dash'}>
          <path d="M4 8h8" />
        </Match>
        <Match when={props.name === 'alert'}>
          <path d="M8 1.8L15 14.2H1z" />
          <path d="M8 6.5v3.5M8 12.2v.1" />
        </Match>
        <Match when={props.name === 'pen'}>
          <path d="M3 13l1-3.5 7-7 2.5 2.5-7 7z" />
        </Match>
      </Switch>
    </svg>
  );
}
