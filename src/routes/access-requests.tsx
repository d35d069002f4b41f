import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit/record.js';
import { parseInput, readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf, csrfTokenOf } from '../http/session.js';
import { privacyText } from '../i18n/privacy.js';
import { accessReport } from '../privacy/access-report.js';
import { accessFileName, accessRequestSchema } from '../privacy/access-request-input.js';
import { personalDataOf } from '../privacy/personal-data.js';
import { Layout } from '../views/layout.js';
import { NetworkNav } from '../views/networks/network-nav.js';
import { AccessRequestForm } from '../views/privacy/access-request-form.js';

/** A data subject's access request within one network, for its coordinators; mounted at /networks/:networkId/privacy. */
export const accessRequestRoutes = new Hono<NetworkEnv>();
accessRequestRoutes.use('/access', coordinatorOnly);

function formPage(c: Context<NetworkEnv>, values?: Record<string, string>, errors?: Record<string, string>) {
  const t = privacyText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.accessTitle} path={c.req.path} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="members" />
      <AccessRequestForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${c.var.network.id}/privacy/access`} intro={t.accessIntro} values={values} errors={errors} />
    </Layout>
  );
}

// GET /networks/:networkId/privacy/access
accessRequestRoutes.get('/access', (c) => c.html(formPage(c)));

// POST /networks/:networkId/privacy/access — the file, and an entry in the activity log saying who asked for whose data.
accessRequestRoutes.post('/access', async (c) => {
  const input = await readInput(c);
  const parsed = parseInput(accessRequestSchema(c.var.lang), input);
  if (!parsed.ok) return c.html(formPage(c, { email: String(input.email ?? ''), language: String(input.language ?? '') }, parsed.fields), 422);
  const { db, secretKey, clock } = c.var.deps;
  const { email, language } = parsed.data;
  const network = c.var.network;
  const data = await personalDataOf(db, secretKey, email, { networkIds: [network.id] });
  await recordAudit(db, { networkId: network.id, actor: actorOf(c), at: clock.now(), action: 'personal_data_exported', details: { email } });
  const name = accessFileName(privacyText(language).fileName, email);
  return c.body(accessReport(data, language, { network: network.name }, clock.now()), 200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
});
