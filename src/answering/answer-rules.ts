import { Model, settings, type ItemValue, type Question } from 'survey-core';
import { registerSurveyProperties } from '../catalogue/survey-properties.js';
import type { QuestionnaireVersion } from '../catalogue/types.js';

/** The longest free-text answer accepted, in characters (also stated on the answer page). */
export const MAX_TEXT_LENGTH = 2000;

export type QuestionRule =
  | { kind: 'choice'; required: boolean; values: ReadonlySet<string | number> }
  | { kind: 'text'; required: boolean; maxLength: number };

export type AnswerRules = {
  questions: ReadonlyMap<string, QuestionRule>;
  /** Whether visibility or requirement depends on answers; then survey-core decides per submission. */
  conditional: boolean;
};

const CONDITIONS = ['visibleIf', 'enableIf', 'requiredIf'];

function ruleOf(question: Question): QuestionRule {
  const q = question as unknown as { choices?: ItemValue[]; showNoneItem?: boolean; maxLength?: number };
  if (q.choices) {
    const values = new Set<string | number>(q.choices.map((c) => c.value as string | number));
    if (q.showNoneItem) values.add(settings.noneItemValue);
    return { kind: 'choice', required: question.isRequired, values };
  }
  const maxLength = q.maxLength && q.maxLength > 0 ? Math.min(q.maxLength, MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
  return { kind: 'text', required: question.isRequired, maxLength };
}

const cache = new WeakMap<QuestionnaireVersion, AnswerRules>();

/** Built once per version with survey-core: building a model per submission costs ~15 ms. */
export function answerRules(version: QuestionnaireVersion): AnswerRules {
  const cached = cache.get(version);
  if (cached) return cached;
  registerSurveyProperties();
  const survey = new Model(version.json);
  const elements = [...survey.pages, ...survey.getAllPanels(), ...survey.getAllQuestions()] as unknown as Array<Record<string, unknown>>;
  const rules: AnswerRules = {
    questions: new Map(survey.getAllQuestions().map((q) => [q.name, ruleOf(q)])),
    conditional: elements.some((element) => CONDITIONS.some((name) => Boolean(element[name]))),
  };
  cache.set(version, rules);
  return rules;
}

/** For conditional questionnaires: which questions survey-core shows and requires for these answers. */
export function conditionalState(version: QuestionnaireVersion, answers: Record<string, unknown>): { visible: Set<string>; required: Set<string> } {
  registerSurveyProperties();
  const survey = new Model(version.json);
  survey.data = answers;
  const visible = survey.getAllQuestions(true);
  return { visible: new Set(visible.map((q) => q.name)), required: new Set(visible.filter((q) => q.isRequired).map((q) => q.name)) };
}
