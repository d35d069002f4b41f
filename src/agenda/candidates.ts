import { and, desc, eq, lt } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import { compareRounds, type ComparedRow } from '../results/comparison.js';
import { roundResults, type MeasureResult, type Network, type Round } from '../results/round-results.js';
import { closedOn, closingInstant } from '../rounds/closing-instant.js';

export type Candidate = {
  measure: string;
  reasons: Array<'lowest' | 'concern' | 'declined'>;
  result: MeasureResult;
  change: ComparedRow | null;
};

const LOWEST = 3;

/** The previous closed round of the same questionnaire, for "declined since last time". */
export async function previousClosedRound(db: Db, round: Round): Promise<Round | null> {
  const [previous] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, round.networkId), eq(rounds.questionnaireKey, round.questionnaireKey), eq(rounds.status, 'closed'), lt(closingInstant, closedOn(round))))
    .orderBy(desc(closingInstant))
    .limit(1);
  return previous ?? null;
}

/**
 * Proposals for the renewal agenda after a round: the lowest rules, the rules
 * in the concern band, and the rules that declined beyond the noise since the
 * previous round. Empty when the round's figures are withheld.
 */
export async function actionCandidates(db: Db, catalogue: Catalogue, network: Network, round: Round): Promise<Candidate[]> {
  const results = await roundResults(db, catalogue, network, round);
  if (results.withheld) return [];
  const previous = await previousClosedRound(db, round);
  const comparison = previous ? await compareRounds(db, catalogue, network, previous, round) : null;
  const shown = results.measures.filter((m) => m.figures?.mean != null);
  const lowest = new Set([...shown].sort((a, b) => a.figures!.mean! - b.figures!.mean!).slice(0, LOWEST).map((m) => m.measure));
  return shown.flatMap((result) => {
    const change = comparison?.measures.find((row) => row.key === result.measure) ?? null;
    const reasons: Candidate['reasons'] = [];
    if (lowest.has(result.measure)) reasons.push('lowest');
    if (result.figures!.band === 'concern') reasons.push('concern');
    if (change?.change?.verdict === 'declined') reasons.push('declined');
    return reasons.length > 0 ? [{ measure: result.measure, reasons, result, change }] : [];
  });
}
