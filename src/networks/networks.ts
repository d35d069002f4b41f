import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { networkRoles, networks, type Role } from '../db/schema/index.js';
import { defaultOpenAnswerThreshold, settingChanges, type NetworkSettings } from './settings.js';

export type Network = typeof networks.$inferSelect;

type Defaulted = 'invitationRetentionDays' | 'inactiveMemberRetentionMonths' | 'resultRetentionMonths' | 'openAnswerThreshold' | 'bandBasis' | 'favourableStrength' | 'favourableConcern';

/** Creates a network; its creator becomes its first coordinator. Retention, the open-answer threshold and the bands on the favourable share left out take the defaults. */
export async function createNetwork(db: Db, clock: Clock, creatorId: number, settings: Omit<NetworkSettings, Defaulted> & Partial<Pick<NetworkSettings, Defaulted>>): Promise<Network> {
  return db.transaction(async (tx) => {
    const [network] = await tx.insert(networks).values({ openAnswerThreshold: defaultOpenAnswerThreshold(settings.anonymityThreshold), ...settings, createdAt: clock.now().toISOString() }).returning();
    await tx.insert(networkRoles).values({ networkId: network!.id, userId: creatorId, role: 'coordinator' });
    return network!;
  });
}

/** Replaces the settings; what changed (a lower threshold, segments switched on) goes into the audit trail in the same transaction. */
export async function updateNetwork(db: Db, clock: Clock, actor: Actor, networkId: number, settings: NetworkSettings): Promise<Network> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(networks).where(eq(networks.id, networkId));
    const [network] = await tx.update(networks).set(settings).where(eq(networks.id, networkId)).returning();
    const changes = settingChanges(before!, network!);
    if (changes.length > 0) await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'settings_changed', details: { changes } });
    return network!;
  });
}

export async function networksOf(db: Db, userId: number): Promise<Array<{ network: Network; role: Role }>> {
  return db
    .select({ network: networks, role: networkRoles.role })
    .from(networkRoles)
    .innerJoin(networks, eq(networks.id, networkRoles.networkId))
    .where(eq(networkRoles.userId, userId))
    .orderBy(asc(networks.name));
}

/** The user's role in the network together with the network, or null if they have none. */
export async function accessTo(db: Db, userId: number, networkId: number): Promise<{ network: Network; role: Role } | null> {
  const [row] = await db
    .select({ network: networks, role: networkRoles.role })
    .from(networkRoles)
    .innerJoin(networks, eq(networks.id, networkRoles.networkId))
    .where(and(eq(networkRoles.userId, userId), eq(networkRoles.networkId, networkId)));
  return row ?? null;
}
