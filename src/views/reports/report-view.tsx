import type { Catalogue } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { reportText } from '../../i18n/reports.js';
import type { Report } from '../../reports/report.js';
import type { BandLimits } from '../../results/figures.js';
import { formats } from '../results/format.js';
import { ComparisonSection } from './comparison-section.js';
import { KeyFigures } from './key-figures.js';
import { ReportActions } from './report-actions.js';
import { TrendSection } from './trend-section.js';
import { CardSheetView } from '../cards/card-sheet.js';
import { ReportSection } from './report-section.js';

type Props = { lang: Language; report: Report; catalogue: Catalogue; limits: BandLimits; compiledAt: Date };

/**
 * The leadership report, the same whether opened by link or signed in: per
 * questionnaire the latest round, the trend and the comparison, then the agenda
 * and the network's card.
 * Each section starts a new sheet when printed.
 */
export function ReportView({ lang, report, catalogue, limits, compiledAt }: Props) {
  const t = reportText(lang);
  const f = formats(lang);
  return (
    <div class="report">
      <section class="card report-cover">
        <p class="report-kicker">{t.reportTitle}</p>
        <h1>{report.network.name}</h1>
        <p>{fill(t.reportIntro, { k: report.network.threshold })}</p>
        <p class="hint">{fill(t.compiledOn, { date: f.date(compiledAt.toISOString()) })}</p>
        <button type="button" id="print-report" class="button-secondary" hidden>
          {t.printButton}
        </button>
      </section>
      {report.questionnaires.length === 0 && (
        <section class="card">
          <p>{t.noClosedRounds}</p>
        </section>
      )}
      {report.questionnaires.map((q, index) => {
        const version = catalogue.find(q.questionnaireKey, q.latest.round.questionnaireVersion)!;
        const title = version.title[lang];
        return (
          <>
            <KeyFigures lang={lang} version={version} results={q.latest} limits={limits} />
            <TrendSection lang={lang} questionnaire={title} trend={q.trend} catalogue={catalogue} index={index} />
            <ComparisonSection lang={lang} questionnaire={title} comparison={q.comparison} threshold={report.network.threshold} />
          </>
        );
      })}
      <ReportActions lang={lang} actions={report.actions} chosenTogether={report.chosenTogether} />
      {report.card && (
        <ReportSection figures class="report-network-card">
          <CardSheetView lang={lang} networkName={report.network.name} sheet={report.card} level="section" />
        </ReportSection>
      )}
    </div>
  );
}
