/*
 * Student's t distribution, for confidence intervals and Welch's test with
 * the small samples this product sees (n of 5–40, where 1.96 would be wrong).
 * The CDF goes through the regularized incomplete beta function, evaluated
 * with Lentz's continued fraction (Numerical Recipes, 6.4).
 */

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function logGamma(x: number): number {
  // Lanczos approximation, g = 7, n = 9.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return LOG_SQRT_2PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log Γ(x) less its Stirling approximation, for x ≥ 10 (the series' error is then below 1e-16). */
function stirlingCorrection(x: number): number {
  const x2 = 1 / (x * x);
  return (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) / x;
}

/**
 * log B(a, b). With a large df, log Γ(a + b) − log Γ(a) − log Γ(b) subtracts
 * numbers of some 10⁴ and loses digits; with a large argument the Stirling
 * terms cancel analytically instead (as R's lbeta does).
 */
function logBeta(a: number, b: number): number {
  const [p, q] = a < b ? [a, b] : [b, a];
  if (q < 10) return logGamma(p) + logGamma(q) - logGamma(p + q);
  const ratio = p / (p + q);
  if (p >= 10) return -0.5 * Math.log(q) + LOG_SQRT_2PI + stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q) + (p - 0.5) * Math.log(ratio) + q * Math.log1p(-ratio);
  return logGamma(p) + stirlingCorrection(q) - stirlingCorrection(p + q) + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-ratio);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b); y = 1 − x, given when the caller knows it to more digits. */
export function incompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // log of the larger of x and y through log1p of the smaller one, which keeps its digits when df is large.
  const [logX, logY] = x > 0.5 ? [Math.log1p(-y), Math.log(y)] : [Math.log(x), Math.log1p(-x)];
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** P(T ≤ −|t|): the lower tail, computed directly so that small tail probabilities keep their digits. */
function lowerTail(t: number, df: number): number {
  // 1 − x as t²/(df + t²), not by subtraction, which loses digits when t² is small beside df.
  const square = t * t;
  return 0.5 * incompleteBeta(df / (df + square), df / 2, 0.5, square / (df + square));
}

/** P(T ≤ t) for Student's t with df degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTCdf(t: number, df: number): number {
  const tail = lowerTail(t, df);
  return t >= 0 ? 1 - tail : tail;
}

/** The t value below which probability p lies. */
export function studentTQuantile(p: number, df: number): number {
  if (p <= 0 || p >= 1) throw new RangeError('p must be between 0 and 1');
  if (p === 0.5) return 0;
  // Symmetry: find the t ≥ 0 whose lower tail −t holds the smaller of p and 1 − p.
  const tail = Math.min(p, 1 - p);
  let low = 0;
  let high = 1;
  while (lowerTail(high, df) > tail) [low, high] = [high, high * 2];
  // Bisection to the last bit a double can tell apart: some sixty tail evaluations.
  for (;;) {
    const mid = (low + high) / 2;
    if (mid === low || mid === high) break;
    if (lowerTail(mid, df) > tail) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return p < 0.5 ? -t : t;
}
