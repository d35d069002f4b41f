import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { NetworkEnv } from '../../http/network-access.js';
import { Layout } from '../layout.js';
import { NetworkNav } from '../networks/network-nav.js';

/** The network's frame around an agenda page; the language links keep the page's query (a filter, a chosen round). */
export function AgendaShell({ c, title, children }: { c: Context<NetworkEnv>; title: string; children: Child }) {
  const url = new URL(c.req.url);
  return (
    <Layout lang={c.var.lang} title={`${title} · ${c.var.network.name}`} path={`${url.pathname}${url.search}`} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="agenda" />
      {children}
    </Layout>
  );
}

export function Notice({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="notice-ok" role="status">
      {text}
    </p>
  ) : null;
}
