import type { Catalogue, QuestionnaireVersion } from '../catalogue/types.js';
import { findMeasure, type Localized } from '../catalogue/measures.js';
import type { Db } from '../db/client.js';
import { networks, rounds } from '../db/schema/index.js';
import { scoredItems, scoredMeasures } from '../responses/tally-keys.js';
import { choiceResults, type ChoiceResult } from './choice-results.js';
import { figures, itemFigures, pooledCounts, type BandLimits, type Figures } from './figures.js';
import { readTallies, roundTotals, type GroupTallies } from './tallies-read.js';
import { withheldFigures } from './withheld-figures.js';
import { roundThreshold } from '../rounds/threshold.js';
import { closedOn } from '../rounds/closing-instant.js';
import { invitedCount } from '../rounds/invited-count.js';

export type Round = typeof rounds.$inferSelect;
export type Network = typeof networks.$inferSelect;

export type ItemResult = { itemKey: string; title: Localized; figures: Figures | null };
export type MeasureResult = { measure: string; kind: 'rule' | 'area'; name: Localized; figures: Figures | null; items: ItemResult[] };

/** Why a round shows no figures: still open (figures appear at closing), fewer than k responses, or its results erased. */
export type Withheld = 'not_closed' | 'below_threshold' | 'erased' | null;

export type RoundResults = {
  round: ReturnType<typeof roundHeader>;
  threshold: number;
  invited: number;
  responses: number;
  responseRate: number | null;
  withheld: Withheld;
  measures: MeasureResult[];
  /** The multiple-choice and ranking questions. */
  choices: ChoiceResult[];
};

export const bandLimits = (network: Network): BandLimits => ({
  basis: network.bandBasis,
  strength: network.bandStrength,
  concern: network.bandConcern,
  favourable: { strength: network.favourableStrength / 100, concern: network.favourableConcern / 100 },
});

/**
 * The rule of this product against differencing: an open round's figures
 * would change with each new answer, and two views one answer apart isolate
 * that answer. So figures exist only for closed rounds, which never change.
 */
export function withheldReason(round: Round, responses: number, k: number): Withheld {
  if (round.status !== 'closed') return 'not_closed';
  if (round.resultsErasedAt) return 'erased';
  return responses < k ? 'below_threshold' : null;
}

/** A group's figures per measure and item; those in `withheld` (see withheldFigures) are null. */
export function measureResults(version: QuestionnaireVersion, group: GroupTallies, limits: BandLimits, withheld: ReadonlySet<string>): MeasureResult[] {
  const scale = version.scale?.choices.map((c) => c.value) ?? [];
  const items = scoredItems(version);
  return scoredMeasures(version).map((measure) => {
    const own = items.filter((item) => item.measure === measure);
    const meta = findMeasure(measure)!;
    const moments = group.measures.get(measure) ?? { n: 0, sum: 0, sumSquares: 0 };
    const shown = (key: string, make: () => Figures) => (withheld.has(key) ? null : make());
    return {
      measure,
      kind: meta.kind,
      name: meta.name,
      figures: shown(measure, () => figures(moments, pooledCounts(own.map((item) => group.items.get(item.itemKey))), scale, limits)),
      items: own.map((item) => ({ itemKey: item.itemKey, title: item.title, figures: shown(item.itemKey, () => itemFigures(group.items.get(item.itemKey) ?? new Map(), scale, limits)) })),
    };
  });
}


export function roundHeader(round: Round) {
  const { id, title, status, questionnaireKey, questionnaireVersion, resultsErasedAt } = round;
  // The dates a person reads: when it really opened and closed, the plan only where that has not happened.
  return { id, title, status, opensAt: round.openedAt ?? round.opensAt, closesAt: closedOn(round), questionnaireKey, questionnaireVersion, resultsErasedAt };
}

/** The round's results for everyone who answered; figures withheld as the threshold and the closing rule say. */
export async function roundResults(db: Db, catalogue: Catalogue, network: Network, round: Round): Promise<RoundResults> {
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const [tallies, invited] = await Promise.all([readTallies(db, [round.id]), invitedCount(db, round.id)]);
  const totals = roundTotals(tallies, round);
  const k = roundThreshold(round, network);
  const withheld = withheldReason(round, totals.responses, k);
  return {
    round: roundHeader(round),
    threshold: k,
    invited,
    responses: totals.responses,
    responseRate: invited === 0 ? null : totals.responses / invited,
    withheld,
    measures: withheld ? [] : measureResults(version, totals, bandLimits(network), withheldFigures(version, [totals], k)[0]!),
    choices: withheld ? [] : choiceResults(version, totals, k),
  };
}
