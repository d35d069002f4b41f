import { describe, expect, it } from 'vitest';
import { bandOf, compareMeans, momentsOfCounts, summarise, type Moments } from '../../src/results/statistics.js';
import { studentTCdf, studentTQuantile } from '../../src/results/student-t.js';

const moments = (values: number[]): Moments => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquares: values.reduce((a, b) => a + b * b, 0) });

describe("Student's t", () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [1000, 1.962],
  ])('has the textbook 97.5 %% quantile for df = %i', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('has the textbook tail probabilities', () => {
    expect(1 - studentTCdf(2, 8)).toBeCloseTo(0.04025, 4);
    expect(studentTCdf(-2.228, 10)).toBeCloseTo(0.025, 4);
    expect(studentTCdf(0, 3.7)).toBeCloseTo(0.5, 12);
  });
});

describe('summaries', () => {
  it('computes n, mean, sample sd and the 95 % t-interval by hand', () => {
    // 1..5: mean 3, variance 2.5, sd 1.5811; half-width 2.776 × 1.5811 / √5 = 1.9632
    const summary = summarise(moments([1, 2, 3, 4, 5]));
    expect(summary.n).toBe(5);
    expect(summary.mean).toBe(3);
    expect(summary.sd).toBeCloseTo(1.58114, 5);
    expect(summary.ci95!.low).toBeCloseTo(3 - 1.96324, 4);
    expect(summary.ci95!.high).toBeCloseTo(3 + 1.96324, 4);
  });

  it('reads the same from tallied counts', () => {
    const counts = new Map([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]]);
    expect(momentsOfCounts(counts)).toEqual(moments([1, 2, 3, 4, 5]));
  });

  it('gives no interval for fewer than two answers and a zero-width one for identical answers', () => {
    expect(summarise(moments([]))).toEqual({ n: 0, mean: null, sd: null, ci95: null });
    expect(summarise(moments([4]))).toEqual({ n: 1, mean: 4, sd: null, ci95: null });
    expect(summarise(moments([4, 4, 4]))).toMatchObject({ sd: 0, ci95: { low: 4, high: 4 } });
  });
});

describe("Welch's comparison", () => {
  it('matches the hand computation: 1..5 against 3..7', () => {
    // difference 2, se = √(2.5/5 + 2.5/5) = 1, df = 8, t = 2, p = 0.0805, CI 2 ± 2.306
    const comparison = compareMeans(moments([1, 2, 3, 4, 5]), moments([3, 4, 5, 6, 7]))!;
    expect(comparison.difference).toBe(2);
    expect(comparison.df).toBeCloseTo(8, 10);
    expect(comparison.p).toBeCloseTo(0.0805, 4);
    expect(comparison.ci95.low).toBeCloseTo(2 - 2.306, 3);
    expect(comparison.verdict).toBe('no_change');
  });

  it('matches a textbook example with unequal variances and sizes', () => {
    // A: n 10, mean 20, sd 2; B: n 20, mean 22, sd 5 → se √1.65 = 1.2845, df = 1.65² / (0.4²/9 + 1.25²/19) = 27.221,
    // t = 1.5570, two-sided p = 0.13102 (numerical integration of the t density)
    const fromSummary = (n: number, mean: number, sd: number): Moments => ({ n, sum: n * mean, sumSquares: (n - 1) * sd * sd + n * mean * mean });
    const comparison = compareMeans(fromSummary(10, 20, 2), fromSummary(20, 22, 5))!;
    expect(comparison.df).toBeCloseTo(27.221, 3);
    expect(comparison.p).toBeCloseTo(0.13102, 4);
    expect(comparison.ci95.high - comparison.difference).toBeCloseTo(studentTQuantile(0.975, 27.221) * Math.sqrt(1.65), 4);
  });

  it('calls a change only when the interval excludes zero', () => {
    const low = moments([2, 2, 3, 2, 3, 2, 2, 3, 2, 2]);
    const high = moments([4, 4, 5, 4, 4, 5, 4, 4, 5, 4]);
    expect(compareMeans(low, high)!.verdict).toBe('improved');
    expect(compareMeans(high, low)!.verdict).toBe('declined');
    expect(compareMeans(moments([3, 4, 3, 4]), moments([3, 4, 4, 3]))!.verdict).toBe('no_change');
    expect(compareMeans(moments([3]), moments([4, 5]))).toBeNull();
  });
});

describe('bands', () => {
  it('places means on the configured limits', () => {
    const limits = { strength: 4, concern: 3 };
    expect(bandOf(4, limits)).toBe('strength');
    expect(bandOf(3.99, limits)).toBe('borderline');
    expect(bandOf(3, limits)).toBe('borderline');
    expect(bandOf(2.99, limits)).toBe('concern');
  });
});
