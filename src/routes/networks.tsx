import { Hono, type Context } from 'hono';
import { and, count, eq } from 'drizzle-orm';
import { networkRoles } from '../db/schema/index.js';
import type { AppEnv } from '../http/env.js';
import { DomainError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf, currentSession, requireUser } from '../http/session.js';
import { networkText } from '../i18n/networks.js';
import { createNetwork, networksOf, updateNetwork } from '../networks/networks.js';
import { networkSettingsSchema } from '../networks/settings.js';
import { Layout } from '../views/layout.js';
import { SettingsForm } from '../views/networks/settings-form.js';
import { NetworkNav } from '../views/networks/network-nav.js';
import { networkDashboard } from '../dashboard/dashboard.js';
import { DashboardPage } from '../views/networks/dashboard-page.js';

export const networkRoutes = new Hono<AppEnv>();
networkRoutes.use(requireUser);

/** Admins and anyone who already coordinates a network may start another. */
async function mayCreateNetworks(c: Context<AppEnv>): Promise<boolean> {
  const { user } = currentSession(c);
  if (user.isAdmin) return true;
  const [row] = await c.var.deps.db.select({ n: count() }).from(networkRoles).where(and(eq(networkRoles.userId, user.id), eq(networkRoles.role, 'coordinator')));
  return (row?.n ?? 0) > 0;
}

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
        {(await mayCreateNetworks(c)) && (
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
        <SettingsForm c={c} action="/networks/new" values={values} errors={errors} />
      </section>
    </Layout>
  );
}

// GET /networks/new
networkRoutes.get('/new', async (c) => {
  if (!(await mayCreateNetworks(c))) throw new DomainError(networkText(c.var.lang).cannotCreate, 403);
  return c.html(newNetworkPage(c, { languages: ['fi', 'sv', 'en'], anonymityThreshold: 5 }, {}));
});

// POST /networks/new
networkRoutes.post('/new', async (c) => {
  if (!(await mayCreateNetworks(c))) throw new DomainError(networkText(c.var.lang).cannotCreate, 403);
  const parsed = parseInput(networkSettingsSchema(c.var.lang), await readInput(c));
  if (!parsed.ok) return c.html(newNetworkPage(c, parsed.values, parsed.fields), 422);
  const network = await createNetwork(c.var.deps.db, c.var.deps.clock, currentSession(c).user.id, parsed.data);
  return c.redirect(`/networks/${network.id}`, 303);
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
      <NetworkNav c={c} current="settings" />
      <section class="card narrow">
        <h1>{t.settings}</h1>
        {saved && (
          <p class="notice-ok" role="status">
            {t.saved}
          </p>
        )}
        <SettingsForm c={c} action={`/networks/${c.var.network.id}/settings`} values={values} errors={errors} />
      </section>
    </Layout>
  );
}

// GET /networks/:networkId/settings
scoped.get('/settings', coordinatorOnly, (c) => c.html(settingsPage(c, c.var.network, {})));

// POST /networks/:networkId/settings
scoped.post('/settings', coordinatorOnly, async (c) => {
  const parsed = parseInput(networkSettingsSchema(c.var.lang), await readInput(c));
  if (!parsed.ok) return c.html(settingsPage(c, parsed.values, parsed.fields), 422);
  const network = await updateNetwork(c.var.deps.db, c.var.deps.clock, actorOf(c), c.var.network.id, parsed.data);
  return c.html(settingsPage(c, network, {}, true));
});

