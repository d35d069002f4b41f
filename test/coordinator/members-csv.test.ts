import { afterEach, describe, expect, it } from 'vitest';
import { members } from '../../src/db/schema/index.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

type Upload = { file?: string | Uint8Array<ArrayBuffer>; csv?: string; confirm?: boolean; skipInvalid?: boolean };

/** A multipart post like the import form sends: a chosen file or pasted text. */
function uploadForm(user: SignedIn, { file, csv, confirm, skipInvalid }: Upload): RequestInit {
  const form = new FormData();
  form.set('_csrf', user.csrf);
  if (file !== undefined) form.set('file', new File([file], 'jasenet.csv', { type: 'text/csv' }));
  if (csv !== undefined) form.set('csv', csv);
  if (confirm) form.set('confirm', 'true');
  if (skipInvalid) form.set('skipInvalid', 'true');
  return { method: 'POST', headers: { cookie: user.cookie }, body: form };
}

async function setUp() {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  const path = `/networks/${people.network.id}/members/import`;
  const upload = async (upload: Upload, lang = 'fi') => {
    const response = await t.app.request(`${path}?lang=${lang}`, uploadForm(people.coordinator, upload));
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  };
  const api = (body: Record<string, unknown>) => t.app.request(`/api${path}?lang=en`, sendJson(people.coordinator, 'POST', body));
  const roster = () => t.deps.db.select().from(members).orderBy(members.email);
  return { ...people, path, upload, api, roster };
}

const BOM = '\uFEFF';

