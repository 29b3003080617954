// Twelve weeks of occupancy, check-in compliance, chore completion and
// violations, for all houses together or one house, so a house that is slipping
// shows before it becomes a crisis. Drawn with chart.js; the same numbers are in
// a table for screen readers and print. Loaded only when the overview shows it.
import { useQuery } from '@tanstack/solid-query';
import { createEffect, createMemo, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { Disclosure } from '../components/disclosure';
import { Chart, LINE_COLOURS, LINE_DASHES } from '../lib/line-chart';
import { LoadError, Loading } from '../components/page';
import { formatDate } from '../lib/dates';
import { type OverviewHouse, percent, portfolioQueries, type TrendWeek } from './data';
import '../violations/records.css';

const SERIES = [
  { key: 'occupancy', label: 'Beds filled' },
  { key: 'checkIns', label: 'Check-ins made' },
  { key: 'chores', label: 'Chores done' },
] as const;

function weekLabel(weekStart: string) {
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${weekStart}T12:00:00Z`));
}

function LineChart(props: {
  weeks: readonly TrendWeek[];
  label: string;
  kind: 'shares' | 'violations';
}) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<'line'> | undefined;
  onMount(() => {
    if (!canvas) return;
    chart = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y:
            props.kind === 'shares'
              ? {
                  min: 0,
                  max: 100,
                  ticks: { callback: (v) => `${String(v)}%` },
                }
              : { beginAtZero: true, title: { display: true, text: 'per resident-month' } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    onCleanup(() => chart?.destroy());
  });
  createEffect(() => {
    const weeks = props.weeks;
    if (!chart) return;
    chart.data.labels = weeks.map((w) => weekLabel(w.weekStart));
    chart.data.datasets =
      props.kind === 'shares'
        ? SERIES.map((s, i) => ({
            label: s.label,
            data: weeks.map((w) => {
              const v = w[s.key];
              return v === null ? null : Math.round(v * 1000) / 10;
            }),
            borderColor: LINE_COLOURS[i],
            backgroundColor: LINE_COLOURS[i],
            borderDash: LINE_DASHES[i] ?? [],
            spanGaps: false,
            tension: 0,
          }))
        : [
            {
              label: 'Violations per resident-month',
              data: weeks.map((w) => w.violationsPerResidentMonth),
              borderColor: LINE_COLOURS[3],
              backgroundColor: LINE_COLOURS[3],
              spanGaps: false,
              tension: 0,
            },
          ];
    chart.update();
  });
  return (
    <div class="chart-wrap">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

export default function TrendCharts(props: {
  houseId: string;
  houses: readonly OverviewHouse[];
  onHouse: (houseId: string) => void;
}) {
  const trends = useQuery(portfolioQueries.trends);
  const picked = createMemo(() => {
    const data = trends.data;
    if (!data) return null;
    const house = data.houses.find((h) => h.houseId === props.houseId);
    return house
      ? { name: house.name, weeks: house.weeks }
      : { name: 'All houses', weeks: data.organisation };
  });
  return (
    <div class="stack">
      <label class="field">
        <span class="field-label">Show</span>
        <select
          id="trend-house"
          value={props.houseId}
          onChange={(e) => props.onHouse(e.currentTarget.value)}
        >
          <option value="">All houses together</option>
          <For each={[...props.houses].sort((a, b) => a.name.localeCompare(b.name))}>
            {(h) => <option value={h.houseId}>{h.name}</option>}
          </For>
        </select>
      </label>
      <Switch fallback={<Loading label="Drawing the trends…" />}>
        <Match when={trends.isError && !trends.data}>
          <LoadError error={trends.error} retry={() => void trends.refetch()} />
        </Match>
        <Match when={picked()}>
          {(p) => (
            <>
              <p class="muted">
                The twelve whole weeks before this one, Monday to Sunday. Check-ins count those made
                of those due; a week with nothing due has no point.
              </p>
              <h3 class="chart-title">{p().name}: beds, check-ins and chores</h3>
              <LineChart
                weeks={p().weeks}
                kind="shares"
                label={`${p().name}: share of beds filled, check-ins made and chores done, week by week over twelve weeks. The same numbers are in the table below.`}
              />
              <h3 class="chart-title">{p().name}: violations</h3>
              <LineChart
                weeks={p().weeks}
                kind="violations"
                label={`${p().name}: violations per resident-month, week by week over twelve weeks. The same numbers are in the table below.`}
              />
              <Disclosure label="The numbers, week by week">
                {() => <TrendTable weeks={p().weeks} name={p().name} />}
              </Disclosure>
            </>
          )}
        </Match>
      </Switch>
      <Show when={trends.data && trends.data.weeks.length === 0}>
        <p class="empty">No weeks to show yet.</p>
      </Show>
    </div>
  );
}

function TrendTable(props: { weeks: readonly TrendWeek[]; name: string }) {
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">{props.name}, week by week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Beds filled</th>
            <th scope="col">Check-ins made</th>
            <th scope="col">Chores done</th>
            <th scope="col">Violations per resident-month</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.weeks}>
            {(w) => (
              <tr>
                <th scope="row">{formatDate(w.weekStart)}</th>
                <td>{percent(w.occupancy)}</td>
                <td>{percent(w.checkIns)}</td>
                <td>{percent(w.chores)}</td>
                <td>
                  {w.violationsPerResidentMonth === null
                    ? '—'
                    : w.violationsPerResidentMonth.toFixed(2)}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
