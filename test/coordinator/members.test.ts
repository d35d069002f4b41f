import { afterEach, describe, expect, it } from 'vitest';
import { members } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const maija = { name: 'Maija Meikäläinen', email: 'Maija.Meikalainen@Kunta.example', organisation: 'Keskustan koulu', organisationType: 'comprehensive_school', language: 'sv' };

async function page(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  return { status: response.status, html: await response.text() };
}

describe('the roster', () => {
  it('the coordinator adds a member, whose email is stored in lower case', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const base = `/networks/${network.id}/members`;
    const added = await t.app.request(`${base}/new`, postForm(coordinator, maija));
    expect(added.status).toBe(303);
    const [stored] = await t.deps.db.select().from(members);
    expect(stored).toMatchObject({ ...maija, email: 'maija.meikalainen@kunta.example', networkId: network.id, active: true });
    expect(added.headers.get('location')).toBe(`${base}/${stored!.id}?done=added`);
    expect((await page(coordinator, added.headers.get('location')!)).html).toContain('Jäsen on lisätty.');
    const list = await page(coordinator, base);
    expect(list.html).toContain('Maija Meikäläinen');
    expect(list.html).toContain('Jäseniä 1, joista aktiivisia 1.');
  });

  it('answers every bad field with its own message and saves nothing', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    await t.app.request(`/api/networks/${network.id}`, sendJson(coordinator, 'PUT', { name: 'Testiverkosto', languages: ['fi', 'sv'] }));
    const bad = { name: ' ', email: 'maija@', organisation: 'x'.repeat(201), organisationType: 'university', language: 'en' };
    const response = await t.app.request(`/networks/${network.id}/members/new?lang=en`, postForm(coordinator, bad));
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const message of [
      'Enter the member’s name.',
      'The email address is not valid.',
      'The organisation’s name is too long (at most 200 characters).',
      'Choose an organisation type from the list.',
      'Choose one of the network’s languages: fi, sv.',
    ])
      expect(html).toContain(message);
    const api = await t.app.request(`/api/networks/${network.id}/members?lang=fi`, sendJson(coordinator, 'POST', { email: 'maija@kunta.example' }));
    expect(api.status).toBe(422);
    expect((await api.json()).fields).toEqual({ name: 'Kirjoita jäsenen nimi.' });
    expect(await t.deps.db.select().from(members)).toEqual([]);
  });

  it('refuses a second member with the same email in any case, with a message on the email field', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const base = `/networks/${network.id}/members`;
    await t.app.request(`${base}/new`, postForm(coordinator, maija));
    const again = await t.app.request(`${base}/new`, postForm(coordinator, { ...maija, name: 'Toinen Maija', email: 'MAIJA.meikalainen@kunta.example' }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('Verkostossa on jo jäsen tällä sähköpostiosoitteella.');
    const api = await t.app.request(`/api${base}?lang=en`, sendJson(coordinator, 'POST', { name: 'Kolmas', email: 'maija.meikalainen@KUNTA.example' }));
    expect(api.status).toBe(422);
    expect(await api.json()).toMatchObject({ fields: { email: 'The network already has a member with this email address.' } });
    expect(await t.deps.db.select().from(members)).toHaveLength(1);
  });

  it('edits, deactivates and reactivates a member; the list searches and filters', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const base = `/networks/${network.id}/members`;
    await t.app.request(`${base}/new`, postForm(coordinator, maija));
    await t.app.request(`${base}/new`, postForm(coordinator, { name: 'Pekka Virtanen', email: 'pekka@kunta.example', organisation: 'Sivistystoimi' }));
    const [first] = await t.deps.db.select().from(members);
    const edited = await t.app.request(`${base}/${first!.id}`, postForm(coordinator, { ...maija, organisation: 'Järvenpään lukio', organisationType: 'upper_secondary' }));
    expect(edited.headers.get('location')).toBe(`${base}/${first!.id}?done=saved`);
    expect((await page(coordinator, `${base}/${first!.id}`)).html).toContain('Järvenpään lukio');

    const off = await t.app.request(`${base}/${first!.id}/deactivate`, postForm(coordinator, {}));
    expect(off.status).toBe(303);
    expect((await page(coordinator, off.headers.get('location')!)).html).toContain('Jäsen on passivoitu.');
    expect((await page(coordinator, base)).html).toContain('Jäseniä 2, joista aktiivisia 1.');
    const inactive = await page(coordinator, `${base}?status=inactive`);
    expect(inactive.html).toContain('Maija Meikäläinen');
    expect(inactive.html).not.toContain('Pekka Virtanen');

    const search = (q: string) => page(coordinator, `${base}?q=${encodeURIComponent(q)}`);
    expect((await search('JÄRVENPÄÄN')).html).toContain('Maija Meikäläinen');
    expect((await search('pekka@')).html).toContain('Pekka Virtanen');
    expect((await search('sivistys')).html).not.toContain('Maija Meikäläinen');
    expect((await search('ei ketään')).html).toContain('Hakua vastaavia jäseniä ei löytynyt.');

    await t.app.request(`${base}/${first!.id}/reactivate`, postForm(coordinator, {}));
    expect((await page(coordinator, base)).html).toContain('Jäseniä 2, joista aktiivisia 2.');
  });

  it('has the same rules in the JSON API', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const api = `/api/networks/${network.id}/members`;
    const created = await t.app.request(api, sendJson(coordinator, 'POST', maija));
    expect(created.status).toBe(201);
    const { member } = await created.json();
    expect(member).toEqual({ id: expect.any(Number), ...maija, email: 'maija.meikalainen@kunta.example', active: true });
    const put = await t.app.request(`${api}/${member.id}`, sendJson(coordinator, 'PUT', { name: 'Maija M.', email: maija.email }));
    expect((await put.json()).member).toMatchObject({ name: 'Maija M.', organisation: '', organisationType: 'other', language: 'fi' });
    const off = await t.app.request(`${api}/${member.id}/deactivate`, sendJson(coordinator, 'POST'));
    expect((await off.json()).member.active).toBe(false);
    const list = await (await t.app.request(`${api}?status=active`, sendJson(coordinator, 'GET'))).json();
    expect(list).toEqual({ members: [], count: 0, total: 1, active: 0 });
    const on = await t.app.request(`${api}/${member.id}/reactivate`, sendJson(coordinator, 'POST'));
    expect((await on.json()).member.active).toBe(true);
    expect((await (await t.app.request(`${api}/${member.id}`, sendJson(coordinator, 'GET'))).json()).member.name).toBe('Maija M.');
    expect((await t.app.request(`${api}/abc`, sendJson(coordinator, 'GET'))).status).toBe(404);
  });

  it('leaders get 403 and outsiders 404 on every roster route; a member of another network is not found', async () => {
    t = await createTestApp();
    const { network, other, coordinator, leader, outsider } = await networkWithPeople(t);
    const created = await t.app.request(`/api/networks/${network.id}/members`, sendJson(coordinator, 'POST', maija));
    const { member } = await created.json();
    const routes: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', ''],
      ['GET', '/new'],
      ['POST', '/new', maija],
      ['GET', '/import'],
      ['POST', '/import', { csv: 'nimi;sähköposti\nA;a@kunta.example' }],
      ['GET', '/export.csv'],
      ['GET', `/${member.id}`],
      ['POST', `/${member.id}`, maija],
      ['POST', `/${member.id}/deactivate`, {}],
      ['POST', `/${member.id}/reactivate`, {}],
    ];
    const apiRoutes: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', ''],
      ['POST', '', maija],
      ['POST', '/import', { csv: 'name,email\nA,a@kunta.example' }],
      ['GET', '/export.csv'],
      ['GET', `/${member.id}`],
      ['PUT', `/${member.id}`, maija],
      ['POST', `/${member.id}/deactivate`],
      ['POST', `/${member.id}/reactivate`],
    ];
    const call = (user: SignedIn, prefix: string, [method, path, body]: [string, string, Record<string, unknown>?], api: boolean) => {
      const url = `${prefix}/members${path}`;
      if (api) return t.app.request(url, sendJson(user, method, body));
      if (method === 'GET') return t.app.request(url, { headers: { cookie: user.cookie } });
      return t.app.request(url, postForm(user, body as Record<string, string>));
    };
    for (const [routesOf, api] of [[routes, false], [apiRoutes, true]] as const) {
      const prefix = `${api ? '/api' : ''}/networks/${network.id}`;
      for (const route of routesOf) {
        expect([route, (await call(leader, prefix, route, api)).status]).toEqual([route, 403]);
        expect([route, (await call(outsider, prefix, route, api)).status]).toEqual([route, 404]);
      }
      const foreign = `${api ? '/api' : ''}/networks/${other.id}`;
      expect((await call(coordinator, foreign, ['GET', ''], api)).status).toBe(404);
    }
    expect((await t.app.request(`/networks/${network.id}/members/${member.id}`, { headers: { cookie: outsider.cookie } })).status).toBe(404);
    const [stored] = await t.deps.db.select().from(members);
    expect(stored).toMatchObject({ name: maija.name, active: true });
  });
});
