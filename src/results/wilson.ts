import type { Interval } from './statistics.js';

/** The standard normal quantile at 0.975: the z of every 95 % interval here. */
export const Z_95 = 1.959963984540054;

/**
 * The 95 % Wilson score interval of a proportion: `successes` out of `trials`.
 * Unlike p ± z·√(p(1−p)/n) it stays within 0–1 and does not collapse to a
 * point at 0 % or 100 %, which small samples reach often. `successes` may be
 * fractional, for a share carried over to fewer, effective trials.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (trials <= 0 || successes < 0 || successes > trials) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 % or 100 % the bound is exactly 0 or 1; rounding would leave it a hair off.
  return { low: successes === 0 ? 0 : centre - half, high: successes === trials ? 1 : centre + half };
}
