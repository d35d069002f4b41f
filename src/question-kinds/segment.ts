import { settings } from 'survey-core';
import { SEGMENT_VALUES } from '../catalogue/segment-values.js';
import type { QuestionKind, ReadContext } from './kind.js';
import { choicesOf } from './choices.js';

const CHOICE_TYPES = new Set(['radiogroup', 'dropdown']);

/**
 * A background question (e.g. the kind of organisation): counted only in the
 * segment tallies when the network collects them, never kept with the response,
 * where it could narrow down who answered.
 */
export const segment: QuestionKind = {
  kind: 'segment',
  background: true,
  claims: (question) => CHOICE_TYPES.has(question.getType()) && (question as unknown as { segment?: unknown }).segment !== undefined,
  read(context: ReadContext) {
    const key = (context.question as unknown as { segment?: unknown }).segment;
    if (typeof key !== 'string' || !(key in SEGMENT_VALUES)) {
      context.fail('segment_unknown');
    }
    if (context.base.measure) context.fail('segment_scored');
    const choices = choicesOf(context);
    const values = choices.map((c) => String(c.value));
    const allowed = SEGMENT_VALUES[key];
    const unknown = allowed ? values.filter((v) => !allowed.includes(v)) : [];
    if (unknown.length > 0) context.fail('segment_values_unknown', { values: unknown });
    const acceptsNone = (context.question as unknown as { showNoneItem?: boolean }).showNoneItem === true;
    return { item: { ...context.base, kind: 'segment', segment: key, segmentValues: values, choices, acceptsNone } };
  },
  check: (item, answer) => (item.segmentValues!.includes(answer as string) || (item.acceptsNone && answer === settings.noneItemValue) ? null : { code: 'not_a_choice' }),
  worstAnswer: (item) => [...item.segmentValues!, settings.noneItemValue].reduce((a, b) => (b.length > a.length ? b : a)),
  tallyCells: () => [],
  tallied: () => [],
  score: () => null,
  exportColumns: () => [],
};
