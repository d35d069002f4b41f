import type { QuestionnaireVersion } from '../catalogue/types.js';
import { answerRules, conditionalState } from './answer-rules.js';

export type AnswerProblem =
  | { code: 'not_an_object' }
  | { code: 'unknown_question'; question: string }
  | { code: 'not_a_choice'; question: string }
  | { code: 'not_text'; question: string }
  | { code: 'too_long'; question: string; maxLength: number }
  | { code: 'required'; question: string };

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Checks answers against the exact questionnaire version: known questions
 * only, values from the question's own choices, text within its limit, and
 * every required question answered. Returns every problem found.
 */
export function validateAnswers(version: QuestionnaireVersion, answers: unknown): AnswerProblem[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return [{ code: 'not_an_object' }];
  const data = answers as Record<string, unknown>;
  const rules = answerRules(version);
  const problems: AnswerProblem[] = [];
  for (const [question, value] of Object.entries(data)) {
    const rule = rules.questions.get(question);
    if (!rule) problems.push({ code: 'unknown_question', question });
    else if (isBlank(value)) continue;
    else if (rule.kind === 'choice' && !((typeof value === 'string' || typeof value === 'number') && rule.values.has(value))) problems.push({ code: 'not_a_choice', question });
    else if (rule.kind === 'text' && typeof value !== 'string') problems.push({ code: 'not_text', question });
    else if (rule.kind === 'text' && (value as string).length > rule.maxLength) problems.push({ code: 'too_long', question, maxLength: rule.maxLength });
  }
  const conditional = rules.conditional ? conditionalState(version, data) : null;
  for (const [question, rule] of rules.questions) {
    const required = conditional ? conditional.required.has(question) : rule.required;
    if (required && isBlank(data[question])) problems.push({ code: 'required', question });
  }
  return problems;
}
