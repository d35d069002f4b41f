import { kindOf, measureOf, textIn, type DraftPage, type DraftQuestion } from '../../../catalogue/draft-json.js';
import type { Language } from '../../../db/schema/networks.js';
import { catalogueText } from '../../../i18n/catalogue.js';
import { editorText } from '../../../i18n/editor.js';
import { fill } from '../../../i18n/messages.js';
import { titledMeasureLabel } from '../../../i18n/measure-names.js';

/** A text in the page's language, else in the first language that has it; never an internal name. */
export function shownText(value: unknown, lang: Language, languages: readonly Language[]): string | undefined {
  return [lang, ...languages].map((code) => textIn(value, code).trim()).find(Boolean);
}

export const questionTitle = (question: DraftQuestion, lang: Language, languages: readonly Language[]) => shownText(question.title, lang, languages) ?? editorText(lang).untitled;

export const pageTitle = (page: DraftPage, index: number, lang: Language, languages: readonly Language[]) =>
  shownText(page.title, lang, languages) ?? fill(editorText(lang).pageNumber, { number: index + 1 });

/** What a question measures, or what kind of unscored question it is. */
export function kindLabel(question: DraftQuestion, lang: Language): string {
  const t = catalogueText(lang);
  const measure = measureOf(question);
  const kind = kindOf(question);
  if (kind === 'scored') return titledMeasureLabel(measure ?? '', lang);
  const names = { open: t.openQuestion, segment: t.backgroundQuestion, multiple: t.multipleQuestion, ranking: t.rankingQuestion, other: editorText(lang).otherKind };
  return measure ? `${names[kind]} · ${titledMeasureLabel(measure, lang)}` : names[kind];
}
