// The residents of a house: search by name, filter by current or past.
import { A } from '@solidjs/router';
import { useInfiniteQuery } from '@tanstack/solid-query';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { LoadError } from '../components/page';
import { formatDate, plural } from '../lib/dates';
import { createDebounced } from '../lib/debounce';
import type { ResidentListItem } from '../lib/trpc';
import { residentQueries, type ResidentStatusFilter } from '../residents/data';
import { ShowMore } from '../components/show-more';

const STATUSES: { value: ResidentStatusFilter; label: string }[] = [
  { value: 'current', label: 'Current' },
  { value: 'past', label: 'Past' },
  { value: 'all', label: 'All' },
];

function isStatus(value: string): value is ResidentStatusFilter {
  return STATUSES.some((s) => s.value === value);
}

export function HouseResidents(props: { houseId: string }) {
  const id = createUniqueId();
  const [search, setSearch] = createSignal('');
  const [status, setStatus] = createSignal<ResidentStatusFilter>('current');
  const settled = createDebounced(() => search().trim(), 250);
  const residents = useInfiniteQuery(() =>
    residentQueries.list(props.houseId, status(), settled()),
  );
  const items = () => residents.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div class="stack">
      <form
        class="filters"
        role="search"
        aria-label="Residents"
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="field">
          <div class="field-label">
            <label for={`${id}-search`}>Search residents</label>
          </div>
          <input
            id={`${id}-search`}
            type="search"
            autocomplete="off"
            value={search()}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <div class="field-label">
            <label for={`${id}-status`}>Status</label>
          </div>
          <select
            id={`${id}-status`}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isStatus(value)) setStatus(value);
            }}
          >
            <For each={STATUSES}>
              {(s) => (
                <option value={s.value} selected={s.value === status()}>
                  {s.label}
                </option>
              )}
            </For>
          </select>
        </div>
      </form>
      <Switch>
        <Match when={residents.isError && !residents.data}>
          <LoadError error={residents.error} retry={() => void residents.refetch()} />
        </Match>
        <Match when={residents.data}>
          <p class="muted" role="status">
            {residents.isPlaceholderData
              ? 'Searching…'
              : items().length === 0
                ? 'No residents match.'
                : `Showing ${plural(items().length, 'resident', 'residents')}.`}
          </p>
          <Show when={items().length > 0}>
            <ul class="resident-list">
              <For each={items()}>{(resident) => <ResidentRow resident={resident} />}</For>
            </ul>
          </Show>
          <ShowMore list={residents} />
        </Match>
      </Switch>
    </div>
  );
}

function ResidentRow(props: { resident: ResidentListItem }) {
  return (
    <li class="resident-row">
      <A href={`/residents/${props.resident.id}`} class="resident-name">
        {props.resident.name}
      </A>
      <span class="muted">
        <Switch>
          <Match when={props.resident.bed}>
            {(bed) =>
              `Bed ${bed().label} · since ${bed().since ? formatDate(bed().since ?? '') : '—'}`
            }
          </Match>
          <Match when={props.resident.movedOut}>
            {(date) => `Moved out ${formatDate(date())}`}
          </Match>
          <Match when={props.resident.status === 'awaiting-bed'}>Waiting for a bed</Match>
        </Switch>
      </span>
    </li>
  );
}
