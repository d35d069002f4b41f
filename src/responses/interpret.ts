import { settings } from 'survey-core';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import { CANNOT_SAY } from '../db/schema/responses.js';
import { scoredItems } from './tally-keys.js';

export type Interpreted = {
  /** The answers to keep: only questions of the version, without segment answers when segments are not collected. */
  answers: Record<string, unknown>;
  segments: Record<string, string>;
  /** One entry per answered scored item: the scale value, or CANNOT_SAY. */
  itemValues: Array<{ itemKey: string; value: number }>;
  /** The respondent's score per measure: the mean of their numeric answers to its items. */
  measureScores: Array<{ measure: string; score: number }>;
};

function scaleValue(answer: unknown, max: number): number | null {
  if (answer === settings.noneItemValue) return CANNOT_SAY;
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= max ? answer : null;
}

/** Reads SurveyJS data against a questionnaire version; keys that are not its questions are dropped, never an error. */
export function interpretAnswers(version: QuestionnaireVersion, data: Record<string, unknown>, collectSegments: boolean): Interpreted {
  const answers: Record<string, unknown> = {};
  const segments: Record<string, string> = {};
  for (const item of version.items) {
    if (!Object.hasOwn(data, item.name)) continue;
    const answer = data[item.name];
    if (item.kind === 'segment') {
      // Not kept at all unless the network collects segments: it could narrow down who answered.
      if (!collectSegments) continue;
      if (item.segment && typeof answer === 'string' && item.segmentValues?.includes(answer)) segments[item.segment] = answer;
    }
    answers[item.name] = answer;
  }

  const max = version.scale?.choices.length ?? 0;
  const itemValues: Interpreted['itemValues'] = [];
  const numeric = new Map<string, number[]>();
  for (const item of scoredItems(version)) {
    const value = scaleValue(answers[item.name], max);
    if (value === null) continue;
    itemValues.push({ itemKey: item.itemKey, value });
    if (value === CANNOT_SAY) continue;
    numeric.set(item.measure, [...(numeric.get(item.measure) ?? []), value]);
  }
  const measureScores = [...numeric].map(([measure, values]) => ({ measure, score: values.reduce((a, b) => a + b, 0) / values.length }));
  return { answers, segments, itemValues, measureScores };
}
