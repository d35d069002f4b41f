import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import type { OutboxItem } from '../../mail/mail-status.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import type { MailCounts } from '../../rounds/network-mail.js';
import { RoundsShell, when } from './rounds-shell.js';

type OutboxProps = { c: Context<NetworkEnv>; items: OutboxItem[]; total: number; page: number; pages: number };

const kindLabel = (t: ReturnType<typeof roundText>, kind: string) => (t as Record<string, string>)[`kind_${kind}`] ?? kind;

function OutboxMessage({ c, item }: { c: Context<NetworkEnv>; item: OutboxItem }) {
  const t = roundText(c.var.lang);
  return (
    <article class="card">
      <h2>{item.subject}</h2>
      {/* Lines, not a two-column list: a long address must wrap, not squeeze its label. */}
      <p class="hint" style="overflow-wrap:anywhere">
        {t.kind}: {kindLabel(t, item.kind)}
        <br />
        {t.recipient}: {item.recipient}
        <br />
        {t.created}: {when(item.createdAt, c)}
        {item.replyTo && (
          <>
            <br />
            {t.replyTo}: {item.replyTo}
          </>
        )}
      </p>
      <pre style="white-space:pre-wrap;overflow-wrap:anywhere;margin:0">{item.textBody}</pre>
    </article>
  );
}

/** Outbox mode: what would have been sent, newest first, under a plain warning about the links it shows. */
export function OutboxPage({ c, items, total, page, pages }: OutboxProps) {
  const t = roundText(c.var.lang);
  const base = `/networks/${c.var.network.id}/outbox`;
  return (
    <RoundsShell c={c} title={t.outboxTitle} section="outbox">
      <section class="card">
        <h1>{t.outboxTitle}</h1>
        <p class="notice" role="note">
          {t.outboxWarning}
        </p>
        <p>{total === 0 ? t.outboxEmpty : fill(t.outboxTotal, { count: total })}</p>
      </section>
      {items.map((item) => (
        <OutboxMessage c={c} item={item} />
      ))}
      {pages > 1 && (
        <nav class="actions" aria-label={t.outboxTitle}>
          {page > 1 && <a href={`${base}?page=${page - 1}`}>{t.newer}</a>}
          <span>{fill(t.pageOf, { page, pages })}</span>
          {page < pages && <a href={`${base}?page=${page + 1}`}>{t.older}</a>}
        </nav>
      )}
    </RoundsShell>
  );
}

/** SMTP mode: mail goes out and its bodies are not kept, so only counts are shown. */
export function SmtpMailPage({ c, counts }: { c: Context<NetworkEnv>; counts: MailCounts }) {
  const t = roundText(c.var.lang);
  return (
    <RoundsShell c={c} title={t.outboxTitle} section="outbox">
      <section class="card">
        <h1>{t.outboxTitle}</h1>
        <p>{t.smtpMode}</p>
        <dl class="facts">
          {(['queued', 'sent', 'failed'] as const).map((status) => (
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
