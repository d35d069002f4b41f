import { MAX_TEXT_LENGTH } from '../answering/answer-rules.js';
import type { QuestionKind } from './kind.js';

const OPEN_TYPES = new Set(['comment', 'text']);

/**
 * A free-text answer, optionally about one rule or area. It is read only in
 * the open-answers list, sorted and apart from the rest of its response, so
 * it is neither tallied nor a column of the raw export.
 */
export const open: QuestionKind = {
  kind: 'open',
  background: false,
  claims: (question) => OPEN_TYPES.has(question.getType()),
  read({ question, base }) {
    const own = (question as unknown as { maxLength?: number }).maxLength;
    return { item: { ...base, kind: 'open', maxLength: own && own > 0 ? Math.min(own, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH } };
  },
  check(item, answer) {
    if (typeof answer !== 'string') return { code: 'not_text' };
    const maxLength = item.maxLength ?? MAX_TEXT_LENGTH;
    return answer.length > maxLength ? { code: 'too_long', maxLength } : null;
  },
  // A character outside Latin-1 makes v8 store the whole string in two bytes a character.
  worstAnswer: (item) => '\u0100'.repeat(item.maxLength ?? MAX_TEXT_LENGTH),
  tallyCells: () => [],
  tallied: () => [],
  score: () => null,
  exportColumns: () => [],
};
