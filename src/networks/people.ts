import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { authTokens, networkRoles, users, type Role } from '../db/schema/index.js';

export type NetworkPerson = { userId: number; name: string; email: string; role: Role };

export async function peopleOf(db: Db, networkId: number): Promise<NetworkPerson[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: networkRoles.role })
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(eq(networkRoles.networkId, networkId))
    .orderBy(asc(networkRoles.role), asc(users.name));
}

export async function pendingInvites(db: Db, clock: Clock, networkId: number) {
  return db
    .select({ id: authTokens.id, email: authTokens.email, role: authTokens.role, expiresAt: authTokens.expiresAt })
    .from(authTokens)
    .where(and(eq(authTokens.networkId, networkId), eq(authTokens.purpose, 'account_invite'), isNull(authTokens.usedAt), gt(authTokens.expiresAt, clock.now().toISOString())))
    .orderBy(asc(authTokens.email));
}

/**
 * Gives the user the role in the network. A coordinator who accepts an invitation
 * as leader stays coordinator: an invitation never takes rights away, and a
 * network could otherwise lose its last coordinator by a link.
 */
export async function grantRole(db: Pick<Db, 'insert'>, networkId: number, userId: number, role: Role): Promise<void> {
  await db
    .insert(networkRoles)
    .values({ networkId, userId, role })
    .onConflictDoUpdate({ target: [networkRoles.networkId, networkRoles.userId], set: { role }, setWhere: eq(networkRoles.role, 'leader') });
}

export class LastCoordinatorError extends Error {}

/** Removes a person's role; a network always keeps at least one coordinator. */
export async function removeRole(db: Db, clock: Clock, networkId: number, actor: Actor, userId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: networkRoles.role, name: users.name, email: users.email })
      .from(networkRoles)
      .innerJoin(users, eq(users.id, networkRoles.userId))
      .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.userId, userId)));
    if (!target) return;
    if (target.role === 'coordinator') {
      const [row] = await tx.select({ n: count() }).from(networkRoles).where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.role, 'coordinator')));
      if ((row?.n ?? 0) <= 1) throw new LastCoordinatorError();
    }
    await tx.delete(networkRoles).where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.userId, userId)));
    await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'role_removed', details: target });
  });
}
