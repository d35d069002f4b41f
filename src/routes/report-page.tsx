import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppEnv, PageContext } from '../http/env.js';
import { anyNetworkRole, type NetworkEnv } from '../http/network-access.js';
import { agendaText } from '../i18n/agenda.js';
import { buildReport } from '../reports/report.js';
import { resolveReportLink } from '../reports/report-links.js';
import { bandLimits, type Network } from '../results/round-results.js';
import { ReportPage, UnavailablePage } from '../views/reports/report-page.js';
import { ReportView } from '../views/reports/report-view.js';

/**
 * A report is for the people it was given to: no search engine indexes it and
 * no cache keeps it, so a revoked link stops showing figures at once.
 */
const privatePage: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
};

const pathWithQuery = (c: Context) => {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
};

async function reportView(c: PageContext, network: Network, onlyRounds: number[] | null) {
  const { db, catalogue, clock } = c.var.deps;
  const report = await buildReport(db, catalogue, network, onlyRounds);
  return { report, view: <ReportView lang={c.var.lang} report={report} catalogue={catalogue} limits={bandLimits(network)} compiledAt={clock.now()} /> };
}

/** The report behind a leadership link, without an account. */
export const reportPage = new Hono<AppEnv>();
reportPage.use('/:token', privatePage);

// GET /r/:token — expired and revoked links answer 410, unknown ones 404, all with no data.
reportPage.get('/:token', async (c) => {
  const { db, clock, secretKey } = c.var.deps;
  const access = await resolveReportLink(db, clock, secretKey, c.req.param('token'));
  if (access.state !== 'valid') {
    return c.html(<UnavailablePage lang={c.var.lang} path={pathWithQuery(c)} state={access.state} />, access.state === 'unknown' ? 404 : 410);
  }
  const { report, view } = await reportView(c, access.network, access.link.roundIds ?? null);
  return c.html(
    <ReportPage lang={c.var.lang} title={report.network.name} path={pathWithQuery(c)} session={c.var.session}>
      {view}
    </ReportPage>,
  );
});

/** The same report for signed-in leaders and coordinators, over every closed round. */
export const leaderReportRoutes = new Hono<NetworkEnv>();
leaderReportRoutes.use(privatePage);

// GET /networks/:networkId/report
leaderReportRoutes.get('/', anyNetworkRole, async (c) => {
  const { view } = await reportView(c, c.var.network, null);
  const back = { href: `/networks/${c.var.network.id}/agenda`, label: agendaText(c.var.lang).backToAgenda };
  return c.html(
    <ReportPage lang={c.var.lang} title={c.var.network.name} path={pathWithQuery(c)} session={c.var.session} back={back}>
      {view}
    </ReportPage>,
  );
});
