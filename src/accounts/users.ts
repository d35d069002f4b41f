import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';

// Verifying against a real hash when the account does not exist keeps the answer time the same.
const decoyHash = hashPassword('decoy password that never matches');

/** The user whose email and password match, or null; equally slow either way. A hash with older parameters is upgraded. */
export async function authenticate(db: Db, email: string, password: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !ok) return null;
  if (needsRehash(user.passwordHash)) await setPassword(db, user.id, password);
  return user;
}

export async function setPassword(db: Db, userId: number, password: string): Promise<void> {
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}
