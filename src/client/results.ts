import { readEmbeddedJson } from './lib/embedded-json.js';
import { profileChart } from './lib/charts/profile.js';
import { rateChart } from './lib/charts/rate.js';
import { setUpCharts } from './lib/charts/setup.js';
import { stackedChart } from './lib/charts/stacked.js';
import { trendChart } from './lib/charts/trend.js';
import type { ChartSpec } from './lib/charts/types.js';

/** Draws every chart of a results page from the data the server embedded next to its canvas. */
setUpCharts();
for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-spec]')) {
  const spec = readEmbeddedJson<ChartSpec>(canvas.dataset.spec!);
  if (spec.kind === 'profile') profileChart(canvas, spec);
  else if (spec.kind === 'stacked') stackedChart(canvas, spec);
  else if (spec.kind === 'rate') rateChart(canvas, spec);
  else trendChart(canvas, spec);
}
