import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { locate, pagesOf, type Json } from '../../src/catalogue/draft-json.js';
import { validateSurvey } from '../../src/catalogue/validate.js';
import { catalogueText } from '../../src/i18n/catalogue.js';
import { ownedVersions } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, type SignedIn } from '../helpers/people.js';

let t: TestApp;
let people: Awaited<ReturnType<typeof networkWithPeople>>;
let base: string;

const get = (user: SignedIn, path: string) => t.app.request(path, { headers: { cookie: user.cookie } });
const post = (path: string, fields: Record<string, string>, user = people.coordinator) => t.app.request(path, postForm(user, fields));

async function stored(id: number) {
  const [row] = await t.deps.db.select().from(ownedVersions).where(eq(ownedVersions.id, id));
  return row!;
}
const question = (json: Json, name: string) => locate(json, name)!.question as unknown as Json & { title: Record<string, string> };
const names = (json: Json, page: string) => pagesOf(json).find((p) => p.name === page)!.elements.map((q) => q.name);

async function derive(): Promise<{ id: number; edit: string }> {
  const response = await post(`${base}/derive`, { from: 'network-rules:1' });
  const id = Number(/questionnaires\/(\d+)\?/.exec(response.headers.get('location')!)![1]);
  return { id, edit: `${base}/${id}/edit` };
}

beforeEach(async () => {
  t = await createTestApp();
  people = await networkWithPeople(t);
  base = `/networks/${people.network.id}/questionnaires`;
});

