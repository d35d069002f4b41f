import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { NetworkEnv } from '../../http/network-access.js';
import { Layout } from '../layout.js';
import { NetworkNav } from '../networks/network-nav.js';

/** The network's frame around a roster page; the language links keep the page's query (search, notices). */
export function MembersShell({ c, title, children }: { c: Context<NetworkEnv>; title: string; children: Child }) {
  const url = new URL(c.req.url);
  return (
    <Layout lang={c.var.lang} title={`${title} · ${c.var.network.name}`} path={`${url.pathname}${url.search}`} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="members" />
      {children}
    </Layout>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="notice-ok" role="status">
      {text}
    </p>
  );
}
