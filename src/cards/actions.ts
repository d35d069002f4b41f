import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { networkCards, type CardQuote } from '../db/schema/index.js';
import { defaultLanguage } from '../networks/settings.js';
import { openAnswers } from '../results/open-answers.js';
import type { Network, Round } from '../results/round-results.js';
import { closedOn } from '../rounds/closing-instant.js';
import { CARD_QUESTIONS, type CardInput, type CardTexts } from './card-input.js';
import { findCard, listCards, STRATEGY_KEY, type Card } from './cards.js';
import { CardRefused } from './refusals.js';

type Deps = { db: Db; clock: Clock; catalogue: Catalogue };

const textsOf = (card: Card): CardTexts => Object.fromEntries(CARD_QUESTIONS.map((question) => [question, card[question]])) as CardTexts;
const EMPTY: CardTexts = { members: '', goals: '', organisation: '', image: '' };

export type CardDraft = { card: Card | null; texts: CardTexts; quotes: CardQuote[]; prefilledFrom: Round | null };

function assertStrategyRound(round: Round): void {
  if (round.questionnaireKey !== STRATEGY_KEY || round.status !== 'closed') throw new CardRefused('not_strategy_round');
}

/**
 * What the form starts from: the round's own card if it has one, else the
 * texts of the latest card published for an earlier strategy round (the
 * network's answers change slowly; its quotes belong to their own round).
 */
export async function cardDraft(db: Db, network: Network, round: Round): Promise<CardDraft> {
  assertStrategyRound(round);
  const own = await findCard(db, network.id, round.id);
  if (own) return { card: own, texts: textsOf(own), quotes: own.quotes, prefilledFrom: null };
  const earlier = (await listCards(db, network.id, 'published')).find((entry) => closedOn(entry.round) < closedOn(round));
  return { card: null, texts: earlier ? textsOf(earlier.card) : EMPTY, quotes: [], prefilledFrom: earlier?.round ?? null };
}

/**
 * Only what the round's open-answer list shows can be quoted: a question that
 * fewer than the open-answer threshold wrote for, or a round below k or with
 * its results erased, offers nothing, and a text not among the answers is refused.
 */
async function checkedQuotes(deps: Deps, network: Network, round: Round, quotes: CardQuote[]): Promise<CardQuote[]> {
  if (quotes.length === 0) return [];
  const shown = await openAnswers(deps.db, deps.catalogue, network, round);
  // A browser sends a line break in a form value as CR LF: compared by content, stored as the answer reads.
  const key = (itemKey: string, text: string) => `${itemKey}\u0000${text.replace(/\r\n?/g, '\n').trim()}`;
  const allowed = new Map(shown.items.filter((item) => !item.withheld).flatMap((item) => item.answers.map((text) => [key(item.itemKey, text), { itemKey: item.itemKey, text }] as const)));
  const chosen = quotes.map((quote) => allowed.get(key(quote.itemKey, quote.text)));
  if (chosen.some((quote) => quote === undefined)) throw new CardRefused('quote_refused');
  return [...new Set(chosen as CardQuote[])];
}

/** Saves the round's card, a draft until published; an edit of a published card shows at once. */
export async function saveCard(deps: Deps, network: Network, round: Round, input: CardInput, actor: Actor): Promise<Card> {
  assertStrategyRound(round);
  const quotes = await checkedQuotes(deps, network, round, input.quotes);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [card] = await tx
      .insert(networkCards)
      .values({ networkId: network.id, roundId: round.id, language: defaultLanguage(network), ...input.texts, quotes, createdAt: now.toISOString(), updatedAt: now.toISOString() })
      .onConflictDoUpdate({ target: [networkCards.networkId, networkCards.roundId], set: { ...input.texts, quotes, updatedAt: now.toISOString() } })
      .returning();
    await recordAudit(tx, { networkId: network.id, actor, at: now, action: 'network_card_saved', roundId: round.id, details: {} });
    return card!;
  });
}

/** Publishes the round's saved card; publishing twice keeps the first date. */
export async function publishCard(deps: Deps, network: Network, round: Round, actor: Actor): Promise<Card> {
  assertStrategyRound(round);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const where = and(eq(networkCards.networkId, network.id), eq(networkCards.roundId, round.id));
    const [card] = await tx
      .update(networkCards)
      .set({ publishedAt: sql`coalesce(${networkCards.publishedAt}, ${now.toISOString()})` })
      .where(where)
      .returning();
    if (!card) throw new CardRefused('not_saved');
    await recordAudit(tx, { networkId: network.id, actor, at: now, action: 'network_card_published', roundId: round.id, details: {} });
    return card;
  });
}

/** Retention's and the coordinator's erasure of a round's results take its card's quotes with them: a quote is an answer. */
export async function eraseCardQuotes(tx: DbOrTx, roundId: number): Promise<void> {
  await tx.update(networkCards).set({ quotes: [] }).where(eq(networkCards.roundId, roundId));
}
