import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { Trend } from '../../results/trend.js';
import { formats } from './format.js';
import type { ProfileSeries } from './round-charts.js';

/**
 * The closed round of the same questionnaire just before this one, taken from
 * the trend the domain computes; null when there is none or its figures are withheld.
 */
export function previousSeries(trend: Trend, roundId: number, lang: Language): (ProfileSeries & { id: number }) | null {
  const index = trend.rounds.findIndex((round) => round.id === roundId);
  const previous = index > 0 ? trend.rounds[index - 1]! : null;
  if (!previous?.shown) return null;
  return {
    id: previous.id,
    name: fill(resultsText(lang).previousRound, { month: formats(lang).month(previous.closesAt) }),
    title: previous.title,
    rows: trend.series.map((series) => ({ measure: series.measure, figures: series.points[index - 1]?.figures ?? null })),
  };
}
