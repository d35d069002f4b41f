import type { Context } from 'hono';
import type { RoundFilter } from '../../audit/network-log.js';
import type { AuditPage as Page } from '../../audit/read.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { auditText } from '../../i18n/audit.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import { formatDateTime } from '../../mail/format-date.js';
import { Layout } from '../layout.js';
import { NetworkNav } from '../networks/network-nav.js';
import { AuditList } from './audit-list.js';

type AuditPageProps = { c: Context<NetworkEnv>; log: Page; round: RoundFilter | null };

/** The network's activity log, newest first, a page at a time; the context only frames it. */
export function AuditPage({ c, log, round }: AuditPageProps) {
  const lang = c.var.lang;
  const t = auditText(lang);
  const pager = roundText(lang);
  const base = `/networks/${c.var.network.id}/audit`;
  const href = (page: number) => `${base}?${new URLSearchParams({ ...(round ? { round: String(round.id) } : {}), page: String(page) })}`;
  const url = new URL(c.req.url);
  return (
    <Layout lang={lang} title={`${t.title} · ${c.var.network.name}`} path={`${url.pathname}${url.search}`} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="audit" />
      <section class="card">
        <h1>{round ? fill(t.roundTitle, { round: round.title }) : t.title}</h1>
        {round ? (
          <>
            <p>{fill(t.roundIntro, { from: formatDateTime(new Date(round.from), lang), until: formatDateTime(new Date(round.until), lang) })}</p>
            <p>
              <a href={base}>{t.showAll}</a>
            </p>
          </>
        ) : (
          <p class="hint">{t.intro}</p>
        )}
        <p>{log.total === 0 ? t.empty : fill(t.total, { count: log.total })}</p>
        {log.events.length > 0 && <AuditList lang={lang} events={log.events} />}
      </section>
      {log.pages > 1 && (
        <nav class="actions" aria-label={t.title}>
          {log.page > 1 && <a href={href(log.page - 1)}>{pager.newer}</a>}
          <span>{fill(pager.pageOf, { page: log.page, pages: log.pages })}</span>
          {log.page < log.pages && <a href={href(log.page + 1)}>{pager.older}</a>}
        </nav>
      )}
    </Layout>
  );
}
