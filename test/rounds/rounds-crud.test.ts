import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/catalogue/load.js';
import { rounds } from '../../src/db/schema/index.js';
import { realCatalogue } from '../helpers/app.js';
import { postForm, sendJson } from '../helpers/people.js';
import { api, page, roundBody, roundRow, roundsWorld, type RoundsWorld } from './fixture.js';

let w: RoundsWorld;
afterEach(() => w?.t.database.dispose());

describe('creating rounds', () => {
  it('stores Helsinki wall times as UTC, defaults to the latest version and a reminder three days before closing', async () => {
    const real = realCatalogue();
    const v1 = real.find('network-rules', 1)!;
    w = await roundsWorld({ deps: { catalogue: buildCatalogue([...real.versions, { ...v1, version: 2, file: 'network-rules/v2.json', hash: 'v2' }]) } });
    const created = await api(w, w.coordinator, 'POST', '', { questionnaireKey: 'network-rules', title: '  Kevät   2026 ', opensAt: '2026-03-02T12:00', closesAt: '2026-06-16T16:00' });
    expect(created.status).toBe(201);
    expect(created.json.round).toMatchObject({
      status: 'draft',
      title: 'Kevät 2026',
      questionnaireVersion: 2,
      opensAt: '2026-03-02T10:00:00.000Z',
      closesAt: '2026-06-16T13:00:00.000Z',
      reminderDays: [3],
      recurrenceMonths: null,
    });
  });

  it('creates a round from the form and shows it as a draft', async () => {
    w = await roundsWorld();
    const form = await page(w, w.coordinator, '/rounds/new');
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="_csrf"');
    expect(form.html).toContain('value="network-rules:1"');
    // Each version once, named with its questionnaire, so two "version 1 (latest)" never stand side by side.
    const options = [...form.html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => m[2]);
    expect(new Set(options).size).toBe(options.length);
    const catalogue = w.t.deps.catalogue;
    for (const key of catalogue.keys()) {
      const [latest, ...earlier] = catalogue.versionsOf(key).reverse();
      expect(options).toContain(`${latest!.title.fi}, versio ${latest!.version} (uusin)`);
      for (const version of earlier) expect(options).toContain(`${version.title.fi}, versio ${version.version}`);
    }
    expect(form.html).toContain('href="/catalogue"');
    const response = await w.t.app.request(
      `/networks/${w.network.id}/rounds/new`,
      postForm(w.coordinator, { questionnaire: 'network-strategy:1', title: 'Strategia 2026', opensAt: '2026-03-03T08:00', closesAt: '2026-03-20T16:00', reminderDays: '', recurrenceMonths: '6' }),
    );
    expect(response.status).toBe(303);
    const [row] = await w.t.deps.db.select().from(rounds);
    expect(row).toMatchObject({ questionnaireKey: 'network-strategy', questionnaireVersion: 1, reminderDays: [], recurrenceMonths: 6, status: 'draft' });
    expect(response.headers.get('location')).toBe(`/networks/${w.network.id}/rounds/${row!.id}?done=created`);
    const shown = await page(w, w.coordinator, `/rounds/${row!.id}?done=created`);
    expect(shown.html).toContain('Kierros on luotu luonnokseksi.');
    expect(shown.html).toContain('Avautuu 3.3.2026 klo 8.00');
    expect(shown.html).toContain('Kutsut lähetetään, kun kierros on auki');
    const list = await page(w, w.coordinator, '/rounds');
    expect(list.html).toContain('Strategia 2026');
  });

  it('answers every bad field with its own message and writes nothing', async () => {
    w = await roundsWorld();
    const bad = { questionnaireKey: 'nope', title: ' ', opensAt: '2.3.2026', closesAt: '2026-02-30T10:00', reminderDays: 0, recurrenceMonths: 'x' };
    const response = await api(w, w.coordinator, 'POST', '?lang=en', bad);
    expect(response.status).toBe(422);
    expect(response.json.fields).toEqual({
      questionnaireKey: 'Choose a questionnaire from the list.',
      title: 'Enter the name of the round.',
      opensAt: 'Give the opening day and time.',
      closesAt: 'Give the closing day and time.',
      reminderDays: 'Give at most 4 whole numbers from 1 to 60, separated by commas, for example 7, 2, or leave it empty.',
      recurrenceMonths: 'Give the interval as a whole number from 1 to 36, or leave it empty.',
    });
    const order = await api(w, w.coordinator, 'POST', '', roundBody({ closesAt: '2026-03-02T11:00' }));
    expect(order.json.fields).toEqual({ closesAt: 'Sulkeutumisajan on oltava avautumisajan jälkeen.' });
    const past = await api(w, w.coordinator, 'POST', '', roundBody({ opensAt: '2026-02-01T10:00', closesAt: '2026-03-01T10:00' }));
    expect(past.json.fields).toEqual({ closesAt: 'Sulkeutumisaika on jo mennyt. Valitse tuleva aika.' });
    const reminder = await api(w, w.coordinator, 'POST', '', roundBody({ closesAt: '2026-03-04T12:00', reminderDays: [3] }));
    expect(reminder.json.fields.reminderDays).toContain('ennen kierroksen avautumista');
    const version = await api(w, w.coordinator, 'POST', '', roundBody({ questionnaireVersion: 9 }));
    expect(version.json.fields).toEqual({ questionnaireVersion: 'Valitse kyselyn versio luettelosta.' });
    const form = await w.t.app.request(`/networks/${w.network.id}/rounds/new?lang=sv`, postForm(w.coordinator, { questionnaire: 'network-rules:1', title: '', opensAt: '', closesAt: '' }));
    expect(form.status).toBe(422);
    const html = await form.text();
    for (const message of ['Skriv omgångens namn.', 'Ange dag och klockslag för öppningen.', 'Ange dag och klockslag för stängningen.']) expect(html).toContain(message);
    expect(await w.t.deps.db.select().from(rounds)).toEqual([]);
  });
});

