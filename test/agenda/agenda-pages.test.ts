import { and, asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { actions, reportLinks, rounds } from '../../src/db/schema/index.js';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { agendaText } from '../../src/i18n/agenda.js';
import { reportText } from '../../src/i18n/reports.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { grantRole, postForm, signedInUser, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** The demo network with its coordinator (an admin), a leader and someone from outside. */
async function demo() {
  const clock = fixedClock('2026-11-01T09:00:00.000Z');
  t = await createTestApp({ clock });
  const coordinator = await signedInUser(t, 'koordinaattori@kunta.example', { isAdmin: true });
  const { networkId } = await seedDemo(t.deps.db, t.deps.catalogue, clock);
  await grantDemoAccess(t.deps.db, networkId);
  const leader = await signedInUser(t, 'rehtori@kunta.example');
  await grantRole(t, networkId, leader.userId, 'leader');
  const outsider = await signedInUser(t, 'vieras@muu.example');
  const where = and(eq(rounds.networkId, networkId), eq(rounds.questionnaireKey, 'network-rules'));
  const ruleRounds = await t.deps.db.select().from(rounds).where(where).orderBy(asc(rounds.closesAt));
  return { clock, coordinator, leader, outsider, networkId, ruleRounds, base: `/networks/${networkId}` };
}

const get = (user: SignedIn | null, path: string) => t.app.request(path, user ? { headers: { cookie: user.cookie } } : {});
const storedActions = () => t.deps.db.select().from(actions);
const FIGURES = /data-spec|<table|\d,\d\d/;

describe('renewal agenda pages', () => {
  it('lets coordinators edit, leaders only read, and hides the network from outsiders', async () => {
    const { coordinator, leader, outsider, ruleRounds, base } = await demo();
    const mine = await get(coordinator, `${base}/agenda`);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain(`href="${base}/agenda/new"`);

    const read = await (await get(leader, `${base}/agenda`)).text();
    expect(read).toContain(agendaText('fi').leaderNote);
    expect(read).not.toContain('method="post" action="/networks');
    expect((await get(leader, `${base}/agenda/new`)).status).toBe(403);
    expect((await get(leader, `${base}/agenda/candidates`)).status).toBe(403);
    const form = { roundId: String(ruleRounds[0]!.id), measure: 'rule:3', description: 'Ei saa tallentua' };
    expect((await t.app.request(`${base}/agenda`, postForm(leader, form))).status).toBe(403);
    expect((await get(outsider, `${base}/agenda`)).status).toBe(404);
    expect(await storedActions()).toHaveLength(0);
  });

  it('creates, edits and deletes an action through forms that carry the CSRF token, and follows its rule into later rounds', async () => {
    const { coordinator, ruleRounds, base } = await demo();
    const page = await (await get(coordinator, `${base}/agenda/new`)).text();
    expect(page).toContain(`name="_csrf" value="${coordinator.csrf}"`);
    const fields = { roundId: String(ruleRounds[0]!.id), measure: 'rule:3', description: 'Sovitaan resurssit kirjallisesti', owner: 'Ohjausryhmä', dueOn: '2025-09-30', status: 'planned' };
    const forged = await t.app.request(`${base}/agenda`, { ...postForm(coordinator, fields), headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    expect(forged.status).toBe(403);
    expect(await storedActions()).toHaveLength(0);

    const created = await t.app.request(`${base}/agenda`, postForm(coordinator, fields));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`${base}/agenda?done=created`);
    const [action] = await storedActions();
    expect(action).toMatchObject({ measure: 'rule:3', owner: 'Ohjausryhmä', dueOn: '2025-09-30', status: 'planned' });

    expect(await (await get(coordinator, `${base}/agenda/${action!.id}/edit`)).text()).toContain('Sovitaan resurssit kirjallisesti');
    expect((await t.app.request(`${base}/agenda/${action!.id}`, postForm(coordinator, { ...fields, status: 'done' }))).status).toBe(303);
    const list = await (await get(coordinator, `${base}/agenda?done=updated`)).text();
    expect(list).toContain(agendaText('fi').updated);
    expect(list).toContain(agendaText('fi').status_done);
    expect(list).toContain('30.9.2025');
    // Two later rounds, each with a verdict in words and the change with its interval.
    expect(list.match(/95 %:n luottamusväli −?\+?\d,\d\d/g)).toHaveLength(2);

    await t.app.request(`${base}/agenda`, postForm(coordinator, { ...fields, roundId: String(ruleRounds.at(-1)!.id), measure: 'rule:7' }));
    const filtered = await (await get(coordinator, `${base}/agenda?measure=rule:7`)).text();
    expect(filtered).toContain(agendaText('fi').noLaterRound);
    expect(filtered).not.toContain('<h2>Pelisääntö 3:');

    expect((await t.app.request(`${base}/agenda/${action!.id}/delete`, postForm(coordinator, {}))).status).toBe(303);
    expect((await storedActions()).map((a) => a.measure)).toEqual(['rule:7']);
  });

  it('answers a bad form with a message per field and writes nothing', async () => {
    const { coordinator, base } = await demo();
    const bad = await t.app.request(`${base}/agenda?lang=en`, postForm(coordinator, { roundId: 'x', measure: 'rule:99', description: ' ', dueOn: '30.9.2025', status: 'maybe' }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    const en = agendaText('en');
    for (const message of [en.roundInvalid, en.measureInvalid, en.descriptionRequired, en.dueInvalid, en.statusInvalid]) expect(html).toContain(message);
    expect(html).toContain('aria-invalid="true"');
    expect(await storedActions()).toHaveLength(0);
  });

  it('proposes actions from the demo data with their figures, and accepting one fills in the form', async () => {
    const { coordinator, ruleRounds, base } = await demo();
    const latest = await get(coordinator, `${base}/agenda/candidates`);
    expect(latest.status).toBe(200);
    const page = await (await get(coordinator, `${base}/agenda/candidates?round=${ruleRounds.at(-1)!.id}`)).text();
    const accepts = [...page.matchAll(/href="([^"]*\/agenda\/new\?[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(accepts.length).toBeGreaterThanOrEqual(3);
    expect(accepts).toContain(`${base}/agenda/new?round=${ruleRounds.at(-1)!.id}&measure=rule%3A10`);
    expect(page).toMatch(/\d,\d\d–\d,\d\d/);
    expect(page).toContain(agendaText('fi').reason_lowest);

    const filled = await (await get(coordinator, accepts.find((href) => href.endsWith('rule%3A10'))!)).text();
    expect(filled).toContain('<option value="rule:10" selected="">');
    expect(filled).toContain(`<option value="${ruleRounds.at(-1)!.id}" selected="">`);
    expect(await storedActions()).toHaveLength(0);
  });

  it('exports the agenda as a spreadsheet file that cannot run formulas', async () => {
    const { coordinator, leader, ruleRounds, base } = await demo();
    await t.app.request(`${base}/agenda`, postForm(coordinator, { roundId: String(ruleRounds[0]!.id), measure: 'rule:3', description: '=HYPERLINK("http://x")', owner: 'Ohjausryhmä; rehtorit', dueOn: '2025-09-30' }));
    const response = await get(leader, `${base}/agenda/export.csv`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('kehittamistoimet.csv');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(agendaText('fi').csvHeader);
    expect(lines[1]).toBe(`Pelisääntö 3: Resurssit, aikataulut ja työkalut;"'=HYPERLINK(""http://x"")";"Ohjausryhmä; rehtorit";2025-09-30;Suunniteltu;${ruleRounds[0]!.title}`);
  });
});

describe('report link pages', () => {
  it('creates a link shown once that opens the report until it is revoked', async () => {
    const { coordinator, leader, networkId, base } = await demo();
    const created = await t.app.request(`${base}/reports`, postForm(coordinator, { label: 'Sivistyslautakunta', expiresOn: '2026-12-31' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const url = (await created.text()).match(/id="created-url" type="url" value="([^"]+)"/)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/r\/[\w-]{32}$/);
    const path = new URL(url).pathname;
    const list = await (await get(coordinator, `${base}/reports`)).text();
    expect(list).toContain('Sivistyslautakunta');
    expect(list).not.toContain(path);

    const report = await get(null, path);
    expect(report.status).toBe(200);
    expect(report.headers.get('cache-control')).toBe('no-store');
    expect(report.headers.get('x-robots-tag')).toContain('noindex');
    const html = await report.text();
    expect(html).toContain('Järvenseudun koulujen kehittämisverkosto');
    expect(html.match(/<canvas data-spec=/g)!.length).toBeGreaterThanOrEqual(10);
    expect(html).toContain(reportText('fi').comparisonTitle);
    const signedIn = await (await get(leader, `${base}/report`)).text();
    expect(signedIn.match(/<canvas data-spec=/g)).toHaveLength(html.match(/<canvas data-spec=/g)!.length);

    expect((await t.app.request(`${base}/reports`, postForm(leader, { expiresOn: '2026-12-31' }))).status).toBe(403);
    const [link] = await t.deps.db.select().from(reportLinks).where(eq(reportLinks.networkId, networkId));
    expect((await t.app.request(`${base}/reports/${link!.id}/revoke`, postForm(coordinator, {}))).status).toBe(303);
    const revoked = await get(null, path);
    expect(revoked.status).toBe(410);
    const gone = await revoked.text();
    expect(gone).toContain(reportText('fi').revoked);
    expect(gone).not.toMatch(FIGURES);
    expect(gone).not.toContain('Järvenseudun');
  });

  it('shows an expired link as gone, in the chosen language and with no figures; refuses a bad form', async () => {
    const { clock, coordinator, base } = await demo();
    const bad = await t.app.request(`${base}/reports?lang=en`, postForm(coordinator, { expiresOn: '2020-01-01' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(reportText('en').expiryInvalid);
    expect(await t.deps.db.select().from(reportLinks)).toHaveLength(0);

    const created = await (await t.app.request(`${base}/reports`, postForm(coordinator, { expiresOn: '2026-11-30' }))).text();
    const path = new URL(created.match(/id="created-url" type="url" value="([^"]+)"/)![1]!).pathname;
    expect((await get(null, path)).status).toBe(200);
    clock.set('2026-12-01T09:00:00.000Z');
    const expired = await get(null, `${path}?lang=en`);
    expect(expired.status).toBe(410);
    const html = await expired.text();
    expect(html).toContain('This report link has expired.');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(FIGURES);
    expect((await get(null, `/r/${'x'.repeat(32)}`)).status).toBe(404);
  });
});
