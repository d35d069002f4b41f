import type { Context } from 'hono';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import type { Round } from '../../rounds/rounds.js';
import { Notices, RoundsShell, when } from './rounds-shell.js';
import { questionnaireText } from '../../i18n/questionnaires.js';

/** Where a round stands, in one line: when it opens, until when it is open, or when it closed. */
export function statusLine(lang: Language, round: Round): string {
  const t = roundText(lang);
  if (round.status === 'draft') return fill(t.opensLine, { at: when(round.opensAt, lang) });
  if (round.status === 'open') return fill(t.openLine, { at: when(round.closesAt, lang) });
  return fill(t.closedLine, { at: when(round.closedAt ?? round.closesAt, lang) });
}

export function RoundListPage({ c, rounds, notice }: { c: Context<NetworkEnv>; rounds: Round[]; notice?: string | undefined }) {
  const t = roundText(c.var.lang);
  const base = `/networks/${c.var.network.id}/rounds`;
  return (
    <RoundsShell c={c} title={t.rounds}>
      <section class="card">
        <h1>{t.rounds}</h1>
        <Notices notice={notice} />
        <p>
          <a class="button" href={`${base}/new`}>
            {t.newRound}
          </a>{' '}
          <a href={`/networks/${c.var.network.id}/questionnaires`}>{questionnaireText(c.var.lang).manage}</a>
        </p>
        {rounds.length === 0 ? (
          <p>{t.noRounds}</p>
        ) : (
          <ul class="link-list">
            {rounds.map((round) => (
              <li>
                <a href={`${base}/${round.id}`}>{round.title}</a> <span class="badge">{t[`status_${round.status}`]}</span>
                <br />
                <span class="hint">{statusLine(c.var.lang, round)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </RoundsShell>
  );
}
