import { Hono, type Context } from 'hono';
import { NotFoundError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { currentSession } from '../http/session.js';
import { requestDigest } from '../digest/request-digest.js';
import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import { reportText } from '../i18n/reports.js';
import { reportLinkSchema } from '../reports/report-link-input.js';
import { createReportLink, listReportLinks, revokeReportLink } from '../reports/report-links.js';
import { listRounds } from '../rounds/rounds.js';
import { ReportLinksPage } from '../views/reports/report-links-page.js';
import { helsinkiDay } from '../rounds/helsinki-time.js';
import { idParam } from '../http/ids.js';

/** Coordinators create and revoke the read-only report links for leadership. */
export const reportLinkRoutes = new Hono<NetworkEnv>();
reportLinkRoutes.use(coordinatorOnly);
// The page may carry a new link's secret; no cache may keep it.
reportLinkRoutes.use(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});

const DEFAULT_DAYS = 90;

async function page(c: Context<NetworkEnv>, form: { values?: Record<string, unknown>; errors?: Record<string, string>; createdUrl?: string; notice?: string; digestError?: string } = {}) {
  const { db, clock } = c.var.deps;
  const [links, rounds] = await Promise.all([listReportLinks(db, c.var.network.id), listRounds(db, c.var.network.id)]);
  const expiresOn = helsinkiDay(new Date(clock.now().getTime() + DEFAULT_DAYS * 86_400_000));
  return (
    <ReportLinksPage
      c={c}
      links={links}
      rounds={rounds.filter((round) => round.status === 'closed')}
      values={form.values ?? { expiresOn }}
      errors={form.errors ?? {}}
      createdUrl={form.createdUrl}
      notice={form.notice}
      digestError={form.digestError}
    />
  );
}

// GET /networks/:networkId/reports
reportLinkRoutes.get('/', async (c) => c.html(await page(c, { notice: c.req.query('done') === 'revoked' ? reportText(c.var.lang).linkRevoked : undefined })));

// POST /networks/:networkId/reports — the URL is in this response only; the database keeps a hash of its secret.
reportLinkRoutes.post('/', async (c) => {
  const { db, clock, secretKey, baseUrl } = c.var.deps;
  const parsed = parseInput(reportLinkSchema(c.var.lang, clock.now()), await readInput(c));
  if (!parsed.ok) return c.html(await page(c, { values: parsed.values, errors: parsed.fields }), 422);
  const closed = new Set((await listRounds(db, c.var.network.id)).filter((round) => round.status === 'closed').map((round) => round.id));
  if (parsed.data.roundIds?.some((id) => !closed.has(id))) {
    return c.html(await page(c, { values: parsed.data, errors: { roundIds: reportText(c.var.lang).roundsInvalid } }), 422);
  }
  const { token } = await createReportLink(db, clock, secretKey, c.var.network.id, currentSession(c).user.id, parsed.data);
  return c.html(await page(c, { createdUrl: `${baseUrl}/r/${token}` }), 201);
});

// POST /networks/:networkId/reports/digest — the leaders' digest now, as the API's POST …/digest sends it.
reportLinkRoutes.post('/digest', async (c) => {
  const { deps, network, lang } = c.var;
  const { user } = currentSession(c);
  const recipients = await requestDigest(deps, network, { extraRecipients: [], lang: network.languages[0] ?? 'fi', requestedBy: { userId: user.id, email: user.email } });
  if (recipients === 0) return c.html(await page(c, { digestError: digestText(lang).noLeaders }), 409);
  return c.html(await page(c, { notice: fill(digestText(lang).digestQueued, { count: recipients }) }), 202);
});

// POST /networks/:networkId/reports/:linkId/revoke
reportLinkRoutes.post('/:linkId/revoke', async (c) => {
  const notFound = reportText(c.var.lang).linkNotFound;
  if (!(await revokeReportLink(c.var.deps.db, c.var.deps.clock, c.var.network.id, idParam(c, 'linkId', notFound)))) {
    throw new NotFoundError(notFound);
  }
  return c.redirect(`/networks/${c.var.network.id}/reports?done=revoked`, 303);
});
