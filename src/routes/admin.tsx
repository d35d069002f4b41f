import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { instanceOverview } from '../admin/instance-overview.js';
import type { AppEnv } from '../http/env.js';
import { DomainError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { actorOf, currentSession, requireUser, csrfTokenOf } from '../http/session.js';
import { recordAudit } from '../audit/record.js';
import { privacyText } from '../i18n/privacy.js';
import { formatDateTime } from '../mail/format-date.js';
import { accessReport } from '../privacy/access-report.js';
import { accessFileName, accessRequestSchema } from '../privacy/access-request-input.js';
import { personalDataOf } from '../privacy/personal-data.js';
import { Layout } from '../views/layout.js';
import { AccessRequestForm } from '../views/privacy/access-request-form.js';

/** The instance's administrator (the account the setup link made): the networks and their coordinators, and access requests across them. */
export const adminRoutes = new Hono<AppEnv>();
adminRoutes.use(requireUser);

const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!currentSession(c).user.isAdmin) throw new DomainError(privacyText(c.var.lang).adminOnly, 403);
  await next();
};
adminRoutes.use(adminOnly);

// GET /admin
adminRoutes.get('/', async (c) => {
  const t = privacyText(c.var.lang);
  const networks = await instanceOverview(c.var.deps.db);
  return c.html(
    <Layout lang={c.var.lang} title={t.adminTitle} path={c.req.path} session={c.var.session}>
      <section class="card">
        <h1>{t.adminTitle}</h1>
        <p>{t.adminIntro}</p>
        {networks.length === 0 ? (
          <p>{t.noNetworks}</p>
        ) : (
          <div role="region" aria-label={t.adminTitle} tabindex={0} style="overflow-x:auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.colNetwork}</th>
                  <th scope="col">{t.colCreated}</th>
                  <th scope="col">{t.colMembers}</th>
                  <th scope="col">{t.colCoordinators}</th>
                </tr>
              </thead>
              <tbody>
                {networks.map((network) => (
                  <tr>
                    <th scope="row">{network.name}</th>
                    <td>{formatDateTime(new Date(network.createdAt), c.var.lang)}</td>
                    <td>{network.members}</td>
                    <td>{network.coordinators.map((person) => `${person.name} (${person.email})`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href="/admin/access">{t.accessLink}</a>
        </p>
      </section>
    </Layout>,
  );
});

function accessPage(c: Context<AppEnv>, values?: Record<string, string>, errors?: Record<string, string>) {
  const t = privacyText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.accessTitle} path={c.req.path} session={c.var.session}>
      <AccessRequestForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action="/admin/access" intro={t.accessInstanceIntro} values={values} errors={errors} />
    </Layout>
  );
}

// GET /admin/access
adminRoutes.get('/access', (c) => c.html(accessPage(c)));

// POST /admin/access — everything the instance holds about the address, in every network.
adminRoutes.post('/access', async (c) => {
  const input = await readInput(c);
  const parsed = parseInput(accessRequestSchema(c.var.lang), input);
  if (!parsed.ok) return c.html(accessPage(c, { email: String(input.email ?? ''), language: String(input.language ?? '') }, parsed.fields), 422);
  const { db, secretKey, clock } = c.var.deps;
  const { email, language } = parsed.data;
  const data = await personalDataOf(db, secretKey, email, 'instance');
  // Each network whose records were read says so in its own log, as when its coordinator asks.
  for (const networkId of data.networkIds) await recordAudit(db, { networkId, actor: actorOf(c), at: clock.now(), action: 'personal_data_exported', details: { email } });
  const name = accessFileName(privacyText(language).fileName, email);
  return c.body(accessReport(data, language, 'instance', clock.now()), 200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
});
