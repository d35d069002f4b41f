import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import { CompareForm, type ClosedRound } from './compare-form.js';
import { formats } from './format.js';
import { ResultsShell, resultsHref } from './results-shell.js';
import { networkCardText } from '../../i18n/network-card.js';

export type IndexRound = ClosedRound & { responses: number; responseRate: number | null; shown: boolean; resultsErasedAt: string | null };
type Props = { c: Context<NetworkEnv>; rounds: IndexRound[]; trends: Array<{ key: string; title: string; count: number }> };

/** The network's closed rounds, newest first, with the ways into their results. */
export function ResultsIndexPage({ c, rounds, trends }: Props) {
  const lang = c.var.lang;
  const t = resultsText(lang);
  const f = formats(lang);
  return (
    <ResultsShell c={c} title={t.title}>
      <section class="card">
        <h1>{t.title}</h1>
        <p class="lead">{fill(t.intro, { k: c.var.network.anonymityThreshold })}</p>
        <h2>{t.closedRounds}</h2>
        {rounds.length === 0 ? (
          <p>{t.noClosedRounds}</p>
        ) : (
          <ul class="link-list result-rounds">
            {rounds.map((round) => (
              <li>
                <a href={resultsHref(c.var.network.id, `/rounds/${round.id}`)}>{round.title}</a>
                {!round.shown && <span class="badge">{round.resultsErasedAt ? fill(t.resultsErasedBadge, { date: f.date(round.resultsErasedAt) }) : t.belowThreshold}</span>}
                <span class="round-meta">
                  {[
                    round.questionnaireTitle,
                    fill(t.closedOn, { date: f.date(round.closesAt) }),
                    fill(t.responsesCount, { count: round.responses }),
                    ...(round.responseRate === null ? [] : [fill(t.rateCount, { rate: f.percent(round.responseRate) })]),
                  ].join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {trends.length > 0 && (
        <section class="card">
          <h2>{t.trendsTitle}</h2>
          <ul class="link-list">
            {trends.map((trend) => (
              <li>
                <a href={resultsHref(c.var.network.id, `/trend?questionnaire=${trend.key}`)}>{trend.title}</a>
                <span class="round-meta">{fill(t.closedCount, { count: trend.count })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card">
        <h2>{networkCardText(lang).title}</h2>
        <p>{networkCardText(lang).intro}</p>
        <p>
          <a href={`/networks/${c.var.network.id}/card`}>{networkCardText(lang).openCards}</a>
        </p>
      </section>
      <section class="card">
        <h2>{t.compareTitle}</h2>
        <p>{t.compareIntro}</p>
        <CompareForm lang={lang} action={resultsHref(c.var.network.id, '/compare')} rounds={rounds} />
      </section>
    </ResultsShell>
  );
}
