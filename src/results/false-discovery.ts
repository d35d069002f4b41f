/** The false discovery rate the comparisons keep: of the changes marked, about one in twenty could be noise. */
export const FALSE_DISCOVERY_RATE = 0.05;

/**
 * Benjamini–Hochberg adjusted p-values (q-values) for p-values tested
 * together: a change is marked when its q-value is at most the rate. Among
 * 10 rules, 6 areas and 40 items compared at once, a plain 95 % level would
 * mark about two changes of pure noise per comparison; this keeps the share
 * of noise among the marked ones at the rate instead.
 */
export function adjustedPValues(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  const adjusted = new Array<number>(m);
  let smallest = 1;
  order.forEach(({ p, i }, index) => {
    const rank = m - index;
    smallest = Math.min(smallest, (p * m) / rank);
    adjusted[i] = smallest;
  });
  return adjusted;
}
