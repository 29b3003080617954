import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';

/** `source`, settled: it changes only after `ms` without a new value. */
export function createDebounced<T>(source: Accessor<T>, ms: number): Accessor<T> {
  const [value, setValue] = createSignal<T>(source());
  createEffect(
    on(
      source,
      (next) => {
        const timer = setTimeout(() => setValue(() => next), ms);
        onCleanup(() => clearTimeout(timer));
      },
      { defer: true },
    ),
  );
  return value;
}
