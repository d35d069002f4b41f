/**
 * A shown figure that is the sum of other figures. The members of a segment's
 * groups are disjoint (each respondent is in one group); the items of a rule
 * overlap (one respondent answers several items), so their answers do not add
 * up to people.
 */
export type Partition = { total: string; members: string[]; overlapping: boolean };

/**
 * The fewest respondents the withheld members can hold together. Disjoint
 * members add up. Overlapping ones hold at least as many as the largest of
 * them, and at least those of the total that no shown member can account for.
 */
function withheldRespondents(p: Partition, sizes: ReadonlyMap<string, number>, withheld: ReadonlySet<string>): number {
  const size = (key: string) => sizes.get(key) ?? 0;
  const hidden = p.members.filter((key) => withheld.has(key)).map(size);
  if (!p.overlapping) return hidden.reduce((a, b) => a + b, 0);
  const shown = p.members.filter((key) => !withheld.has(key)).reduce((n, key) => n + size(key), 0);
  return Math.max(0, ...hidden, size(p.total) - shown);
}

/**
 * What a partition needs withheld next, or null when subtraction gives nothing
 * away. A withheld total whose members are all shown is their sum. A shown
 * total gives away its withheld members together; that is safe only when they
 * hold no answer at all, or at least k respondents and more than one member (a
 * single one would be exact, and it may be protecting a figure elsewhere).
 */
function nextToWithhold(p: Partition, sizes: ReadonlyMap<string, number>, withheld: ReadonlySet<string>, k: number): string | null {
  const shown = p.members.filter((key) => !withheld.has(key));
  const hidden = p.members.length - shown.length;
  if (withheld.has(p.total)) return hidden === 0 && shown.length > 0 ? smallest(shown, sizes) : null;
  if (hidden === 0) return null;
  const respondents = withheldRespondents(p, sizes, withheld);
  if (respondents === 0 || (hidden >= 2 && respondents >= k)) return null;
  return shown.length > 0 ? smallest(shown, sizes) : p.total;
}

// Ties go to the first in the partition's order, so the same tallies always withhold the same figures.
const smallest = (keys: string[], sizes: ReadonlyMap<string, number>) =>
  keys.reduce((a, b) => ((sizes.get(b) ?? 0) < (sizes.get(a) ?? 0) ? b : a));

/**
 * Complementary suppression: every figure with fewer than k answers is
 * withheld, and then, partition by partition, more figures until no withheld
 * one can be computed by subtracting shown ones. `sizes` gives the answers
 * behind each figure; `withheld` adds figures already withheld elsewhere.
 * Withholding only grows, so the loop ends.
 */
export function complementaryWithheld(sizes: ReadonlyMap<string, number>, partitions: Partition[], k: number, withheld: Iterable<string> = []): Set<string> {
  const result = new Set([...withheld, ...[...sizes].filter(([, n]) => n < k).map(([key]) => key)]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of partitions) {
      const next = nextToWithhold(p, sizes, result, k);
      if (next !== null) {
        result.add(next);
        changed = true;
      }
    }
  }
  return result;
}
