import { Model } from 'survey-core';
import { registerSurveyProperties } from '../catalogue/survey-properties.js';
import type { QuestionnaireVersion } from '../catalogue/types.js';

/** The longest free-text answer accepted, in characters (also stated on the answer page). */
export const MAX_TEXT_LENGTH = 2000;

const CONDITIONS = ['visibleIf', 'enableIf', 'requiredIf'];

const conditionalVersions = new WeakMap<QuestionnaireVersion, boolean>();

/** Whether visibility or requirement depends on answers; then survey-core decides per submission. Read once per version: a model costs ~15 ms. */
export function isConditional(version: QuestionnaireVersion): boolean {
  let conditional = conditionalVersions.get(version);
  if (conditional === undefined) {
    registerSurveyProperties();
    const survey = new Model(version.json);
    const elements = [...survey.pages, ...survey.getAllPanels(), ...survey.getAllQuestions()] as unknown as Array<Record<string, unknown>>;
    conditionalVersions.set(version, (conditional = elements.some((element) => CONDITIONS.some((name) => Boolean(element[name])))));
  }
  return conditional;
}

/** For conditional questionnaires: which questions survey-core shows and requires for these answers. */
export function conditionalState(version: QuestionnaireVersion, answers: Record<string, unknown>): { visible: Set<string>; required: Set<string> } {
  registerSurveyProperties();
  const survey = new Model(version.json);
  survey.data = answers;
  const visible = survey.getAllQuestions(true);
  return { visible: new Set(visible.map((q) => q.name)), required: new Set(visible.filter((q) => q.isRequired).map((q) => q.name)) };
}
