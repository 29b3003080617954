// chart.js set up for line charts, and the colours every line chart uses. Only
// pages that draw one import this, so the pages a resident opens every day stay small.
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

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

export { Chart };

// distinguishable for common colour-vision differences (Okabe–Ito), with dashes as a second cue
export const LINE_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
];
export const LINE_DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
