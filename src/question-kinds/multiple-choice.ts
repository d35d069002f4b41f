import { ANSWERED, checkPicks, choiceTallyKey, choicesOf, longestPicks, pickColumns, talliedPicks } from './choices.js';
import type { QuestionKind, ReadContext } from './kind.js';

/** Picked: the tally value of a choice someone picked. */
const PICKED = 1;

/**
 * Pick one or more choices, at most `maxPicks` (SurveyJS checkbox with
 * maxSelectedChoices). Tallied per choice, with how many answered, so shares
 * are read against those who answered the question.
 */
export const multipleChoice: QuestionKind = {
  kind: 'multiple',
  background: false,
  claims: (question) => question.getType() === 'checkbox',
  read(context: ReadContext) {
    const q = context.question as unknown as { maxSelectedChoices?: number; showOtherItem?: boolean; showNoneItem?: boolean; showSelectAllItem?: boolean };
    // A free-text "other" beside the picks could name its writer, and "none" or "all" would be answers the tallies cannot hold.
    if (q.showOtherItem || q.showNoneItem || q.showSelectAllItem) context.fail('own_choices_only');
    const choices = choicesOf(context);
    const limit = q.maxSelectedChoices ?? 0;
    return { item: { ...context.base, kind: 'multiple', choices, maxPicks: limit > 0 ? Math.min(limit, choices.length) : choices.length } };
  },
  check: (item, answer) => checkPicks(item, answer),
  worstAnswer: (item) => longestPicks(item),
  tallyCells: (item) => [{ itemKey: item.itemKey, value: ANSWERED }, ...item.choices!.map((_, i) => ({ itemKey: choiceTallyKey(item.itemKey, i), value: PICKED }))],
  tallied: (item, answer) => talliedPicks(item, answer, () => PICKED),
  score: () => null,
  choiceFigures: (item, count) => ({
    answered: count(item.itemKey, ANSWERED),
    choices: item.choices!.map((choice, i) => ({ value: choice.value, text: choice.text, picks: count(choiceTallyKey(item.itemKey, i), PICKED), meanPlace: null })),
  }),
  exportColumns: (item, _version, lang) => pickColumns(item, lang, (picked, i) => (picked.includes(i) ? 1 : 0)),
};
