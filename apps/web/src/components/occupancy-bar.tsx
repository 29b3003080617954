// A bar of beds: filled beds in colour, open beds in outline, so a full house
// and one with room are told apart at a glance. The text says the same in words.
import { createMemo, For } from 'solid-js';

export function OccupancyBar(props: { filled: number; beds: number }) {
  const cells = createMemo(() => {
    const filled = props.filled;
    return Array.from({ length: props.beds }, (_, i) => i < filled);
  });
  return (
    <span class="occupancy-bar" aria-hidden="true">
      <For each={cells()}>
        {(filled) => <span classList={{ 'occupancy-cell': true, filled }} />}
      </For>
    </span>
  );
}
