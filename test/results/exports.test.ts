import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue, shippedVersion } from '../../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../../src/catalogue/types.js';
import { networks, responses } from '../../src/db/schema/index.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function setup(k: number, overrides: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp(overrides);
  const people = await networkWithPeople(t);
  await t.deps.db.update(networks).set({ anonymityThreshold: k }).where(eq(networks.id, people.network.id));
  return { ...people, api: `/api/networks/${people.network.id}/results` };
}

async function download(user: SignedIn, path: string) {
  const response = await t.app.request(path, sendJson(user, 'GET'));
  // Keep the BOM, which response.text() would drop.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', text };
}

/** The file as Excel would split it: semicolons, CRLF, BOM. */
function table(text: string): { header: string[]; rows: string[][] } {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.replace(/"[^"]*"/g, '').split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
  const [header, ...rows] = parse(text, { delimiter: ';', bom: true }) as string[][];
  return { header: header!, rows };
}

/** A decimal-comma cell as a number. */
const num = (cell: string | undefined) => Number(cell!.replace(',', '.'));

describe('aggregates.csv', () => {
  it('gives per rule and item n, cannot-say, mean, sd, interval, favourable share, band and counts, as the JSON API does', async () => {
    const { network, coordinator, api } = await setup(3);
    const round = await roundWithResponses(t, network.id, [2, 3, 4, 'none' as const, 5].map((v) => uniformAnswers(t, v)), { closesAt: '2026-02-20T14:00:00.000Z' });
    const file = await download(coordinator, `${api}/rounds/${round.id}/aggregates.csv`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    expect(file.disposition).toMatch(/^attachment; filename="tulokset-kierros-2026-02\.csv"/);
    const { header, rows } = table(file.text);
    const json = await (await t.app.request(`${api}/rounds/${round.id}`, sendJson(coordinator, 'GET'))).json();
    expect(header).toEqual(['tyyppi', 'tunniste', 'nimi', 'n', 'en osaa sanoa', 'keskiarvo', 'keskihajonta', '95 %:n luottamusväli, alaraja', '95 %:n luottamusväli, yläraja', 'myönteisten osuus (0–1)', 'myönteisten osuus, 95 %:n luottamusväli, alaraja', 'myönteisten osuus, 95 %:n luottamusväli, yläraja', 'luokka', '1', '2', '3', '4', '5']);
    expect(rows).toHaveLength(10 + json.measures.flatMap((m: { items: unknown[] }) => m.items).length);
    const rule1 = rows.find((r) => r[1] === 'rule:1')!;
    // Respondent scores 2, 3, 4, 5: mean 3.5, sd 1.29099, t(3) = 3.18245 gives ± 2.0542; five items with one "cannot say" each.
    expect(rule1.slice(0, 5)).toEqual(['sääntö', 'rule:1', 'Verkoston tavoitteet', '4', '5']);
    expect(num(rule1[5])).toBe(3.5);
    expect(num(rule1[6])).toBeCloseTo(1.29099, 4);
    expect(num(rule1[7])).toBeCloseTo(3.5 - 2.05426, 4);
    expect(num(rule1[8])).toBeCloseTo(3.5 + 2.05426, 4);
    // Favourable: 10 of the 20 scale answers; the Wilson interval counts the 4 respondents, not the 20 answers (which would give 0.2993–0.7007).
    expect(num(rule1[9])).toBe(0.5);
    expect(num(rule1[10])).toBeCloseTo(0.15004, 4);
    expect(num(rule1[11])).toBeCloseTo(0.84996, 4);
    expect(rule1.slice(12)).toEqual(['Kohtalainen', '0', '5', '5', '5', '5']);
    const item = json.measures[0].items[0];
    const itemRow = rows[rows.indexOf(rule1) + 1]!;
    expect(itemRow.slice(0, 5)).toEqual(['väittämä', item.itemKey, item.title.fi, '4', '1']);
    expect(num(itemRow[7])).toBeCloseTo(item.figures.ci95.low, 4);
    expect(num(itemRow[10])).toBeCloseTo(item.figures.favourable.ci95.low, 4);
    expect(itemRow.slice(13)).toEqual(['0', '1', '1', '1', '1']);
    const swedish = table((await download(coordinator, `${api}/rounds/${round.id}/aggregates.csv?lang=sv`)).text);
    expect(swedish.header[5]).toBe('medelvärde');
    expect(swedish.rows[0]!.slice(0, 3)).toEqual(['regel', 'rule:1', 'Nätverkets mål']);
  });
});

/** network-rules v3 (made up): drops the first statement of rule 1, adds one to rule 2. */
function catalogueWithV2() {
  const v1 = realCatalogue().find('network-rules', 1)!;
  const json = structuredClone(v1.json) as { pages: Array<{ elements: Array<Record<string, unknown>> }> };
  json.pages[1]!.elements.shift();
  json.pages[2]!.elements.unshift({ ...structuredClone(json.pages[2]!.elements[0]!), name: 'r2_new', itemKey: 'members.new_statement' });
  const v2: QuestionnaireVersion = shippedVersion(v1.key, 3, json);
  return { catalogue: buildCatalogue([...realCatalogue().versions, v2]), v1, v2 };
}

const scored = (version: QuestionnaireVersion, value: (measure: string, i: number) => number) => (i: number) =>
  Object.fromEntries(version.items.filter((item) => item.kind === 'scored').map((item) => [item.name, value(item.measure!, i)]));

describe('compare.csv and trend.csv', () => {
  it('compares by rule and shared item with the JSON API figures, and marks items of one version only', async () => {
    const { catalogue, v1, v2 } = catalogueWithV2();
    const { network, leader, api } = await setup(5, { catalogue });
    const before = scored(v1, (m, i) => (m === 'rule:7' ? 2 + (i % 2) : 3 + (i % 2)));
    const after = scored(v2, (m, i) => (m === 'rule:7' ? 4 + (i % 2) : 4 - (i % 2)));
    const r1 = await roundWithResponses(t, network.id, Array.from({ length: 12 }, (_, i) => before(i)), { version: 1, closesAt: '2025-05-20T14:00:00.000Z' }, catalogue);
    const r2 = await roundWithResponses(t, network.id, Array.from({ length: 12 }, (_, i) => after(i)), { version: 3, closesAt: '2025-11-20T14:00:00.000Z' }, catalogue);
    const file = await download(leader, `${api}/compare.csv?before=${r1.id}&after=${r2.id}`);
    expect(file.disposition).toMatch(/filename="vertailu-kierros-2025-05-kierros-2025-11\.csv"/);
    const { header, rows } = table(file.text);
    expect(header.slice(3, 5)).toEqual(['ennen (Kierros 2025-05): n', 'ennen (Kierros 2025-05): keskiarvo']);
    const json = await (await t.app.request(`${api}/compare?before=${r1.id}&after=${r2.id}`, sendJson(leader, 'GET'))).json();
    const rule7 = rows.find((r) => r[1] === 'rule:7')!;
    const expected = json.measures.find((m: { key: string }) => m.key === 'rule:7');
    expect(rule7.slice(0, 4)).toEqual(['sääntö', 'rule:7', 'Suunnitelmallinen tiedotus', '12']);
    expect([4, 11, 17].map((i) => num(rule7[i]))).toEqual([2.5, 4.5, 2]);
    // No 4 or 5 before (0 of 12: 0–0.24249 by Wilson), only 4s and 5s after (0.75751–1).
    expect([7, 8, 9, 14, 15, 16].map((i) => num(rule7[i]))).toEqual([0, 0, expect.closeTo(0.24249, 4), 1, expect.closeTo(0.75751, 4), 1]);
    expect(header[7]).toBe('ennen (Kierros 2025-05): myönteisten osuus (0–1)');
    expect(num(rule7[18])).toBeCloseTo(expected.change.ci95.low, 4);
    expect(num(rule7[20])).toBeCloseTo(expected.change.p, 4);
    expect(rule7[21]).toBe('parani');
    expect(rows.find((r) => r[1] === 'rule:3')![21]).toBe('ei satunnaisvaihtelua suurempaa muutosta');
    const removed = v1.items.find((i) => i.kind === 'scored')!.itemKey;
    expect(rows.find((r) => r[1] === removed)).toEqual(['väittämä', removed, expect.any(String), ...Array(18).fill(''), 'vain aiemman kierroksen kyselyssä']);
    expect(rows.find((r) => r[1] === 'members.new_statement')![21]).toBe('vain myöhemmän kierroksen kyselyssä');
    expect(rows).toHaveLength(10 + json.items.length + 2);
  });

  it('lists per rule and closed round n, mean and interval, blank for a round below k', async () => {
    const { network, coordinator, api } = await setup(5);
    await roundWithResponses(t, network.id, [1, 2, 3, 4].map((v) => uniformAnswers(t, v)), { closesAt: '2026-01-20T14:00:00.000Z' });
    await roundWithResponses(t, network.id, [1, 2, 3, 4, 5, 5].map((v) => uniformAnswers(t, v)), { closesAt: '2026-05-20T21:30:00.000Z' });
    await roundWithResponses(t, network.id, [1, 2, 3, 4, 5, 5].map((v) => uniformAnswers(t, v)), { status: 'open', closesAt: '2026-09-20T14:00:00.000Z' });
    const { header, rows } = table((await download(coordinator, `${api}/trend.csv?questionnaire=network-rules&lang=en`)).text);
    expect(header).toEqual(['kind', 'key', 'name', 'round', 'closed', 'questionnaire version', 'n', 'mean', '95% confidence interval, low', '95% confidence interval, high', 'favourable share (0–1)', 'favourable share, 95% confidence interval, low', 'favourable share, 95% confidence interval, high']);
    expect(rows).toHaveLength(10 * 2);
    // 21:30 UTC on 20 May is past midnight in Helsinki.
    expect(rows.slice(0, 2).map((r) => r.slice(0, 7))).toEqual([
      ['rule', 'rule:1', 'Network goals', 'Kierros 2026-01', '2026-01-20', '1', ''],
      ['rule', 'rule:1', 'Network goals', 'Kierros 2026-05', '2026-05-21', '1', '6'],
    ]);
    expect(rows[0]!.slice(7)).toEqual(['', '', '', '', '', '']);
    const json = await (await t.app.request(`${api}/trend`, sendJson(coordinator, 'GET'))).json();
    expect(num(rows[1]![7])).toBeCloseTo(json.series[0].points[1].figures.mean, 4);
    expect(num(rows[1]![9])).toBeCloseTo(json.series[0].points[1].figures.ci95.high, 4);
    // 4, 5 and 5 of six: half favourable, 0.18762–0.81238.
    expect(rows[1]!.slice(10).map(num)).toEqual([0.5, expect.closeTo(0.18762, 4), expect.closeTo(0.81238, 4)]);
  });
});

describe('exports of withheld rounds', () => {
  it('refuses every round export with a 409 that says why, for k − 1 responses and for an open round', async () => {
    const { network, coordinator, api } = await setup(5);
    const four = [1, 2, 3, 4].map((v) => uniformAnswers(t, v, { r1_comment: `kommentti ${v}` }));
    const small = await roundWithResponses(t, network.id, four, { closesAt: '2026-02-20T14:00:00.000Z' });
    const open = await roundWithResponses(t, network.id, [...four, ...four], { status: 'open', closesAt: '2026-05-20T14:00:00.000Z' });
    const big = await roundWithResponses(t, network.id, [...four, ...four], { closesAt: '2026-08-20T14:00:00.000Z' });
    const paths = (id: number) => [`rounds/${id}/aggregates.csv`, `rounds/${id}/responses.csv`, `rounds/${id}/responses.json`, `compare.csv?before=${id}&after=${big.id}`, `compare.csv?before=${big.id}&after=${id}`];
    for (const [round, reason] of [[small, /alle 5 vastausta/], [open, /vielä auki/]] as const) {
      for (const path of paths(round.id)) {
        const file = await download(coordinator, `${api}/${path}`);
        expect(file.status, path).toBe(409);
        expect(file.type, path).toMatch(/^application\/json/);
        expect(file.disposition, path).toBe('');
        expect(JSON.parse(file.text).error, path).toMatch(reason);
        expect(file.text, path).not.toContain('kommentti');
      }
    }
    expect(JSON.parse((await download(coordinator, `${api}/rounds/${small.id}/responses.csv?lang=sv`)).text).error).toMatch(/färre än 5 svar/);
    expect(JSON.parse((await download(coordinator, `${api}/rounds/${open.id}/aggregates.csv?lang=en`)).text).error).toMatch(/still open/);
  });
});

describe('raw responses', () => {
  it('gives the scored answers only, sorted by content rather than arrival', async () => {
    const { network, coordinator, api } = await setup(3);
    // Stored in an order that is neither the content order nor its reverse.
    const stored = ([5, 3, 'none', 1, 4, 2] as const).map((v) => uniformAnswers(t, v, v === 1 ? { r1_comment: '=HYPERLINK("x")' } : {}));
    const round = await roundWithResponses(t, network.id, stored, { collectSegments: false });
    const ids = (await t.deps.db.select({ id: responses.id }).from(responses)).map((r) => String(r.id));
    const version = t.deps.catalogue.find('network-rules', 1)!;
    const csv = await download(coordinator, `${api}/rounds/${round.id}/responses.csv`);
    expect(csv.disposition).toMatch(/filename="vastaukset-kierros-2026-02\.csv"/);
    const { header, rows } = table(csv.text);
    const scored = version.items.filter((item) => item.kind === 'scored');
    // Headed for a person: the rule and the statement as members read it, in the reader's language.
    expect(header).toHaveLength(scored.length);
    const column = scored.findIndex((item) => item.name === 'r1_benefits_visible');
    expect(header[column]).toBe('Pelisääntö 1: Verkoston tavoitteet – Verkostomme tavoitteet ja niiden tuomat hyödyt ovat helposti nähtävissä.');
    expect(header.every((cell) => /^(Pelisääntö \d+|Strategian osa-alue): .+ – .+/.test(cell))).toBe(true);
    expect(csv.text).not.toContain('HYPERLINK');
    expect(rows.map((r) => r[column])).toEqual(['1', '2', '3', '4', '5', 'en osaa sanoa']);
    const swedish = table((await download(coordinator, `${api}/rounds/${round.id}/responses.csv?lang=sv`)).text);
    expect(swedish.header[column]).toBe('Spelregel 1: Nätverkets mål – Vårt nätverks mål och den nytta de ger är lätta att se.');
    expect(swedish.rows.map((r) => r[column]).at(-1)).toBe('kan inte säga');
    const json = await download(coordinator, `${api}/rounds/${round.id}/responses.json`);
    expect(json.type).toBe('application/json; charset=utf-8');
    const body = JSON.parse(json.text);
    expect(Object.keys(body)).toEqual(['round', 'note', 'questions', 'responses']);
    expect(body.round).toMatchObject({ id: round.id, responses: 6, threshold: 3 });
    expect(body.questions.map((q: { name: string }) => q.name)).toEqual(scored.map((item) => item.name));
    expect(body.responses.map((r: Record<string, unknown>) => r.r1_benefits_visible)).toEqual([1, 2, 3, 4, 5, 'none']);
    for (const response of body.responses) expect(Object.keys(response)).toEqual(scored.map((item) => item.name));
    // No response id, no day (the fixture stores 2026-02-01), no language, anywhere in either file.
    for (const text of [csv.text, json.text]) {
      for (const id of ids) expect(text).not.toContain(id);
      expect(text).not.toContain('2026-02-01');
      expect(text).not.toMatch(/submitted|language|"fi"/i);
    }
  });

  it('carries no background answers, and blanks a statement whose figures the round withholds', async () => {
    const { network, coordinator, api } = await setup(3);
    const cannotSay = { r1_benefits_visible: 'none', organisation_type: 'vocational', role: 'principal' };
    const stored = [uniformAnswers(t, 1), uniformAnswers(t, 2), uniformAnswers(t, 3, cannotSay), uniformAnswers(t, 4, cannotSay)];
    const round = await roundWithResponses(t, network.id, stored);
    const body = JSON.parse((await download(coordinator, `${api}/rounds/${round.id}/responses.json`)).text);
    expect(body.questions.map((q: { name: string }) => q.name)).not.toContain('organisation_type');
    expect(body.responses.every((r: Record<string, unknown>) => !('organisation_type' in r) && !('role' in r))).toBe(true);
    // Two numeric answers under k = 3: the statement's column is blank, so the rows do not give them away.
    expect(body.responses.map((r: Record<string, unknown>) => r.r1_benefits_visible)).toEqual([null, null, null, null]);
    expect(body.responses.map((r: Record<string, unknown>) => r.r2_motivated)).toEqual([1, 2, 3, 4]);
    // The second statement of the rule has three ratings, but the rule's figures minus its own would give the first one's away.
    expect(body.questions.filter((q: { withheld: boolean }) => q.withheld).map((q: { name: string }) => q.name)).toEqual(['r1_benefits_visible', 'r1_participation_demands']);
    // Each blank column says why it is blank, in the reader's language; no other column is blank or says so.
    for (const [lang, note] of [
      ['fi', '(piilotettu: alle 3 arviota, tai siitä voisi päätellä toisen piilotetun luvun)'],
      ['en', '(withheld: fewer than 3 ratings, or another withheld figure could be worked out from it)'],
    ] as const) {
      const csv = table((await download(coordinator, `${api}/rounds/${round.id}/responses.csv?lang=${lang}`)).text);
      const blank = csv.header.map((_, i) => i).filter((i) => csv.rows.every((r) => r[i] === ''));
      expect(blank.map((i) => csv.header[i]!.endsWith(` ${note}`))).toEqual([true, true]);
      expect(csv.header.filter((cell) => cell.includes(note))).toHaveLength(2);
      expect(csv.header[blank[0]!]).toContain(lang === 'fi' ? 'Verkostomme tavoitteet ja niiden tuomat hyödyt' : 'Our network’s goals and the benefits');
    }
  });
});

describe('who may export', () => {
  it('lets a leader download every export and gives an outsider the same 404 as a missing network', async () => {
    const { network, leader, outsider, api } = await setup(3);
    const r1 = await roundWithResponses(t, network.id, [1, 2, 3].map((v) => uniformAnswers(t, v)), { closesAt: '2026-01-20T14:00:00.000Z' });
    const r2 = await roundWithResponses(t, network.id, [3, 4, 5].map((v) => uniformAnswers(t, v)), { closesAt: '2026-05-20T14:00:00.000Z' });
    const paths = [`rounds/${r1.id}/aggregates.csv`, `compare.csv?before=${r1.id}&after=${r2.id}`, 'trend.csv', `rounds/${r1.id}/responses.csv`, `rounds/${r1.id}/responses.json`];
    for (const path of paths) {
      expect((await download(leader, `${api}/${path}`)).status, path).toBe(200);
      expect((await download(outsider, `${api}/${path}`)).status, path).toBe(404);
    }
    expect((await download(leader, `${api}/trend.csv?questionnaire=nope`)).status).toBe(404);
    expect((await download(leader, `${api}/rounds/999999/aggregates.csv`)).status).toBe(404);
  });
});