/** The text the preview page sends back on confirm, as a browser would read it from the hidden field. */
function hiddenCsv(html: string): string {
  const value = /<input type="hidden" name="csv" value="([^"]*)"/.exec(html)![1]!;
  const entities: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
  return value.replace(/\r\n?/g, '\n').replace(/&(quot|#39|lt|gt|amp);/g, (entity) => entities[entity]!);
}
const good = [
  'nimi;sähköposti;organisaatio;organisaatiotyyppi;kieli',
  'Maija Meikäläinen;Maija@Kunta.example;Keskustan koulu;Perusopetus;fi',
  'Pekka Virtanen;pekka@kunta.example;"Sivistystoimi; hallinto";municipal_administration;sv',
].join('\r\n');

describe('CSV import', () => {
  it('reports every bad line with its number and reason, and writes nothing before confirm', async () => {
    const { upload, roster } = await setUp();
    const csv = [
      'name,email,organisation,organisation_type,language',
      'Ann Alda,ann@kunta.example,School,comprehensive_school,en',
      ',nobody@kunta.example,School,other,fi',
      'Bob,bob@,School,other,fi',
      'Cid,cid@kunta.example,School,university,fi',
      'Dee,dee@kunta.example,School,other,de',
      'Eve,eve@kunta.example,School',
      'Fay,fay@kunta.example,School,other,fi,extra',
      'Gus,Ann@Kunta.example,School,other,fi',
    ].join('\n');
    const preview = await upload({ csv }, 'en');
    expect(preview.status).toBe(200);
    for (const line of [
      'Line 3: The name is missing.',
      'Line 4: The email address “bob@” is not valid.',
      'Line 5: Unknown organisation type “university”. Allowed: Early childhood education and care, Basic education (comprehensive school)',
      'Line 6: The language “de” is not one of the network’s languages. Allowed: fi, sv, en.',
      'Line 7: The line has 3 columns, but the header has 5.',
      'Line 8: The line has 6 columns, but the header has 5.',
      'Line 9: The email address ann@kunta.example is already on line 2, so this line is left out.',
    ])
      expect(preview.html).toContain(line);
    // The first of the two lines with one address is kept: a row pasted twice loses nothing.
    expect(preview.html).toContain('Line 2: <strong>Ann Alda</strong> (ann@kunta.example)');
    // Every column of a line to add is shown: organisation, type and language.
    expect(preview.html).toContain('School · Basic education (comprehensive school) · English');
    expect(preview.html).toContain('Nothing has been saved yet.');
    expect(await roster()).toEqual([]);
  });

  it('writes on confirm; the same file again changes nothing', async () => {
    const { network, upload, roster } = await setUp();
    const preview = await upload({ file: BOM + good });
    expect(preview.html).toContain('Uusia</dt><dd>2</dd>');
    expect(await roster()).toEqual([]);
    const confirmed = await upload({ csv: hiddenCsv(preview.html), confirm: true });
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toBe(`/networks/${network.id}/members?imported=2,0,0,0`);
    const stored = await roster();
    expect(stored.map(({ name, email, organisation, organisationType, language, active }) => ({ name, email, organisation, organisationType, language, active }))).toEqual([
      { name: 'Maija Meikäläinen', email: 'maija@kunta.example', organisation: 'Keskustan koulu', organisationType: 'comprehensive_school', language: 'fi', active: true },
      { name: 'Pekka Virtanen', email: 'pekka@kunta.example', organisation: 'Sivistystoimi; hallinto', organisationType: 'municipal_administration', language: 'sv', active: true },
    ]);
    (t.deps.clock as ReturnType<typeof fixedClock>).advance(60_000);
    const again = await upload({ file: BOM + good });
    expect(again.html).toContain('Kaikki rivit ovat jo jäsenluettelossa sellaisinaan.');
    expect((await upload({ csv: good, confirm: true })).location).toBe(`/networks/${network.id}/members?imported=0,0,2,0`);
    expect(await roster()).toEqual(stored);
  });

  it('recognises an update by email, shows what changes and keeps a deactivated member deactivated', async () => {
    const { coordinator, network, upload, roster } = await setUp();
    await upload({ csv: good, confirm: true });
    const [maija] = await roster();
    await t.app.request(`/api/networks/${network.id}/members/${maija!.id}/deactivate`, sendJson(coordinator, 'POST'));
    const changed = 'Name,E-mail,Organization type\nMaija Meikäläinen,MAIJA@kunta.example,Lukio\nUusi Jäsen,uusi@kunta.example,Gymnasium\n';
    const preview = await upload({ csv: changed });
    expect(preview.html).toContain('Organisaation tyyppi: Perusopetus → Lukio');
    expect(preview.html).toContain('passiivinen, pysyy passiivisena');
    expect(preview.html).toMatch(/Rivi 3: <strong>Uusi Jäsen<\/strong> \(uusi@kunta.example\) <span class="badge">Uusi<\/span>/);
    await upload({ csv: changed, confirm: true });
    const after = await roster();
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ id: maija!.id, organisationType: 'upper_secondary', organisation: 'Keskustan koulu', active: false });
  });

  it('refuses to confirm a file with bad lines unless they are skipped, then writes only the good ones', async () => {
    const { upload, roster } = await setUp();
    const csv = `${good}\r\nRikki;rikki@;;;\r\n`;
    const refused = await upload({ csv, confirm: true });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Tiedostossa on virheellisiä rivejä.');
    expect(refused.html).toContain('Rivi 4: Sähköpostiosoite ”rikki@” ei ole kelvollinen.');
    expect(await roster()).toEqual([]);
    const skipped = await upload({ csv, confirm: true, skipInvalid: true });
    expect(skipped.location).toMatch(/imported=2,0,0,1$/);
    expect((await roster()).map((m) => m.email)).toEqual(['maija@kunta.example', 'pekka@kunta.example']);
  });

  it('reads a Windows-1252 file from Excel, and refuses files it cannot take with a message', async () => {
    const { upload, roster } = await setUp();
    const latin1 = new Uint8Array([...'nimi;sähköposti\r\nÄijä Öljy;aija@kunta.example\r\n'].map((ch) => ch.charCodeAt(0)));
    expect((await upload({ file: latin1 })).html).toContain('Äijä Öljy');
    expect((await upload({ csv: 'nimi;puhelin\nA;040' })).html).toContain('Tuntematon sarake otsikkorivillä: ”puhelin”.');
    expect((await upload({ csv: 'organisaatio\nKoulu' })).html).toContain('Otsikkoriviltä puuttuu pakollinen sarake: nimi, sähköposti.');
    expect((await upload({ csv: 'nimi;sähköposti\n"A;a@kunta.example\n' })).html).toContain('Tiedostoa ei voi lukea rivin 2 kohdalta.');
    expect((await upload({ csv: '' })).status).toBe(422);
    const tooMany = ['name;email', ...Array.from({ length: 5001 }, (_, i) => `N${i};n${i}@k.fi`)].join('\n');
    const rows = await upload({ csv: tooMany }, 'en');
    expect(rows.status).toBe(422);
    expect(rows.html).toContain('The file has 5,001 member lines. At most 5,000 can be imported at a time.');
    const big = `name;email\n${'A;a@kunta.example\n'.repeat(62_000)}`;
    const large = await upload({ file: big }, 'en');
    expect(large.status).toBe(413);
    expect(large.html).toContain('The file is too large. It may be at most 1 MB.');
    expect(await roster()).toEqual([]);
  });
});

