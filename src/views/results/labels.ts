import type { QuestionnaireVersion } from '../../catalogue/types.js';
import { findMeasure } from '../../catalogue/measures.js';
import type { Language } from '../../db/schema/networks.js';
import { resultsText } from '../../i18n/results.js';

/** "3. Resurssit, aikataulut ja työkalut" for a rule, which members know by number; an area by its name. */
export function measureLabel(measure: string, lang: Language): string {
  const meta = findMeasure(measure);
  if (!meta) return measure;
  return meta.kind === 'rule' ? `${meta.number}. ${meta.name[lang]}` : meta.name[lang];
}

/** The heading of a column of rules, or of areas for the strategy questionnaire. */
export function measureColumn(measures: Array<{ measure: string }>, lang: Language): string {
  const t = resultsText(lang);
  return measures.some((m) => findMeasure(m.measure)?.kind === 'area') ? t.area : t.rule;
}

/** The answer options of a background question in the page's language, as members saw them. */
export function segmentValueLabels(version: QuestionnaireVersion, segment: string, lang: Language): Map<string, string> {
  const question = version.items.find((item) => item.kind === 'segment' && item.segment === segment);
  return new Map((question?.choices ?? []).map((choice) => [String(choice.value), choice.text[lang]]));
}
