import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { authTokens, users } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { hashPassword } from '../accounts/password.js';
import { hashToken, newToken } from '../accounts/tokens.js';
import { GoneError, InvalidInputError } from '../http/errors.js';

const SETUP_LINK_DAYS = 7;

export async function hasAnyUser(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/**
 * On a database with no accounts, makes a fresh single-use setup link; any
 * earlier unused one stops working, so only the latest printed link is valid.
 */
export async function createSetupLink(db: Db, clock: Clock, secretKey: string, baseUrl: string): Promise<string> {
  const token = newToken(32);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx.delete(authTokens).where(and(eq(authTokens.purpose, 'setup'), isNull(authTokens.usedAt)));
    await tx.insert(authTokens).values({
      purpose: 'setup',
      tokenHash: hashToken(secretKey, token),
      expiresAt: new Date(now.getTime() + SETUP_LINK_DAYS * 86_400_000).toISOString(),
      createdAt: now.toISOString(),
    });
  });
  return `${baseUrl}/setup/${token}`;
}

export type SetupLinkState = 'valid' | 'used' | 'invalid';

export async function setupLinkState(db: Db, clock: Clock, secretKey: string, token: string): Promise<SetupLinkState> {
  const [row] = await db.select().from(authTokens).where(and(eq(authTokens.tokenHash, hashToken(secretKey, token)), eq(authTokens.purpose, 'setup')));
  if (!row) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt <= clock.now().toISOString() || (await hasAnyUser(db))) return 'invalid';
  return 'valid';
}

export type FirstAccount = { name: string; email: string; password: string; language: Language };

/** Creates the first coordinator (an instance admin) and uses up the link, in one transaction. */
export async function completeSetup(db: Db, clock: Clock, secretKey: string, token: string, account: FirstAccount, messages: { gone: string; taken: string }) {
  const passwordHash = await hashPassword(account.password);
  const now = clock.now().toISOString();
  return db.transaction(async (tx) => {
    // Claiming the link first makes a second, concurrent use find nothing to claim.
    const claimed = await tx
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.tokenHash, hashToken(secretKey, token)), eq(authTokens.purpose, 'setup'), isNull(authTokens.usedAt), sql`${authTokens.expiresAt} > ${now}`))
      .returning({ id: authTokens.id });
    if (claimed.length === 0) throw new GoneError(messages.gone);
    const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing) throw new GoneError(messages.gone);
    const [user] = await tx
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash, language: account.language, isAdmin: true, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (!user) throw new InvalidInputError(messages.taken, { email: messages.taken });
    return user;
  });
}
