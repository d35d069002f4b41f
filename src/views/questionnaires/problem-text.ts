import type { CatalogueError } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { catalogueProblemMessage } from '../../i18n/catalogue-problems.js';
import { fill } from '../../i18n/messages.js';
import { questionnaireText } from '../../i18n/questionnaires.js';

/** The problem in the coordinator's language, naming the question by its title as people read it. */
export function problemText(problem: CatalogueError, lang: Language): string {
  const message = catalogueProblemMessage(problem.code, problem.params, lang);
  const title = problem.questionTitle?.[lang] ?? Object.values(problem.questionTitle ?? {})[0];
  return title ? fill(questionnaireText(lang).problemAt, { question: title, problem: message }) : message;
}
