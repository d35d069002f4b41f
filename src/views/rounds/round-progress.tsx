import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import type { RoundDetails } from '../../rounds/round-details.js';
import { CsrfField } from '../csrf-field.js';
import { formats } from '../results/format.js';
import { Scroll, when } from './rounds-shell.js';

/** A round with no invitations yet has no rate. */
const percent = (lang: Language, rate: number | null) => (rate === null ? '–' : formats(lang).percent(rate));

/** Counts only: who answered, and who was reminded, is never shown. */
export function ProgressView({ lang, details }: { lang: Language; details: RoundDetails }) {
  const t = roundText(lang);
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
type MailStatusProps = { lang: Language; csrfToken: string; networkId: number; details: RoundDetails; outboxMode: boolean };

export function MailStatus({ lang, csrfToken, networkId, details, outboxMode }: MailStatusProps) {
  const t = roundText(lang);
  const { mail, round } = details;
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
          {t.outboxMailNote} <a href={`/networks/${networkId}/outbox`}>{t.outboxTitle}</a>
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
                  {fill(t.attempts, { count: e.attempts })} · {e.nextAttemptAt ? fill(t.nextAttempt, { at: when(e.nextAttemptAt, lang) }) : t.gaveUp}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mail.failed > 0 && round.status === 'open' && (
        <form method="post" action={`/networks/${networkId}/rounds/${round.id}/retry-failed`}>
          <CsrfField token={csrfToken} />
          <button type="submit">{t.retryFailed}</button>
        </form>
      )}
    </section>
  );
}
