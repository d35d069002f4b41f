import { createHmac } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { DbOrTx } from '../db/client.js';
import { doNotInvite } from '../db/schema/index.js';
import { normaliseEmail } from './member-input.js';

/** The list keeps no address: only this keyed hash, which names nobody to a reader of the database without the key. */
export const listedHash = (secretKey: string, email: string) => createHmac('sha256', secretKey).update(`do-not-invite:${normaliseEmail(email)}`).digest('hex');

export async function addToDoNotInvite(db: DbOrTx, clock: Clock, secretKey: string, networkId: number, email: string): Promise<void> {
  await db.insert(doNotInvite).values({ networkId, emailHash: listedHash(secretKey, email), createdAt: clock.now().toISOString() }).onConflictDoNothing();
}

/** Takes the address off the list; false when it was not on it. */
export async function removeFromDoNotInvite(db: DbOrTx, secretKey: string, networkId: number, email: string): Promise<boolean> {
  const removed = await db.delete(doNotInvite).where(and(eq(doNotInvite.networkId, networkId), eq(doNotInvite.emailHash, listedHash(secretKey, email)))).returning({ id: doNotInvite.id });
  return removed.length > 0;
}

/** Whether an address may not be added: for one address, or a predicate over the network's whole list for an import. */
export async function listedAddresses(db: DbOrTx, secretKey: string, networkId: number): Promise<(email: string) => boolean> {
  const hashes = new Set((await db.select({ hash: doNotInvite.emailHash }).from(doNotInvite).where(eq(doNotInvite.networkId, networkId))).map((row) => row.hash));
  return (email) => hashes.has(listedHash(secretKey, email));
}

export async function doNotInviteCount(db: DbOrTx, networkId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(doNotInvite).where(eq(doNotInvite.networkId, networkId));
  return row?.n ?? 0;
}
