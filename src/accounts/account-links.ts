import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { DbOrTx } from '../db/client.js';
import { authTokens, type Role } from '../db/schema/index.js';
import { hashToken, newToken } from './tokens.js';

type Purpose = 'password_reset' | 'account_invite';
export type AccountLink = typeof authTokens.$inferSelect;

/** Issues a single-use link secret for account work; only its hash is stored. */
export async function issueAccountLink(
  db: DbOrTx,
  clock: Clock,
  secretKey: string,
  purpose: Purpose,
  validMs: number,
  subject: { userId?: number; networkId?: number; role?: Role; email?: string },
): Promise<string> {
  const token = newToken(24);
  const now = clock.now();
  await db.insert(authTokens).values({
    purpose,
    tokenHash: hashToken(secretKey, token),
    ...subject,
    expiresAt: new Date(now.getTime() + validMs).toISOString(),
    createdAt: now.toISOString(),
  });
  return token;
}

/** The link if it is of this purpose, unused and unexpired. */
export async function findValidLink(db: DbOrTx, clock: Clock, secretKey: string, purpose: Purpose, token: string): Promise<AccountLink | null> {
  const [row] = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(secretKey, token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, clock.now().toISOString())));
  return row ?? null;
}

/** Uses up the link; false if another request used it first. */
export async function claimLink(db: DbOrTx, clock: Clock, linkId: number): Promise<boolean> {
  const claimed = await db
    .update(authTokens)
    .set({ usedAt: clock.now().toISOString() })
    .where(and(eq(authTokens.id, linkId), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return claimed.length === 1;
}

/**
 * Uses up this link and every other unused link of its purpose for the same
 * user, in one statement: an older reset link in the mailbox stops working
 * once a newer one is used, and of two links used at once only one wins.
 */
export async function claimAllLinks(db: DbOrTx, clock: Clock, link: AccountLink & { userId: number }): Promise<boolean> {
  const claimed = await db
    .update(authTokens)
    .set({ usedAt: clock.now().toISOString() })
    .where(and(eq(authTokens.userId, link.userId), eq(authTokens.purpose, link.purpose), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return claimed.some(({ id }) => id === link.id);
}

/** Whether the token was ever issued for this purpose, used or not: a used or expired link is "gone", not a guess. */
export async function isIssuedLink(db: DbOrTx, secretKey: string, purpose: Purpose, token: string): Promise<boolean> {
  const [row] = await db.select({ id: authTokens.id }).from(authTokens).where(and(eq(authTokens.tokenHash, hashToken(secretKey, token)), eq(authTokens.purpose, purpose)));
  return row !== undefined;
}
