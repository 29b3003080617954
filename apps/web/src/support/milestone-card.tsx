// The home screen's milestone card: days sober, anything just reached (to
// celebrate) and the next milestone, with the way to the support page.
import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { formatDate, plural } from '../lib/dates';
import { supportQueries } from './data';
import './support.css';

export function MilestoneCard() {
  const milestones = useQuery(supportQueries.myMilestones);
  const words = (m: { kind: string; label: string }) =>
    m.kind === 'sobriety' ? `${m.label} sober` : m.label;
  return (
    <Show when={milestones.data}>
      {(m) => (
        <section class="card stack-sm" aria-labelledby="milestone-card-heading">
          <h2 id="milestone-card-heading">Milestones</h2>
          <Show when={m().daysSober !== null}>
            <p class="milestone-big">{plural(m().daysSober ?? 0, 'day', 'days')} sober</p>
          </Show>
          <Show when={m().recent.length > 0}>
            <p class="alert alert-success">Congratulations: {m().recent.map(words).join(', ')}.</p>
          </Show>
          <Show when={m().next[0]}>
            {(next) => (
              <p>
                Next: {words(next())} on {formatDate(next().date)}
              </p>
            )}
          </Show>
          <p>
            <A href="/support">Your support circle and milestones</A>
          </p>
        </section>
      )}
    </Show>
  );
}
