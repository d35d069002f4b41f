import type { Localized } from '../catalogue/measures.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import type { CardQuote } from '../db/schema/index.js';
import { roundResults, type MeasureResult, type Network, type RoundResults, type Withheld } from '../results/round-results.js';
import type { Language } from '../db/schema/networks.js';
import { CARD_QUESTIONS, type CardTexts } from './card-input.js';
import type { CardWithRound } from './cards.js';

export type SheetQuote = CardQuote & { question: Localized | null };

/** A card as it is shown: its texts, its quotes with their questions, and the round's area figures read now. */
export type CardSheet = {
  id: number;
  roundId: number;
  /** The language the texts are written in. */
  language: Language;
  texts: CardTexts;
  publishedAt: string | null;
  header: RoundResults['round'];
  threshold: number;
  withheld: Withheld;
  areas: MeasureResult[];
  quotes: SheetQuote[];
};

/**
 * The figures come from the round's results each time, so that they obey the
 * threshold as every results page does and are gone once the results are.
 */
export async function cardSheet(db: Db, catalogue: Catalogue, network: Network, { card, round }: CardWithRound): Promise<CardSheet> {
  const results = await roundResults(db, catalogue, network, round);
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const questions = new Map(version.items.map((item) => [item.itemKey, item.title]));
  return {
    id: card.id,
    roundId: round.id,
    language: card.language,
    texts: Object.fromEntries(CARD_QUESTIONS.map((question) => [question, card[question]])) as CardTexts,
    publishedAt: card.publishedAt,
    header: results.round,
    threshold: results.threshold,
    withheld: results.withheld,
    areas: results.withheld ? [] : results.measures.filter((measure) => measure.kind === 'area'),
    quotes: results.withheld === 'erased' ? [] : card.quotes.map((quote) => ({ ...quote, question: questions.get(quote.itemKey) ?? null })),
  };
}
