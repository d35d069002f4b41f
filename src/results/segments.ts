import type { Catalogue, QuestionnaireVersion } from '../catalogue/types.js';
import { SEGMENT_VALUES } from '../catalogue/segment-values.js';
import type { Db } from '../db/client.js';
import { bandLimits, measureResults, roundHeader, withheldReason, type MeasureResult, type Network, type Round, type Withheld } from './round-results.js';
import { emptyGroup, groupId, readTallies, roundTotals, subtractGroups, type GroupTallies } from './tallies-read.js';
import { withheldFigures } from './withheld-figures.js';
import { roundThreshold } from '../rounds/threshold.js';

/** The merged remainder; not a questionnaire value ("other" is one, as an organisation type or a role). */
export const OTHER = '*rest';

export type SegmentGroupResult = { value: string; responses: number; measures: MeasureResult[] };
export type SegmentResults = {
  round: ReturnType<typeof roundHeader>;
  segmentKey: string;
  threshold: number;
  withheld: Withheld | 'not_collected' | 'too_few_groups';
  groups: SegmentGroupResult[];
};

/** The background questions a version asks, in the product's order. */
export const askedSegments = (version: QuestionnaireVersion): string[] =>
  Object.keys(SEGMENT_VALUES).filter((key) => version.items.some((item) => item.kind === 'segment' && item.segment === key));

/**
 * Which segment values can be shown on their own. Values with fewer than k
 * responses go to "other" (with those who did not say); if "other" then holds
 * between 1 and k − 1 responses, subtracting the shown groups from the totals
 * would reveal it, so the smallest shown group joins it, and so on. Fewer than
 * two groups left means no breakdown at all.
 */
export function disclosableGroups(sizes: Map<string, number>, total: number, k: number): { shown: string[]; other: number } | null {
  const shown = [...sizes].filter(([, n]) => n >= k).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  let other = total - shown.reduce((n, [, size]) => n + size, 0);
  while (other > 0 && other < k && shown.length > 0) other += shown.pop()![1];
  const groupCount = shown.length + (other > 0 ? 1 : 0);
  return groupCount >= 2 ? { shown: shown.map(([value]) => value), other } : null;
}

export async function segmentResults(db: Db, catalogue: Catalogue, network: Network, round: Round, segmentKey: string): Promise<SegmentResults> {
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const k = roundThreshold(round, network);
  const base = { round: roundHeader(round), segmentKey, threshold: k, groups: [] };
  const segmentItem = version.items.find((item) => item.kind === 'segment' && item.segment === segmentKey);
  if (!round.collectSegments || !segmentItem) return { ...base, withheld: 'not_collected' };

  const groups = (await readTallies(db, [round.id], segmentKey)).get(round.id)!;
  const totals = roundTotals(new Map([[round.id, groups]]), round);
  const withheld = withheldReason(round, totals.responses, k);
  if (withheld) return { ...base, withheld };

  const byValue = new Map<string, GroupTallies>((segmentItem.segmentValues ?? []).map((value) => [value, groups.get(groupId(segmentKey, value)) ?? emptyGroup()]));
  const sizes = new Map([...byValue].map(([value, group]) => [value, group.responses]));
  const disclosable = disclosableGroups(sizes, totals.responses, k);
  if (!disclosable) return { ...base, withheld: 'too_few_groups' };

  const shown = disclosable.shown.map((value) => ({ value, tallies: byValue.get(value)! }));
  if (disclosable.other > 0) shown.push({ value: OTHER, tallies: subtractGroups(totals, shown.map((s) => s.tallies)) });
  // The groups partition the totals, so a figure is withheld across them all, not group by group.
  const withheldByGroup = withheldFigures(version, [totals, ...shown.map((s) => s.tallies)], k);
  const limits = bandLimits(network);
  const result: SegmentGroupResult[] = shown.map(({ value, tallies }, i) => ({ value, responses: tallies.responses, measures: measureResults(version, tallies, limits, withheldByGroup[i + 1]!) }));
  return { ...base, withheld: null, groups: result };
}
