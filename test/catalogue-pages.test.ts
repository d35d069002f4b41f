import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue, shippedVersion } from '../src/catalogue/load.js';
import { findMeasure } from '../src/catalogue/measures.js';
import type { Catalogue, QuestionnaireVersion } from '../src/catalogue/types.js';
import { createTestApp, realCatalogue, type TestApp } from './helpers/app.js';
import { assetUrl } from '../src/http/assets.js';

const apps: TestApp[] = [];
afterEach(() => {
  for (const { database } of apps.splice(0)) database.dispose();
});

async function get(path: string, catalogue?: Catalogue): Promise<{ status: number; html: string; headers: Headers }> {
  const testApp = await createTestApp(catalogue ? { catalogue } : {});
  apps.push(testApp);
  const response = await testApp.app.request(path);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Text as the page shows it: hono escapes quotes and ampersands. */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const versionOf = (key: string, version: number, json: Record<string, unknown>): QuestionnaireVersion => shippedVersion(key, version, json);

type Element = { name: string; itemKey: string; measures?: string; title: Record<string, string> };
type Json = { pages: Array<{ name: string; elements: Element[] }> };

/** network-rules v1 and a v2 that adds, removes, rewords and moves one item each. */
function catalogueWithChanges(): Catalogue {
  const v1 = realCatalogue().find('network-rules', 1)!.json;
  const v2 = structuredClone(v1) as unknown as Json;
  const rule1 = v2.pages.find((page) => page.name === 'rule1')!.elements;
  const [reworded, moved, removed] = [rule1[0]!, rule1[1]!, rule1[2]!];
  reworded.title = { ...reworded.title, fi: 'Verkostomme tavoitteet ovat kaikkien nähtävillä.' };
  moved.measures = 'rule:2';
  rule1.splice(rule1.indexOf(removed), 1);
  rule1.push({ ...structuredClone(moved), name: 'r1_new_item', itemKey: 'goals.new_item', measures: 'rule:1', title: { fi: 'Uusi väittämä.', sv: 'Nytt påstående.', en: 'New statement.' } });
  return buildCatalogue([versionOf('network-rules', 1, v1), versionOf('network-rules', 2, v2 as unknown as Record<string, unknown>)]);
}

/** The HTML of one part of the changes, from its heading to the next heading. */
function diffPart(html: string, heading: string): string {
  const start = html.indexOf(`<h3>${heading} (`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = html.indexOf('<h', start + 4);
  return html.slice(start, end === -1 ? undefined : end);
}

function embeddedSurvey(html: string): unknown {
  const match = /<script type="application\/json" id="survey-json">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!);
}

describe('GET /catalogue', () => {
  it('lists every questionnaire in the page language with its versions, counts and links', async () => {
    const { status, html } = await get('/catalogue?lang=sv');
    expect(status).toBe(200);
    for (const version of realCatalogue().versions) {
      expect(html).toContain(escaped(version.title.sv));
      const scored = version.items.filter((item) => item.kind === 'scored').length;
      expect(html).toContain(`<dd>${scored}</dd>`);
      expect(html).toContain(`href="/catalogue/${version.key}/v${version.version}/preview"`);
      expect(html).toContain(`href="/catalogue/${version.key}/v${version.version}"`);
    }
    expect(html).toContain('Spelregel 10: Kontinuitet');
    expect(html).toContain('Strategiområde: Samarbetsformer');
    // Only a version with one before it links to its changes: the shipped v2 files do, v1 does not.
    expect(html).toContain('href="/catalogue/network-rules/v2#changes"');
    expect(html).not.toContain('href="/catalogue/network-rules/v1#changes"');
  });

  it('links a second version to its changes', async () => {
    const { html } = await get('/catalogue', catalogueWithChanges());
    expect(html).toContain('href="/catalogue/network-rules/v2#changes"');
    expect(html).toContain('Muutokset versioon 1 nähden');
  });
});

describe('GET /catalogue/:key/v:version', () => {
  it('shows what the shipped v2 changed: its note, and the Swedish cannot-say choice reworded, with every statement unchanged', async () => {
    for (const key of ['network-rules', 'network-strategy']) {
      const v1 = realCatalogue().find(key, 1)!;
      const { html } = await get(`/catalogue/${key}/v2?lang=sv`);
      expect(html).toContain('Vad som har ändrats i den här versionen');
      expect(html).toContain('Skalans alternativ för den som inte kan ta ställning heter nu ”Vet inte”');
      expect(html).toMatch(/Svarsskalans formulering har ändrats \(1\)[\s\S]*Alternativet ”Vet inte”[\s\S]*<del lang="sv">Kan inte säga<\/del>[\s\S]*<ins lang="sv">Vet inte<\/ins>/);
      expect(html).not.toContain('<del lang="fi">');
      expect(html).toContain(`Oförändrade: ${v1.items.length}`);
    }
  });

  it('shows every item key grouped by page, with the rule or area it measures', async () => {
    const version = realCatalogue().find('network-rules', 1)!;
    const { status, html } = await get('/catalogue/network-rules/v1');
    expect(status).toBe(200);
    expect(html).toContain(escaped(version.title.fi));
    for (const item of version.items) {
      expect(html).toContain(`<code class="item-key">${item.itemKey}</code>`);
      expect(html).toContain(escaped(item.title.fi));
    }
    for (let rule = 1; rule <= 10; rule += 1) expect(html).toContain(`Pelisääntö ${rule}: ${escaped(findMeasure(`rule:${rule}`)!.name.fi)}`);
    expect(html).toContain('1. Verkoston tavoitteet');
    expect(html).toContain('href="/catalogue/network-rules/v1/preview"');
    expect(html).not.toContain('id="changes"');
  });

  it('names strategy areas in English', async () => {
    const { html } = await get('/catalogue/network-strategy/v1?lang=en');
    expect(html).toContain('Strategy area: Leadership and coordination');
    expect(html).toContain('Open question');
  });

  it('shows what a new version added, removed, reworded and moved', async () => {
    const catalogue = catalogueWithChanges();
    const [v1, v2] = [catalogue.find('network-rules', 1)!, catalogue.find('network-rules', 2)!];
    const { status, html } = await get('/catalogue/network-rules/v2', catalogue);
    expect(status).toBe(200);
    expect(html).toContain('id="changes"');

    expect(diffPart(html, 'Uudet')).toContain('goals.new_item');
    const removed = v1.items.find((item) => !v2.items.some((other) => other.itemKey === item.itemKey))!;
    expect(diffPart(html, 'Poistetut')).toContain(removed.itemKey);

    const reworded = diffPart(html, 'Sanamuoto muuttunut');
    const before = v1.items.find((item) => item.name === 'r1_benefits_visible')!;
    expect(reworded).toContain(before.itemKey);
    expect(reworded).toContain(`<del lang="fi">${escaped(before.title.fi)}</del>`);
    expect(reworded).toContain('<ins lang="fi">Verkostomme tavoitteet ovat kaikkien nähtävillä.</ins>');
    expect(reworded).not.toContain('lang="sv"');

    const moved = diffPart(html, 'Mittaa nyt eri pelisääntöä tai osa-aluetta');
    expect(moved).toContain(v1.items.find((item) => item.name === 'r1_participation_demands')!.itemKey);
    expect(moved).toMatch(/<del[^>]*>Pelisääntö 1: Verkoston tavoitteet<\/del>[\s\S]*<ins[^>]*>Pelisääntö 2: Jäsenten valinta ja sitoutuminen<\/ins>/);
    expect(html).toContain(`Ennallaan: ${v2.items.length - 3}`);
  });
});

describe('GET /catalogue/:key/v:version/preview', () => {
  it('embeds the survey JSON and loads the preview bundle and SurveyJS styles from this origin', async () => {
    const { status, html, headers } = await get('/catalogue/network-strategy/v1/preview');
    expect(status).toBe(200);
    expect(embeddedSurvey(html)).toEqual(realCatalogue().find('network-strategy', 1)!.json);
    expect(html).toContain(`<script type="module" src="${assetUrl('/static/build/preview.js')}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${assetUrl('/static/build/survey-core.css')}"/>`);
    expect(html).toMatch(/<button[^>]*data-locale="sv"[^>]*aria-pressed="false"/);
    expect(html).toContain('Tämä on esikatselu. Vastauksia ei tallenneta eikä lähetetä minnekään.');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('keeps questionnaire text from closing the script element', async () => {
    const json = structuredClone(realCatalogue().find('network-strategy', 1)!.json) as { title: Record<string, string> };
    const attack = '</script><script>alert(1)</script><!--';
    json.title = { fi: attack, sv: attack, en: attack };
    const catalogue = buildCatalogue([versionOf('network-strategy', 1, json)]);
    const { html } = await get('/catalogue/network-strategy/v1/preview', catalogue);
    expect(html).not.toContain('<script>alert(1)');
    expect((embeddedSurvey(html) as typeof json).title.fi).toBe(attack);
  });
});

describe('unknown questionnaires and versions', () => {
  it.each([
    ['/catalogue/no-such-survey/v1', 'Kyselyä ”no-such-survey” ei ole'],
    ['/catalogue/network-rules/v9', 'Kyselystä ”Verkoston pelisääntöjen arviointi” ei ole versiota 9'],
    ['/catalogue/network-rules/v9/preview', 'ei ole versiota 9'],
    ['/catalogue/network-rules/latest', 'ei ole versiota latest'],
  ])('%s is a 404 that says what is missing', async (path, message) => {
    const { status, html } = await get(path);
    expect(status).toBe(404);
    expect(html).toContain(message);
  });
});
