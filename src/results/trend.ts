import { and, asc, eq } from 'drizzle-orm';
import { movedItems, type MovedItem } from '../catalogue/diff.js';
import type { Catalogue } from '../catalogue/types.js';
import { findMeasure, type Localized } from '../catalogue/measures.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import { scoredMeasures } from '../responses/tally-keys.js';
import type { Figures } from './figures.js';
import { bandLimits, measureResults, withheldReason, type Network } from './round-results.js';
import { readTallies, roundTotals } from './tallies-read.js';
import { withheldFigures } from './withheld-figures.js';
import { roundThreshold } from '../rounds/threshold.js';
import { closedOn, closingInstant } from '../rounds/closing-instant.js';

/** `closesAt` is when the round really closed (see rounds/closing-instant.ts). */
/** `versionLabel` is the version's number as people read it ("1", "1.2"). */
/** `resultsErasedAt`: the round keeps its place, without figures, once its results are erased. */
export type TrendRound = { id: number; title: string; closesAt: string; version: number; versionLabel: string; responses: number; shown: boolean; resultsErasedAt: string | null };
export type TrendPoint = { roundId: number; figures: Figures | null };
export type TrendSeries = { measure: string; kind: 'rule' | 'area'; name: Localized; points: TrendPoint[] };
export type Trend = {
  questionnaireKey: string;
  threshold: number;
  rounds: TrendRound[];
  /** Where the questionnaire version changed, to be marked on the time axis, with the statements it moved to another rule or area. */
  versionChanges: Array<{ roundId: number; from: string; to: string; moved: MovedItem[] }>;
  series: TrendSeries[];
};

/** Every closed round of a questionnaire in the network, per rule or area: the mean and its interval, round by round. */
export async function networkTrend(db: Db, catalogue: Catalogue, network: Network, questionnaireKey: string, onlyRounds: number[] | null = null): Promise<Trend> {
  const all = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, network.id), eq(rounds.questionnaireKey, questionnaireKey), eq(rounds.status, 'closed')))
    .orderBy(asc(closingInstant), asc(rounds.id));
  // A report link may be limited to some rounds; the trend then shows only those.
  const closed = onlyRounds ? all.filter((round) => onlyRounds.includes(round.id)) : all;
  // Each round keeps the threshold it opened with; the trend states the strictest of them.
  const kOf = (round: (typeof closed)[number]) => roundThreshold(round, network);
  const k = Math.max(network.anonymityThreshold, ...closed.map(kOf));
  const limits = bandLimits(network);
  const tallies = await readTallies(db, closed.map((r) => r.id));
  const totals = (round: (typeof closed)[number]) => roundTotals(tallies, round);
  const label = (round: (typeof closed)[number]) => catalogue.find(questionnaireKey, round.questionnaireVersion)!.label;
  const trendRounds = closed.map((round) => ({
    id: round.id,
    title: round.title,
    closesAt: closedOn(round),
    version: round.questionnaireVersion,
    versionLabel: label(round),
    responses: totals(round).responses,
    shown: withheldReason(round, totals(round).responses, kOf(round)) === null,
    resultsErasedAt: round.resultsErasedAt,
  }));
  const measures = new Set<string>();
  for (const round of closed) for (const m of scoredMeasures(catalogue.find(questionnaireKey, round.questionnaireVersion)!)) measures.add(m);
  // Each round shows what its own page shows, withheld figures included.
  const shown = closed.map((round, i) => {
    if (!trendRounds[i]!.shown) return new Map<string, Figures | null>();
    const version = catalogue.find(questionnaireKey, round.questionnaireVersion)!;
    const group = totals(round);
    return new Map(measureResults(version, group, limits, withheldFigures(version, [group], kOf(round))[0]!).map((m) => [m.measure, m.figures]));
  });
  const series = [...measures].map((measure) => {
    const meta = findMeasure(measure)!;
    const points = closed.map((round, i) => ({ roundId: round.id, figures: shown[i]!.get(measure) ?? null }));
    return { measure, kind: meta.kind, name: meta.name, points };
  });
  const versionChanges = closed.slice(1).flatMap((round, i) =>
    round.questionnaireVersion !== closed[i]!.questionnaireVersion
      ? [{ roundId: round.id, from: label(closed[i]!), to: label(round), moved: movedItems(catalogue.find(questionnaireKey, closed[i]!.questionnaireVersion)!, catalogue.find(questionnaireKey, round.questionnaireVersion)!) }]
      : [],
  );
  return { questionnaireKey, threshold: k, rounds: trendRounds, versionChanges, series };
}
