import { and, eq, gt, lte } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { sessions, users } from '../db/schema/index.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_HOURS = 12;

export type SessionUser = { id: number; email: string; name: string; language: 'fi' | 'sv' | 'en'; isAdmin: boolean };
export type Session = { user: SessionUser; csrfToken: string };

/** Starts a session; the returned value goes into the cookie and only its hash is stored. */
export async function createSession(db: Db, clock: Clock, secretKey: string, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = newToken(32);
  const csrfToken = newToken(24);
  const now = clock.now();
  await db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString()));
  await db.insert(sessions).values({
    tokenHash: hashToken(secretKey, token),
    userId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    createdAt: now.toISOString(),
  });
  return { token, csrfToken };
}

export async function findSession(db: Db, clock: Clock, secretKey: string, token: string): Promise<Session | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, language: users.language, isAdmin: users.isAdmin, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(secretKey, token)), gt(sessions.expiresAt, clock.now().toISOString())));
  if (!row) return null;
  const { csrfToken, ...user } = row;
  return { user, csrfToken };
}

export async function endSession(db: Db, secretKey: string, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(secretKey, token)));
}

/** After a password change or reset every other session of the user ends. */
export async function endOtherSessions(db: Db, secretKey: string, userId: number, keepToken?: string): Promise<void> {
  const all = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
  const keep = keepToken ? hashToken(secretKey, keepToken) : null;
  for (const { tokenHash } of all) if (tokenHash !== keep) await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
