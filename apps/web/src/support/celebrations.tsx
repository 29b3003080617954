// The house board's celebrations: milestones of this week, of the residents
// who agreed to have them shown.
import { useQuery } from '@tanstack/solid-query';
import { For, Show } from 'solid-js';
import { formatDate } from '../lib/dates';
import { supportQueries } from './data';
import './support.css';

export function Celebrations(props: { houseId: string }) {
  const list = useQuery(() => supportQueries.celebrations(props.houseId));
  return (
    <Show when={list.data && list.data.length > 0 ? list.data : undefined}>
      {(items) => (
        <section class="stack" aria-labelledby="celebrations-heading">
          <h2 id="celebrations-heading">Celebrations</h2>
          <ul class="plain-list stack-sm milestone-list">
            <For each={items()}>
              {(c) => (
                <li>
                  <span>
                    <strong>{c.name}</strong>:{' '}
                    {c.kind === 'sobriety' ? `${c.label} sober` : c.label}
                  </span>
                  <span class="member-meta">{formatDate(c.date)}</span>
                </li>
              )}
            </For>
          </ul>
          <p class="field-hint">
            Shown for residents who agreed to have their milestones celebrated.
          </p>
        </section>
      )}
    </Show>
  );
}
