import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { roundText } from '../../i18n/rounds.js';
import type { MailCounts } from '../../rounds/network-mail.js';
import { RoundsShell } from './rounds-shell.js';

/**
 * The network's mail as counts only, in either mode: a message holds a
 * member's answer link or an account link, which no one but its addressee
 * may read. In outbox mode the page says that nothing is sent and who can read it.
 */
export function MailPage({ c, counts }: { c: Context<NetworkEnv>; counts: MailCounts }) {
  const t = roundText(c.var.lang);
  const outboxMode = c.var.deps.mailer.mode === 'outbox';
  const statuses = outboxMode ? (['outbox'] as const) : (['queued', 'sent', 'failed'] as const);
  return (
    <RoundsShell c={c} title={t.outboxTitle} section="outbox">
      <section class="card">
        <h1>{t.outboxTitle}</h1>
        {outboxMode ? (
          <p class="notice" role="note">
            {t.outboxNotSent}
          </p>
        ) : (
          <p>{t.smtpMode}</p>
        )}
        <dl class="facts">
          {statuses.map((status) => (
            <>
              <dt>{t[`mail_${status}`]}</dt>
              <dd>{counts[status]}</dd>
            </>
          ))}
        </dl>
      </section>
    </RoundsShell>
  );
}
