// "Who slept in which bed on a given night": the house's bed history, one night
// at a time, for the questions that come up after an incident or an audit.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { createSignal, For, Match, Switch } from 'solid-js';
import { LoadError, Loading } from '../components/page';
import { formatDate } from '../lib/dates';
import { houseQueries } from './data';

export function NightLookup(props: { houseId: string; today: string }) {
  const [picked, setPicked] = createSignal<string | undefined>();
  const night = () => picked() ?? props.today;
  const occupants = useQuery(() => houseQueries.night(props.houseId, night()));
  return (
    <section class="stack" aria-labelledby="night-heading">
      <h2 id="night-heading">Who was in each bed</h2>
      <div class="field">
        <div class="field-label">
          <label for="night-date">Night of</label>
        </div>
        <input
          id="night-date"
          type="date"
          max={props.today}
          value={night()}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value) setPicked(value);
          }}
        />
      </div>
      <Switch>
        <Match when={occupants.isError && !occupants.data}>
          <LoadError error={occupants.error} retry={() => void occupants.refetch()} />
        </Match>
        <Match when={occupants.data}>
          {(data) => (
            <ul class="plain-list" aria-label={`Beds on the night of ${formatDate(data().date)}`}>
              <For each={data().beds}>
                {(bed) => (
                  <li>
                    <strong>
                      {bed.roomName} · Bed {bed.label}
                    </strong>
                    {' — '}
                    <Switch fallback={<span class="muted">empty</span>}>
                      <Match when={bed.occupant}>
                        {(o) => <A href={`/residents/${o().residentId}`}>{o().name}</A>}
                      </Match>
                    </Switch>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
        <Match when={occupants.isPending}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
