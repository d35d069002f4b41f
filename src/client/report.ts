import { Chart } from 'chart.js';
import { readEmbeddedJson } from './lib/embedded-json.js';
import { setUpCharts } from './lib/charts/setup.js';
import { trendChart } from './lib/charts/trend.js';
import type { TrendSpec } from './lib/charts/types.js';

/** Draws the report's trend charts from the data the server embedded next to each canvas. */
setUpCharts();
// Twice the pixels of the screen, so that the charts stay sharp when printed on paper.
Chart.defaults.devicePixelRatio = Math.max(2, window.devicePixelRatio);
for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-spec]')) {
  trendChart(canvas, readEmbeddedJson<TrendSpec>(canvas.dataset.spec!));
}

// The print button needs this script, so it is hidden until the script runs.
const print = document.getElementById('print-report');
if (print) {
  print.hidden = false;
  print.addEventListener('click', () => window.print());
}
