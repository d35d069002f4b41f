/** Why a round refused an action; the routes turn the reason into a sentence in the user's language. */
export const ROUND_REFUSALS = [
  'already_open',
  'closed',
  'draft_only',
  'not_open',
  'invite_draft',
  'closing_passed',
  'version_missing',
  'changed',
  'chosen_too_few',
  'reminded_recently',
  'results_not_closed',
  'results_erased',
] as const;
export type RoundRefusal = (typeof ROUND_REFUSALS)[number];

export class RoundRefused extends Error {
  /** Values the sentence names, e.g. the least number of members or when the last reminder went. */
  constructor(
    readonly reason: RoundRefusal,
    readonly values: Record<string, string | number | Date> = {},
  ) {
    super(`round refused: ${reason}`);
  }
}