describe('round titles', () => {
  it('refuses a second round of the same title in one network, whatever its case or spacing, on the page and in the API; another network may use it', async () => {
    w = await roundsWorld();
    expect((await api(w, w.coordinator, 'POST', '', roundBody({ title: 'Kevät 2026' }))).status).toBe(201);
    const again = await api(w, w.coordinator, 'POST', '?lang=en', roundBody({ title: '  kevät 2026 ' }));
    expect(again.status).toBe(422);
    expect(again.json.fields.title).toBe('The network already has a round called “kevät 2026”. Give this round a name of its own, for example with its term or date.');
    const form = await w.t.app.request(`/networks/${w.network.id}/rounds/new`, postForm(w.coordinator, { ...roundBody({ title: 'KEVÄT 2026' }), questionnaire: 'network-rules:1', reminderDays: '3' }));
    expect(form.status).toBe(422);
    expect(await form.text()).toContain('Verkostossa on jo kierros nimeltä ”KEVÄT 2026”.');
    expect(await w.t.deps.db.select().from(rounds)).toHaveLength(1);

    // Saving a round under its own title is no clash; renaming it onto another's is.
    const autumn = await api(w, w.coordinator, 'POST', '', roundBody({ title: 'Syksy 2026' }));
    expect((await api(w, w.coordinator, 'PATCH', `/${autumn.json.round.id}`, { title: 'Syksy 2026', closesAt: '2026-03-20T16:00' })).status).toBe(200);
    expect((await api(w, w.coordinator, 'PATCH', `/${autumn.json.round.id}`, { title: 'Kevät 2026' })).status).toBe(422);

    const other = await w.t.app.request(`/api/networks/${w.other.id}/rounds`, { ...sendJson(w.outsider, 'POST', roundBody({ title: 'Kevät 2026' })) });
    expect(other.status).toBe(201);
  });
});

