import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { resultsText } from '../../i18n/results.js';
import { fill } from '../../i18n/messages.js';
import type { Withheld } from '../../results/round-results.js';
import { Layout } from '../layout.js';
import { NetworkNav } from '../networks/network-nav.js';
import { formats } from './format.js';

export const resultsHref = (networkId: number, rest = '') => `/networks/${networkId}/results${rest}`;

/** The JSON API's CSV export of the same figures, which applies the same threshold. */
export const exportHref = (networkId: number, rest: string) => `/api/networks/${networkId}/results${rest}`;

type ShellProps = { c: Context<NetworkEnv>; title: string; back?: { href: string; label: string }; charts?: boolean; children: Child };

/** The network's frame around a results page; the language links keep the page's query. */
export function ResultsShell({ c, title, back, charts = false, children }: ShellProps) {
  const url = new URL(c.req.url);
  return (
    <Layout
      lang={c.var.lang}
      title={`${title} · ${c.var.network.name}`}
      path={`${url.pathname}${url.search}`}
      session={c.var.session}
      scripts={charts ? ['/static/build/results.js'] : []}
    >
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

type NoticeProps = { lang: Language; withheld: NonNullable<Withheld>; responses: number; round: { closesAt: string; resultsErasedAt: string | null }; k: number; title?: string };

/** Why a round shows no figures, in words: still open, too few responses to stay anonymous, or its results erased. */
export function WithheldNotice({ lang, withheld, responses, round, k, title }: NoticeProps) {
  const t = resultsText(lang);
  const f = formats(lang);
  const [heading, text] =
    withheld === 'not_closed'
      ? [t.withheldNotClosedTitle, fill(t.withheldNotClosed, { date: f.date(round.closesAt) })]
      : withheld === 'erased'
        ? [t.withheldErasedTitle, fill(t.withheldErased, { date: f.date(round.resultsErasedAt ?? round.closesAt) })]
        : [t.withheldBelowTitle, fill(t.withheldBelow, { n: responses, k })];
  return (
    <div class="notice withheld" role="status">
      <h2>{title ?? heading}</h2>
      <p>{text}</p>
    </div>
  );
}

/** A round's place in a trend without figures: why it has none. */
export function roundWithoutFigures(round: { resultsErasedAt: string | null }, k: number, lang: Language): string {
  const t = resultsText(lang);
  return round.resultsErasedAt ? fill(t.roundErased, { date: formats(lang).date(round.resultsErasedAt) }) : fill(t.roundWithheld, { k });
}
