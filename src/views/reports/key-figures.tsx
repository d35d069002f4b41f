import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { reportText } from '../../i18n/reports.js';
import { resultsText } from '../../i18n/results.js';
import type { QuestionnaireVersion } from '../../catalogue/types.js';
import { favourableText } from '../../i18n/favourable.js';
import type { BandLimits } from '../../results/figures.js';
import type { RoundResults } from '../../results/round-results.js';
import { BandBadge, DataTable } from '../results/figure-parts.js';
import { FavourableNote, shareText } from '../results/favourable-parts.js';
import { favourableBandsText } from '../results/band-texts.js';
import { formats } from '../results/format.js';
import { measureLabel } from '../results/labels.js';
import { ReportSection } from './report-section.js';

type Props = { lang: Language; version: QuestionnaireVersion; results: RoundResults; limits: BandLimits };

/** The latest round at a glance: who answered, and per rule the mean, its interval, the favourable share, n and level in words. */
export function KeyFigures({ lang, version, results, limits }: Props) {
  const [t, r, f] = [reportText(lang), resultsText(lang), formats(lang)];
  const questionnaire = version.title[lang];
  const scaleMax = version.scale?.choices.at(-1)?.value ?? 5;
  const { round } = results;
  return (
    <ReportSection figures={!results.withheld} class="key-figures">
      <p class="report-kicker">{questionnaire}</p>
      <h2>{fill(t.latestTitle, { title: round.title })}</h2>
      <dl class="figures">
        <div>
          <dt>{t.roundClosed}</dt>
          <dd>{f.date(round.closesAt)}</dd>
        </div>
        <div>
          <dt>{t.responses}</dt>
          <dd>{fill(t.responsesOf, { responses: results.responses, invited: results.invited })}</dd>
        </div>
        <div>
          <dt>{t.responseRate}</dt>
          <dd>{results.responseRate === null ? '–' : f.percent(results.responseRate)}</dd>
        </div>
      </dl>
      {results.withheld ? (
        <p class="notice">{round.resultsErasedAt ? fill(t.withheldErased, { date: f.date(round.resultsErasedAt) }) : fill(t.withheldBelow, { k: results.threshold })}</p>
      ) : (
        <>
          <DataTable
            caption={fill(t.latestTitle, { title: round.title })}
            head={[t.colMeasure, t.colMean, t.colCi, favourableText(lang).column, t.colN, r.band]}
            rows={results.measures.map((m) => {
              const figures = m.figures?.mean != null ? m.figures : null;
              return [
                measureLabel(m.measure, lang),
                figures ? f.number(figures.mean!) : r.notShown,
                figures?.ci95 ? f.range(figures.ci95) : '–',
                figures?.favourable ? shareText(figures.favourable, lang) : '–',
                figures ? String(figures.n) : '–',
                figures ? <BandBadge band={figures.band} lang={lang} /> : '–',
              ];
            })}
          />
          <FavourableNote version={version} lang={lang} />
          <p class="hint">{limits.basis === 'mean' ? fill(t.bandNote, { strength: f.number(limits.strength), concern: f.number(limits.concern), max: scaleMax }) : favourableBandsText(limits, lang)}</p>
        </>
      )}
    </ReportSection>
  );
}
