import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { members, networkRoles, networks, users } from '../db/schema/index.js';

export type InstanceNetwork = { id: number; name: string; createdAt: string; members: number; coordinators: Array<{ name: string; email: string }> };

/** Every network with its coordinators and roster size: what the instance's administrator needs, nothing of any results. */
export async function instanceOverview(db: Db): Promise<InstanceNetwork[]> {
  const [all, coordinators, rosterSizes] = await Promise.all([
    db.select({ id: networks.id, name: networks.name, createdAt: networks.createdAt }).from(networks).orderBy(asc(networks.name)),
    db
      .select({ networkId: networkRoles.networkId, name: users.name, email: users.email })
      .from(networkRoles)
      .innerJoin(users, eq(users.id, networkRoles.userId))
      .where(eq(networkRoles.role, 'coordinator'))
      .orderBy(asc(users.name)),
    db.select({ networkId: members.networkId, n: count() }).from(members).groupBy(members.networkId),
  ]);
  const size = new Map(rosterSizes.map((row) => [row.networkId, row.n]));
  return all.map((network) => ({
    ...network,
    members: size.get(network.id) ?? 0,
    coordinators: coordinators.filter((c) => c.networkId === network.id).map(({ name, email }) => ({ name, email })),
  }));
}
