import { settings, type ItemValue } from 'survey-core';
import type { CatalogueItem, QuestionnaireVersion, Scale } from '../catalogue/types.js';
import { CANNOT_SAY } from '../db/schema/responses.js';
import { titledMeasureLabel } from '../i18n/measure-names.js';
import type { QuestionKind, ReadContext } from './kind.js';

const SCALE_TYPES = new Set(['radiogroup', 'dropdown']);

function scaleOf({ question, texts, fail }: ReadContext): Scale {
  const choices = (question as unknown as { choices: ItemValue[] }).choices.map((choice) => {
    if (typeof choice.value !== 'number' || !Number.isInteger(choice.value) || choice.value < 1) {
      fail('scale_not_whole');
    }
    return { value: choice.value as number, text: texts(choice.locText, 'choice', String(choice.value)) };
  });
  if (choices.length < 2 || choices.some((c, i) => c.value !== i + 1)) fail('scale_gaps');
  const q = question as unknown as { showNoneItem: boolean; noneItem: ItemValue };
  if (!q.showNoneItem) fail('scale_no_cannot_say');
  return { choices, cannotSay: texts(q.noneItem.locText, 'cannotSay') };
}

/** The point of the version's scale an answer is, CANNOT_SAY for "cannot say", null for anything else. */
function scaleValue(answer: unknown, version: QuestionnaireVersion): number | null {
  if (answer === settings.noneItemValue) return CANNOT_SAY;
  const max = version.scale?.choices.length ?? 0;
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= max ? answer : null;
}

/** A statement rated on the version's scale; it measures exactly one rule or strategy area. */
export const scored: QuestionKind = {
  kind: 'scored',
  background: false,
  claims: (question) => SCALE_TYPES.has(question.getType()) && (question as unknown as { segment?: unknown }).segment === undefined,
  read(context: ReadContext) {
    if (!context.base.measure) context.fail('scored_needs_measure');
    const item: CatalogueItem = { ...context.base, kind: 'scored', measure: context.base.measure };
    return { item, scale: scaleOf(context) };
  },
  check: (_item, answer, version) => (scaleValue(answer, version) === null ? { code: 'not_a_choice' } : null),
  worstAnswer: () => settings.noneItemValue,
  tallyCells: (item, version) => [CANNOT_SAY, ...(version.scale?.choices.map((c) => c.value) ?? [])].map((value) => ({ itemKey: item.itemKey, value })),
  tallied(item, answer, version) {
    const value = scaleValue(answer, version);
    return value === null ? [] : [{ itemKey: item.itemKey, value }];
  },
  score(_item, answer, version) {
    const value = scaleValue(answer, version);
    return value === null || value === CANNOT_SAY ? null : value;
  },
  exportColumns: (item, version, lang) => [
    {
      key: item.name,
      header: `${titledMeasureLabel(item.measure!, lang)} – ${item.title[lang]}`,
      cell: (answer) => (scaleValue(answer, version) === null ? null : (answer as number | string)),
    },
  ],
};