describe('the questionnaire editor over HTTP', () => {
  it('edits texts, rewordings, own statements, open questions, order and rules, each saved and shown in the diff', async () => {
    const { id, edit } = await derive();
    const page = await (await get(people.coordinator, edit)).text();
    expect(page).toContain('Muokkaa luonnosta');
    expect(page).toContain(question((await stored(id)).json, 'r1_documented').title.fi);

    expect((await post(`${edit}/survey`, { title_sv: 'Våra spelregler' })).headers.get('location')).toBe(`${edit}?done=saved#survey-texts`);
    expect((await stored(id)).json.title).toMatchObject({ fi: 'Verkoston pelisääntöjen arviointi', sv: 'Våra spelregler' });

    const v1 = (await stored(id)).json;
    const small = await post(`${edit}/questions/r1_documented`, { title_fi: `${question(v1, 'r1_documented').title.fi} selkeästi` });
    expect(small.headers.get('location')).toBe(`${edit}/questions/r1_documented?done=proposed`);
    const proposal = await (await get(people.coordinator, small.headers.get('location')!)).text();
    expect(proposal).toContain('ehdotamme, että väittämä säilyttää merkityksensä');
    expect(question((await stored(id)).json, 'r1_documented').itemKey).toBe('goals.documented');

    await post(`${edit}/questions/r2_diverse`, { title_fi: 'Verkostossa kuuluu myös pienten kuntien ääni.', title_sv: 'I nätverket hörs även de små kommunernas röst.', title_en: 'Small municipalities are heard in the network too.' });
    expect(question((await stored(id)).json, 'r2_diverse').itemKey).toBe('members.diverse.r2');
    expect((await post(`${edit}/questions/r2_diverse/meaning`, { meaning: 'keep' })).status).toBe(303);
    expect(question((await stored(id)).json, 'r2_diverse').itemKey).toBe('members.diverse');
    await post(`${edit}/questions/r2_diverse/meaning`, { meaning: 'new' });

    const added = await post(`${edit}/pages/rule9/statements`, { measure: 'rule:9', title_fi: 'Jäsenet luottavat toisiinsa.', title_sv: 'Medlemmarna litar på varandra.', title_en: 'Members trust each other.' });
    expect(added.headers.get('location')).toMatch(/\?done=added#q-own_rule9_jasenet_luottavat_toisiinsa$/);
    await post(`${edit}/pages/rule9/open-questions`, { measure: '', title_fi: 'Mitä muuta haluat sanoa?', title_sv: 'Vad mer vill du säga?', title_en: 'What else would you like to say?' });
    await post(`${edit}/questions/r10_documented/move`, { measure: 'rule:6' });
    await post(`${edit}/questions/r3_schedule/order`, { direction: 'up' });
    await post(`${edit}/questions/r4_linked_to_strategy/remove`, {});
    await post(`${edit}/scale`, { none_en: 'Can’t say' });

    const json = (await stored(id)).json;
    expect(names(json, 'rule9').slice(-3)).toEqual(['own_rule9_jasenet_luottavat_toisiinsa', 'r9_comment', 'own_open_mita_muuta_haluat_comment']);
    expect(names(json, 'rule6')).toContain('r10_documented');
    expect(names(json, 'rule3').slice(2, 4)).toEqual(['r3_schedule', 'r3_not_funding_driven']);
    expect(names(json, 'rule4')).not.toContain('r4_linked_to_strategy');
    const validated = validateSurvey(json, 'edited');
    expect(validated.scale!.cannotSay.en).toBe('Can’t say');
    expect(validated.items.find((i) => i.itemKey === 'own.rule9.jasenet_luottavat_toisiinsa')).toMatchObject({ kind: 'scored', measure: 'rule:9' });
    expect(validated.items.find((i) => i.name === 'own_open_mita_muuta_haluat_comment')).toMatchObject({ kind: 'open' });

    // The draft page and the editor show the same diff against version 1.
    for (const path of [`${base}/${id}`, edit]) {
      const diff = await (await get(people.coordinator, path)).text();
      expect(diff).toMatch(/Uudet \(3\)/);
      expect(diff).toMatch(/Poistetut \(2\)/);
      expect(diff).toMatch(/Sanamuoto muuttunut \(1\)/);
      expect(diff).toMatch(/Mittaa nyt eri pelisääntöä tai osa-aluetta \(1\)/);
    }
    const overview = await (await get(people.coordinator, edit)).text();
    expect(overview).toContain('Muotoiltu uudelleen, sama väittämä');
    expect(overview).toContain('Muotoiltu uudelleen, uusi väittämä');
    expect(overview).toContain('Uusi tässä versiossa');
  });

  it('lets a draft miss a text, says in the coordinator’s language what is missing, and refuses to publish it', async () => {
    const { id, edit } = await derive();
    expect((await post(`${edit}/questions/r9_members_heard`, { title_sv: '' })).status).toBe(303);
    expect(question((await stored(id)).json, 'r9_members_heard').title.sv).toBeUndefined();
    const fi = await (await get(people.coordinator, edit)).text();
    expect(fi).toContain('Korjattavaa ennen julkaisua');
    expect(fi).toMatch(/Kysymys ”[^”]+”: otsikko puuttuu ruotsiksi\./);
    const en = await (await get(people.coordinator, `${edit}?lang=en`)).text();
    expect(en).toMatch(/Question “[^”]+”: the title is missing in Swedish\./);
    expect((await post(`${base}/${id}/publish`, {})).status).toBe(422);
    // And it can still be edited back to valid.
    await post(`${edit}/questions/r9_members_heard`, { title_sv: 'Medlemmarna blir hörda.' });
    expect((await post(`${base}/${id}/publish`, {})).status).toBe(303);
  });

  it('refuses bad input with a readable message and stores nothing', async () => {
    const { id, edit } = await derive();
    const before = await stored(id);
    const cases: Array<[string, Record<string, string>, string]> = [
      [`${edit}/survey`, { title_fi: 'x'.repeat(1001) }, 'Teksti on liian pitkä (enintään 1000 merkkiä).'],
      [`${edit}/pages/rule9/statements`, { measure: 'rule:3', title_fi: 'Väärä sääntö' }, 'Tälle sivulle voi lisätä vain väittämiä'],
      [`${edit}/pages/rule9/statements`, { measure: 'rule:12', title_fi: 'Tuntematon' }, 'Valitse pelisääntö tai osa-alue luettelosta.'],
      [`${edit}/pages/rule9/statements`, { measure: 'rule:9', title_fi: ' ' }, 'Kirjoita kysymys ainakin yhdellä kielellä.'],
      [`${edit}/questions/r1_benefits_visible/order`, { direction: 'up' }, 'Kysymys on jo sivun ensimmäinen tai viimeinen.'],
      [`${edit}/questions/r1_benefits_visible/order`, { direction: 'sideways' }, 'Valitse jokin vaihtoehdoista.'],
      [`${edit}/questions/r1_comment/move`, { measure: 'rule:2' }, 'Vain asteikolla arvioitavan väittämän'],
      [`${edit}/questions/r1_documented/meaning`, { meaning: 'new' }, 'Väittämän sanamuoto on sama kuin aiemmassa versiossa'],
      [`${edit}/questions/ei_ole/remove`, {}, 'Kysymystä ei ole luonnoksessa.'],
      [`${edit}/pages/ei_ole`, { title_fi: 'Sivu' }, 'Sivua ei ole luonnoksessa.'],
    ];
    for (const [path, fields, message] of cases) {
      const response = await post(path, fields);
      expect(response.status, path).toBe(422);
      const body = await response.text();
      expect(body, path).toContain(message);
      expect(body).toContain('role="alert"');
    }
    // A refused text shows again at its field, marked and explained.
    const long = await (await post(`${edit}/questions/r1_documented`, { title_sv: 'å'.repeat(1200) })).text();
    expect(long).toMatch(/<textarea id="question-texts-title_sv" name="title_sv" rows="3" lang="sv" aria-invalid="true" aria-describedby="question-texts-title_sv-error">å{1200}<\/textarea>/);
    // The last question of a page cannot go.
    let json = before.json;
    for (const name of names(json, 'rule5').slice(1)) await post(`${edit}/questions/${name}/remove`, {});
    json = (await stored(id)).json;
    const last = await post(`${edit}/questions/${names(json, 'rule5')[0]}/remove`, {});
    expect(last.status).toBe(422);
    expect(await last.text()).toContain('Sivulle on jäätävä vähintään yksi kysymys.');
    expect(names((await stored(id)).json, 'rule5')).toHaveLength(1);
    expect((await stored(id)).json.title).toEqual(before.json.title);
  });

  it('loses no edit when coordinators save the same draft at once: each is applied to the newer draft', async () => {
    const { id, edit } = await derive();
    const rules = Array.from({ length: 6 }, (_, i) => `rule${i + 1}`);
    const responses = await Promise.all(rules.map((page) => post(`${edit}/pages/${page}/statements`, { measure: `rule:${page.slice(4)}`, title_fi: `Oma väittämä sivulle ${page}.`, title_sv: `Eget påstående för ${page}.`, title_en: `Own statement for ${page}.` })));
    expect(responses.map((r) => r.status)).toEqual(rules.map(() => 303));
    const json = (await stored(id)).json;
    for (const page of rules) expect(names(json, page).some((name) => name.startsWith(`own_${page}_`)), page).toBe(true);
  });

  it('offers a field for each language the version declares, and only those', async () => {
    const { id, edit } = await derive();
    await t.deps.db.update(ownedVersions).set({ json: { ...(await stored(id)).json, languages: ['fi', 'sv'] } }).where(eq(ownedVersions.id, id));
    const page = await (await get(people.coordinator, edit)).text();
    expect(page).toContain('id="survey-texts-title_sv"');
    expect(page).not.toContain('title_en');
    const statement = await (await get(people.coordinator, `${edit}/questions/r1_documented`)).text();
    expect(statement).toContain('id="question-texts-title_fi"');
    expect(statement).not.toContain('title_en');
  });

  it('changes the languages the version offers: a dropped one takes its texts along, an added one must be filled before publishing', async () => {
    const { id, edit } = await derive();
    const choose = (languages: string[], lang = 'fi') => t.app.request(`${edit}/languages?lang=${lang}`, postForm(people.coordinator, { languages }));
    expect((await choose(['sv', 'fi'])).headers.get('location')).toBe(`${edit}?done=saved#languages`);
    const bilingual = (await stored(id)).json;
    // The first language stays first: it is read where a member's language is missing.
    expect(bilingual.languages).toEqual(['fi', 'sv']);
    expect(JSON.stringify(bilingual)).not.toContain('"en":');
    expect(validateSurvey(bilingual, 'draft').languages).toEqual(['fi', 'sv']);

    const refused = await choose([], 'sv');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Välj minst ett språk som enkäten besvaras på.');
    expect((await stored(id)).json).toEqual(bilingual);

    await choose(['fi', 'sv', 'en']);
    const page = await (await get(people.coordinator, `${edit}?lang=en`)).text();
    expect(page).toContain('id="survey-texts-title_en"');
    expect((await post(`${base}/${id}/publish`, {})).status).toBe(422);
    await choose(['fi', 'sv']);
    expect((await post(`${base}/${id}/publish`, {})).status).toBe(303);
  });

  it('edits a ranking question’s choices in a questionnaire without a scale, where no statement can be added', async () => {
    const response = await post(`${base}/derive`, { from: 'network-priorities:1' });
    const id = Number(/questionnaires\/(\d+)\?/.exec(response.headers.get('location')!)![1]);
    const edit = `${base}/${id}/edit`;
    const page = await (await get(people.coordinator, edit)).text();
    expect(page).toContain(catalogueText('fi').rankingQuestion);
    expect(page).not.toContain('Vastausasteikko');
    expect(page).not.toContain('Lisää verkoston oma väittämä');
    const form = await (await get(people.coordinator, `${edit}/questions/priorities`)).text();
    expect(form).toContain('Muokkaa kysymystä');
    expect(form).toContain('id="question-texts-choice_9_en"');
    expect((await post(`${edit}/questions/priorities`, { choice_0_en: 'Shared goals first' })).status).toBe(303);
    const choices = question((await stored(id)).json, 'priorities').choices as Array<{ text: Record<string, string> }>;
    expect(choices[0]!.text.en).toBe('Shared goals first');
    expect(choices[0]!.text.fi).toBeTruthy();
    expect(validateSurvey((await stored(id)).json, 'edited').items.find((i) => i.name === 'priorities')!.kind).toBe('ranking');
  });

  it('lets only the network’s coordinators edit, with the CSRF token, and never a published version', async () => {
    const { id, edit } = await derive();
    const before = await stored(id);
    expect((await get(people.leader, edit)).status).toBe(403);
    expect((await post(`${edit}/survey`, { title_fi: 'Johdon otsikko' }, people.leader)).status).toBe(403);
    expect((await get(people.outsider, edit)).status).toBe(404);
    expect((await get(people.outsider, `/networks/${people.other.id}/questionnaires/${id}/edit`)).status).toBe(404);
    const forged = await t.app.request(`${edit}/survey`, {
      method: 'POST',
      headers: { cookie: people.coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: 'wrong', title_fi: 'Väärennetty' }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await stored(id)).toEqual(before);

    await post(`${base}/${id}/publish`, {});
    const published = await stored(id);
    const refused = await post(`${edit}/survey`, { title_fi: 'Julkaistun muutos' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Versio on jo julkaistu, eikä sitä voi enää muokata.');
    expect((await get(people.coordinator, edit)).status).toBe(409);
    expect((await post(`${edit}/questions/r1_documented/remove`, {})).status).toBe(409);
    expect(await stored(id)).toEqual(published);
    expect(await (await get(people.coordinator, `${base}/${id}`)).text()).not.toContain('/edit"');
  });
});
