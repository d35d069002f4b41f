import type { Catalogue } from '../../catalogue/types.js';
import type { TrendSpec } from '../../client/lib/charts/types.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { Trend, TrendSeries } from '../../results/trend.js';
import { meanLines } from './chart-specs.js';
import { formats } from './format.js';
import { roundWithoutFigures } from './results-shell.js';

const at = (iso: string) => new Date(iso).getTime();

/** One rule's line over the closed rounds, on a time axis whose ticks are the rounds' closing months. */
export function trendSpec(trend: Trend, series: TrendSeries, catalogue: Catalogue, lang: Language): TrendSpec {
  const t = resultsText(lang);
  const f = formats(lang);
  const rounds = new Map(trend.rounds.map((round) => [round.id, round]));
  const latest = trend.rounds.at(-1);
  const choices = (latest && catalogue.find(trend.questionnaireKey, latest.version)?.scale?.choices) || [];
  const points = series.points.map(({ roundId, figures }) => {
    const round = rounds.get(roundId)!;
    const shown = figures && figures.mean !== null ? figures : null;
    return {
      x: at(round.closesAt),
      title: `${round.title} (${f.date(round.closesAt)})`,
      mean: shown?.mean ?? null,
      low: shown?.ci95?.low ?? null,
      high: shown?.ci95?.high ?? null,
      tooltip: shown ? meanLines(shown, lang) : [roundWithoutFigures(round, trend.threshold, lang)],
    };
  });
  // A version change is marked halfway between the last round on the old version and the first on the new.
  const versionMarks = trend.versionChanges.map((change) => {
    const index = trend.rounds.findIndex((round) => round.id === change.roundId);
    const [earlier, later] = [trend.rounds[index - 1]!, trend.rounds[index]!];
    return { x: (at(earlier.closesAt) + at(later.closesAt)) / 2, label: fill(t.versionMark, { version: change.to }), side: 'right' as const };
  });
  const tickLabels = f.roundLabels(trend.rounds.map((round) => round.closesAt));
  return {
    kind: 'trend',
    points,
    ticks: trend.rounds.map((round, i) => ({ x: at(round.closesAt), label: tickLabels[i]! })),
    versionMarks,
    scale: { min: choices[0]?.value ?? 1, max: choices.at(-1)?.value ?? 5 },
    labels: { mean: t.legendMean, interval: t.ci },
  };
}
