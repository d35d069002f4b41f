import { randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.js';
import { createLoginLimiter, LOGIN_LIMITS } from '../../src/accounts/login-limiter.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { postForm, signedInUser, TEST_PASSWORD } from '../helpers/people.js';

let t: TestApp;
/** The peer address the node server would hand the app. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
afterEach(() => t?.database.dispose());

const login = (email: string, password: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ email, password, ...extra }).toString(),
});

describe('sign in and out', () => {
  it('signs in with the right password into an httpOnly SameSite cookie, and signs out', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    const wrong = await t.app.request('/login', login('kaisa@kunta.example', 'väärä salasana'));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Sähköpostiosoite tai salasana on väärin.');
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const ok = await t.app.request('/login', login(' KAISA@kunta.example', TEST_PASSWORD, { next: '/networks' }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/networks');
    const setCookie = ok.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/vp_session=[\w-]+/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';')[0]!;

    const page = await t.app.request('/networks', { headers: { cookie } });
    expect(page.status).toBe(200);
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;

    const noToken = await t.app.request('/logout', { method: 'POST', headers: { cookie } });
    expect(noToken.status).toBe(403);
    const out = await t.app.request('/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}` });
    expect(out.status).toBe(303);
    expect((await t.app.request('/networks', { headers: { cookie } })).status).toBe(303);
  });

  it('marks the cookie Secure when served over https', async () => {
    t = await createTestApp({ baseUrl: 'https://pulssi.example.fi' });
    await signedInUser(t, 'kaisa@kunta.example');
    const ok = await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD));
    expect(ok.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('never redirects to another site after signing in', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', '/\t/evil.example', '/networks\r\nSet-Cookie: x=1', '/%0a', '/ä']) {
      const ok = await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD, { next }));
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe(next === '/%0a' ? '/%0a' : '/networks');
    }
    const local = await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD, { next: '/networks/3/rounds?tab=open' }));
    expect(local.headers.get('location')).toBe('/networks/3/rounds?tab=open');
  });

  it('rate-limits failed sign-ins per account with a clear message, then lets the user in after the wait', async () => {
    const clock = fixedClock();
    t = await createTestApp({ clock });
    await signedInUser(t, 'kaisa@kunta.example');
    for (let i = 0; i < 5; i++) expect((await t.app.request('/login', login('kaisa@kunta.example', 'väärin'))).status).toBe(401);
    const limited = await t.app.request('/login?lang=en', login('kaisa@kunta.example', TEST_PASSWORD));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Too many failed sign-ins. Try again in 15 minutes.');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    clock.advance(15 * 60_000 + 1000);
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD))).status).toBe(303);
  });

  it('gives one address a budget that a school behind one NAT does not use up', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    for (let i = 0; i < 20; i++) expect((await t.app.request('/login', login(`user${i}@kunta.example`, 'väärin'))).status).toBe(401);
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD))).status).toBe(303);
 
    // Twenty scrypt checks.
  }, 60_000);

  it('refuses an address after 100 failures over any accounts, and an account after 30 from unknown devices anywhere', () => {
    // The limiter alone: a hundred scrypt checks through HTTP would take a minute.
    const limiter = createLoginLimiter();
    const now = Date.UTC(2026, 2, 2);
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) expect(limiter.begin({ account: `user${i}@kunta.example`, address: '192.0.2.1', device: null }, now)).toBe(0);
    expect(limiter.begin({ account: 'someone@kunta.example', address: '192.0.2.1', device: null }, now)).toBeGreaterThan(800);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect(limiter.begin({ account: 'kaisa@kunta.example', address: `198.51.100.${i}`, device: null }, now)).toBe(0);
    expect(limiter.begin({ account: 'kaisa@kunta.example', address: '203.0.113.1', device: null }, now)).toBeGreaterThan(0);
    expect(limiter.begin({ account: 'kaisa@kunta.example', address: '203.0.113.1', device: 'known-browser' }, now)).toBe(0);
    expect(limiter.begin({ account: 'kaisa@kunta.example', address: '203.0.113.1', device: null }, now + LOGIN_LIMITS.windowMs)).toBe(0);
  });

  it('does not lock the owner out: guesses from another address, or from this one without the device cookie, leave a known browser in', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    const first = await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD), from('192.0.2.10'));
    const device = first.headers.get('set-cookie')!.match(/vp_device=[^;]+/)![0];
    for (let i = 0; i < 5; i++) expect((await t.app.request('/login', login('kaisa@kunta.example', 'väärin'), from('198.51.100.7'))).status).toBe(401);
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD), from('198.51.100.7'))).status).toBe(429);
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD), from('203.0.113.5'))).status).toBe(303);
    // The same school network as the guesser: the browser that signed in before still gets in.
    for (let i = 0; i < 5; i++) await t.app.request('/login', login('kaisa@kunta.example', 'väärin'), from('192.0.2.10'));
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD), from('192.0.2.10'))).status).toBe(429);
    const withDevice = { ...login('kaisa@kunta.example', TEST_PASSWORD), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: device } };
    expect((await t.app.request('/login', withDevice, from('192.0.2.10'))).status).toBe(303);
    // A cookie made up or taken to another account counts as no cookie (one character changed, whatever it was).
    const forged = { ...login('kaisa@kunta.example', 'väärin'), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: device.replace(/\.([0-9a-f])/, (_, c: string) => (c === '0' ? '.1' : '.0')) } };
    expect((await t.app.request('/login', forged, from('192.0.2.10'))).status).toBe(429);
  });

  it('counts parallel guesses before checking them: 40 at once, 5 checked', async () => {
    t = await createTestApp();
    await signedInUser(t, 'kaisa@kunta.example');
    const statuses = await Promise.all(Array.from({ length: 40 }, () => (async () => (await t.app.request('/login', login('kaisa@kunta.example', 'väärin'), from('198.51.100.7'))).status)()));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });

  it('refuses a write that comes from another site', async () => {
    t = await createTestApp();
    const response = await t.app.request('/login', { ...login('a@b.example', 'x'), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
  });
});

describe('password change', () => {
  it('needs the current password, then signs out the other sessions but keeps this one', async () => {
    t = await createTestApp();
    const me = await signedInUser(t, 'kaisa@kunta.example');
    const other = await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD));
    const otherCookie = other.headers.get('set-cookie')!.split(';')[0]!;
    const change = (fields: Record<string, string>) =>
      t.app.request('/account/password', { method: 'POST', headers: { cookie: me.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: me.csrf, ...fields }).toString() });

    const wrong = await change({ currentPassword: 'väärä', newPassword: 'uusi salasana 5678', newPasswordAgain: 'uusi salasana 5678' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Nykyinen salasana on väärin.');
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'lyhyt', newPasswordAgain: 'lyhyt' });
    expect(await short.text()).toContain('vähintään 12 merkkiä');

    const ok = await change({ currentPassword: TEST_PASSWORD, newPassword: 'uusi salasana 5678', newPasswordAgain: 'uusi salasana 5678' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Salasana on vaihdettu.');
    expect((await t.app.request('/account', { headers: { cookie: me.cookie } })).status).toBe(200);
    expect((await t.app.request('/account', { headers: { cookie: otherCookie } })).status).toBe(303);
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD))).status).toBe(401);
    expect((await t.app.request('/login', login('kaisa@kunta.example', 'uusi salasana 5678'))).status).toBe(303);
  });

  it('limits guesses of the current password from a session: five wrong, then a wait, the right one refused too', async () => {
    const clock = fixedClock();
    t = await createTestApp({ clock });
    const me = await signedInUser(t, 'kaisa@kunta.example');
    const change = (currentPassword: string) =>
      t.app.request('/account/password', postForm(me, { currentPassword, newPassword: 'uusi salasana 5678', newPasswordAgain: 'uusi salasana 5678' }));
    for (let i = 0; i < 5; i++) expect((await change('väärä')).status).toBe(422);
    const limited = await change(TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Liian monta väärää salasanaa.');
    clock.advance(15 * 60_000 + 1000);
    expect((await change(TEST_PASSWORD)).status).toBe(200);
  });
});

describe('password hashing', () => {
  it('hashes with scrypt at N=2^17, r=8, p=1 and upgrades an older hash at the next sign-in', async () => {
    t = await createTestApp();
    const salt = randomBytes(16);
    const oldKey = scryptSync(TEST_PASSWORD.normalize('NFKC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const oldHash = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), oldKey.toString('base64url')].join('$');
    await t.deps.db.insert(users).values({ email: 'kaisa@kunta.example', name: 'Kaisa', passwordHash: oldHash, createdAt: t.deps.clock.now().toISOString() });
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD))).status).toBe(303);
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, 'kaisa@kunta.example'));
    expect(user!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await t.app.request('/login', login('kaisa@kunta.example', TEST_PASSWORD))).status).toBe(303);
  });
});
