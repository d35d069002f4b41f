import type { QuestionnaireVersion } from '../catalogue/types.js';
import { kindOf } from '../question-kinds/index.js';
import { isBlank, type AnswerCheck } from '../question-kinds/kind.js';
import { conditionalState, isConditional } from './answer-rules.js';

export type AnswerProblem = { code: 'not_an_object' } | { code: 'unknown_question'; question: string } | { code: 'required'; question: string } | (NonNullable<AnswerCheck> & { question: string });

/**
 * Checks answers against the exact questionnaire version: known questions
 * only, each answer as its question's kind allows, and every required
 * question answered. Returns every problem found.
 */
export function validateAnswers(version: QuestionnaireVersion, answers: unknown): AnswerProblem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return [{ code: 'not_an_object' }];
  const data = answers as Record<string, unknown>;
  const items = new Map(version.items.map((item) => [item.name, item]));
  const problems: AnswerProblem[] = [];
  for (const [question, value] of Object.entries(data)) {
    const item = items.get(question);
    if (!item) problems.push({ code: 'unknown_question', question });
    else if (isBlank(value)) continue;
    else {
      const problem = kindOf(item).check(item, value, version);
      if (problem) problems.push({ ...problem, question });
    }
  }
  const conditional = isConditional(version) ? conditionalState(version, data) : null;
  for (const item of version.items) {
    const required = conditional ? conditional.required.has(item.name) : item.required;
    if (required && isBlank(data[item.name])) problems.push({ code: 'required', question: item.name });
  }
  return problems;
}
