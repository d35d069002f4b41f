import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCatalogue, FIRST_OWNED_VERSION } from '../../src/catalogue/load.js';
import { loadOwnedVersions, NotADraftError, saveDraft } from '../../src/catalogue/owned-versions.js';
import { CatalogueError } from '../../src/catalogue/types.js';
import { auditEvents, ownedVersions, rounds } from '../../src/db/schema/index.js';
import { appPath } from '../../src/app-root.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, type SignedIn } from '../helpers/people.js';

let t: TestApp;
let people: Awaited<ReturnType<typeof networkWithPeople>>;
let base: string;

const get = (user: SignedIn, path: string) => t.app.request(path, { headers: { cookie: user.cookie } });

function importForm(user: SignedIn, key: string, content: string | null, name = 'kysely.json'): RequestInit {
  const form = new FormData();
  form.set('_csrf', user.csrf);
  form.set('key', key);
  if (content !== null) form.set('file', new File([content], name, { type: 'application/json' }));
  return { method: 'POST', headers: { cookie: user.cookie }, body: form };
}

/** Derives a draft from shipped v1 through the page and gives its id. */
async function derive(from = 'network-rules:1'): Promise<number> {
  const response = await t.app.request(`${base}/derive`, postForm(people.coordinator, { from }));
  expect(response.status).toBe(303);
  return Number(/questionnaires\/(\d+)\?/.exec(response.headers.get('location')!)![1]);
}

type Json = { pages: Array<{ elements: Array<{ title: Record<string, string> }> }> };

/** The draft with its first statement reworded, as the editor will save it. */
async function reword(id: number, text: string): Promise<void> {
  const [row] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
  const json = structuredClone(row!.json) as unknown as Json;
  json.pages[1]!.elements[0]!.title.fi = text;
  await saveDraft(t.deps.db, t.deps.clock, row!, json as unknown as Record<string, unknown>);
}

beforeEach(async () => {
  t = await createTestApp();
  people = await networkWithPeople(t);
  base = `/networks/${people.network.id}/questionnaires`;
});

