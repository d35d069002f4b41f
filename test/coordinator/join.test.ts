import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networkRoles, users } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { networkWithPeople, postForm, sendJson, signedInUser, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const ADDRESS = 'future.leader@kunta.example';
const NEW_ACCOUNT = { name: 'Tuleva Johtaja', newPassword: 'pitkä salasana 42', newPasswordAgain: 'pitkä salasana 42' };
const form = (values: Record<string, string>, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(values).toString(),
});

/** Invites through the people page; returns the page it answers, which never holds the link. */
async function invite(by: SignedIn, networkId: number, email = ADDRESS, role = 'leader'): Promise<string> {
  const sent = await t.app.request(`/networks/${networkId}/people/invite`, postForm(by, { email, role }));
  expect(sent.status).toBe(200);
  const html = await sent.text();
  expect.soft(html).not.toContain('/join/');
  return html;
}

/** The newest join link to this address, as only its addressee (or the operator's npm run outbox) can read it. */
async function joinLinkTo(email: string): Promise<string> {
  const mail = (await openedMailRows(t.deps)).filter((row) => row.kind === 'account-invite' && row.recipient === email);
  return mail.at(-1)!.textBody!.match(/(\/join\/[\w-]+)/)![1]!;
}

async function roleIn(networkId: number, userId: number) {
  const [row] = await t.deps.db.select().from(networkRoles).where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.userId, userId)));
  return row?.role;
}

describe('the outbox takeover (issue 13)', () => {
  it('C2 cannot read the join link she sent, nor accept a role for an account that is not hers', async () => {
    t = await createTestApp();
    const { network: c1Network, other: c2Network, coordinator: c1, outsider: c2 } = await networkWithPeople(t);
    await invite(c2, c2Network.id);

    // Nowhere in the product does C2 see the link (it is in the database, sealed, for the operator).
    const seen = await Promise.all(
      [`/networks/${c2Network.id}/outbox`, `/networks/${c2Network.id}/people`, `/networks/${c2Network.id}`, '/networks'].map(async (path) => (await t.app.request(path, { headers: { cookie: c2.cookie } })).text()),
    );
    seen.push(await (await t.app.request(`/api/networks/${c2Network.id}`, sendJson(c2, 'GET'))).text());
    // Soft, so that the refusal below is checked too even where a page leaks.
    for (const text of seen) expect.soft(text).not.toContain('/join/');
    const c2Link = await joinLinkTo(ADDRESS);

    // The addressee creates her account; later C1 invites the same address to her network.
    const created = await t.app.request(c2Link, form(NEW_ACCOUNT));
    expect(created.status).toBe(303);
    const [person] = await t.deps.db.select().from(users).where(eq(users.email, ADDRESS));
    await invite(c1, c1Network.id);
    const c1Link = await joinLinkTo(ADDRESS);

    // Holding that link is not enough: without the account's own sign-in the role is refused.
    const anonymous = await t.app.request(c1Link, form({}));
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain(`/login?next=${encodeURIComponent(c1Link)}`);
    const asC2 = await t.app.request(c1Link, postForm(c2, {}));
    expect(asC2.status).toBe(403);
    expect(await roleIn(c1Network.id, person!.id)).toBeUndefined();
    expect(await roleIn(c1Network.id, c2.userId)).toBeUndefined();
    expect((await t.app.request(`/api/networks/${c1Network.id}`, sendJson(c2, 'GET'))).status).toBe(404);
  });
});

describe('accepting a role on an existing account', () => {
  it('asks to sign in first, then accepts for the signed-in owner only', async () => {
    t = await createTestApp();
    const { network, coordinator, outsider } = await networkWithPeople(t);
    // Outbox mode says plainly that the invitation goes nowhere.
    expect(await invite(coordinator, network.id, 'ulkopuolinen@toinen.example', 'coordinator')).toContain('sitä ei lähetetä');
    const link = await joinLinkTo('ulkopuolinen@toinen.example');

    const signedOut = await (await t.app.request(`${link}?lang=en`)).text();
    expect(signedOut).toContain('Sign in as ulkopuolinen@toinen.example to accept');
    expect(signedOut).toContain(`/login?next=${encodeURIComponent(link)}`);
    expect(signedOut).not.toContain('type="submit"');
    const someoneElse = await signedInUser(t, 'joku@kunta.example');
    expect(await (await t.app.request(`${link}?lang=en`, { headers: { cookie: someoneElse.cookie } })).text()).toContain('You are signed in as joku@kunta.example');

    const owner = await (await t.app.request(link, { headers: { cookie: outsider.cookie } })).text();
    expect(owner).toContain('Hyväksy kutsu');
    // A signed-in accept is a write like any other: it needs the session's CSRF token.
    expect((await t.app.request(link, form({}, outsider.cookie))).status).toBe(403);
    const accepted = await t.app.request(link, postForm(outsider, {}));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/networks/${network.id}`);
    expect(await roleIn(network.id, outsider.userId)).toBe('coordinator');
    expect((await t.app.request(link, postForm(outsider, {}))).status).toBe(410);
  });
});

describe('two invitations for one new address accepted at the same moment', () => {
  it('creates one account; the other is refused without a 5xx and its link still adds the role after sign-in', async () => {
    t = await createTestApp();
    const { network, other, coordinator, outsider } = await networkWithPeople(t);
    await invite(coordinator, network.id);
    const first = await joinLinkTo(ADDRESS);
    await invite(outsider, other.id);
    const second = await joinLinkTo(ADDRESS);

    const answers = await Promise.all([first, second].map((link) => t.app.request(link, form(NEW_ACCOUNT))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.sort()).toEqual([303, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(await refused.text()).toContain('juuri luotu');
    const created = await t.deps.db.select().from(users).where(eq(users.email, ADDRESS));
    expect(created).toHaveLength(1);

    // The refused invitation was not used up: the new account signs in and accepts it.
    const refusedLink = answers[0]!.status === 409 ? first : second;
    const cookie = answers.find((a) => a.status === 303)!.headers.get('set-cookie')!.split(';')[0]!;
    const acceptPage = await (await t.app.request(refusedLink, { headers: { cookie } })).text();
    const csrf = acceptPage.match(/name="_csrf" value="([^"]+)"/)![1]!;
    expect((await t.app.request(refusedLink, form({ _csrf: csrf }, cookie))).status).toBe(303);
    expect([await roleIn(network.id, created[0]!.id), await roleIn(other.id, created[0]!.id)]).toEqual(['leader', 'leader']);
  });
});
