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
