// Charts of the check-ins area, drawn with chart.js. Only pages that show a
// chart import this file, so the home page a resident opens every day stays small.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { createEffect, onCleanup } from 'solid-js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

/** Told apart with common colour-vision differences (Okabe–Ito); dashes and point shapes repeat them. */
export const CHART_COLOURS = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  grey: '#4d5560',
} as const;

/** Settings every chart of the area shares: fits its box, draws at once, legend below. */
export const CHART_BASE = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'index', intersect: false },
  plugins: { legend: { position: 'bottom' } },
} as const;

/**
 * A chart of `config`, redrawn when it changes. A canvas says nothing to a
 * screen reader: `label` says what it shows and where the same numbers are.
 */
export function ChartCanvas<T extends ChartType>(props: {
  config: ChartConfiguration<T>;
  label: string;
}) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<T> | undefined;
  createEffect(() => {
    const config = props.config;
    if (!canvas) return;
    if (!chart) {
      chart = new Chart<T>(canvas, config);
      return;
    }
    chart.data = config.data;
    if (config.options) chart.options = config.options;
    chart.update();
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="check-in-chart">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
