import { count, eq } from 'drizzle-orm';
import { receiptNullifier } from '../../src/answering/receipts.js';
import { sealDay } from '../../src/answering/seal.js';
import type { Db } from '../../src/db/client.js';
import { answerReceipts } from '../../src/db/schema/index.js';
import { invitationToken } from '../../src/rounds/invitation-links.js';

type Deps = { db: Db; secretKey: string };

/** Marks the link answered as a submission does (its receipt alone), for tests about what happens after. */
export async function markAnswered(deps: Deps, roundId: number, token: string, day = '2026-03-02'): Promise<void> {
  await deps.db.insert(answerReceipts).values({ roundId, nullifier: receiptNullifier(deps.secretKey, token), answeredDaySealed: sealDay(token, day) });
}

/** The same for an invitation whose link the server derived from its id. */
export const markInvitationAnswered = (deps: Deps, roundId: number, invitationId: number, day?: string) =>
  markAnswered(deps, roundId, invitationToken(deps.secretKey, invitationId), day);

/** How many links of the round have been used. */
export async function receiptCount(db: Db, roundId?: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(answerReceipts).where(roundId === undefined ? undefined : eq(answerReceipts.roundId, roundId));
  return row?.n ?? 0;
}
