import { and, count, eq } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { networkRoles } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { parseInput, type Parsed } from '../http/input.js';
import { createNetwork, updateNetwork, type Network } from './networks.js';
import { defaultLanguage, networkSettingsSchema } from './settings.js';

/** Networks as the page and API routers both start and change them: the same checks, the same defaults. */
type Deps = { db: Db; clock: Clock };

/** Admins and anyone who already coordinates a network may start another. */
export async function mayCreateNetworks(db: Db, user: { id: number; isAdmin: boolean }): Promise<boolean> {
  if (user.isAdmin) return true;
  const [row] = await db.select({ n: count() }).from(networkRoles).where(and(eq(networkRoles.userId, user.id), eq(networkRoles.role, 'coordinator')));
  return (row?.n ?? 0) > 0;
}

/** Checks the settings and creates the network, its creator as its first coordinator; the caller has asked mayCreateNetworks. */
export async function startNetwork({ db, clock }: Deps, creatorId: number, input: Record<string, unknown>, lang: Language): Promise<Parsed<Network>> {
  const parsed = parseInput(networkSettingsSchema(lang), input);
  return parsed.ok ? { ok: true, data: await createNetwork(db, clock, creatorId, parsed.data) } : parsed;
}

/** Checks and saves new settings; a default language left out stays what it was. */
export async function changeSettings({ db, clock }: Deps, actor: Actor, network: Network, input: Record<string, unknown>, lang: Language): Promise<Parsed<Network>> {
  const parsed = parseInput(networkSettingsSchema(lang, defaultLanguage(network)), input);
  return parsed.ok ? { ok: true, data: await updateNetwork(db, clock, actor, network.id, parsed.data) } : parsed;
}
