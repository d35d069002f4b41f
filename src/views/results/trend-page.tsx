import type { Context } from 'hono';
import type { Catalogue } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { Trend, TrendSeries } from '../../results/trend.js';
import { ChartFigure } from './chart-figure.js';
import { FavourableNote } from './favourable-parts.js';
import { DataTable, MeanCell } from './figure-parts.js';
import { formats } from './format.js';
import { measureLabel } from './labels.js';
import { ResultsShell, exportHref, resultsHref, roundWithoutFigures } from './results-shell.js';
import { trendSpec } from './trend-spec.js';

type Props = { c: Context<NetworkEnv>; trend: Trend; catalogue: Catalogue; others: Array<{ key: string; title: string }> };

function spokenSummary(series: TrendSeries, trend: Trend, lang: Language): string {
  const t = resultsText(lang);
  const f = formats(lang);
  const name = measureLabel(series.measure, lang);
  const means = series.points.flatMap((p) => (p.figures?.mean != null ? [p.figures.mean] : []));
  if (means.length === 0) return fill(t.trendAriaEmpty, { name });
  return fill(t.trendAria, { name, count: trend.rounds.length, first: f.number(means[0]!), last: f.number(means.at(-1)!) });
}

/** Per rule, the mean with its interval band across every closed round, and the same numbers as a table. */
export function TrendPage({ c, trend, catalogue, others }: Props) {
  const lang = c.var.lang;
  const t = resultsText(lang);
  const f = formats(lang);
  const latest = trend.rounds.at(-1);
  const version = (latest ? catalogue.find(trend.questionnaireKey, latest.version) : catalogue.versionsOf(trend.questionnaireKey).at(-1))!;
  const questionnaire = version.title[lang];
  const title = fill(t.trendTitle, { questionnaire });
  const rounds = new Map(trend.rounds.map((round) => [round.id, round]));
  return (
    <ResultsShell c={c} title={title} back={{ href: resultsHref(c.var.network.id), label: t.allResults }} charts={trend.rounds.length > 0}>
      <section class="card">
        <h1>{title}</h1>
        {trend.rounds.length === 0 ? <p>{t.noTrend}</p> : <p>{t.trendIntro}</p>}
        {trend.rounds.length > 0 && <FavourableNote version={version} lang={lang} />}
        {trend.versionChanges.length > 0 && <p>{t.versionMarks}</p>}
        {trend.versionChanges.some((change) => change.moved.length > 0) && (
          <ul class="moved-notes">
            {trend.versionChanges.flatMap((change) =>
              change.moved.map((item) => <li>{fill(t.trendMoved, { version: change.to, statement: item.title[lang], from: measureLabel(item.from, lang), to: measureLabel(item.to, lang) })}</li>),
            )}
          </ul>
        )}
        {trend.rounds.length > 0 && (
          <p>
            <a href={exportHref(c.var.network.id, `/trend.csv?questionnaire=${trend.questionnaireKey}`)} download>
              {t.downloadCsv}
            </a>
          </p>
        )}
        {others.length > 0 && (
          <ul class="result-links">
            {others.map((other) => (
              <li>
                <a href={resultsHref(c.var.network.id, `/trend?questionnaire=${other.key}`)}>{fill(t.trendTitle, { questionnaire: other.title })}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {trend.rounds.length > 0 && (
        <div class="trend-grid">
          {trend.series.map((series) => (
            <section class="card trend-card">
              <h2>{measureLabel(series.measure, lang)}</h2>
              <ChartFigure id={`chart-trend-${series.measure.replace(':', '-')}`} spec={trendSpec(trend, series, catalogue, lang)} label={spokenSummary(series, trend, lang)} tableLabel={t.tableView}>
                <DataTable
                  caption={fill(t.trendCaption, { name: measureLabel(series.measure, lang) })}
                  head={[t.closed, t.version, 'n', `${t.meanAbbr} (${t.ciAbbr})`]}
                  rows={series.points.map((point) => {
                    const round = rounds.get(point.roundId)!;
                    return [f.date(round.closesAt), round.versionLabel, round.shown ? String(point.figures?.n ?? '–') : '–', round.shown ? <MeanCell figures={point.figures} lang={lang} /> : roundWithoutFigures(round, trend.threshold, lang)];
                  })}
                />
              </ChartFigure>
            </section>
          ))}
        </div>
      )}
    </ResultsShell>
  );
}
