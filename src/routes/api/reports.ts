import { Hono } from 'hono';
import { and, eq, inArray } from 'drizzle-orm';
import { rounds } from '../../db/schema/index.js';
import { DomainError, NotFoundError } from '../../http/errors.js';
import { readInput, requireValid } from '../../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { currentSession } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { reportText } from '../../i18n/reports.js';
import { buildReport } from '../../reports/report.js';
import { reportLinkSchema } from '../../reports/report-link-input.js';
import { createReportLink, listReportLinks, revokeReportLink, type ReportLink } from '../../reports/report-links.js';
import { idParam } from '../../http/ids.js';

/** Report links for leadership (coordinators manage them) and the report itself for signed-in leaders. */
export const reportApi = new Hono<NetworkEnv>();

const view = ({ tokenHash: _secret, ...link }: ReportLink) => link;

// GET /api/networks/:networkId/report — the leadership report, as a leader account sees it.
reportApi.get('/report', anyNetworkRole, async (c) => c.json(await buildReport(c.var.deps.db, c.var.deps.catalogue, c.var.network, null)));

// GET /api/networks/:networkId/report-links
reportApi.get('/report-links', coordinatorOnly, async (c) => c.json({ links: (await listReportLinks(c.var.deps.db, c.var.network.id)).map(view) }));

// POST /api/networks/:networkId/report-links — the URL is shown once; only a hash of its secret is stored.
reportApi.post('/report-links', coordinatorOnly, async (c) => {
  const { db, clock, secretKey, baseUrl } = c.var.deps;
  const input = requireValid(reportLinkSchema(c.var.lang, clock.now()), await readInput(c), commonText(c.var.lang).checkForm);
  if (input.roundIds) {
    const found = await db.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.networkId, c.var.network.id), eq(rounds.status, 'closed'), inArray(rounds.id, input.roundIds)));
    if (found.length !== new Set(input.roundIds).size) throw new DomainError(reportText(c.var.lang).roundsInvalid, 422);
  }
  const { link, token } = await createReportLink(db, clock, secretKey, c.var.network.id, currentSession(c).user.id, input);
  return c.json({ link: view(link), url: `${baseUrl}/r/${token}` }, 201);
});

// POST /api/networks/:networkId/report-links/:linkId/revoke
reportApi.post('/report-links/:linkId/revoke', coordinatorOnly, async (c) => {
  const notFound = reportText(c.var.lang).linkNotFound;
  if (!(await revokeReportLink(c.var.deps.db, c.var.deps.clock, c.var.network.id, idParam(c, 'linkId', notFound)))) {
    throw new NotFoundError(notFound);
  }
  return c.json({ revoked: true });
});
