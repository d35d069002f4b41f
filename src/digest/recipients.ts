import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { networkRoles, users } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { normaliseEmail } from '../members/member-input.js';

export type DigestRecipient = { email: string; lang: Language };

/** The network's leaders in their own languages, then the extra addresses in `extraLang`; each address once. */
export async function digestRecipients(db: Db, networkId: number, extra: readonly string[], extraLang: Language): Promise<DigestRecipient[]> {
  const leaders = await db
    .select({ email: users.email, lang: users.language })
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.role, 'leader')))
    .orderBy(asc(users.id));
  const byAddress = new Map<string, DigestRecipient>();
  for (const person of [...leaders, ...extra.map((email) => ({ email, lang: extraLang }))]) {
    const email = normaliseEmail(person.email);
    if (!byAddress.has(email)) byAddress.set(email, { email, lang: person.lang });
  }
  return [...byAddress.values()];
}

/** Who a digest is sent on behalf of when no one asked for it: the longest-standing coordinator (a network always has one). */
export async function firstCoordinator(db: Db, networkId: number): Promise<{ userId: number; email: string } | undefined> {
  const [row] = await db
    .select({ userId: users.id, email: users.email })
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.role, 'coordinator')))
    .orderBy(asc(users.id))
    .limit(1);
  return row;
}
