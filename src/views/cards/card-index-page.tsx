import type { Context } from 'hono';
import type { CardWithRound } from '../../cards/cards.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { networkCardText } from '../../i18n/network-card.js';
import type { Round } from '../../results/round-results.js';
import { closedOn } from '../../rounds/closing-instant.js';
import { formats } from '../results/format.js';
import { ResultsShell } from '../results/results-shell.js';
import { cardHref } from './card-shell.js';

type Props = {
  c: Context<NetworkEnv>;
  current: CardWithRound | null;
  /** Published cards of earlier rounds, the latest first. */
  history: CardWithRound[];
  /** For a coordinator: the closed strategy rounds, each with its card if it has one. */
  rounds: Array<{ round: Round; card: CardWithRound['card'] | null }>;
};

/** The current card, the rounds a coordinator makes cards from, and the earlier cards. */
export function CardIndexPage({ c, current, history, rounds }: Props) {
  const lang = c.var.lang;
  const t = networkCardText(lang);
  const f = formats(lang);
  const base = cardHref(c.var.network.id);
  const coordinator = c.var.role === 'coordinator';
  return (
    <ResultsShell c={c} title={t.title} back={{ href: `/networks/${c.var.network.id}/results`, label: t.section }}>
      <section class="card">
        <h1>{t.title}</h1>
        <p class="lead">{t.intro}</p>
      </section>
      {coordinator && (
        <section class="card">
          <h2>{t.roundsTitle}</h2>
          {rounds.length === 0 ? (
            <p>{t.noStrategyRound}</p>
          ) : (
            <ul class="link-list">
              {rounds.map(({ round, card }) => (
                <li>
                  <a href={`${base}/rounds/${round.id}/edit`}>{card ? `${t.edit}: ${round.title}` : `${t.compose}: ${round.title}`}</a>
                  {card && !card.publishedAt && <span class="badge">{t.draftBadge}</span>}
                  <span class="round-meta">{fill(t.fromRound, { round: round.title, date: f.date(closedOn(round)) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section class="card">
        <h2>{t.current}</h2>
        {current ? (
          <p>
            <a href={`${base}/rounds/${current.round.id}`}>{t.show}</a>
            <span class="round-meta">{[fill(t.fromRound, { round: current.round.title, date: f.date(closedOn(current.round)) }), fill(t.publishedOn, { date: f.date(current.card.publishedAt!) })].join(' · ')}</span>
          </p>
        ) : (
          <p>{t.noCard}</p>
        )}
      </section>
      <section class="card">
        <h2>{t.historyTitle}</h2>
        {history.length === 0 ? (
          <p>{t.noHistory}</p>
        ) : (
          <ul class="link-list network-card-history">
            {history.map(({ card, round }) => (
              <li>
                <a href={`${base}/rounds/${round.id}`}>{round.title}</a>
                <span class="round-meta">{[fill(t.fromRound, { round: round.title, date: f.date(closedOn(round)) }), fill(t.publishedOn, { date: f.date(card.publishedAt!) })].join(' · ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </ResultsShell>
  );
}
