/** Why a card refused a change; the routes turn the reason into a sentence in the user's language. */
export const CARD_REFUSALS = ['not_strategy_round', 'quote_refused', 'not_saved'] as const;
export type CardRefusal = (typeof CARD_REFUSALS)[number];

export class CardRefused extends Error {
  constructor(readonly reason: CardRefusal) {
    super(`card refused: ${reason}`);
  }
}
