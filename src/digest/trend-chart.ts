import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { Language } from '../db/schema/networks.js';
import { digestText } from '../i18n/digest.js';
import type { Trend, TrendSeries } from '../results/trend.js';
import { renderPng, type ChartSize } from './chart-canvas.js';
import { GRID_COLOUR, LATEST_COLOUR, scaleRange, SERIES_COLOURS, SERIES_POINTS } from './chart-style.js';
import { formatMonth, measureName } from './format.js';

type LineDataset = ChartDataset<'line', Array<number | null>>;

/** Round labels for the time axis; a withheld round keeps its place and says why it has no point. */
function roundLabels(trend: Trend, lang: Language): Array<string | string[]> {
  const why = (round: Trend['rounds'][number]) => (round.resultsErasedAt ? digestText(lang).chartErased : `(n < ${trend.threshold})`);
  return trend.rounds.map((round) => (round.shown ? formatMonth(round.closesAt) : [formatMonth(round.closesAt), why(round)]));
}

const means = (series: TrendSeries) => series.points.map((p) => p.figures?.mean ?? null);

function everySeries(trend: Trend, lang: Language): LineDataset[] {
  return trend.series.map((series, i) => ({
    label: measureName(series.measure, lang),
    data: means(series),
    borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
    backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
    pointStyle: SERIES_POINTS[i % SERIES_POINTS.length],
    pointRadius: 4,
    borderWidth: 2,
    // A withheld round leaves a gap in the data; the line carries on across it rather than vanishing.
    spanGaps: true,
  }));
}

/** One rule: its mean with the 95 % interval as a band, so the noise is visible beside the line. */
function oneSeries(series: TrendSeries, lang: Language): LineDataset[] {
  const t = digestText(lang);
  const band = { borderWidth: 0, pointRadius: 0, spanGaps: true, backgroundColor: 'rgba(29, 90, 133, 0.15)' };
  return [
    { ...band, label: '', data: series.points.map((p) => p.figures?.ci95?.low ?? null), fill: false },
    { ...band, label: t.chartInterval, data: series.points.map((p) => p.figures?.ci95?.high ?? null), fill: '-1' },
    { label: t.chartMean, data: means(series), borderColor: LATEST_COLOUR, backgroundColor: LATEST_COLOUR, pointRadius: 4, borderWidth: 2, spanGaps: true },
  ];
}

/**
 * The trend of every rule (or area) over the closed rounds, one line each, or
 * of one rule with its interval. Withheld rounds carry no point.
 */
export function renderTrendChart(trend: Trend, measure: string | 'all', lang: Language, size: ChartSize): Promise<Buffer> {
  const single = measure === 'all' ? null : trend.series.find((s) => s.measure === measure);
  if (measure !== 'all' && !single) throw new Error(`the trend has no series ${measure}`);
  const datasets = single ? oneSeries(single, lang) : everySeries(trend, lang);
  const range = scaleRange(trend.series.flatMap((s) => s.points.map((p) => p.figures)));
  const config: ChartConfiguration<'line', Array<number | null>, string | string[]> = {
    type: 'line',
    data: { labels: roundLabels(trend, lang), datasets },
    options: {
      layout: { padding: { top: 8, right: 16, bottom: 4, left: 4 } },
      scales: {
        x: { offset: true, grid: { color: GRID_COLOUR } },
        y: { min: range.min, max: range.max, ticks: { stepSize: 1 }, grid: { color: GRID_COLOUR } },
      },
      plugins: {
        title: { display: true, text: single ? measureName(single.measure, lang) : digestText(lang).trendCaption, font: { size: 15, weight: 'bold' } },
        legend: {
          position: 'bottom',
          labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8, padding: 10, filter: (item) => item.text !== '' },
        },
      },
    },
  };
  return renderPng(config as ChartConfiguration, size);
}
