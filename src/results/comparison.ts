import type { Catalogue } from '../catalogue/types.js';
import type { Localized } from '../catalogue/measures.js';
import { findMeasure } from '../catalogue/measures.js';
import type { Db } from '../db/client.js';
import { CANNOT_SAY } from '../db/schema/responses.js';
import { scoredItems, scoredMeasures } from '../responses/tally-keys.js';
import { compareMeans, momentsOfCounts, type Comparison, type Moments } from './statistics.js';
import { bandLimits, roundHeader, withheldReason, type Network, type Round, type Withheld } from './round-results.js';
import { figures, itemFigures, pooledCounts, type Figures } from './figures.js';
import { emptyGroup, groupId, readTallies, type GroupTallies } from './tallies-read.js';

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
};

export const COMPARISON_METHOD = "Welch's t-test; the change is called only when its 95 % confidence interval excludes zero";

const scaleOnly = (counts: ReadonlyMap<number, number>): Moments => momentsOfCounts(new Map([...counts].filter(([v]) => v !== CANNOT_SAY)));

/** Two rounds side by side by rule, area and shared item; rounds on different versions meet on what they share. */
export async function compareRounds(db: Db, catalogue: Catalogue, network: Network, before: Round, after: Round): Promise<RoundComparison> {
  const k = network.anonymityThreshold;
  const limits = bandLimits(network);
  const tallies = await readTallies(db, [before.id, after.id]);
  const totals = (round: Round): GroupTallies => tallies.get(round.id)!.get(groupId('', '')) ?? emptyGroup();
  const sides = [before, after].map((round) => {
    const group = totals(round);
    const withheld = withheldReason(round, group.responses, k);
    return { round, group, withheld, version: catalogue.find(round.questionnaireKey, round.questionnaireVersion)! };
  }) as [Side, Side];
  type Side = { round: Round; group: GroupTallies; withheld: Withheld; version: NonNullable<ReturnType<Catalogue['find']>> };
  const header = (side: Side) => ({ ...roundHeader(side.round), responses: side.group.responses, withheld: side.withheld });
  const result: RoundComparison = { before: header(sides[0]), after: header(sides[1]), threshold: k, method: COMPARISON_METHOD, measures: [], items: [], onlyBefore: [], onlyAfter: [] };
  if (sides.some((side) => side.withheld)) return result;

  const [b, a] = sides;
  const scale = a.version.scale?.choices.map((c) => c.value) ?? [];
  const itemsOf = (side: Side) => new Map(scoredItems(side.version).map((item) => [item.itemKey, item]));
  const beforeItems = itemsOf(b);
  const afterItems = itemsOf(a);
  const side = (s: Side, measure: string, items: Map<string, { measure: string }>) => {
    const moments = s.group.measures.get(measure);
    const counts = pooledCounts([...items].filter(([, item]) => item.measure === measure).map(([key]) => s.group.items.get(key)));
    return moments ? { moments, figures: figures(moments, counts, scale, k, limits) } : null;
  };
  const shared = scoredMeasures(a.version).filter((m) => scoredMeasures(b.version).includes(m));
  result.measures = shared.map((measure) => {
    const [x, y] = [side(b, measure, beforeItems), side(a, measure, afterItems)];
    const change = x?.figures && y?.figures ? compareMeans(x.moments, y.moments) : null;
    return { key: measure, name: findMeasure(measure)!.name, before: x?.figures ?? null, after: y?.figures ?? null, change };
  });
  result.items = [...afterItems].filter(([key]) => beforeItems.has(key)).map(([key, item]) => {
    const [x, y] = [b.group.items.get(key) ?? new Map<number, number>(), a.group.items.get(key) ?? new Map<number, number>()];
    const [fx, fy] = [itemFigures(x, scale, k, limits), itemFigures(y, scale, k, limits)];
    return { key, name: item.title, before: fx, after: fy, change: fx && fy ? compareMeans(scaleOnly(x), scaleOnly(y)) : null };
  });
  result.onlyBefore = [...beforeItems].filter(([key]) => !afterItems.has(key)).map(([itemKey, item]) => ({ itemKey, title: item.title }));
  result.onlyAfter = [...afterItems].filter(([key]) => !beforeItems.has(key)).map(([itemKey, item]) => ({ itemKey, title: item.title }));
  return result;
}
