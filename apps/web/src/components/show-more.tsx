// The button under a paginated list: loads the next page, says so while it
// loads, and ignores taps meanwhile (aria-disabled keeps it focusable).
import { Show } from 'solid-js';

interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export function ShowMore(props: { list: NextPages; label?: string }) {
  return (
    <Show when={props.list.hasNextPage}>
      <button
        type="button"
        class="button"
        aria-disabled={props.list.isFetchingNextPage ? 'true' : undefined}
        onClick={() => {
          if (!props.list.isFetchingNextPage) void props.list.fetchNextPage();
        }}
      >
        {props.list.isFetchingNextPage ? 'Loading…' : (props.label ?? 'Show more')}
      </button>
    </Show>
  );
}
