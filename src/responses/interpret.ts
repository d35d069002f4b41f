import { settings } from 'survey-core';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import { kindOf } from '../question-kinds/index.js';

export type Interpreted = {
  /** The answers to keep: only questions of the version, without segment answers when segments are not collected. */
  answers: Record<string, unknown>;
  segments: Record<string, string>;
  /** One entry per tally row the answers add one to (for a scored item: its scale value, or CANNOT_SAY). */
  itemValues: Array<{ itemKey: string; value: number }>;
  /** The respondent's score per measure: the mean of their numeric answers to its items. */
  measureScores: Array<{ measure: string; score: number }>;
};

/** Reads SurveyJS data against a questionnaire version; keys that are not its questions are dropped, never an error. */
export function interpretAnswers(version: QuestionnaireVersion, data: Record<string, unknown>, collectSegments: boolean): Interpreted {
  const answers: Record<string, unknown> = {};
  const segments: Record<string, string> = {};
  const itemValues: Interpreted['itemValues'] = [];
  const scores = new Map<string, number[]>();
  for (const item of version.items) {
    if (!Object.hasOwn(data, item.name)) continue;
    const answer = data[item.name];
    const kind = kindOf(item);
    if (kind.background) {
      // Not kept at all unless the network collects segments: it could narrow down who answered.
      if (!collectSegments) continue;
      if (item.segment && kind.check(item, answer, version) === null && answer !== settings.noneItemValue) segments[item.segment] = answer as string;
    }
    answers[item.name] = answer;
    itemValues.push(...kind.tallied(item, answer, version));
    const score = item.measure ? kind.score(item, answer, version) : null;
    if (score !== null) scores.set(item.measure!, [...(scores.get(item.measure!) ?? []), score]);
  }
  const measureScores = [...scores].map(([measure, values]) => ({ measure, score: values.reduce((a, b) => a + b, 0) / values.length }));
  return { answers, segments, itemValues, measureScores };
}
