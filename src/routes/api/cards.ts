import { Hono } from 'hono';
import { publishedCards, type CardWithRound } from '../../cards/cards.js';
import { cardSheet } from '../../cards/sheet.js';
import { anyNetworkRole, type NetworkEnv } from '../../http/network-access.js';

/** The network's published cards, as every role of the network reads them; composing stays on the pages. */
export const cardApi = new Hono<NetworkEnv>();

// GET /api/networks/:networkId/card — the current card and the earlier ones, each with its area figures read now.
cardApi.get('/', anyNetworkRole, async (c) => {
  const { db, catalogue } = c.var.deps;
  const network = c.var.network;
  const { current, history } = await publishedCards(db, network.id);
  const sheet = (entry: CardWithRound) => cardSheet(db, catalogue, network, entry);
  return c.json({ current: current ? await sheet(current) : null, history: await Promise.all(history.map(sheet)) });
});
