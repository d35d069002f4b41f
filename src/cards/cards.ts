import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { networkCards, rounds } from '../db/schema/index.js';
import type { Round } from '../results/round-results.js';
import { closingInstant } from '../rounds/closing-instant.js';

export type Card = typeof networkCards.$inferSelect;
export type CardWithRound = { card: Card; round: Round };

/** The questionnaire whose rounds a card is made from: the strategy text's six areas and its four reflection questions. */
export const STRATEGY_KEY = 'network-strategy';

/** The network's closed strategy rounds, the latest closing first: the rounds a card can be made from. */
export function strategyRounds(db: Db, networkId: number): Promise<Round[]> {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, networkId), eq(rounds.questionnaireKey, STRATEGY_KEY), eq(rounds.status, 'closed')))
    .orderBy(desc(closingInstant), desc(rounds.id));
}

/** Every card of the network with its round, drafts too, the latest round first. */
export async function listCards(db: Db, networkId: number, only: 'published' | 'all' = 'all'): Promise<CardWithRound[]> {
  const filters = [eq(networkCards.networkId, networkId), ...(only === 'published' ? [isNotNull(networkCards.publishedAt)] : [])];
  return db
    .select({ card: networkCards, round: rounds })
    .from(networkCards)
    .innerJoin(rounds, eq(rounds.id, networkCards.roundId))
    .where(and(...filters))
    .orderBy(desc(closingInstant), desc(rounds.id));
}

export async function findCard(db: Db, networkId: number, roundId: number): Promise<Card | null> {
  const [card] = await db.select().from(networkCards).where(and(eq(networkCards.networkId, networkId), eq(networkCards.roundId, roundId)));
  return card ?? null;
}

/**
 * The network's card as it stands: the published card of the latest strategy
 * round that has one, so that publishing an old round's card late does not
 * replace a newer one. `onlyRounds` limits it as a report link is limited.
 */
export async function currentCard(db: Db, networkId: number, onlyRounds: number[] | null = null): Promise<CardWithRound | null> {
  const published = await listCards(db, networkId, 'published');
  return published.find(({ round }) => !onlyRounds || onlyRounds.includes(round.id)) ?? null;
}

/** The current card and the earlier published ones, from one read: what the card index and the API show. */
export async function publishedCards(db: Db, networkId: number): Promise<{ current: CardWithRound | null; history: CardWithRound[] }> {
  const [current = null, ...history] = await listCards(db, networkId, 'published');
  return { current, history };
}
