import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { DomainError, InvalidInputError } from '../../http/errors.js';
import { readInput } from '../../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { actorOf, currentSession, requireUser } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { networkText } from '../../i18n/networks.js';
import { changeSettings, mayCreateNetworks, startNetwork } from '../../networks/actions.js';
import { networksOf, type Network } from '../../networks/networks.js';
import { defaultLanguage } from '../../networks/settings.js';

export const networkApi = new Hono<AppEnv>();
networkApi.use(requireUser);

const view = (network: Network) => ({
  id: network.id,
  name: network.name,
  languages: network.languages,
  defaultLanguage: defaultLanguage(network),
  anonymityThreshold: network.anonymityThreshold,
  openAnswerThreshold: network.openAnswerThreshold,
  collectSegments: network.collectSegments,
  bandStrength: network.bandStrength,
  bandConcern: network.bandConcern,
  bandBasis: network.bandBasis,
  favourableStrength: network.favourableStrength,
  favourableConcern: network.favourableConcern,
  invitationRetentionDays: network.invitationRetentionDays,
  resultRetentionMonths: network.resultRetentionMonths,
  inactiveMemberRetentionMonths: network.inactiveMemberRetentionMonths,
});

// GET /api/networks
networkApi.get('/', async (c) => {
  const mine = await networksOf(c.var.deps.db, currentSession(c).user.id);
  return c.json({ networks: mine.map(({ network, role }) => ({ ...view(network), role })) });
});

// POST /api/networks
networkApi.post('/', async (c) => {
  const { user } = currentSession(c);
  if (!(await mayCreateNetworks(c.var.deps.db, user))) throw new DomainError(networkText(c.var.lang).cannotCreate, 403);
  const started = await startNetwork(c.var.deps, user.id, await readInput(c), c.var.lang);
  if (!started.ok) throw new InvalidInputError(commonText(c.var.lang).checkForm, started.fields);
  return c.json({ network: view(started.data) }, 201);
});

/** One network's settings; mounted with the other network sections in network-scope.ts. */
export const networkHomeApi = new Hono<NetworkEnv>();
const scoped = networkHomeApi;

// GET /api/networks/:networkId
scoped.get('/', anyNetworkRole, (c) => c.json({ network: { ...view(c.var.network), role: c.var.role } }));

// PUT /api/networks/:networkId — replaces the settings.
scoped.put('/', coordinatorOnly, async (c) => {
  const saved = await changeSettings(c.var.deps, actorOf(c), c.var.network, await readInput(c), c.var.lang);
  if (!saved.ok) throw new InvalidInputError(commonText(c.var.lang).checkForm, saved.fields);
  return c.json({ network: view(saved.data) });
});

