import { and, asc, eq, gt } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import { compareRounds, type ComparedRow } from '../results/comparison.js';
import type { Network, Round } from '../results/round-results.js';
import type { Action } from './actions.js';
import { closedOn, closingInstant } from '../rounds/closing-instant.js';

/** `erased`: the results of the action's round or of this one were erased, so there is nothing to compare. */
export type FollowUpStep = { round: { id: number; title: string; closesAt: string }; row: ComparedRow | null; erased: boolean };

/**
 * How the action's rule moved from the round that prompted it to each later
 * closed round of the same questionnaire, judged like any comparison (Welch,
 * 95 %): a change only when it is larger than the noise.
 */
export async function followUp(db: Db, catalogue: Catalogue, network: Network, action: Action): Promise<FollowUpStep[]> {
  const [origin] = await db.select().from(rounds).where(eq(rounds.id, action.roundId));
  if (!origin) return [];
  const later: Round[] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, network.id), eq(rounds.questionnaireKey, origin.questionnaireKey), eq(rounds.status, 'closed'), gt(closingInstant, closedOn(origin))))
    .orderBy(asc(closingInstant));
  const steps: FollowUpStep[] = [];
  for (const round of later) {
    const comparison = await compareRounds(db, catalogue, network, origin, round);
    const erased = comparison.before.withheld === 'erased' || comparison.after.withheld === 'erased';
    steps.push({ round: { id: round.id, title: round.title, closesAt: closedOn(round) }, row: comparison.measures.find((m) => m.key === action.measure) ?? null, erased });
  }
  return steps;
}
