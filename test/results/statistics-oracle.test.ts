import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { compareMeans, summarise, type Moments } from '../../src/results/statistics.js';
import { studentTCdf, studentTQuantile } from '../../src/results/student-t.js';
import { wilsonInterval, Z_95 } from '../../src/results/wilson.js';

/*
 * The hand-written distributions against @stdlib's, across the degrees of
 * freedom and probabilities this product meets and well beyond (fractional
 * Welch df, tails of one in ten billion), to twelve significant digits.
 */

const DIGITS = 1e-12;
const expectRelative = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE), what).toBeLessThan(DIGITS);

const DFS = [0.5, 1, 1.3, 2, 2.5, 3, 4, 5, 6.7, 9, 12.25, 19, 29.9, 48, 75.5, 120, 399, 1000, 10_000];
const PROBABILITIES = [1e-10, 1e-6, 0.0005, 0.005, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.975, 0.995, 0.9995, 1 - 1e-6];
const TS = [-60, -12, -4, -2.5, -1.96, -1, -0.25, 0, 0.1, 0.7, 1.5, 2.2, 3.3, 6, 25];

describe("Student's t against the library", () => {
  it.each(DFS)('has the quantiles for df = %d', (df) => {
    for (const p of PROBABILITIES) expectRelative(studentTQuantile(p, df), tQuantile(p, df), `p = ${p}`);
  });

  it.each(DFS)('has the distribution function, tails included, for df = %d', (df) => {
    for (const t of TS) {
      // The smaller tail, so that a value near 1 is not judged by its leading digits only.
      const [ours, theirs] = t > 0 ? [1 - studentTCdf(t, df), 1 - tCdf(t, df)] : [studentTCdf(t, df), tCdf(t, df)];
      expectRelative(ours, theirs, `t = ${t}`);
    }
  });
});

/** A reproducible sample of answers on 1–5 (a linear congruential generator, so no test depends on chance). */
function sample(seed: number, n: number, skew: number): number[] {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => Math.min(5, 1 + Math.floor(next() ** skew * 5)));
}

const momentsOf = (values: number[]): Moments => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((a, b) => a + b * b, 0) });

/** Mean and sample variance the two-pass way, from the raw values rather than from the tallied sums. */
function describeSample(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
  return { n: values.length, mean, variance };
}

const PAIRS: Array<[number, number, number, number]> = [
  // seed, n before, n after, skew of the later sample
  [1, 5, 5, 1],
  [2, 7, 12, 0.6],
  [3, 12, 6, 1.7],
  [4, 24, 31, 0.8],
  [5, 40, 9, 1.3],
  [6, 150, 180, 0.9],
];

describe("Welch's test against the library", () => {
  it.each(PAIRS)('has the degrees of freedom, interval and p-value for sample pair %i', (seed, n1, n2, skew) => {
    const [before, after] = [sample(seed, n1, 1), sample(seed + 100, n2, skew)];
    const [b, a] = [describeSample(before), describeSample(after)];
    const [v1, v2] = [b.variance / b.n, a.variance / a.n];
    const df = (v1 + v2) ** 2 / (v1 ** 2 / (b.n - 1) + v2 ** 2 / (a.n - 1));
    const se = Math.sqrt(v1 + v2);
    const difference = a.mean - b.mean;
    const half = tQuantile(0.975, df) * se;

    const ours = compareMeans(momentsOf(before), momentsOf(after))!;
    expectRelative(ours.df, df, 'df');
    expectRelative(ours.difference, difference, 'difference');
    // Bounds near zero are judged by the half-width, which carries all of their digits.
    expectRelative(ours.ci95.high - ours.ci95.low, 2 * half, 'interval width');
    expect(ours.ci95.low).toBeCloseTo(difference - half, 10);
    expectRelative(ours.p, 2 * tCdf(-Math.abs(difference) / se, df), 'p');
  });

  it.each(PAIRS)("has the one-sample t-interval of sample %i's mean", (seed, n) => {
    const values = sample(seed, n, 1);
    const { mean, variance } = describeSample(values);
    const half = tQuantile(0.975, n - 1) * Math.sqrt(variance / n);
    const ours = summarise(momentsOf(values));
    expectRelative(ours.ci95!.low, mean - half, 'low');
    expectRelative(ours.ci95!.high, mean + half, 'high');
  });
});

describe('the Wilson interval against the normal distribution', () => {
  it('uses the 97.5 % normal quantile', () => {
    expectRelative(Z_95, normalQuantile(0.975, 0, 1), 'z');
  });

  it('inverts the score test: at each bound the observed share is exactly z standard errors away', () => {
    const z = normalQuantile(0.975, 0, 1);
    for (const n of [3, 5, 8, 13, 24, 40, 101, 400]) {
      for (let x = 0; x <= n; x++) {
        const share = x / n;
        const { low, high } = wilsonInterval(x, n)!;
        // The score statistic (p̂ − p) / √(p(1 − p)/n) at a bound; a bound at 0 or 1 is the edge itself.
        const score = (p: number) => (share - p) / Math.sqrt((p * (1 - p)) / n);
        if (x > 0) expect(score(low), `${x}/${n} low`).toBeCloseTo(z, 9);
        else expect(low).toBe(0);
        if (x < n) expect(score(high), `${x}/${n} high`).toBeCloseTo(-z, 9);
        else expect(high).toBe(1);
      }
    }
  });
});
