import type { Language } from '../db/schema/networks.js';
import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import type { InlineImage } from '../mail/mailer.js';
import type { QuestionnaireReport } from '../reports/report.js';
import { formatMean, formatMonth, measureName } from './format.js';
import { profileChartHeight, renderProfileChart } from './profile-chart.js';
import { renderTrendChart } from './trend-chart.js';

/** CSS width of a chart in the mail; the PNG has twice the pixels. */
const CHART_WIDTH = 600;
const TREND_HEIGHT = 400;

/** A chart as the mail carries it: an inline PNG part, and what the HTML says about it. */
export type DigestChart = { image: InlineImage; alt: string; width: number; height: number };

/** The highest and lowest mean of the latest round, named, for the alt texts. */
function extremes(q: QuestionnaireReport, lang: Language) {
  const scored = q.latest.measures.flatMap((m) => (m.figures?.mean == null ? [] : [{ name: measureName(m.measure, lang), mean: m.figures.mean }]));
  const sorted = [...scored].sort((a, b) => b.mean - a.mean);
  const [top, bottom] = [sorted[0]!, sorted.at(-1)!];
  return { top: top.name, topMean: formatMean(top.mean, lang), bottom: bottom.name, bottomMean: formatMean(bottom.mean, lang) };
}

function inline(name: string, content: Buffer): InlineImage {
  // The content id only has to be unique within one message.
  return { filename: `${name}.png`, content, cid: `${name}@verkostopulssi`, contentType: 'image/png' };
}

/**
 * The charts of one questionnaire's latest round: the trend when at least two
 * rounds have figures, and the profile beside the previous round. A withheld
 * round gets none, so nothing of it can be read from an image either.
 */
export async function digestCharts(q: QuestionnaireReport, lang: Language): Promise<DigestChart[]> {
  if (q.latest.withheld || !q.latest.measures.some((m) => m.figures?.mean != null)) return [];
  const t = digestText(lang);
  const named = extremes(q, lang);
  const charts: DigestChart[] = [];
  const shown = q.trend.rounds.filter((round) => round.shown);
  if (shown.length >= 2) {
    const alt = fill(t.trendAlt, { count: q.trend.series.length, first: formatMonth(shown[0]!.closesAt), last: formatMonth(shown.at(-1)!.closesAt), ...named });
    const png = await renderTrendChart(q.trend, 'all', lang, { width: CHART_WIDTH, height: TREND_HEIGHT });
    charts.push({ image: inline(`trend-${q.questionnaireKey}`, png), alt, width: CHART_WIDTH, height: TREND_HEIGHT });
  }
  const previous = q.comparison && !q.comparison.before.withheld ? fill(t.profileAltPrevious, { previous: q.comparison.before.title }) : '';
  const height = profileChartHeight(q.latest.measures.length);
  const png = await renderProfileChart(q, lang, { width: CHART_WIDTH, height });
  charts.push({
    image: inline(`profile-${q.questionnaireKey}`, png),
    alt: fill(t.profileAlt, { round: q.latest.round.title, previous, ...named }),
    width: CHART_WIDTH,
    height,
  });
  return charts;
}
