import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { Language } from '../db/schema/networks.js';
import { digestText } from '../i18n/digest.js';
import type { QuestionnaireReport } from '../reports/report.js';
import { renderPng, type ChartSize } from './chart-canvas.js';
import { GRID_COLOUR, LATEST_COLOUR, PREVIOUS_COLOUR, scaleRange } from './chart-style.js';
import { formatMonth, measureName, wrapLabel } from './format.js';

type BarDataset = ChartDataset<'bar', Array<number | null>>;

/** Characters per line of a topic's name: about a third of a 600 px chart. */
const LABEL_LINE = 26;

/** Height that keeps two bars per topic readable: the caller sizes the image with it. */
export function profileChartHeight(topics: number): number {
  return 90 + topics * 38;
}

/**
 * The latest round's mean per rule (or area) as horizontal bars, with the
 * previous round's bar beside it when that round has figures.
 */
export function renderProfileChart(questionnaire: QuestionnaireReport, lang: Language, size: ChartSize): Promise<Buffer> {
  const { latest, comparison } = questionnaire;
  if (latest.withheld) throw new Error('a withheld round has no profile to draw');
  const before = new Map((comparison?.measures ?? []).map((row) => [row.key, row.before?.mean ?? null]));
  const datasets: BarDataset[] = [];
  if (comparison && !comparison.before.withheld) {
    datasets.push({ label: formatMonth(comparison.before.closesAt), data: latest.measures.map((m) => before.get(m.measure) ?? null), backgroundColor: PREVIOUS_COLOUR });
  }
  datasets.push({ label: formatMonth(latest.round.closesAt), data: latest.measures.map((m) => m.figures?.mean ?? null), backgroundColor: LATEST_COLOUR });
  const range = scaleRange(latest.measures.map((m) => m.figures));
  const config: ChartConfiguration<'bar', Array<number | null>, string[]> = {
    type: 'bar',
    data: { labels: latest.measures.map((m) => wrapLabel(measureName(m.measure, lang), LABEL_LINE)), datasets },
    options: {
      indexAxis: 'y',
      layout: { padding: { top: 8, right: 16, bottom: 4, left: 4 } },
      datasets: { bar: { barPercentage: 0.9, categoryPercentage: 0.8 } },
      scales: {
        x: { min: range.min, max: range.max, ticks: { stepSize: 1 }, grid: { color: GRID_COLOUR } },
        y: { grid: { display: false } },
      },
      plugins: {
        title: { display: true, text: digestText(lang).profileCaption, font: { size: 15, weight: 'bold' } },
        legend: { position: 'top', labels: { boxWidth: 14 } },
      },
    },
  };
  return renderPng(config as ChartConfiguration, size);
}
