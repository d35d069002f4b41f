import { CANNOT_SAY } from '../db/schema/responses.js';
import type { Interval } from './statistics.js';
import { wilsonInterval } from './wilson.js';

/** The favourable answers of a group: their share of the scale answers, with its 95 % Wilson interval. */
export type FavourableShare = { share: number; ci95: Interval };

/** The two highest points of the scale (4 and 5 on 1–5) are the favourable answers. */
export const favourableValues = (scale: number[]): number[] => [...scale].sort((a, b) => b - a).slice(0, 2);

/**
 * The share of favourable answers among the scale answers ("cannot say" left
 * out, as the mean leaves it out). The interval is taken over `people`, the
 * respondents behind the figure: for an item that is its answers, but a rule
 * pools several answers of each person, and those go together, so counting
 * answers would make the interval look narrower than the evidence is.
 */
export function favourableShare(counts: ReadonlyMap<number, number>, scale: number[], people: number): FavourableShare | null {
  const favourable = new Set(favourableValues(scale));
  let answers = 0;
  let hits = 0;
  for (const [value, count] of counts) {
    if (value === CANNOT_SAY || !scale.includes(value)) continue;
    answers += count;
    if (favourable.has(value)) hits += count;
  }
  if (answers === 0 || people <= 0) return null;
  const share = hits / answers;
  return { share, ci95: wilsonInterval(share * people, people)! };
}
