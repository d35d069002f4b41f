import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networkRoles, users } from '../../src/db/schema/index.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, signedInUser } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink;
afterEach(async () => {
  await sink?.close();
  t?.database.dispose();
});

const form = (values: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values).toString() });

async function setup() {
  sink = await startSmtpSink();
  t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Pulssi <no-reply@pulssi.example>') });
  return networkWithPeople(t);
}

describe('inviting coordinators and leaders by email', () => {
  it('a new person follows the emailed link, creates an account and lands in the network as leader', async () => {
    const { network, coordinator } = await setup();
    const invited = await t.app.request(`/networks/${network.id}/people/invite`, postForm(coordinator, { email: 'Sivistysjohtaja@Kunta.example', role: 'leader' }));
    expect(invited.status).toBe(200);
    expect(await invited.text()).toContain('sivistysjohtaja@kunta.example');
    const [mail] = await receivedMail(sink, 1);
    expect(mail!.from?.text).toContain('Testiverkosto');
    expect(mail!.replyTo?.text).toContain('koordinaattori@kunta.example');
    const link = mail!.text!.match(/(\/join\/[\w-]+)/)![1]!;

    const page = await t.app.request(link);
    expect(await page.text()).toContain('Sinut on kutsuttu verkoston Testiverkosto johdon edustajaksi.');
    const short = await t.app.request(link, form({ name: 'Sini', newPassword: 'lyhyt', newPasswordAgain: 'lyhyt' }));
    expect(short.status).toBe(422);
    const joined = await t.app.request(link, form({ name: 'Sini Sivistysjohtaja', newPassword: 'pitkä salasana 42', newPasswordAgain: 'pitkä salasana 42' }));
    expect(joined.status).toBe(303);
    expect(joined.headers.get('location')).toBe(`/networks/${network.id}`);
    const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.app.request(`/networks/${network.id}`, { headers: { cookie } })).status).toBe(200);
    expect((await t.app.request(`/networks/${network.id}/settings`, { headers: { cookie } })).status).toBe(403);
    expect((await t.app.request(link)).status).toBe(410);
  });

  it('an existing account gets the role only when signed in as itself', async () => {
    const { network, coordinator, outsider } = await setup();
    await t.app.request(`/networks/${network.id}/people/invite`, postForm(coordinator, { email: 'ulkopuolinen@toinen.example', role: 'coordinator' }));
    const link = (await receivedMail(sink, 1))[0]!.text!.match(/(\/join\/[\w-]+)/)![1]!;
    const refused = await t.app.request(link, form({}));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const accepted = await t.app.request(link, postForm(outsider, {}));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/networks/${network.id}`);
    const [role] = await t.deps.db.select().from(networkRoles).where(and(eq(networkRoles.networkId, network.id), eq(networkRoles.userId, outsider.userId)));
    expect(role?.role).toBe('coordinator');
  });

  it('refuses a bad address, keeps the last coordinator, and is closed to leaders and outsiders', async () => {
    const { network, coordinator, leader, outsider } = await setup();
    const bad = await t.app.request(`/networks/${network.id}/people/invite?lang=en`, postForm(coordinator, { email: 'not-an-address', role: 'leader' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter a valid email address.');
    expect((await t.app.request(`/networks/${network.id}/people/${coordinator.userId}/remove`, postForm(coordinator, {}))).status).toBe(409);
    expect((await t.app.request(`/networks/${network.id}/people/${leader.userId}/remove`, postForm(coordinator, {}))).status).toBe(303);
    const log = await (await t.app.request(`/networks/${network.id}/audit?lang=en`, { headers: { cookie: coordinator.cookie } })).text();
    expect(log).toMatch(/removed [^<]+ \(rehtori@kunta\.example\) as a leader\./);
    expect((await t.app.request(`/networks/${network.id}/people`, { headers: { cookie: leader.cookie } })).status).toBe(404);
    expect((await t.app.request(`/networks/${network.id}/people/invite`, postForm(outsider, { email: 'x@y.example', role: 'coordinator' }))).status).toBe(404);
    expect(await t.deps.db.select().from(users)).toHaveLength(3);
  });

  it('a pending invitation can be withdrawn: its link stops working, the log says who withdrew it, another network cannot touch it', async () => {
    const { network, other, coordinator, outsider } = await setup();
    await t.app.request(`/networks/${network.id}/people/invite`, postForm(coordinator, { email: 'peruttava@kunta.example', role: 'leader' }));
    const link = (await receivedMail(sink, 1))[0]!.text!.match(/(\/join\/[\w-]+)/)![1]!;
    const page = await (await t.app.request(`/networks/${network.id}/people`, { headers: { cookie: coordinator.cookie } })).text();
    const action = page.match(/action="(\/networks\/\d+\/people\/invitations\/(\d+)\/withdraw)"/)!;
    expect(page).toContain('Peru kutsu');
    expect(page).not.toMatch(/voimassa \d{4}-\d\d-\d\d/);

    const elsewhere = await t.app.request(`/networks/${other.id}/people/invitations/${action[2]}/withdraw`, postForm(outsider, {}));
    expect(elsewhere.status).toBe(404);
    const withdrawn = await t.app.request(action[1]!, postForm(coordinator, {}));
    expect(withdrawn.status).toBe(200);
    const after = await withdrawn.text();
    expect(after).toContain('Kutsu osoitteeseen peruttava@kunta.example on peruttu.');
    expect(after).not.toContain('Odottavat kutsut');
    expect((await t.app.request(link)).status).toBe(410);
    const again = await t.app.request(`${action[1]}?lang=en`, postForm(coordinator, {}));
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('The invitation was not found.');

    const log = await (await t.app.request(`/networks/${network.id}/audit`, { headers: { cookie: coordinator.cookie } })).text();
    expect(log).toContain('kutsui osoitteen peruttava@kunta.example verkoston johdon edustajaksi.');
    expect(log).toContain('perui kutsun, jolla osoite peruttava@kunta.example kutsuttiin verkoston johdon edustajaksi.');
  });

  it('an invitation never takes rights away: a coordinator who accepts one as leader stays coordinator, a leader invited as coordinator is raised', async () => {
    const { network, coordinator, leader } = await setup();
    const second = await signedInUser(t, 'toinen.koordinaattori@kunta.example');
    await t.deps.db.insert(networkRoles).values({ networkId: network.id, userId: second.userId, role: 'coordinator' });
    await t.app.request(`/networks/${network.id}/people/invite`, postForm(coordinator, { email: 'toinen.koordinaattori@kunta.example', role: 'leader' }));
    await t.app.request(`/networks/${network.id}/people/invite`, postForm(coordinator, { email: 'rehtori@kunta.example', role: 'coordinator' }));
    const links = (await receivedMail(sink, 2)).map((mail) => ({ to: mail.to, link: mail.text!.match(/(\/join\/[\w-]+)/)![1]! }));
    const linkTo = (address: string) => links.find((l) => JSON.stringify(l.to).includes(address))!.link;
    expect((await t.app.request(linkTo('toinen.koordinaattori@kunta.example'), postForm(second, {}))).status).toBe(303);
    expect((await t.app.request(linkTo('rehtori@kunta.example'), postForm(leader, {}))).status).toBe(303);
    const roleOf = async (userId: number) => (await t.deps.db.select().from(networkRoles).where(and(eq(networkRoles.networkId, network.id), eq(networkRoles.userId, userId))))[0]?.role;
    expect(await roleOf(second.userId)).toBe('coordinator');
    expect(await roleOf(leader.userId)).toBe('coordinator');
  });
});
