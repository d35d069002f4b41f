import { Hono } from 'hono';
import { currentCard, listCards } from '../../cards/cards.js';
import { cardSheet } from '../../cards/sheet.js';
import { anyNetworkRole, type NetworkEnv } from '../../http/network-access.js';

/** The network's published cards, as every role of the network reads them; composing stays on the pages. */
export const cardApi = new Hono<NetworkEnv>();

// GET /api/networks/:networkId/card — the current card and the earlier ones, each with its area figures read now.
cardApi.get('/', anyNetworkRole, async (c) => {
  const { db, catalogue } = c.var.deps;
  const network = c.var.network;
  const [current, published] = await Promise.all([currentCard(db, network.id), listCards(db, network.id, 'published')]);
  const sheet = (entry: NonNullable<typeof current>) => cardSheet(db, catalogue, network, entry);
  return c.json({
    current: current ? await sheet(current) : null,
    history: await Promise.all(published.filter((entry) => entry.card.id !== current?.card.id).map(sheet)),
  });
});
