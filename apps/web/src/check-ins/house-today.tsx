// The top of a house's page for its staff: who needs attention today (the most
// urgent few), with the way to the day's check-in board and the tests.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { Match, Show, Switch } from 'solid-js';
import { LoadError, Loading } from '../components/page';
import { AttentionFlags } from './attention-list';
import { attentionQueries } from './data';
import './board.css';

const SHOWN = 3;

export function HouseToday(props: { houseId: string }) {
  const list = useQuery(() => attentionQueries.list(props.houseId));
  const more = () => Math.max(0, (list.data?.flags.length ?? 0) - SHOWN);
  return (
    <section class="stack" aria-labelledby="today-heading">
      <h2 id="today-heading">Needs attention today</h2>
      <Switch fallback={<Loading label="Loading who needs attention…" />}>
        <Match when={list.isError && !list.data}>
          <LoadError error={list.error} retry={() => void list.refetch()} />
        </Match>
        <Match when={list.data}>
          {(data) => <AttentionFlags list={data()} houseId={props.houseId} limit={SHOWN} />}
        </Match>
      </Switch>
      <ul class="link-grid">
        <li>
          <A href={`/houses/${props.houseId}/check-ins`} class="button button-primary">
            Check-ins today
            <Show when={more() > 0}>
              <span class="visually-hidden">, and {more()} more who need attention</span>
            </Show>
          </A>
        </li>
        <li>
          <A href={`/houses/${props.houseId}/tests`} class="button">
            Drug and alcohol tests
          </A>
        </li>
      </ul>
      <Show when={more() > 0}>
        <p>
          <A href={`/houses/${props.houseId}/check-ins#attention`}>
            {more()} more on the check-ins page
          </A>
        </p>
      </Show>
    </section>
  );
}
