import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import type { Figures } from './figures.js';
import { roundResults, type Network, type Round, type RoundResults } from './round-results.js';
import { askedSegments, segmentResults, type SegmentResults } from './segments.js';

/** What colours a cell: the mean on the network's bands, or the favourable share in steps of 20 %. */
export const HEAT_BASES = ['mean', 'share'] as const;
export type HeatBasis = (typeof HEAT_BASES)[number];

/** Five steps from concern (0) to strength (4); the mean's three bands take 0, 2 and 4. */
export type HeatStep = 0 | 1 | 2 | 3 | 4;

const BAND_STEPS = { concern: 0, borderline: 2, strength: 4 } as const;

/**
 * The step of a shown figure. The share is stepped as it is printed (a whole
 * per cent), so that a cell never reads 80 % in the colour of 60–79 %.
 */
export function heatStep(figures: Figures, basis: HeatBasis): HeatStep | null {
  if (basis === 'mean') return figures.band ? BAND_STEPS[figures.band] : null;
  if (!figures.favourable) return null;
  return Math.min(4, Math.floor(Math.round(figures.favourable.share * 100) / 20)) as HeatStep;
}

export type RoundHeatmap = { results: RoundResults; segments: SegmentResults[] };

/**
 * Every rule of the round against the totals and every group of every
 * background question. Each question's groups are those its own segment page
 * shows, withheld as it withholds them (segmentResults): no view here gives
 * away more than those pages do one by one.
 */
export async function roundHeatmap(db: Db, catalogue: Catalogue, network: Network, round: Round): Promise<RoundHeatmap> {
  const results = await roundResults(db, catalogue, network, round);
  if (results.withheld || !round.collectSegments) return { results, segments: [] };
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const segments = await Promise.all(askedSegments(version).map((key) => segmentResults(db, catalogue, network, round, key)));
  return { results, segments };
}
