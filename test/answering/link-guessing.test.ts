import { afterEach, describe, expect, it } from 'vitest';
import { issueAccountLink } from '../../src/accounts/account-links.js';
import { newToken } from '../../src/accounts/tokens.js';
import { users } from '../../src/db/schema/index.js';
import { trustProxies } from '../../src/http/trusted-proxies.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fullAnswers, roundWithInvitations, submit } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** The peer address the node server would hand the app. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('guessing links', () => {
  it('gets the same answer for every wrong token, then is told to wait, while working links from the same address still work', async () => {
    t = await createTestApp();
    const { version, tokens } = await roundWithInvitations(t, 2);
    const bodies = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const response = await submit(t, newToken(16), { answers: {} });
      expect(response.status).toBe(404);
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(1);
    const refused = await submit(t, newToken(16), { answers: {} });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toContain('Liian monta tuntematonta linkkiä');
    expect((await t.app.request(`/r/${newToken(24)}`)).status).toBe(429);
    // A member behind the same school NAT: the page, the submit and a second look all work.
    expect((await t.app.request(`/a/${tokens[0]}`)).status).toBe(200);
    expect((await submit(t, tokens[0]!, { answers: fullAnswers(version) })).status).toBe(201);
    expect((await submit(t, tokens[0]!, { answers: fullAnswers(version) })).status).toBe(409);
    expect((await t.app.request(`/a/${tokens[1]}`)).status).toBe(200);
    t.deps.clock.now = ((later) => () => later)(new Date(t.deps.clock.now().getTime() + 11 * 60_000));
    expect((await submit(t, newToken(16), { answers: {} })).status).toBe(404);
  });

  it('does not count used or expired links, which are no guesses', async () => {
    t = await createTestApp();
    const [user] = await t.deps.db.insert(users).values({ email: 'kaisa@kunta.example', name: 'Kaisa', passwordHash: 'x', createdAt: t.deps.clock.now().toISOString() }).returning();
    const token = await issueAccountLink(t.deps.db, t.deps.clock, t.deps.secretKey, 'password_reset', 3_600_000, { userId: user!.id });
    t.deps.clock.now = ((later) => () => later)(new Date(t.deps.clock.now().getTime() + 2 * 3_600_000));
    for (let i = 0; i < 40; i++) expect((await t.app.request(`/reset/${token}`)).status).toBe(410);
    expect((await t.app.request(`/reset/${newToken(24)}`)).status).toBe(404);
  });

  it('keys on the client, not on a trusted proxy in front: one visitor guessing does not hold up the others', async () => {
    t = await createTestApp({ trustedProxies: trustProxies(['10.0.0.0/8']) });
    const viaProxy = (client: string) => ({ ...from('10.0.0.2'), headers: { 'x-forwarded-for': client } });
    const guess = (client: string) => t.app.request(`/r/${newToken(24)}`, { headers: viaProxy(client).headers }, viaProxy(client));
    for (let i = 0; i < 30; i++) expect((await guess('198.51.100.7')).status).toBe(404);
    expect((await guess('198.51.100.7')).status).toBe(429);
    expect((await guess('203.0.113.5')).status).toBe(404);
    // A client writing its own X-Forwarded-For gets nowhere: the proxy appends the real peer, which is what counts.
    expect((await guess('192.0.2.99, 198.51.100.7')).status).toBe(429);
    const forwarded = { ...from('::ffff:10.0.0.2'), headers: { forwarded: 'for="198.51.100.7:4711";proto=https, for=10.0.0.3' } };
    expect((await t.app.request(`/r/${newToken(24)}`, { headers: forwarded.headers }, forwarded)).status).toBe(429);
    // Without the setting the header is ignored and the proxy's own address is the key.
    const direct = await createTestApp();
    for (let i = 0; i < 30; i++) await direct.app.request(`/r/${newToken(24)}`, { headers: { 'x-forwarded-for': `192.0.2.${i}` } }, from('10.0.0.2'));
    expect((await direct.app.request(`/r/${newToken(24)}`, { headers: { 'x-forwarded-for': '192.0.2.200' } }, from('10.0.0.2'))).status).toBe(429);
    direct.database.dispose();
  });

  it('counts an IPv6 client by its /64, the block one home or office gets', async () => {
    t = await createTestApp();
    for (let i = 0; i < 30; i++) expect((await t.app.request(`/r/${newToken(24)}`, {}, from(`2001:db8:0:7::${i + 1}`))).status).toBe(404);
    expect((await t.app.request(`/r/${newToken(24)}`, {}, from('2001:db8::7:abcd:1:2:3'))).status).toBe(429);
    expect((await t.app.request(`/r/${newToken(24)}`, {}, from('2001:db8:0:8::1'))).status).toBe(404);
  });
});
