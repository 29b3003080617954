// Violations per resident-month over time, a line per house: a house that
// applies rules much more (or less) than the others stands out at a glance.
// The table beside it carries the same numbers for screen readers and print.
import { createEffect, onCleanup, onMount } from 'solid-js';
import { Chart, LINE_COLOURS as COLOURS, LINE_DASHES as DASHES } from '../lib/line-chart';
import type { ViolationRates } from './data';

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
