import { ANSWERED, checkPicks, choiceTallyKey, choicesOf, longestPicks, pickColumns, talliedPicks } from './choices.js';
import type { QuestionKind, ReadContext } from './kind.js';

/**
 * Put choices in order: all of them, or the `maxPicks` most important
 * (SurveyJS ranking with selectToRankEnabled and maxSelectedChoices). Tallied
 * per choice and place, with how many answered.
 */
export const ranking: QuestionKind = {
  kind: 'ranking',
  background: false,
  claims: (question) => question.getType() === 'ranking',
  read(context: ReadContext) {
    const q = context.question as unknown as { selectToRankEnabled?: boolean; maxSelectedChoices?: number; showOtherItem?: boolean };
    if (q.showOtherItem) context.fail('own_choices_only');
    const choices = choicesOf(context);
    const limit = q.selectToRankEnabled ? (q.maxSelectedChoices ?? 0) : 0;
    return { item: { ...context.base, kind: 'ranking', choices, maxPicks: limit > 0 ? Math.min(limit, choices.length) : choices.length } };
  },
  check: (item, answer) => checkPicks(item, answer),
  worstAnswer: (item) => longestPicks(item),
  tallyCells: (item) => [
    { itemKey: item.itemKey, value: ANSWERED },
    ...item.choices!.flatMap((_, i) => Array.from({ length: item.maxPicks! }, (_, place) => ({ itemKey: choiceTallyKey(item.itemKey, i), value: place + 1 }))),
  ],
  tallied: (item, answer) => talliedPicks(item, answer, (place) => place + 1),
  score: () => null,
  choiceFigures(item, count) {
    const places = Array.from({ length: item.maxPicks! }, (_, place) => place + 1);
    const choices = item.choices!.map((choice, i) => {
      const counts = places.map((place) => count(choiceTallyKey(item.itemKey, i), place));
      const picks = counts.reduce((a, b) => a + b, 0);
      return { value: choice.value, text: choice.text, picks, meanPlace: picks === 0 ? null : counts.reduce((sum, n, p) => sum + n * (p + 1), 0) / picks };
    });
    return { answered: count(item.itemKey, ANSWERED), choices };
  },
  exportColumns: (item, _version, lang) => pickColumns(item, lang, (order, i) => order.indexOf(i) + 1 || null),
};
