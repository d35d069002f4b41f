import type { Context } from 'hono';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import type { RoundDetails } from '../../rounds/round-details.js';
import { CsrfField } from '../csrf-field.js';
import { formats } from '../results/format.js';
import { Scroll, when } from './rounds-shell.js';
import { csrfTokenOf } from '../../http/session.js';

/** A round with no invitations yet has no rate. */
const percent = (lang: Language, rate: number | null) => (rate === null ? '–' : formats(lang).percent(rate));

/** Counts only: who answered, and who was reminded, is never shown. */
export function ProgressView({ c, details }: { c: Context<NetworkEnv>; details: RoundDetails }) {
  const t = roundText(c.var.lang);
  const lang = c.var.lang;
  const { invited, answered, responseRate, daily } = details.progress;
  return (
    <section class="card">
      <h2>{t.progressTitle}</h2>
      <dl class="facts">
        <dt>{t.invited}</dt>
        <dd>{invited}</dd>
        <dt>{t.answered}</dt>
        <dd>{answered}</dd>
        <dt>{t.responseRate}</dt>
        <dd>{percent(lang, responseRate)}</dd>
      </dl>
      <p class="hint">{t.privacyNote}</p>
      <h3>{t.dailyTitle}</h3>
      {daily.length === 0 ? (
        <p>{t.noResponses}</p>
      ) : (
        <Scroll label={t.dailyTitle}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.day}</th>
                <th scope="col">{t.newResponses}</th>
                <th scope="col">{t.cumulative}</th>
                <th scope="col">{t.responseRate}</th>
              </tr>
            </thead>
            <tbody>
              {daily.map((row) => (
                <tr>
                  <th scope="row">{formats(lang).date(row.day)}</th>
                  <td>{row.responses}</td>
                  <td>{row.cumulative}</td>
                  <td>{percent(lang, row.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

/** Delivery counts and the latest errors, without recipients, and the way to try failed mail again. */
export function MailStatus({ c, details }: { c: Context<NetworkEnv>; details: RoundDetails }) {
  const t = roundText(c.var.lang);
  const { mail, round } = details;
  const outboxMode = c.var.deps.mailer.mode === 'outbox';
  const statuses = outboxMode ? (['outbox'] as const) : (['queued', 'sent', 'failed'] as const);
  return (
    <section class="card">
      <h2>{t.mailTitle}</h2>
      <dl class="facts">
        {statuses.map((status) => (
          <>
            <dt>{t[`mail_${status}`]}</dt>
            <dd>{mail[status]}</dd>
          </>
        ))}
      </dl>
      {outboxMode && (
        <p class="hint">
          {t.outboxMailNote} <a href={`/networks/${c.var.network.id}/outbox`}>{t.outboxTitle}</a>
        </p>
      )}
      {mail.recentErrors.length > 0 && (
        <>
          <h3>{t.recentErrors}</h3>
          <ul class="link-list">
            {mail.recentErrors.map((e) => (
              <li>
                {e.kind === 'reminder' ? t.kind_reminder : t.kind_invitation}: <code>{e.error}</code>
                <br />
                <span class="hint">
                  {fill(t.attempts, { count: e.attempts })} · {e.nextAttemptAt ? fill(t.nextAttempt, { at: when(e.nextAttemptAt, c) }) : t.gaveUp}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mail.failed > 0 && round.status === 'open' && (
        <form method="post" action={`/networks/${c.var.network.id}/rounds/${round.id}/retry-failed`}>
          <CsrfField token={csrfTokenOf(c)} />
          <button type="submit">{t.retryFailed}</button>
        </form>
      )}
    </section>
  );
}
