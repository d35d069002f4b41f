/** Why a round refused an action; the routes turn the reason into a sentence in the user's language. */
export const ROUND_REFUSALS = ['already_open', 'closed', 'draft_only', 'not_open', 'invite_draft', 'closing_passed', 'version_missing', 'changed'] as const;
export type RoundRefusal = (typeof ROUND_REFUSALS)[number];

export class RoundRefused extends Error {
  constructor(readonly reason: RoundRefusal) {
    super(`round refused: ${reason}`);
  }
}
