// What every page has: a title in the tab, one h1 that takes the focus after a
// navigation, and the same loading and error states.
import { type JSX, createEffect, createSignal, onMount, Show } from 'solid-js';
import { problemOf } from '../lib/errors';

const [focusOnHeading, setFocusOnHeading] = createSignal(false);

/** Called on every navigation after the first page load. */
export function requestHeadingFocus() {
  setFocusOnHeading(true);
}

export function usePageTitle(title: () => string | undefined) {
  createEffect(() => {
    const t = title();
    document.title = t ? `${t} · Porchlight` : 'Porchlight';
  });
}

export function PageHeading(props: { children: JSX.Element; title?: string }) {
  let heading: HTMLHeadingElement | undefined;
  usePageTitle(() => props.title);
  onMount(() => {
    if (focusOnHeading() && heading) {
      setFocusOnHeading(false);
      heading.focus({ preventScroll: true });
    }
  });
  return (
    <h1 ref={heading} tabindex="-1" class="page-title">
      {props.children}
    </h1>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      {props.label ?? 'Loading…'}
    </p>
  );
}

/** An error from loading data, with a way to try again. */
export function LoadError(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="alert alert-error" role="alert">
      <p>{problemOf(props.error).message}</p>
      <Show when={props.retry}>
        {(retry) => (
          <button type="button" class="button" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
}

export function NotFoundMessage(props: { message: string; back?: JSX.Element }) {
  return (
    <section class="stack">
      <PageHeading title="Not found">Not found</PageHeading>
      <p>{props.message}</p>
      {props.back}
    </section>
  );
}
