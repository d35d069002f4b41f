import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { reportText } from '../../i18n/reports.js';
import { resultsText } from '../../i18n/results.js';
import type { RoundComparison } from '../../results/comparison.js';
import { CompareTable } from '../results/compare-table.js';
import { formats } from '../results/format.js';
import { measureLabel } from '../results/labels.js';
import { ReportSection } from './report-section.js';

type Props = { lang: Language; questionnaire: string; comparison: RoundComparison | null; threshold: number };

/** The latest round against the one before, rule by rule, with the verdict in words and the honesty about noise. */
export function ComparisonSection({ lang, questionnaire, comparison, threshold }: Props) {
  const [t, r, f] = [reportText(lang), resultsText(lang), formats(lang)];
  if (!comparison) {
    return (
      <ReportSection figures={false}>
        <h2>{t.comparisonTitle}</h2>
        <p>{t.noPrevious}</p>
      </ReportSection>
    );
  }
  const withheld = comparison.before.withheld || comparison.after.withheld;
  return (
    <ReportSection figures={!withheld}>
      <p class="report-kicker">{questionnaire}</p>
      <h2>{t.comparisonTitle}</h2>
      <p>{fill(t.comparisonIntro, { before: comparison.before.title, after: comparison.after.title })}</p>
      {withheld ? (
        <p class="notice">{comparison.before.resultsErasedAt || comparison.after.resultsErasedAt ? t.comparisonErased : fill(t.comparisonWithheld, { k: threshold })}</p>
      ) : (
        <CompareTable
          rows={comparison.measures}
          label={(row) => measureLabel(row.key, lang)}
          head={[t.colMeasure, fill(r.earlier, { month: f.month(comparison.before.closesAt) }), fill(r.later, { month: f.month(comparison.after.closesAt) })]}
          caption={t.comparisonTitle}
          lang={lang}
        />
      )}
    </ReportSection>
  );
}
