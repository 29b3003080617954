// Violations per resident-month over time, a line per house: a house that
// applies rules much more (or less) than the others stands out at a glance.
// The table beside it carries the same numbers for screen readers and print.
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { createEffect, onCleanup, onMount } from 'solid-js';
import type { ViolationRates } from './data';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

// distinguishable for common colour-vision differences (Okabe–Ito), with dashes as a second cue
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)));
}

export function RatesChart(props: { rates: ViolationRates }) {
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
          y: {
            beginAtZero: true,
            title: { display: true, text: 'Violations per resident-month' },
          },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    onCleanup(() => chart?.destroy());
  });
  createEffect(() => {
    const rates = props.rates;
    if (!chart) return;
    chart.data.labels = rates.months.map(monthLabel);
    chart.data.datasets = rates.houses.map((h, i) => ({
      label: h.name,
      data: h.byMonth.map((m) => m.rate),
      borderColor: COLOURS[i % COLOURS.length],
      backgroundColor: COLOURS[i % COLOURS.length],
      borderDash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length] ?? [],
      spanGaps: false,
      tension: 0,
    }));
    chart.update();
  });
  return (
    <div class="chart-wrap">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Violations per resident-month by month, one line per house. The same numbers are in the table below."
      />
    </div>
  );
}
