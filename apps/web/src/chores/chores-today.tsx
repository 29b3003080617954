// The home page's chores: what the resident has to do today, each with its
// "Done" button, and what comes next when today is clear.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Show } from 'solid-js';
import { choreQueries, type MyChores } from './data';
import { MyChoreCard } from './my-chore-card';
import { relativeDay } from './status';

export function ChoresToday() {
  const mine = useQuery(choreQueries.mine);
  const [said, setSaid] = createSignal('');
  const living = (): MyChores | null => (mine.data && mine.data.livingIn ? mine.data : null);
  return (
    <Show when={living()}>
      {(m) => {
        const todays = () => m().occurrences.filter((o) => o.date === m().today);
        const next = () => m().occurrences.find((o) => o.date > m().today);
        const asked = () => m().swaps.filter((s) => !s.asked && s.status === 'requested').length;
        return (
          <section class="stack" aria-labelledby="chores-today-heading">
            <h2 id="chores-today-heading">Your chores today</h2>
            <p class="status-note" role="status">
              {said()}
            </p>
            <Show
              when={todays().length > 0}
              fallback={
                <p>
                  No chores today.
                  <Show when={next()}>
                    {(n) => (
                      <>
                        {' '}
                        Next: {n().choreName}, {relativeDay(n().date, m().today).toLowerCase()}.
                      </>
                    )}
                  </Show>
                </p>
              }
            >
              <ul class="chore-cards">
                <For each={todays()}>
                  {(o) => (
                    <MyChoreCard
                      occurrence={o}
                      today={m().today}
                      timeZone={m().house.timezone}
                      onDone={setSaid}
                    />
                  )}
                </For>
              </ul>
            </Show>
            <Show when={asked() > 0}>
              <p class="alert alert-info">
                {asked() === 1
                  ? 'A housemate asks you to swap a chore.'
                  : `${asked()} housemates ask you to swap chores.`}{' '}
                <A href="/chores#swaps">Answer</A>
              </p>
            </Show>
            <p>
              <A href="/chores">All my chores and swaps</A>
            </p>
          </section>
        );
      }}
    </Show>
  );
}
