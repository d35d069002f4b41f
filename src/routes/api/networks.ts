import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { DomainError } from '../../http/errors.js';
import { readInput, requireValid } from '../../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { actorOf, currentSession, requireUser } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { networkText } from '../../i18n/networks.js';
import { createNetwork, networksOf, updateNetwork, type Network } from '../../networks/networks.js';
import { networkSettingsSchema } from '../../networks/settings.js';
import { and, count, eq } from 'drizzle-orm';
import { networkRoles } from '../../db/schema/index.js';

export const networkApi = new Hono<AppEnv>();
networkApi.use(requireUser);

const view = (network: Network) => ({
  id: network.id,
  name: network.name,
  languages: network.languages,
  anonymityThreshold: network.anonymityThreshold,
  collectSegments: network.collectSegments,
  bandStrength: network.bandStrength,
  bandConcern: network.bandConcern,
});

// GET /api/networks
networkApi.get('/', async (c) => {
  const mine = await networksOf(c.var.deps.db, currentSession(c).user.id);
  return c.json({ networks: mine.map(({ network, role }) => ({ ...view(network), role })) });
});

// POST /api/networks
networkApi.post('/', async (c) => {
  const { user } = currentSession(c);
  const [coordinates] = await c.var.deps.db.select({ n: count() }).from(networkRoles).where(and(eq(networkRoles.userId, user.id), eq(networkRoles.role, 'coordinator')));
  if (!user.isAdmin && !coordinates?.n) throw new DomainError(networkText(c.var.lang).cannotCreate, 403);
  const settings = requireValid(networkSettingsSchema(c.var.lang), await readInput(c), commonText(c.var.lang).checkForm);
  const network = await createNetwork(c.var.deps.db, c.var.deps.clock, user.id, settings);
  return c.json({ network: view(network) }, 201);
});

/** One network's settings; mounted with the other network sections in network-scope.ts. */
export const networkHomeApi = new Hono<NetworkEnv>();
const scoped = networkHomeApi;

// GET /api/networks/:networkId
scoped.get('/', anyNetworkRole, (c) => c.json({ network: { ...view(c.var.network), role: c.var.role } }));

// PUT /api/networks/:networkId — replaces the settings.
scoped.put('/', coordinatorOnly, async (c) => {
  const settings = requireValid(networkSettingsSchema(c.var.lang), await readInput(c), commonText(c.var.lang).checkForm);
  return c.json({ network: view(await updateNetwork(c.var.deps.db, c.var.deps.clock, actorOf(c), c.var.network.id, settings)) });
});

