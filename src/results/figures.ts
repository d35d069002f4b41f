import type { BandBasis } from '../db/schema/networks.js';
import { CANNOT_SAY } from '../db/schema/responses.js';
import { favourableShare, type FavourableShare } from './favourable.js';
import { bandOf, momentsOfCounts, summarise, type Band, type Moments, type Summary } from './statistics.js';

export type Distribution = Array<{ value: number; count: number; share: number }>;

export type Figures = Summary & {
  cannotSay: number;
  /** Answers per scale value (cannot-say excluded), with their share of the scale answers. */
  distribution: Distribution;
  /** The share of the two highest scale points, with its Wilson interval; null without scale answers. */
  favourable: FavourableShare | null;
  band: Band | null;
};

/**
 * The network's bands: on the mean (`strength`, `concern` on the scale) or,
 * with basis 'favourable', on the favourable share (`favourable`, as shares 0–1).
 */
export type BandLimits = { basis: BandBasis; strength: number; concern: number; favourable: { strength: number; concern: number } };

function distributionOf(counts: ReadonlyMap<number, number>, scale: number[]): Distribution {
  const total = scale.reduce((n, value) => n + (counts.get(value) ?? 0), 0);
  return scale.map((value) => {
    const count = counts.get(value) ?? 0;
    return { value, count, share: total === 0 ? 0 : count / total };
  });
}

/** Figures for a group of answers; withheldFigures decides whether they may be shown. */
export function figures(moments: Moments, counts: ReadonlyMap<number, number>, scale: number[], limits: BandLimits): Figures {
  const summary = summarise(moments);
  const favourable = favourableShare(counts, scale, summary.n);
  const banded = limits.basis === 'favourable' ? (favourable && { value: favourable.share, limits: limits.favourable }) : summary.mean !== null && { value: summary.mean, limits };
  return {
    ...summary,
    cannotSay: counts.get(CANNOT_SAY) ?? 0,
    distribution: distributionOf(counts, scale),
    favourable,
    band: banded ? bandOf(banded.value, banded.limits) : null,
  };
}

/** An item's own counts give its moments. */
export function itemFigures(counts: ReadonlyMap<number, number>, scale: number[], limits: BandLimits): Figures {
  return figures(scaleMoments(counts), counts, scale, limits);
}

/** The moments of an item's scale answers, "cannot say" left out. */
export const scaleMoments = (counts: ReadonlyMap<number, number>): Moments => momentsOfCounts(new Map([...counts].filter(([value]) => value !== CANNOT_SAY)));

/** Adds the counts of several items, for a rule's distribution. */
export function pooledCounts(itemCounts: Array<ReadonlyMap<number, number> | undefined>): Map<number, number> {
  const pooled = new Map<number, number>();
  for (const counts of itemCounts) for (const [value, count] of counts ?? []) pooled.set(value, (pooled.get(value) ?? 0) + count);
  return pooled;
}
