import { and, count, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Clock } from '../clock.js';
import { checkpoint, type Db } from '../db/client.js';
import { networkRoles, networks, users } from '../db/schema/index.js';

/** Why an account cannot go yet: a network it alone coordinates, or it is the service's only administrator. */
export type DeleteRefusal = { reason: 'last_coordinator'; networks: string[] } | { reason: 'last_admin' };

/**
 * Deletes an account for good: the user, their sessions, links and roles.
 * The activity log keeps the name of who did what, as a record of the
 * network's decisions; nothing else of the account stays.
 */
export async function deleteAccount(db: Db, clock: Clock, userId: number): Promise<DeleteRefusal | null> {
  const refusal = await db.transaction(async (tx): Promise<DeleteRefusal | null> => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) return null;
    const coordinated = await tx.select({ networkId: networkRoles.networkId, name: networks.name }).from(networkRoles).innerJoin(networks, eq(networks.id, networkRoles.networkId)).where(and(eq(networkRoles.userId, userId), eq(networkRoles.role, 'coordinator')));
    const alone: string[] = [];
    for (const network of coordinated) {
      const [others] = await tx.select({ n: count() }).from(networkRoles).where(and(eq(networkRoles.networkId, network.networkId), eq(networkRoles.role, 'coordinator'), ne(networkRoles.userId, userId)));
      if (!others?.n) alone.push(network.name);
    }
    if (alone.length > 0) return { reason: 'last_coordinator', networks: alone };
    if (user.isAdmin) {
      const [admins] = await tx.select({ n: count() }).from(users).where(and(eq(users.isAdmin, true), ne(users.id, userId)));
      if (!admins?.n) return { reason: 'last_admin' };
    }
    const roles = await tx.select({ networkId: networkRoles.networkId }).from(networkRoles).where(eq(networkRoles.userId, userId));
    for (const { networkId } of roles) await recordAudit(tx, { networkId, actor: { userId, name: user.name }, at: clock.now(), action: 'account_deleted', details: {} });
    // Sessions, links and roles go with the user (ON DELETE CASCADE).
    await tx.delete(users).where(eq(users.id, userId));
    return null;
  });
  if (!refusal) await checkpoint(db, 'TRUNCATE');
  return refusal;
}
