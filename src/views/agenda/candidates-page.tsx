import type { Context } from 'hono';
import type { Candidate } from '../../agenda/candidates.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { agendaText } from '../../i18n/agenda.js';
import { titledMeasureLabel } from '../../i18n/measure-names.js';
import { fill } from '../../i18n/messages.js';
import { prioritisationText } from '../../i18n/prioritisation.js';
import { reportText } from '../../i18n/reports.js';
import { favourableText } from '../../i18n/favourable.js';
import { resultsText } from '../../i18n/results.js';
import type { Round } from '../../results/round-results.js';
import { BandBadge } from '../results/figure-parts.js';
import { shareText } from '../results/favourable-parts.js';
import { formats } from '../results/format.js';
import { ChangeWords } from '../reports/change-words.js';
import { AgendaShell } from './agenda-shell.js';

type Props = { c: Context<NetworkEnv>; rounds: Round[]; round: Round | null; candidates: Candidate[]; withheld: boolean; actionCounts: Map<string, number> };

function RoundChoice({ lang, rounds, round }: Pick<Props, 'rounds' | 'round'> & { lang: Language }) {
  const t = agendaText(lang);
  return (
    <form method="get" class="agenda-filter">
      <label for="round">{t.chooseRound}</label>
      <select id="round" name="round">
        {rounds.map((r) => (
          <option value={String(r.id)} selected={r.id === round?.id}>
            {r.title}
          </option>
        ))}
      </select>
      <button type="submit" class="button-secondary">
        {t.showCandidates}
      </button>
    </form>
  );
}

function CandidateItem({ lang, networkId, round, candidate, existing }: { lang: Language; networkId: number; round: Round; candidate: Candidate; existing: number }) {
  const [t, r, f] = [agendaText(lang), reportText(lang), formats(lang)];
  const figures = candidate.result.figures!;
  const name = titledMeasureLabel(candidate.measure, lang);
  const accept = new URLSearchParams({ round: String(round.id), measure: candidate.measure });
  return (
    <li class="card candidate">
      <h2>{name}</h2>
      <p class="tags">
        {candidate.reasons.map((reason) => (
          <span class="tag">{t[`reason_${reason}`]}</span>
        ))}
      </p>
      <dl class="facts">
        <dt>{r.colMean}</dt>
        <dd>{f.number(figures.mean!)}</dd>
        <dt>{r.colCi}</dt>
        <dd>{figures.ci95 ? f.range(figures.ci95) : '–'}</dd>
        <dt>{favourableText(lang).column}</dt>
        <dd>{figures.favourable ? shareText(figures.favourable, lang) : '–'}</dd>
        <dt>{r.colN}</dt>
        <dd>{figures.n}</dd>
        <dt>{resultsText(lang).band}</dt>
        <dd>
          <BandBadge band={figures.band} lang={lang} />
        </dd>
        {candidate.change?.change && (
          <>
            <dt>{t.declineSince}</dt>
            <dd>
              <ChangeWords change={candidate.change.change} lang={lang} />
            </dd>
          </>
        )}
      </dl>
      {existing > 0 && <p class="hint">{fill(t.existingActions, { count: existing })}</p>}
      <p>
        <a class="button" href={`/networks/${networkId}/agenda/new?${accept}`}>
          {t.accept}
          <span class="visually-hidden">: {name}</span>
        </a>
      </p>
    </li>
  );
}

/** The proposals from one closed round's results; accepting one opens the filled-in form, nothing is saved yet. */
export function CandidatesPage({ c, rounds, round, candidates, withheld, actionCounts }: Props) {
  const t = agendaText(c.var.lang);
  return (
    <AgendaShell c={c} title={t.candidatesTitle}>
      <section class="card">
        <p class="breadcrumb">
          <a href={`/networks/${c.var.network.id}/agenda`}>{t.backToAgenda}</a>
        </p>
        <h1>{t.candidatesTitle}</h1>
        <p>{t.candidatesIntro}</p>
        {round ? <RoundChoice lang={c.var.lang} rounds={rounds} round={round} /> : <p>{t.noClosedRounds}</p>}
        {round && withheld && (
          <p class="notice">{round.resultsErasedAt ? fill(t.candidatesErased, { date: formats(c.var.lang).date(round.resultsErasedAt) }) : fill(t.candidatesWithheld, { k: c.var.network.anonymityThreshold })}</p>
        )}
        {round && !withheld && candidates.length === 0 && <p>{t.noCandidates}</p>}
        {round && !withheld && (
          <p>
            <a class="button button-secondary" href={`/networks/${c.var.network.id}/agenda/prioritise?round=${round.id}`}>
              {prioritisationText(c.var.lang).start}
            </a>
          </p>
        )}
      </section>
      {round && candidates.length > 0 && (
        <ul class="candidate-list">
          {candidates.map((candidate) => (
            <CandidateItem lang={c.var.lang} networkId={c.var.network.id} round={round} candidate={candidate} existing={actionCounts.get(candidate.measure) ?? 0} />
          ))}
        </ul>
      )}
    </AgendaShell>
  );
}