describe("a network's own questionnaire versions", () => {
  it('derives a draft, publishes it as version 1.1 above the shipped numbers, and offers it for rounds of that network only', async () => {
    const id = await derive();
    await reword(id, 'Verkostomme tavoitteet näkyvät arjessamme.');
    const draftPage = await (await get(people.coordinator, `${base}/${id}`)).text();
    expect(draftPage).toContain('Luonnos');
    expect(draftPage).toContain('Verkostomme tavoitteet näkyvät arjessamme.');
    // The diff against the parent shows the rewording.
    expect(draftPage).toContain('Sanamuoto muuttunut');
    // A draft is not a choice for a round yet.
    expect(await (await get(people.coordinator, `/networks/${people.network.id}/rounds/new`)).text()).not.toContain('versio 1.1');

    const published = await t.app.request(`${base}/${id}/publish`, postForm(people.coordinator, {}));
    expect(published.status).toBe(303);
    const page = await (await get(people.coordinator, published.headers.get('location')!)).text();
    expect(page).toContain('Versio 1.1 on julkaistu');
    const [row] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
    expect(row).toMatchObject({ status: 'published', version: FIRST_OWNED_VERSION, ownNumber: 1 });
    const [event] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'questionnaire_published'));
    expect(event?.networkId).toBe(people.network.id);

    const form = await (await get(people.coordinator, `/networks/${people.network.id}/rounds/new`)).text();
    expect(form).toContain(`value="network-rules:${FIRST_OWNED_VERSION}"`);
    expect(form).toContain('Verkoston pelisääntöjen arviointi, versio 1.1 (uusin)');
    const created = await t.app.request(
      `/networks/${people.network.id}/rounds/new`,
      postForm(people.coordinator, { questionnaire: `network-rules:${FIRST_OWNED_VERSION}`, title: 'Oma kysely', opensAt: '2026-03-03T08:00', closesAt: '2026-03-20T16:00', reminderDays: '' }),
    );
    expect(created.status).toBe(303);
    const [round] = await t.deps.db.select().from(rounds).where(eq(rounds.networkId, people.network.id));
    expect(round?.questionnaireVersion).toBe(FIRST_OWNED_VERSION);

    // The other network sees neither the version nor its page, and cannot pick it by its number.
    const otherForm = await (await get(people.outsider, `/networks/${people.other.id}/rounds/new`)).text();
    expect(otherForm).not.toContain(`network-rules:${FIRST_OWNED_VERSION}`);
    expect((await get(people.outsider, `/networks/${people.other.id}/questionnaires/${id}`)).status).toBe(404);
    const refused = await t.app.request(
      `/networks/${people.other.id}/rounds/new`,
      postForm(people.outsider, { questionnaire: `network-rules:${FIRST_OWNED_VERSION}`, title: 'Lainattu', opensAt: '2026-03-03T08:00', closesAt: '2026-03-20T16:00', reminderDays: '' }),
    );
    expect(refused.status).toBe(422);
    expect(await t.deps.db.select().from(rounds).where(eq(rounds.networkId, people.other.id))).toHaveLength(0);
    // Nor does the shipped catalogue list it.
    expect((await get(people.outsider, `/catalogue/network-rules/v${FIRST_OWNED_VERSION}`)).status).toBe(404);
  });

  it('saves an edit only onto the draft it was made from, and says when someone saved in between', async () => {
    const id = await derive();
    const [before] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
    await reword(id, 'Ensimmäinen muutos.');
    expect(await saveDraft(t.deps.db, t.deps.clock, before!, { ...before!.json, title: { fi: 'Vanhasta tehty' } })).toBe('changed');
    const [after] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
    expect((after!.json as unknown as Json).pages[1]!.elements[0]!.title.fi).toBe('Ensimmäinen muutos.');
    expect(await saveDraft(t.deps.db, t.deps.clock, after!, { ...after!.json, title: { fi: 'Uudesta tehty' } })).toBe('saved');
  });

  it('never changes a published version: saving, deleting and publishing again are refused', async () => {
    const id = await derive();
    await t.app.request(`${base}/${id}/publish`, postForm(people.coordinator, {}));
    const [row] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
    await expect(saveDraft(t.deps.db, t.deps.clock, row!, { title: 'muutettu' })).rejects.toBeInstanceOf(NotADraftError);
    const deleted = await t.app.request(`${base}/${id}/delete`, postForm(people.coordinator, {}));
    expect(deleted.status).toBe(409);
    expect(await deleted.text()).toContain('Versio on jo julkaistu');
    expect((await t.app.request(`${base}/${id}/publish`, postForm(people.coordinator, {}))).status).toBe(409);
    const [after] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
    expect(after).toEqual(row);
  });

  it('numbers versions per network and questionnaire, and a restarted server takes them in from the database', async () => {
    const first = await derive();
    await t.app.request(`${base}/${first}/publish`, postForm(people.coordinator, {}));
    const second = await derive(`network-rules:${FIRST_OWNED_VERSION}`);
    await reword(second, 'Toinen muotoilu.');
    await t.app.request(`${base}/${second}/publish`, postForm(people.coordinator, {}));
    const restarted = buildCatalogue(realCatalogue().versions);
    expect(await loadOwnedVersions(t.deps.db, restarted)).toBe(2);
    expect(restarted.find('network-rules', FIRST_OWNED_VERSION + 1)?.label).toBe('1.2');
    expect(restarted.forNetwork(people.network.id).versionsOf('network-rules').map((v) => v.label)).toEqual(['1', '2', '1.1', '1.2']);
    expect(restarted.forNetwork(people.other.id).versionsOf('network-rules').map((v) => v.label)).toEqual(['1', '2']);
    // A published row changed behind the application's back stops the start.
    await t.deps.db.update(ownedVersions).set({ json: { title: 'peukaloitu' } }).where(eq(ownedVersions.id, second));
    await expect(loadOwnedVersions(t.deps.db, buildCatalogue(realCatalogue().versions))).rejects.toBeInstanceOf(CatalogueError);
  });

  it('exports a version as the file it would be under surveys/, and imports such a file as a draft', async () => {
    const shipped = await get(people.coordinator, '/catalogue/network-rules/v1/export');
    expect(shipped.headers.get('content-disposition')).toContain('network-rules-v1.json');
    const file = await shipped.text();
    expect(JSON.parse(file)).toEqual(JSON.parse(readFileSync(appPath('surveys/network-rules/v1.json'), 'utf8')));

    const imported = await t.app.request(`${base}/import`, importForm(people.coordinator, 'network-rules', file));
    expect(imported.status).toBe(303);
    const id = Number(/questionnaires\/(\d+)\?/.exec(imported.headers.get('location')!)![1]);
    const exported = await get(people.coordinator, `${base}/${id}/export`);
    expect(JSON.parse(await exported.text())).toEqual(JSON.parse(file));
    // The imported v1 is compared with the latest shipped version: only the Swedish cannot-say choice reads differently.
    const draft = await (await get(people.coordinator, `${base}/${id}`)).text();
    expect(draft).toContain('Muutokset versioon 2 nähden');
    expect(draft).toMatch(/Vastausasteikon sanamuoto muuttunut \(1\)[\s\S]*<del lang="sv">Vet inte<\/del>[\s\S]*<ins lang="sv">Kan inte säga<\/ins>/);
    expect(draft).not.toContain('Mitä tässä versiossa muuttui');
  });

  it('refuses a bad import with a message in the person’s language and stores nothing', async () => {
    const v1 = JSON.parse(readFileSync(appPath('surveys/network-rules/v1.json'), 'utf8')) as { title: Record<string, string> };
    const cases: Array<[string | null, number, string]> = [
      [null, 422, 'Valitse tuotava tiedosto.'],
      ['{ "title": ', 422, 'Tiedosto ei ole JSON-muotoinen.'],
      ['[1, 2]', 422, 'Tiedosto ei ole JSON-muotoinen.'],
      [JSON.stringify({ ...v1, title: { fi: v1.title.fi } }), 422, 'Kyselyn otsikko: käännös puuttuu (ruotsi ja englanti).'],
      [' '.repeat(600 * 1024), 413, 'Tiedosto on liian suuri'],
    ];
    for (const [content, status, message] of cases) {
      const response = await t.app.request(`${base}/import`, importForm(people.coordinator, 'network-rules', content));
      expect(response.status, message).toBe(status);
      expect(await response.text()).toContain(message);
    }
    // A question's problem names it by its title in the reader's language, never by its internal name.
    const untranslated = structuredClone(v1) as unknown as Json;
    const statement = untranslated.pages[1]!.elements[0]!;
    delete statement.title.en;
    const refused = await (await t.app.request(`${base}/import?lang=sv`, importForm(people.coordinator, 'network-rules', JSON.stringify(untranslated)))).text();
    expect(refused).toContain(`Frågan ”${statement.title.sv}”: Rubriken: översättning saknas (engelska).`);
    const unknownKey = await t.app.request(`${base}/import?lang=sv`, importForm(people.coordinator, 'ei-ole', '{}'));
    expect(unknownKey.status).toBe(422);
    expect(await unknownKey.text()).toContain('Välj i listan enkäten som filen är en version av.');
    expect(await t.deps.db.select().from(ownedVersions)).toHaveLength(0);
  });

  it('lets only the network’s coordinators in', async () => {
    const id = await derive();
    expect((await get(people.leader, base)).status).toBe(403);
    // Outside the network it does not exist at all.
    expect((await t.app.request(`${base}/${id}/publish`, postForm(people.outsider, {}))).status).toBe(404);
    const [row] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
    expect(row?.status).toBe('draft');
  });
});
