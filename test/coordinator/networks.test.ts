import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networkRoles, networks } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson, signedInUser } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const settings = { name: 'Järvenseudun verkosto', languages: ['fi', 'sv'], anonymityThreshold: '6', collectSegments: 'on', bandStrength: '4.2', bandConcern: '3.1' };

describe('networks', () => {
  it('an admin creates a network by form and becomes its coordinator', async () => {
    t = await createTestApp();
    const admin = await signedInUser(t, 'admin@kunta.example', { isAdmin: true });
    const response = await t.app.request('/networks/new', postForm(admin, settings));
    expect(response.status).toBe(303);
    const [network] = await t.deps.db.select().from(networks);
    expect(network).toMatchObject({ name: 'Järvenseudun verkosto', languages: ['fi', 'sv'], anonymityThreshold: 6, collectSegments: true, bandStrength: 4.2, bandConcern: 3.1 });
    expect(response.headers.get('location')).toBe(`/networks/${network!.id}`);
    expect(await t.deps.db.select().from(networkRoles).where(eq(networkRoles.networkId, network!.id))).toEqual([{ networkId: network!.id, userId: admin.userId, role: 'coordinator' }]);
    const list = await (await t.app.request('/networks', { headers: { cookie: admin.cookie } })).text();
    expect(list).toContain('Järvenseudun verkosto');
  });

  it('answers every bad setting with its own message and saves nothing', async () => {
    t = await createTestApp();
    const admin = await signedInUser(t, 'admin@kunta.example', { isAdmin: true });
    const response = await t.app.request('/networks/new?lang=en', postForm(admin, { name: '', anonymityThreshold: '2', bandStrength: '3', bandConcern: '3.5', languages: 'de' }));
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const message of ['Enter the name of the network.', 'Choose at least one language', 'The anonymity threshold must be a whole number from 3 to 100.']) expect(html).toContain(message);
    expect(await t.deps.db.select().from(networks)).toEqual([]);
    const bands = await t.app.request('/networks/new?lang=en', postForm(admin, { ...settings, bandStrength: '3', bandConcern: '3.5' }));
    expect(await bands.text()).toContain('The concern limit must be lower than the strength limit.');
  });

  it('a member of no network cannot create one', async () => {
    t = await createTestApp();
    const nobody = await signedInUser(t, 'nobody@kunta.example');
    expect((await t.app.request('/networks/new', postForm(nobody, settings))).status).toBe(403);
    expect((await t.app.request('/api/networks', sendJson(nobody, 'POST', { name: 'X', languages: ['fi'] }))).status).toBe(403);
  });

  it('the coordinator edits the settings; the leader may not; an outsider learns nothing', async () => {
    t = await createTestApp();
    const { network, coordinator, leader, outsider } = await networkWithPeople(t);
    const path = `/networks/${network.id}/settings`;
    const saved = await t.app.request(path, postForm(coordinator, { ...settings, name: 'Uusi nimi' }));
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Asetukset on tallennettu.');
    expect((await t.app.request(path, postForm(leader, { ...settings, name: 'Johdon nimi' }))).status).toBe(403);
    const hidden = await t.app.request(path, postForm(outsider, { ...settings, name: 'Ulkopuolisen nimi' }));
    expect(hidden.status).toBe(404);
    const missing = await t.app.request(`/networks/999999/settings`, postForm(outsider, settings));
    expect(missing.status).toBe(404);
    expect((await hidden.text()).replaceAll(`/networks/${network.id}/`, '/networks/N/')).toBe((await missing.text()).replaceAll('/networks/999999/', '/networks/N/'));
    const [stored] = await t.deps.db.select().from(networks).where(eq(networks.id, network.id));
    expect(stored!.name).toBe('Uusi nimi');
  });

  it('has the same rules in the JSON API', async () => {
    t = await createTestApp();
    const { network, coordinator, leader, outsider } = await networkWithPeople(t);
    const list = await (await t.app.request('/api/networks', sendJson(leader, 'GET'))).json();
    expect(list.networks).toEqual([expect.objectContaining({ id: network.id, role: 'leader' })]);
    const updated = await t.app.request(`/api/networks/${network.id}`, sendJson(coordinator, 'PUT', { name: 'API-nimi', languages: ['fi'], anonymityThreshold: 7, collectSegments: false }));
    expect(updated.status).toBe(200);
    expect((await updated.json()).network).toMatchObject({ name: 'API-nimi', anonymityThreshold: 7, languages: ['fi'], collectSegments: false });
    const bad = await t.app.request(`/api/networks/${network.id}?lang=en`, sendJson(coordinator, 'PUT', { name: 'X', languages: ['fi'], anonymityThreshold: 1 }));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ fields: { anonymityThreshold: 'The anonymity threshold must be a whole number from 3 to 100.' } });
    expect((await t.app.request(`/api/networks/${network.id}`, sendJson(leader, 'PUT', { name: 'X', languages: ['fi'] }))).status).toBe(403);
    expect((await t.app.request(`/api/networks/${network.id}`, sendJson(outsider, 'GET'))).status).toBe(404);
    expect((await t.app.request(`/api/networks/${network.id}`, { method: 'PUT', headers: { cookie: coordinator.cookie, 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await t.app.request(`/api/networks/${network.id}`, sendJson(coordinator, 'PUT', undefined))).status).toBe(400);
    expect((await t.app.request('/api/networks')).status).toBe(401);
  });

  it('makes the default language an explicit choice among the offered ones, on the form and in the API', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const stored = async (id: number) => (await t.deps.db.select().from(networks).where(eq(networks.id, id)))[0]!.languages;
    const checkedDefault = (html: string) => [...html.matchAll(/name="defaultLanguage" value="(\w+)"( checked)?/g)].filter((m) => m[2]).map((m) => m[1]);

    // Swedish as the default of a Finnish and Swedish network, though Finnish comes first in the fixed order of the checkboxes.
    const created = await t.app.request('/networks/new', postForm(coordinator, { ...settings, name: 'Skärgårdens nätverk', defaultLanguage: 'sv' }));
    expect(created.status).toBe(303);
    const id = Number(created.headers.get('location')!.split('/').at(-1));
    expect(await stored(id)).toEqual(['sv', 'fi']);
    const form = await (await t.app.request(`/networks/${id}/settings`, { headers: { cookie: coordinator.cookie } })).text();
    expect(form).toContain('Oletuskieli');
    expect(form).not.toContain('Ensimmäinen valittu');
    expect(checkedDefault(form)).toEqual(['sv']);

    // A default that is not offered is refused in the reader's language, with the form kept as it was sent.
    for (const [lang, message] of [
      ['fi', 'Oletuskielen on oltava yksi valituista vastauskielistä.'],
      ['sv', 'Standardspråket måste vara ett av de valda svarsspråken.'],
      ['en', 'The default language must be one of the answer languages chosen.'],
    ] as const) {
      const refused = await t.app.request(`/networks/${id}/settings?lang=${lang}`, postForm(coordinator, { ...settings, defaultLanguage: 'en' }));
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toContain(message);
      expect(checkedDefault(html)).toEqual(['en']);
    }
    expect(await stored(id)).toEqual(['sv', 'fi']);

    // The API follows the same rule, says the default, and keeps it when a call leaves it out.
    const api = `/api/networks/${id}`;
    const bad = await t.app.request(`${api}?lang=en`, sendJson(coordinator, 'PUT', { name: 'X', languages: ['fi', 'sv'], defaultLanguage: 'en' }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toEqual({ defaultLanguage: 'The default language must be one of the answer languages chosen.' });
    const kept = await t.app.request(api, sendJson(coordinator, 'PUT', { name: 'Skärgårdens nätverk', languages: ['fi', 'sv', 'en'] }));
    expect((await kept.json()).network).toMatchObject({ languages: ['sv', 'fi', 'en'], defaultLanguage: 'sv' });
    // Once Swedish is no longer offered, the first offered language is the default.
    const dropped = await t.app.request(api, sendJson(coordinator, 'PUT', { name: 'Skärgårdens nätverk', languages: ['en', 'fi'] }));
    expect((await dropped.json()).network).toMatchObject({ languages: ['fi', 'en'], defaultLanguage: 'fi' });
    const chosen = await t.app.request(api, sendJson(coordinator, 'PUT', { name: 'Skärgårdens nätverk', languages: ['en', 'fi'], defaultLanguage: 'en' }));
    expect((await chosen.json()).network).toMatchObject({ languages: ['en', 'fi'], defaultLanguage: 'en' });

    // A network saved before the choice existed keeps its first language as the default.
    await t.deps.db.update(networks).set({ languages: ['en', 'fi'] }).where(eq(networks.id, network.id));
    const older = await (await t.app.request(`/networks/${network.id}/settings`, { headers: { cookie: coordinator.cookie } })).text();
    expect(checkedDefault(older)).toEqual(['en']);

    // The activity log names the default on its own, in words.
    const log = await (await t.app.request(`/networks/${id}/audit`, { headers: { cookie: coordinator.cookie } })).text();
    expect(log).toContain('Oletuskieli: ruotsi → suomi');
    expect(log).toContain('Oletuskieli: suomi → englanti');
  });
});
