/** Why the editor refuses an edit; each problem has a sentence for people in src/i18n/editor-problems.ts. */
export const DRAFT_EDIT_PROBLEMS = [
  'no-such-question',
  'no-such-page',
  'no-such-choice',
  'unknown-measure',
  'measure-not-on-page',
  'no-page-for-measure',
  'not-scored',
  'not-open',
  'no-scale',
  'at-edge',
  'last-on-page',
  'key-taken',
  'not-reworded',
  'title-needed',
  'no-languages',
] as const;
export type DraftEditProblem = (typeof DRAFT_EDIT_PROBLEMS)[number];

export class DraftEditError extends Error {
  constructor(readonly problem: DraftEditProblem) {
    super(`the edit cannot be made: ${problem}`);
  }
}
