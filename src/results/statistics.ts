import { adjustedPValues } from './false-discovery.js';
import { studentTCdf, studentTQuantile } from './student-t.js';

export type Interval = { low: number; high: number };

/** A sample described by what the tallies keep: n, Σx and Σx². */
export type Moments = { n: number; sum: number; sumSquares: number };

export type Summary = {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null below two answers. */
  sd: number | null;
  /** 95 % t-interval of the mean: right for small n, where z = 1.96 is too narrow. */
  ci95: Interval | null;
};

export function momentsOfCounts(counts: ReadonlyMap<number, number>): Moments {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const [value, count] of counts) {
    n += count;
    sum += value * count;
    sumSquares += value * value * count;
  }
  return { n, sum, sumSquares };
}

function variance({ n, sum, sumSquares }: Moments): number {
  // Clamp tiny negative values that floating point leaves when all answers are equal.
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

export function summarise(moments: Moments): Summary {
  const { n, sum } = moments;
  if (n === 0) return { n, mean: null, sd: null, ci95: null };
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null, ci95: null };
  const sd = Math.sqrt(variance(moments));
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci95: { low: mean - half, high: mean + half } };
}

export type Verdict = 'improved' | 'declined' | 'no_change';

export type Comparison = {
  difference: number;
  ci95: Interval;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  p: number;
  /** The p-value adjusted for the other comparisons shown with it (Benjamini–Hochberg); p when compared alone. */
  q: number;
  verdict: Verdict;
};

/**
 * Welch's t-test for the change from `before` to `after`: it does not assume
 * equal variances, and its t-interval is honest at small n. The verdict is a
 * change only when the 95 % interval of the difference excludes zero.
 */
export function compareMeans(before: Moments, after: Moments): Comparison | null {
  if (before.n < 2 || after.n < 2) return null;
  const v1 = variance(before) / before.n;
  const v2 = variance(after) / after.n;
  const difference = after.sum / after.n - before.sum / before.n;
  const se = Math.sqrt(v1 + v2);
  if (se === 0) {
    const verdict: Verdict = difference > 0 ? 'improved' : difference < 0 ? 'declined' : 'no_change';
    const p = difference === 0 ? 1 : 0;
    return { difference, ci95: { low: difference, high: difference }, df: before.n + after.n - 2, p, q: p, verdict };
  }
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (before.n - 1) + v2 ** 2 / (after.n - 1));
  const half = studentTQuantile(0.975, df) * se;
  const ci95 = { low: difference - half, high: difference + half };
  const p = 2 * (1 - studentTCdf(Math.abs(difference / se), df));
  const verdict: Verdict = ci95.low > 0 ? 'improved' : ci95.high < 0 ? 'declined' : 'no_change';
  return { difference, ci95, df, p, q: p, verdict };
}

/**
 * Comparisons shown together, judged together: each gets its q-value, and a
 * change is called only where the q-value is within the false discovery rate.
 */
export function judgeTogether(comparisons: ReadonlyArray<Comparison | null>, rate: number): Array<Comparison | null> {
  const tested = comparisons.filter((c): c is Comparison => c !== null);
  const q = adjustedPValues(tested.map((c) => c.p));
  const judged = new Map(tested.map((c, i) => [c, { ...c, q: q[i]!, verdict: q[i]! <= rate ? directionOf(c.difference) : ('no_change' as Verdict) }]));
  return comparisons.map((c) => (c ? judged.get(c)! : null));
}

function directionOf(difference: number): Verdict {
  return difference > 0 ? 'improved' : difference < 0 ? 'declined' : 'no_change';
}

export type Band = 'strength' | 'borderline' | 'concern';

/** Places a mean or a favourable share on the network's bands (e.g. strength ≥ 4.0, concern < 3.0). */
export function bandOf(value: number, limits: { strength: number; concern: number }): Band {
  return value >= limits.strength ? 'strength' : value < limits.concern ? 'concern' : 'borderline';
}
