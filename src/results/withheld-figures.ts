import type { QuestionnaireVersion } from '../catalogue/types.js';
import { CANNOT_SAY } from '../db/schema/responses.js';
import { scoredItems, scoredMeasures } from '../responses/tally-keys.js';
import { complementaryWithheld, type Partition } from './suppression.js';
import type { GroupTallies } from './tallies-read.js';

// A figure of one group: a measure's (rule or area) or an item's; item and measure keys never meet.
const cell = (group: number, key: string) => `${group}\u0000${key}`;

const numericAnswers = (counts: ReadonlyMap<number, number> | undefined) =>
  [...(counts ?? [])].reduce((n, [value, count]) => (value === CANNOT_SAY ? n : n + count), 0);

/**
 * Within one group, a measure's distribution and cannot-say count are the sums
 * of its items'. Its mean is not (it is the mean of each respondent's mean), so
 * it cannot be subtracted; what it tells about withheld items it tells about
 * them together, and this partition keeps that part at k respondents or more.
 */
function itemsOfMeasures(version: QuestionnaireVersion, group: number): Partition[] {
  const items = scoredItems(version);
  return scoredMeasures(version).map((measure) => ({
    total: cell(group, measure),
    members: items.filter((item) => item.measure === measure).map((item) => cell(group, item.itemKey)),
    overlapping: true,
  }));
}

/** Across the groups of a segment every figure adds up: n, Σx, Σx², distribution, cannot-say. */
function acrossGroups(version: QuestionnaireVersion, groups: number): Partition[] {
  const keys = [...scoredMeasures(version), ...scoredItems(version).map((item) => item.itemKey)];
  const members = (key: string) => Array.from({ length: groups - 1 }, (_, g) => cell(g + 1, key));
  return keys.map((key) => ({ total: cell(0, key), members: members(key), overlapping: false }));
}

/**
 * The measure and item keys whose figures each group must not show. groups[0]
 * is the round's totals; any further groups are one segment's, partitioning
 * the totals exactly. The totals are settled on their own first, so they are
 * the same as on the round's own page; the segment's partitions then never
 * need to withhold a total (its groups, all withheld, would hold all of its
 * answers), only group figures.
 */
export function withheldFigures(version: QuestionnaireVersion, groups: GroupTallies[], k: number): Array<Set<string>> {
  const sizes = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const measure of scoredMeasures(version)) sizes.set(cell(g, measure), group.measures.get(measure)?.n ?? 0);
    for (const item of scoredItems(version)) sizes.set(cell(g, item.itemKey), numericAnswers(group.items.get(item.itemKey)));
  });
  const totals = complementaryWithheld(sizes, itemsOfMeasures(version, 0), k);
  const segment = [...groups.keys()].slice(1).flatMap((g) => itemsOfMeasures(version, g));
  const withheld = groups.length > 1 ? complementaryWithheld(sizes, [...segment, ...acrossGroups(version, groups.length)], k, totals) : totals;
  const keys = [...scoredMeasures(version), ...scoredItems(version).map((item) => item.itemKey)];
  return groups.map((_, g) => new Set(keys.filter((key) => withheld.has(cell(g, key)))));
}
