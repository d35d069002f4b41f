import { z } from 'zod';
import type { CardQuote } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { fill } from '../i18n/messages.js';
import { networkCardText } from '../i18n/network-card.js';

/** The four questions of the strategy text, in its order; each is a text of the card. */
export const CARD_QUESTIONS = ['members', 'goals', 'organisation', 'image'] as const;
export type CardQuestion = (typeof CARD_QUESTIONS)[number];
export type CardTexts = Record<CardQuestion, string>;

/** A one-page card: four short texts and a few quotes fit on A4 with the six areas' figures. */
export const MAX_TEXT = 600;
export const MAX_QUOTES = 4;

/** A quote travels in the form as "itemKey|text": item keys have no bar, an answer may. */
export const quoteValue = (quote: CardQuote) => `${quote.itemKey}|${quote.text}`;

function parseQuote(value: string): CardQuote | null {
  const bar = value.indexOf('|');
  return bar > 0 ? { itemKey: value.slice(0, bar), text: value.slice(bar + 1).trim() } : null;
}

/** The quotes a form sent, as given: for showing the form again with them ticked. */
export const quotesFromForm = (value: unknown): CardQuote[] =>
  (value === undefined || value === '' ? [] : [value].flat().map(String)).flatMap((each) => parseQuote(each) ?? []);

export type CardInput = { texts: CardTexts; quotes: CardQuote[] };

/** The card form: the four texts, and the chosen quotes as given (whether each is one of the round's shown answers is checked when saved). */
export function cardInputSchema(lang: Language) {
  const t = networkCardText(lang);
  // A field left out of the form is empty, not an error: the four texts may be written one at a time.
  const text = z
    .unknown()
    .optional()
    .transform((value) => (value === undefined || value === null ? '' : String(value).trim()))
    .pipe(z.string().max(MAX_TEXT, fill(t.tooLong, { max: MAX_TEXT })));
  return z
    .object({
      members: text,
      goals: text,
      organisation: text,
      image: text,
      quote: z
        .unknown()
        .optional()
        .transform((value) => (value === undefined || value === '' ? [] : [value].flat().map(String)))
        .pipe(z.array(z.string()).max(MAX_QUOTES, fill(t.tooManyQuotes, { max: MAX_QUOTES }))),
    })
    .transform(({ quote, ...texts }): CardInput => ({
      texts,
      // A value without an item key is no quote at all: kept as an empty key, so the check refuses it rather than dropping it unseen.
      quotes: quote.map((value) => parseQuote(value) ?? { itemKey: '', text: value }),
    }));
}
