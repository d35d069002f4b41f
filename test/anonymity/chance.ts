/*
 * What chance allows an attacker who learns nothing. Each bound is one that
 * a guess without information exceeds with probability about 1e-5 or less.
 */

/**
 * Correct guesses when each response is paired with a member: a random
 * pairing of n responses to n members gets k right like a Poisson(1) count
 * (the fixed points of a random permutation), and P(k >= 8) ≈ 1.0e-5.
 */
export const MAX_CORRECT_BY_CHANCE = 7;

/** A link that names one single candidate is never chance: none is allowed. */
export const MAX_UNIQUE_LINKS = 0;

/** |Kendall's tau| of a random permutation of n exceeds this with probability < 1e-5 (normal tail at 4.42 sd; the true tail is lighter). */
export function tauBound(n: number): number {
  return 4.42 * Math.sqrt((2 * (2 * n + 5)) / (9 * n * (n - 1)));
}

/** Kendall's tau-a between two rankings of the same items (no ties). */
export function kendallTau(a: number[], b: number[]): number {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const s = Math.sign(a[i]! - a[j]!) * Math.sign(b[i]! - b[j]!);
      if (s > 0) concordant++;
      else if (s < 0) discordant++;
    }
  }
  const pairs = (a.length * (a.length - 1)) / 2;
  return pairs === 0 ? 0 : (concordant - discordant) / pairs;
}

/** Ranks 0..n-1 of the values, in ascending order. */
export function ranks(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value);
  const out = new Array<number>(values.length);
  order.forEach(({ index }, rank) => (out[index] = rank));
  return out;
}
