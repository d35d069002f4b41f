import type { Context } from 'hono';
import type { AuditLog } from '../../audit/network-log.js';
import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { heatmapText } from '../../i18n/heatmap.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import { bandLimits, type RoundResults } from '../../results/round-results.js';
import type { SegmentResults } from '../../results/segments.js';
import { scaleOf } from './chart-specs.js';
import { FavourableNote } from './favourable-parts.js';
import { formats } from './format.js';
import { ChoiceSection, type AdoptLink } from './choice-section.js';
import { MeasureList } from './measure-list.js';
import { ResultsShell, WithheldNotice, exportHref, resultsHref } from './results-shell.js';
import { RoundAuditSection } from './round-audit-section.js';
import { DistributionChart, ProfileChart, type ProfileSeries } from './round-charts.js';
import { SegmentSection } from './segment-section.js';
import { STRATEGY_KEY } from '../../cards/cards.js';
import { networkCardText } from '../../i18n/network-card.js';

export type RoundPageProps = {
  c: Context<NetworkEnv>;
  results: RoundResults;
  version: QuestionnaireVersion;
  /** The previous closed round of the same questionnaire, if its figures are shown. */
  previous: (ProfileSeries & { id: number }) | null;
  segments: { results: SegmentResults; keys: string[] } | null;
  /** The roster changes and invitations bearing on the round. */
  audit: AuditLog;
  /** A choosing round, seen by a coordinator: where each choice is adopted into the agenda. */
  adopt?: AdoptLink | undefined;
};

/** A round's summary: response rate, then (once closed, with at least k responses) the profile, distributions, rules and groups. */
export function RoundPage({ c, results, version, previous, segments, audit, adopt }: RoundPageProps) {
  const lang = c.var.lang;
  const t = resultsText(lang);
  const f = formats(lang);
  const { round } = results;
  const base = resultsHref(c.var.network.id);
  const rows = results.measures.map((m) => ({ measure: m.measure, figures: m.figures }));
  const isAreas = results.measures[0]?.kind === 'area';
  const facts: Array<[string, string | number]> = [
    [t.responses, results.responses],
    [t.invited, results.invited],
    ...(results.responseRate === null ? [] : [[t.responseRate, f.percent(results.responseRate)] as [string, string]]),
    [t.threshold, results.threshold],
  ];
  return (
    <ResultsShell c={c} title={round.title} back={{ href: base, label: t.allResults }} charts={!results.withheld}>
      <section class="card">
        <h1>{round.title}</h1>
        <p class="lead">
          {fill(t.roundLead, { questionnaire: version.title[lang], version: version.label, opens: f.date(round.opensAt), closes: f.date(round.closesAt) })}
        </p>
        <dl class="figures">
          {facts.map(([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {results.withheld ? (
          <WithheldNotice lang={lang} withheld={results.withheld} responses={results.responses} round={round} k={results.threshold} />
        ) : (
          <ul class="result-links">
            <li>
              <a href={`${base}/rounds/${round.id}/open-answers`}>{t.openAnswers}</a>
            </li>
            {previous && (
              <li>
                <a href={`${base}/compare?before=${previous.id}&after=${round.id}`}>{t.compareWithPrevious}</a>
              </li>
            )}
            <li>
              <a href={`${base}/trend?questionnaire=${round.questionnaireKey}`}>{t.trendLink}</a>
            </li>
            {round.questionnaireKey === STRATEGY_KEY && (
              <li>
                <a href={`/networks/${c.var.network.id}/card${c.var.role === 'coordinator' ? `/rounds/${round.id}/edit` : ''}`}>{networkCardText(lang).title}</a>
              </li>
            )}
            {segments && (
              <li>
                <a href={`${base}/rounds/${round.id}/heatmap`}>{heatmapText(lang).link}</a>
              </li>
            )}
            <li>
              <a href={exportHref(c.var.network.id, `/rounds/${round.id}/aggregates.csv`)} download>
                {t.downloadCsv}
              </a>
            </li>
            <li>
              <a href={exportHref(c.var.network.id, `/rounds/${round.id}/responses.csv`)} download>
                {t.downloadResponses}
              </a>
            </li>
          </ul>
        )}
      </section>
      {!results.withheld && (
        <>
          {results.measures.length > 0 && (
            <>
              <section class="card">
                <h2>{t.profileTitle}</h2>
                <ProfileChart
                  lang={lang}
                  version={version}
                  limits={bandLimits(c.var.network)}
                  current={{ name: fill(t.thisRound, { month: f.month(round.closesAt) }), title: round.title, rows }}
                  previous={previous}
                />
              </section>
              <section class="card">
                <h2>{t.distributionTitle}</h2>
                <DistributionChart lang={lang} version={version} rows={rows} />
              </section>
              <section class="card">
                <h2>{isAreas ? t.areas : t.rules}</h2>
                <FavourableNote version={version} lang={lang} />
                <MeasureList measures={results.measures} lang={lang} k={results.threshold} cannotSay={scaleOf(version, lang).cannotSay} />
              </section>
            </>
          )}
          {results.choices.length > 0 && <ChoiceSection results={results.choices} lang={lang} k={results.threshold} adopt={adopt} />}
          {segments && <SegmentSection lang={lang} version={version} segments={segments.results} keys={segments.keys} />}
        </>
      )}
      <RoundAuditSection lang={lang} networkId={c.var.network.id} audit={audit} />
    </ResultsShell>
  );
}
