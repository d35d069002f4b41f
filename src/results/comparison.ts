import { movedItems, type MovedItem } from '../catalogue/diff.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Localized } from '../catalogue/measures.js';
import { findMeasure } from '../catalogue/measures.js';
import type { Db } from '../db/client.js';
import { scoredItems, scoredMeasures } from '../responses/tally-keys.js';
import { FALSE_DISCOVERY_RATE } from './false-discovery.js';
import { compareMeans, judgeTogether, type Comparison, type Moments } from './statistics.js';
import { bandLimits, measureResults, roundHeader, withheldReason, type Network, type Round, type Withheld } from './round-results.js';
import { scaleMoments, type Figures } from './figures.js';
import { readTallies, roundTotals, type GroupTallies } from './tallies-read.js';
import { withheldFigures } from './withheld-figures.js';
import { roundThreshold } from '../rounds/threshold.js';

export type ComparedRow = { key: string; name: Localized; before: Figures | null; after: Figures | null; change: Comparison | null };

export type RoundComparison = {
  before: ReturnType<typeof roundHeader> & { responses: number; withheld: Withheld };
  after: ReturnType<typeof roundHeader> & { responses: number; withheld: Withheld };
  threshold: number;
  method: string;
  measures: ComparedRow[];
  items: ComparedRow[];
  /** Items asked in only one of the two versions: listed, not compared. */
  onlyBefore: Array<{ itemKey: string; title: Localized }>;
  onlyAfter: Array<{ itemKey: string; title: Localized }>;
  /** Shared statements counted for another rule or area in the later version: each side's rule figures count them where that version puts them. */
  moved: MovedItem[];
};

export const COMPARISON_METHOD = `Welch's t-test per rule, area and item; the p-values of one comparison are adjusted together (Benjamini–Hochberg) and a change is called where the adjusted value is at most ${FALSE_DISCOVERY_RATE}`;

/** Two rounds side by side by rule, area and shared item; rounds on different versions meet on what they share. */
export async function compareRounds(db: Db, catalogue: Catalogue, network: Network, before: Round, after: Round): Promise<RoundComparison> {
  // Each round keeps the threshold it opened with; side by side, the stricter one holds for both.
  const k = Math.max(roundThreshold(before, network), roundThreshold(after, network));
  const limits = bandLimits(network);
  const tallies = await readTallies(db, [before.id, after.id]);
  const totals = (round: Round): GroupTallies => roundTotals(tallies, round);
  const sides = [before, after].map((round) => {
    const group = totals(round);
    const withheld = withheldReason(round, group.responses, k);
    return { round, group, withheld, version: catalogue.find(round.questionnaireKey, round.questionnaireVersion)! };
  }) as [Side, Side];
  type Side = { round: Round; group: GroupTallies; withheld: Withheld; version: NonNullable<ReturnType<Catalogue['find']>> };
  const header = (side: Side) => ({ ...roundHeader(side.round), responses: side.group.responses, withheld: side.withheld });
  const result: RoundComparison = { before: header(sides[0]), after: header(sides[1]), threshold: k, method: COMPARISON_METHOD, measures: [], items: [], onlyBefore: [], onlyAfter: [], moved: [] };
  if (sides.some((side) => side.withheld)) return result;

  const [b, a] = sides;
  // Each side shows what its own round page shows, withheld figures included.
  const shownOf = (s: Side) => {
    const measures = measureResults(s.version, s.group, limits, withheldFigures(s.version, [s.group], k)[0]!);
    return new Map(measures.flatMap((m) => [[m.measure, m.figures] as const, ...m.items.map((item) => [item.itemKey, item.figures] as const)]));
  };
  const [shownBefore, shownAfter] = [shownOf(b), shownOf(a)];
  const row = (key: string, name: Localized, moments: (s: Side) => Moments): ComparedRow => {
    const [before, after] = [shownBefore.get(key) ?? null, shownAfter.get(key) ?? null];
    return { key, name, before, after, change: before && after ? compareMeans(moments(b), moments(a)) : null };
  };
  const zero: Moments = { n: 0, sum: 0, sumSquares: 0 };
  const beforeItems = new Map(scoredItems(b.version).map((item) => [item.itemKey, item]));
  const afterItems = new Map(scoredItems(a.version).map((item) => [item.itemKey, item]));
  const shared = scoredMeasures(a.version).filter((m) => scoredMeasures(b.version).includes(m));
  result.measures = shared.map((measure) => row(measure, findMeasure(measure)!.name, (s) => s.group.measures.get(measure) ?? zero));
  result.items = [...afterItems]
    .filter(([key]) => beforeItems.has(key))
    .map(([key, item]) => row(key, item.title, (s) => scaleMoments(s.group.items.get(key) ?? new Map<number, number>())));
  // Every figure of the comparison is one family: what is marked keeps the false discovery rate.
  const judged = judgeTogether([...result.measures, ...result.items].map((r) => r.change), FALSE_DISCOVERY_RATE);
  [...result.measures, ...result.items].forEach((r, i) => (r.change = judged[i]!));
  result.onlyBefore = [...beforeItems].filter(([key]) => !afterItems.has(key)).map(([itemKey, item]) => ({ itemKey, title: item.title }));
  result.onlyAfter = [...afterItems].filter(([key]) => !beforeItems.has(key)).map(([itemKey, item]) => ({ itemKey, title: item.title }));
  result.moved = movedItems(b.version, a.version);
  return result;
}