describe('CSV export', () => {
  it('is a semicolon file with a BOM that imports back unchanged, with formulas defused', async () => {
    const { coordinator, network, upload, api, roster } = await setUp();
    const risky = 'name,email,organisation\n"=HYPERLINK(""http://evil.example"")",eve@kunta.example,+358 40 123\n@Maija,ata@kunta.example,-koulu\n';
    await upload({ csv: risky, confirm: true });
    await upload({ csv: good, confirm: true });
    const response = await t.app.request(`/networks/${network.id}/members/export.csv`, { headers: { cookie: coordinator.cookie } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="jasenet-2026-03-02.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).toBe('nimi;sähköposti;organisaatio;organisaatiotyyppi;kieli');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")";eve@kunta.example;'+358 40 123;Muu;fi`);
    expect(csv).toContain("'@Maija;ata@kunta.example;'-koulu;Muu;fi");
    const before = await roster();
    const preview = await (await api({ csv })).json();
    expect(preview.preview.counts).toEqual({ add: 0, update: 0, unchanged: 4, invalid: 0 });
    expect(await roster()).toEqual(before);
    const english = await (await t.app.request(`/api/networks/${network.id}/members/export.csv?lang=en`, sendJson(coordinator, 'GET'))).text();
    expect(english).toContain('Other;fi');
    expect((await (await api({ csv: english })).json()).preview.counts.unchanged).toBe(4);
  });
});

describe('CSV round trip of apostrophes', () => {
  it("keeps a name that is literally '=1+1, or starts with two apostrophes, exactly", async () => {
    const { coordinator, network, api, roster } = await setUp();
    const names = ["'=1+1", "''Tis", "'Tis", '=1+1'];
    for (const [i, name] of names.entries()) {
      expect((await t.app.request(`/api/networks/${network.id}/members`, sendJson(coordinator, 'POST', { name, email: `n${i}@kunta.example` }))).status).toBe(201);
    }
    const csv = await (await t.app.request(`/api/networks/${network.id}/members/export.csv`, sendJson(coordinator, 'GET'))).text();
    expect(csv).toContain("''=1+1;n0@kunta.example");
    expect((await (await api({ csv })).json()).preview.counts).toEqual({ add: 0, update: 0, unchanged: 4, invalid: 0 });
    await api({ csv, confirm: true });
    expect((await roster()).map((m) => m.name)).toEqual(names);
  });
});

describe('CSV import API', () => {
  it('previews, refuses bad lines on confirm, and writes with skipInvalid', async () => {
    const { api, roster } = await setUp();
    const csv = `${good}\nX;x@kunta.example;;Yliopisto;fi`;
    const preview = await api({ csv });
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.preview.counts).toEqual({ add: 2, update: 0, unchanged: 0, invalid: 1 });
    expect(body.preview.invalid).toEqual([{ line: 4, problems: [expect.objectContaining({ code: 'unknown_organisation_type', value: 'Yliopisto', message: expect.stringContaining('Unknown organisation type “Yliopisto”') })] }]);
    const refused = await api({ csv, confirm: true });
    expect(refused.status).toBe(422);
    expect(await roster()).toEqual([]);
    const written = await api({ csv, confirm: true, skipInvalid: true });
    expect((await written.json()).result).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 1 });
    const bad = await api({ csv: 'name\nA', confirm: 'yes' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toEqual({ confirm: 'The value must be yes or no.' });
    const large = await api({ csv: `name;email\n${'A;a@kunta.example\n'.repeat(62_000)}` });
    expect(large.status).toBe(413);
    expect((await large.json()).fields.csv).toBe('The file is too large. It may be at most 1 MB.');
  });
});