describe('editing and deleting', () => {
  it('edits every field of a draft, and deletes it', async () => {
    w = await roundsWorld();
    const { json } = await api(w, w.coordinator, 'POST', '', roundBody());
    const id = json.round.id;
    const edited = await w.t.app.request(
      `/networks/${w.network.id}/rounds/${id}/edit`,
      postForm(w.coordinator, { questionnaire: 'network-strategy:1', title: 'Syksy', opensAt: '2026-09-01T09:00', closesAt: '2026-09-15T16:00', reminderDays: '7, 2', recurrenceMonths: '' }),
    );
    expect(edited.status).toBe(303);
    expect(await roundRow(w, id)).toMatchObject({ questionnaireKey: 'network-strategy', title: 'Syksy', opensAt: '2026-09-01T06:00:00.000Z', reminderDays: [7, 2] });
    const editPage = await page(w, w.coordinator, `/rounds/${id}/edit`);
    expect(editPage.html).toContain('value="2026-09-01T09:00"');
    const deleted = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/delete`, postForm(w.coordinator, {}));
    expect(deleted.headers.get('location')).toBe(`/networks/${w.network.id}/rounds?done=deleted`);
    expect(await w.t.deps.db.select().from(rounds)).toEqual([]);
  });

  it('keeps an open round’s questionnaire and opening, and lets its closing only move later', async () => {
    w = await roundsWorld();
    const { json } = await api(w, w.coordinator, 'POST', '', roundBody());
    const id = json.round.id;
    await api(w, w.coordinator, 'POST', `/${id}/open`);
    const swap = await api(w, w.coordinator, 'PATCH', `/${id}`, { questionnaireKey: 'network-strategy', opensAt: '2026-03-01T10:00', closesAt: '2026-03-10T10:00' });
    expect(swap.status).toBe(422);
    expect(swap.json.fields).toEqual({
      questionnaireKey: 'Avoimen kierroksen kyselyä ei voi vaihtaa.',
      opensAt: 'Avatun kierroksen avautumisaikaa ei voi muuttaa.',
      closesAt: 'Avoimen kierroksen sulkeutumisaikaa voi siirtää vain myöhemmäksi.',
    });
    const later = await api(w, w.coordinator, 'PATCH', `/${id}`, { title: 'Kevät 2026 (jatkettu)', closesAt: '2026-03-20T16:00' });
    expect(later.status).toBe(200);
    expect(later.json.round).toMatchObject({ title: 'Kevät 2026 (jatkettu)', closesAt: '2026-03-20T14:00:00.000Z', questionnaireKey: 'network-rules', status: 'open' });
    const form = await page(w, w.coordinator, `/rounds/${id}/edit`);
    expect(form.html).not.toContain('name="questionnaire"');
    expect(form.html).not.toContain('name="opensAt"');
    const refused = await api(w, w.coordinator, 'DELETE', `/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe('Vain luonnoksen voi poistaa. Avattu kierros säilyy vastauksineen.');
  });

  it('changes nothing of a closed round', async () => {
    w = await roundsWorld();
    const { json } = await api(w, w.coordinator, 'POST', '', roundBody());
    const id = json.round.id;
    await api(w, w.coordinator, 'POST', `/${id}/open`);
    await api(w, w.coordinator, 'POST', `/${id}/close`);
    const before = await roundRow(w, id);
    expect((await api(w, w.coordinator, 'PATCH', `/${id}`, { title: 'Uusi nimi', closesAt: '2026-04-20T16:00' })).status).toBe(409);
    expect((await api(w, w.coordinator, 'POST', `/${id}/open`)).json.error).toBe('Kierros on suljettu. Suljettua kierrosta ei voi muuttaa eikä avata uudelleen.');
    expect((await page(w, w.coordinator, `/rounds/${id}/edit`)).status).toBe(409);
    expect(await roundRow(w, id)).toEqual(before);
  });
});
