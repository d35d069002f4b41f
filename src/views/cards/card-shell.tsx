import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { NetworkEnv } from '../../http/network-access.js';
import { Layout } from '../layout.js';
import { NetworkNav } from '../networks/network-nav.js';

export const cardHref = (networkId: number, rest = '') => `/networks/${networkId}/card${rest}`;

/** The network's frame around a card page: the card grows out of the results, so it sits under them. */
export function CardShell({ c, title, back, children }: { c: Context<NetworkEnv>; title: string; back?: { href: string; label: string }; children: Child }) {
  const url = new URL(c.req.url);
  return (
    <Layout lang={c.var.lang} title={`${title} · ${c.var.network.name}`} path={`${url.pathname}${url.search}`} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="results" />
      {back && (
        <p class="breadcrumb">
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      {children}
    </Layout>
  );
}

export function CardNotice({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="notice-ok network-card-tools" role="status">
      {text}
    </p>
  ) : null;
}
