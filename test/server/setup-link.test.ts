import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/accounts/password.js';
import { users } from '../../src/db/schema/index.js';
import { createSetupLink } from '../../src/setup/bootstrap.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const form = (values: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(values).toString(),
});
const good = { name: 'Kaisa Koordinaattori', email: 'Kaisa.K@Kunta.example', newPassword: 'pitkä salasana 123', newPasswordAgain: 'pitkä salasana 123', language: 'sv' };

async function setup() {
  t = await createTestApp();
  const link = await createSetupLink(t.deps.db, t.deps.clock, t.deps.secretKey, t.deps.baseUrl);
  return new URL(link).pathname;
}

describe('one-time setup link for the first coordinator', () => {
  it('shows the form, creates the admin account once, then only says the link is used', async () => {
    const path = await setup();
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ensimmäisen koordinaattorin tili');

    const created = await t.app.request(path, form(good));
    expect(created.status).toBe(201);
    const createdHtml = await created.text();
    expect(createdHtml).toContain('kaisa.k@kunta.example');
    // The new coordinator is signed in, and the page leads on to the first network.
    const cookie = created.headers.get('set-cookie')!.split(';')[0]!;
    expect(createdHtml).toContain('href="/networks/new"');
    const next = await t.app.request('/networks/new', { headers: { cookie } });
    expect(next.status).toBe(200);
    expect(await next.text()).toContain('action="/logout"');
    // A page seen signed out offers the way in.
    expect(await (await t.app.request(path)).text()).toContain('href="/login"');
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, 'kaisa.k@kunta.example'));
    expect(user).toMatchObject({ name: 'Kaisa Koordinaattori', isAdmin: true, language: 'sv' });
    expect(user!.passwordHash).not.toContain('pitkä');
    expect(await verifyPassword('pitkä salasana 123', user!.passwordHash)).toBe(true);
    expect(await verifyPassword('väärä salasana 123', user!.passwordHash)).toBe(false);

    expect((await t.app.request(path)).status).toBe(410);
    const again = await t.app.request(path, form({ ...good, email: 'toinen@kunta.example' }));
    expect(again.status).toBe(410);
    expect(await t.deps.db.select().from(users)).toHaveLength(1);
  });

  it('answers each bad field with its own message and creates nothing', async () => {
    const path = await setup();
    const response = await t.app.request(`${path}?lang=en`, form({ name: ' ', email: 'not-an-email', newPassword: 'short', newPasswordAgain: 'other' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Enter your name.');
    expect(html).toContain('Enter a valid email address');
    expect(html).toContain('at least 12 characters');
    expect(await t.deps.db.select().from(users)).toHaveLength(0);
    const mismatch = await t.app.request(path, form({ ...good, newPasswordAgain: 'something else entirely' }));
    expect(await mismatch.text()).toContain('Salasanat eivät täsmää.');
    expect((await t.app.request(path, form(good))).status).toBe(201);
  });

  it('lets only one of two simultaneous uses through', async () => {
    const path = await setup();
    const results = await Promise.all([t.app.request(path, form(good)), t.app.request(path, form({ ...good, email: 'b@kunta.example' }))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(await t.deps.db.select().from(users)).toHaveLength(1);
  });

  it('stops an earlier link working when a new one is printed, and refuses made-up links', async () => {
    const first = await setup();
    await createSetupLink(t.deps.db, t.deps.clock, t.deps.secretKey, t.deps.baseUrl);
    expect((await t.app.request(first)).status).toBe(410);
    expect((await t.app.request('/setup/abc')).status).toBe(410);
    expect((await t.app.request(`/setup/${'A'.repeat(43)}`)).status).toBe(410);
  });
});

describe('GET /healthz', () => {
  it('is 200 with the database reachable and 503 when it is not', async () => {
    t = await createTestApp();
    expect((await t.app.request('/healthz')).status).toBe(200);
    t.database.client.close();
    const down = await t.app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable' });
  });
});
