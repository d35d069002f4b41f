import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { DomainError } from '../http/errors.js';
import { readInput } from '../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf, currentSession, requireUser, csrfTokenOf } from '../http/session.js';
import { networkText } from '../i18n/networks.js';
import { noticeEditorText } from '../i18n/privacy-notice-editor.js';
import { changeSettings, mayCreateNetworks, startNetwork } from '../networks/actions.js';
import { networksOf } from '../networks/networks.js';
import { Layout } from '../views/layout.js';
import { SettingsForm } from '../views/networks/settings-form.js';
import { NetworkNav } from '../views/networks/network-nav.js';
import { networkDashboard } from '../dashboard/dashboard.js';
import { DashboardPage } from '../views/networks/dashboard-page.js';
import { processingText } from '../i18n/processing-record.js';

export const networkRoutes = new Hono<AppEnv>();
networkRoutes.use(requireUser);

const mayCreate = (c: Context<AppEnv>) => mayCreateNetworks(c.var.deps.db, currentSession(c).user);

// GET /networks — the user's networks.
networkRoutes.get('/', async (c) => {
  const t = networkText(c.var.lang);
  const mine = await networksOf(c.var.deps.db, currentSession(c).user.id);
  return c.html(
    <Layout lang={c.var.lang} title={t.networks} path={c.req.path} session={c.var.session}>
      <section class="card">
        <h1>{t.yourNetworks}</h1>
        {mine.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul class="link-list">
            {mine.map(({ network, role }) => (
              <li>
                <a href={`/networks/${network.id}`}>{network.name}</a> <span class="badge">{t[`role_${role}`]}</span>
              </li>
            ))}
          </ul>
        )}
        {(await mayCreate(c)) && (
          <p>
            <a class="button" href="/networks/new">
              {t.create}
            </a>
          </p>
        )}
      </section>
    </Layout>,
  );
});

function newNetworkPage(c: Context<AppEnv>, values: Record<string, unknown>, errors: Record<string, string>) {
  const t = networkText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={t.create} path={c.req.path} session={c.var.session}>
      <section class="card narrow">
        <h1>{t.create}</h1>
        <SettingsForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action="/networks/new" values={values} errors={errors} />
      </section>
    </Layout>
  );
}

// GET /networks/new
networkRoutes.get('/new', async (c) => {
  if (!(await mayCreate(c))) throw new DomainError(networkText(c.var.lang).cannotCreate, 403);
  return c.html(newNetworkPage(c, { languages: ['fi', 'sv', 'en'], anonymityThreshold: 5 }, {}));
});

// POST /networks/new
networkRoutes.post('/new', async (c) => {
  if (!(await mayCreate(c))) throw new DomainError(networkText(c.var.lang).cannotCreate, 403);
  const started = await startNetwork(c.var.deps, currentSession(c).user.id, await readInput(c), c.var.lang);
  if (!started.ok) return c.html(newNetworkPage(c, started.values, started.fields), 422);
  return c.redirect(`/networks/${started.data.id}`, 303);
});

/** Overview and settings; mounted with the other network sections in network-scope.ts. */
export const networkHomeRoutes = new Hono<NetworkEnv>();
const scoped = networkHomeRoutes;

// GET /networks/:networkId — the overview for coordinators and leaders.
scoped.get('/', anyNetworkRole, async (c) => c.html(<DashboardPage c={c} dashboard={await networkDashboard(c.var.deps, c.var.network)} />));

function settingsPage(c: Context<NetworkEnv>, values: Record<string, unknown>, errors: Record<string, string>, saved = false) {
  const t = networkText(c.var.lang);
  return (
    <Layout lang={c.var.lang} title={`${t.settings} · ${c.var.network.name}`} path={c.req.path} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="settings" />
      <section class="card narrow">
        <h1>{t.settings}</h1>
        {saved && (
          <p class="notice-ok" role="status">
            {t.saved}
          </p>
        )}
        <SettingsForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${c.var.network.id}/settings`} values={values} errors={errors} />
        <p>
          <a href={`/networks/${c.var.network.id}/privacy/notice`}>{noticeEditorText(c.var.lang).settingsLink}</a> ·{' '}
          <a href={`/networks/${c.var.network.id}/privacy/record`}>{processingText(c.var.lang).link}</a>
        </p>
      </section>
    </Layout>
  );
}

// GET /networks/:networkId/settings
scoped.get('/settings', coordinatorOnly, (c) => c.html(settingsPage(c, c.var.network, {})));

// POST /networks/:networkId/settings
scoped.post('/settings', coordinatorOnly, async (c) => {
  const saved = await changeSettings(c.var.deps, actorOf(c), c.var.network, await readInput(c), c.var.lang);
  if (!saved.ok) return c.html(settingsPage(c, saved.values, saved.fields), 422);
  return c.html(settingsPage(c, saved.data, {}, true));
});

