import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { reportText } from '../i18n/reports.js';
import { buildReport } from '../reports/report.js';
import { resolveReportLink } from '../reports/report-links.js';

/** The report behind a leadership link, as JSON; expired, revoked and unknown links get a reason and no data. */
export const reportData = new Hono<AppEnv>();

// GET /r/:token/data
reportData.get('/:token/data', async (c) => {
  const { db, clock, secretKey, catalogue } = c.var.deps;
  const access = await resolveReportLink(db, clock, secretKey, c.req.param('token'));
  const t = reportText(c.var.lang);
  c.header('Cache-Control', 'no-store');
  if (access.state !== 'valid') return c.json({ status: access.state, error: `${t[access.state]} ${t.askForNew}` }, access.state === 'unknown' ? 404 : 410);
  return c.json(await buildReport(db, catalogue, access.network, access.link.roundIds ?? null));
});
