import type { Context } from 'hono';
import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { RoundComparison } from '../../results/comparison.js';
import { ChartFigure } from './chart-figure.js';
import { scaleOf, stackOf } from './chart-specs.js';
import { CompareForm, type ClosedRound } from './compare-form.js';
import { CompareTable } from './compare-table.js';
import { FavourableNote } from './favourable-parts.js';
import { DataTable } from './figure-parts.js';
import { formats } from './format.js';
import { measureColumn, measureLabel } from './labels.js';
import { ResultsShell, WithheldNotice, exportHref, resultsHref } from './results-shell.js';

type Props = { c: Context<NetworkEnv>; comparison: RoundComparison; version: QuestionnaireVersion; rounds: ClosedRound[] };

/** Two rounds side by side: means, the change with its interval and a verdict in words, and the shift in the distributions. */
export function ComparePage({ c, comparison, version, rounds }: Props) {
  const lang = c.var.lang;
  const t = resultsText(lang);
  const f = formats(lang);
  const { before, after, measures } = comparison;
  const [first, second] = f.roundLabels([before.closesAt, after.closesAt]) as [string, string];
  const months = { first, second };
  const head: [string, string, string] = [measureColumn(measures.map((m) => ({ measure: m.key })), lang), fill(t.earlier, { month: months.first }), fill(t.later, { month: months.second })];
  const count = (verdict: string) => measures.filter((m) => m.change?.verdict === verdict).length;
  const verdicts = { improved: count('improved'), declined: count('declined'), same: count('no_change') };
  const scale = scaleOf(version, lang);
  const sides = [
    { name: fill(t.earlier, { month: months.first }), rows: measures.map((m) => ({ measure: m.key, figures: m.before })) },
    { name: fill(t.later, { month: months.second }), rows: measures.map((m) => ({ measure: m.key, figures: m.after })) },
  ];
  const shift = { kind: 'stacked' as const, categories: measures.map((m) => measureLabel(m.key, lang)), scale: scale.options, stacks: sides.map((side) => stackOf(side.name, side.rows, scale.options, lang)) };
  const withheld = [before, after].filter((side) => side.withheld);
  return (
    <ResultsShell c={c} title={t.compareHeading} back={{ href: resultsHref(c.var.network.id), label: t.allResults }} charts={withheld.length === 0 && measures.length > 0}>
      <section class="card">
        <h1>{t.compareHeading}</h1>
        <p class="lead">
          {fill(t.compareLead, { first: before.title, firstDate: f.date(before.closesAt), firstN: before.responses, second: after.title, secondDate: f.date(after.closesAt), secondN: after.responses })}
        </p>
        {withheld.map((side) => (
          <WithheldNotice lang={lang} withheld={side.withheld!} responses={side.responses} round={side} k={comparison.threshold} title={side.title} />
        ))}
        {withheld.length === 0 && measures.length === 0 && <p class="notice">{t.noSharedMeasures}</p>}
        {withheld.length === 0 && measures.length > 0 && (
          <>
            <p>{t.method}</p>
            <FavourableNote version={version} lang={lang} />
            <p class="verdict-summary">{fill(t.verdictSummary, verdicts)}</p>
            <p>
              <a href={exportHref(c.var.network.id, `/compare.csv?before=${before.id}&after=${after.id}`)} download>
                {t.downloadCsv}
              </a>
            </p>
            <CompareTable rows={measures} label={(row) => measureLabel(row.key, lang)} head={head} caption={measures[0]?.key.startsWith('area:') ? t.areas : t.rules} lang={lang} />
          </>
        )}
      </section>
      {withheld.length === 0 && measures.length > 0 && (
        <>
          <section class="card">
            <h2>{t.shiftTitle}</h2>
            <p>{fill(t.shiftIntro, months)}</p>
            <ChartFigure id="chart-shift" spec={shift} label={fill(t.shiftAria, { ...months, ...verdicts })} tableLabel={t.tableView}>
              <DataTable
                caption={t.distributionCaption}
                head={[head[0], t.round, ...scale.options.map((option, i) => `${scale.values[i]} ${option}`)]}
                rows={measures.flatMap((m, i) =>
                  sides.map((side) => [measureLabel(m.key, lang), side.name, ...scale.options.map((_, option) => {
                    const d = side.rows[i]!.figures?.distribution[option];
                    return d ? `${d.count} (${f.percent(d.share)})` : t.notShown;
                  })]),
                )}
              />
            </ChartFigure>
          </section>
          <section class="card">
            <h2>{t.itemsTitle}</h2>
            <details class="compare-items">
              <summary>{fill(t.sharedItems, { count: comparison.items.length })}</summary>
              <CompareTable rows={comparison.items} label={(row) => row.name[lang]} head={[t.item, head[1], head[2]]} caption={t.itemsTitle} lang={lang} />
            </details>
            {comparison.moved.length > 0 && (
              <>
                <h3>{fill(t.movedTitle, { count: comparison.moved.length })}</h3>
                <p class="hint">{t.movedNote}</p>
                <ul>
                  {comparison.moved.map((item) => (
                    <li>{fill(t.movedLine, { statement: item.title[lang], from: measureLabel(item.from, lang), to: measureLabel(item.to, lang) })}</li>
                  ))}
                </ul>
              </>
            )}
            {[
              { list: comparison.onlyBefore, title: t.onlyFirst },
              { list: comparison.onlyAfter, title: t.onlySecond },
            ].map(({ list, title }) =>
              list.length > 0 && (
                <>
                  <h3>{fill(title, { count: list.length })}</h3>
                  <p class="hint">{t.onlyNote}</p>
                  <ul>
                    {list.map((item) => (
                      <li>{item.title[lang]}</li>
                    ))}
                  </ul>
                </>
              ),
            )}
          </section>
        </>
      )}
      <section class="card">
        <h2>{t.compareTitle}</h2>
        <CompareForm lang={lang} action={resultsHref(c.var.network.id, '/compare')} rounds={rounds} before={before.id} after={after.id} />
      </section>
    </ResultsShell>
  );
}
