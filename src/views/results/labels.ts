import type { QuestionnaireVersion } from '../../catalogue/types.js';
import { findMeasure } from '../../catalogue/measures.js';
import type { Language } from '../../db/schema/networks.js';
import { resultsText } from '../../i18n/results.js';
import { OTHER } from '../../results/segments.js';

export { measureLabel } from '../../catalogue/measures.js';

/** A background question by its name; a key the product does not name is shown as it is. */
export function segmentName(key: string, lang: Language): string {
  const t = resultsText(lang);
  return key === 'organisationType' || key === 'role' ? t[`segment_${key}`] : key;
}

/** The heading of a column of rules, or of areas for the strategy questionnaire. */
export function measureColumn(measures: Array<{ measure: string }>, lang: Language): string {
  const t = resultsText(lang);
  return measures.some((m) => findMeasure(m.measure)?.kind === 'area') ? t.area : t.rule;
}

/** The answer options of a background question in the page's language, as members saw them. */
function segmentValueLabels(version: QuestionnaireVersion, segment: string, lang: Language): Map<string, string> {
  const question = version.items.find((item) => item.kind === 'segment' && item.segment === segment);
  return new Map((question?.choices ?? []).map((choice) => [String(choice.value), choice.text[lang]]));
}

/** A group of a background question by name: an answer option as members saw it, or "Others" for the merged remainder. */
export function segmentGroupName(version: QuestionnaireVersion, segment: string, lang: Language): (value: string) => string {
  const values = segmentValueLabels(version, segment, lang);
  return (value) => (value === OTHER ? resultsText(lang).segmentOther : (values.get(value) ?? value));
}
