import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, members } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { grantRole, networkWithPeople, postForm, sendJson, signedInUser, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const maija = { name: 'Maija Meikäläinen', email: 'maija@koulu.example', organisation: 'Keskustan koulu', organisationType: 'comprehensive_school', language: 'fi' };

async function page(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  const html = await response.text();
  return { status: response.status, main: html.slice(html.indexOf('<main'), html.indexOf('</main>')), html };
}

async function api(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie, accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
}

const recorded = async () => (await t.deps.db.select().from(auditEvents).orderBy(auditEvents.id)).map(({ action, details, actorName }) => ({ action, details, actorName }));

describe('the activity log', () => {
  it('records each roster change made on the pages, with who made it and what changed', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const base = `/networks/${network.id}/members`;
    await t.app.request(`${base}/new`, postForm(coordinator, maija));
    const [member] = await t.deps.db.select().from(members);
    const ref = { memberId: member!.id, name: maija.name, email: maija.email };
    await t.app.request(`${base}/${member!.id}`, postForm(coordinator, { ...maija, email: 'koordinaattori@kunta.example', organisationType: 'upper_secondary' }));
    // Saving the form unchanged, or deactivating twice, changes nothing and records nothing.
    await t.app.request(`${base}/${member!.id}`, postForm(coordinator, { ...maija, email: 'koordinaattori@kunta.example', organisationType: 'upper_secondary' }));
    await t.app.request(`${base}/${member!.id}/deactivate`, postForm(coordinator, {}));
    await t.app.request(`${base}/${member!.id}/deactivate`, postForm(coordinator, {}));
    await t.app.request(`${base}/${member!.id}/reactivate`, postForm(coordinator, {}));
    const csv = 'nimi;sähköposti\nPekka Virtanen;pekka@koulu.example\nMaija Meikäläinen;koordinaattori@kunta.example';
    const imported = await t.app.request(`${base}/import`, postForm(coordinator, { csv, confirm: 'true' }));
    expect(imported.status).toBe(303);

    const moved = { ...ref, email: 'koordinaattori@kunta.example' };
    expect(await recorded()).toEqual([
      { action: 'member_added', details: { member: ref }, actorName: 'koordinaattori' },
      {
        action: 'member_changed',
        details: {
          member: moved,
          changes: [
            { field: 'email', from: 'maija@koulu.example', to: 'koordinaattori@kunta.example' },
            { field: 'organisationType', from: 'comprehensive_school', to: 'upper_secondary' },
          ],
        },
        actorName: 'koordinaattori',
      },
      { action: 'member_deactivated', details: { member: moved }, actorName: 'koordinaattori' },
      { action: 'member_reactivated', details: { member: moved }, actorName: 'koordinaattori' },
      { action: 'members_imported', details: { added: 1, updated: 0, addedMembers: [{ name: 'Pekka Virtanen', email: 'pekka@koulu.example' }] }, actorName: 'koordinaattori' },
    ]);

    const log = await page(coordinator, `/networks/${network.id}/audit?lang=fi`);
    expect(log.status).toBe(200);
    for (const text of [
      'koordinaattori lisäsi jäsenen Maija Meikäläinen (maija@koulu.example).',
      'Sähköposti: maija@koulu.example → koordinaattori@kunta.example',
      'Organisaation tyyppi: Perusopetus → Lukio',
      'koordinaattori passivoi jäsenen Maija Meikäläinen (koordinaattori@kunta.example).',
      'koordinaattori toi jäseniä CSV-tiedostosta. Uusia: 1, päivitettyjä: 0.',
      'Pekka Virtanen (pekka@koulu.example)',
    ])
      expect(log.main).toContain(text);
    expect(log.main, 'Finnish-form times on a Helsinki clock').toContain('2.3.2026 klo 11.00');
    expect(log.main, 'no internal ids or raw data').not.toMatch(/memberId|member_changed|\{"/);
    expect(log.main.indexOf('toi jäseniä'), 'newest first').toBeLessThan(log.main.indexOf('lisäsi jäsenen'));
  });

  it('records the same changes made through the API, and nothing for a refused one', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const base = `/api/networks/${network.id}/members`;
    const added = await (await t.app.request(base, sendJson(coordinator, 'POST', maija))).json();
    const duplicate = await t.app.request(base, sendJson(coordinator, 'POST', { ...maija, name: 'Toinen' }));
    expect(duplicate.status).toBe(422);
    await t.app.request(`${base}/${added.member.id}`, sendJson(coordinator, 'PUT', { ...maija, name: 'Maija Mäkinen' }));
    await t.app.request(`${base}/${added.member.id}/deactivate`, sendJson(coordinator, 'POST'));
    await t.app.request(`${base}/${added.member.id}/reactivate`, sendJson(coordinator, 'POST'));
    await t.app.request(`${base}/import`, sendJson(coordinator, 'POST', { csv: 'name,email\nMaija Virtanen,maija@koulu.example\nPekka,pekka@koulu.example', confirm: true }));
    expect((await recorded()).map((event) => event.action)).toEqual(['member_added', 'member_changed', 'member_deactivated', 'member_reactivated', 'members_imported']);
    const [, changed, , , imported] = await recorded();
    expect(changed!.details).toMatchObject({ changes: [{ field: 'name', from: 'Maija Meikäläinen', to: 'Maija Mäkinen' }] });
    expect(imported!.details).toEqual({ added: 1, updated: 1, addedMembers: [{ name: 'Pekka', email: 'pekka@koulu.example' }] });
  });

  it('records settings changes old → new, from the page and the API', async () => {
    t = await createTestApp();
    const { network, coordinator, leader } = await networkWithPeople(t);
    const settings = { name: 'Testiverkosto', languages: ['fi', 'sv', 'en'], anonymityThreshold: '3', bandStrength: '4', bandConcern: '3' };
    await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, settings));
    await t.app.request(`/api/networks/${network.id}`, sendJson(coordinator, 'PUT', { ...settings, anonymityThreshold: 3, collectSegments: true, languages: ['fi'] }));
    expect((await recorded()).map((event) => event.details)).toEqual([
      {
        changes: [
          { field: 'anonymityThreshold', from: 5, to: 3 },
          { field: 'collectSegments', from: true, to: false },
        ],
      },
      {
        changes: [
          { field: 'languages', from: ['fi', 'sv', 'en'], to: ['fi'] },
          { field: 'collectSegments', from: false, to: true },
        ],
      },
    ]);
    const log = await page(leader, `/networks/${network.id}/audit?lang=sv`);
    expect(log.main).toContain('Anonymitetsgräns (k): 5 → 3');
    expect(log.main).toContain('Insamling av bakgrundsuppgifter: på → av');
    expect(log.main).toContain('Svarsspråk: finska, svenska, engelska → finska');
  });

  it('is readable by the leader and every coordinator of the network, and by no one else', async () => {
    t = await createTestApp();
    const { network, other, coordinator, leader, outsider } = await networkWithPeople(t);
    const second = await signedInUser(t, 'toinen.koordinaattori@kunta.example');
    await grantRole(t, network.id, second.userId, 'coordinator');
    await t.app.request(`/api/networks/${network.id}/members`, sendJson(coordinator, 'POST', maija));
    for (const user of [leader, second, coordinator]) {
      const shown = await page(user, `/networks/${network.id}/audit?lang=en`);
      expect(shown.status).toBe(200);
      expect(shown.main).toContain('koordinaattori added the member Maija Meikäläinen (maija@koulu.example).');
      expect(shown.html, 'linked from the network navigation').toContain(`href="/networks/${network.id}/audit" aria-current="page"`);
      const json = await api(user, `/api/networks/${network.id}/audit?lang=en`);
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({ total: 1, page: 1, pages: 1, round: null });
      expect(json.body.events[0]).toMatchObject({ action: 'member_added', actor: { name: 'koordinaattori' }, text: 'koordinaattori added the member Maija Meikäläinen (maija@koulu.example).' });
    }
    expect((await page(leader, `/networks/${network.id}`)).html, 'leaders find the log in the navigation').toContain(`href="/networks/${network.id}/audit"`);
    expect((await page(outsider, `/networks/${network.id}/audit`)).status).toBe(404);
    expect((await api(outsider, `/api/networks/${network.id}/audit`)).status).toBe(404);
    expect((await api(outsider, `/api/networks/${other.id}/audit`)).body.total, 'another network’s log is its own').toBe(0);
    expect((await t.app.request(`/api/networks/${network.id}/audit`)).status).toBe(401);
  });

  it('pages the log, newest first', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    for (let i = 0; i < 32; i++) await t.app.request(`/api/networks/${network.id}/members`, sendJson(coordinator, 'POST', { name: `Jäsen ${i}`, email: `jasen${i}@koulu.example` }));
    const first = await api(coordinator, `/api/networks/${network.id}/audit`);
    expect(first.body).toMatchObject({ total: 32, page: 1, pages: 2 });
    expect(first.body.events).toHaveLength(30);
    expect(first.body.events[0].details.member.name).toBe('Jäsen 31');
    const second = await page(coordinator, `/networks/${network.id}/audit?page=2`);
    expect(second.main).toContain('Jäsen 1 (jasen1@koulu.example)');
    expect(second.main).not.toContain('Jäsen 2 (');
    expect(second.html).toContain('Sivu 2/2');
    expect(second.html).toContain(`href="/networks/${network.id}/audit?page=1"`);
  });
});
