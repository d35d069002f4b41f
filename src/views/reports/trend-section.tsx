import type { Catalogue } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { reportText } from '../../i18n/reports.js';
import type { Trend } from '../../results/trend.js';
import { EmbeddedJson } from '../catalogue/embedded-json.js';
import { DataTable, MeanCell } from '../results/figure-parts.js';
import { measureLabel } from '../results/labels.js';
import { trendSpec } from '../results/trend-spec.js';
import { ReportSection } from './report-section.js';

type Props = { lang: Language; questionnaire: string; trend: Trend; catalogue: Catalogue; index: number };

/**
 * One small chart per rule (the mean with its interval as a band), then all
 * the numbers in one table, which also carries the report on paper or to a
 * reader who cannot see the charts.
 */
export function TrendSection({ lang, questionnaire, trend, catalogue, index }: Props) {
  const t = reportText(lang);
  const titles = new Map(trend.rounds.map((round) => [round.id, round.title]));
  // One round is no trend; its figures are in the key figures above.
  if (trend.rounds.length < 2) {
    return (
      <ReportSection figures={false}>
        <h2>{t.trendTitle}</h2>
        <p>{t.trendNeedsTwo}</p>
      </ReportSection>
    );
  }
  return (
    <ReportSection figures>
      <p class="report-kicker">{questionnaire}</p>
      <h2>{t.trendTitle}</h2>
      <p>{fill(t.trendIntro, { k: trend.threshold })}</p>
      {trend.versionChanges.map((change) => (
        <p class="hint">{fill(t.versionChange, { round: titles.get(change.roundId) ?? '', from: change.from, to: change.to })}</p>
      ))}
      <div class="report-trends">
        {trend.series.map((series) => {
          const id = `trend-${index}-${series.measure.replace(':', '-')}`;
          const name = measureLabel(series.measure, lang);
          return (
            <figure class="report-trend">
              <figcaption>{name}</figcaption>
              <div class="report-chart">
                <canvas data-spec={id} role="img" aria-label={fill(t.chartLabel, { name })}></canvas>
              </div>
              <EmbeddedJson id={id} value={trendSpec(trend, series, catalogue, lang)} />
            </figure>
          );
        })}
      </div>
      <DataTable
        caption={t.trendTable}
        head={[
          t.colMeasure,
          ...trend.rounds.map((round) => (
            <>
              {round.title}
              {round.shown && <span class="column-note">n = {round.responses}</span>}
            </>
          )),
        ]}
        rows={trend.series.map((series) => [measureLabel(series.measure, lang), ...series.points.map((point) => <MeanCell figures={point.figures} lang={lang} />)])}
      />
    </ReportSection>
  );
}
