import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { formatDateTime } from '../../mail/format-date.js';
import { Layout } from '../layout.js';
import { NetworkNav, type NetworkSection } from '../networks/network-nav.js';

/** The network's frame around a rounds or outbox page; the language links keep the page's query. */
export function RoundsShell({ c, title, section = 'rounds', children }: { c: Context<NetworkEnv>; title: string; section?: NetworkSection; children: Child }) {
  const url = new URL(c.req.url);
  return (
    <Layout lang={c.var.lang} title={`${title} · ${c.var.network.name}`} path={`${url.pathname}${url.search}`} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current={section} />
      {children}
    </Layout>
  );
}

export function Notices({ notice, error }: { notice?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {notice && (
        <p class="notice-ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A stored instant as a Helsinki wall time in the page's language. */
export const when = (iso: string, lang: Language) => formatDateTime(new Date(iso), lang);

/** Wide tables scroll sideways on a phone instead of widening the page. */
export function Scroll({ label, children }: { label: string; children: Child }) {
  return (
    <div role="region" aria-label={label} tabindex={0} style="overflow-x:auto">
      {children}
    </div>
  );
}
