import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue, shippedVersion } from '../../src/catalogue/load.js';
import { validateSurvey } from '../../src/catalogue/validate.js';
import { roundLanguages } from '../../src/catalogue/version-languages.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { problemOf } from '../helpers/catalogue-problem.js';
import { openRound } from '../helpers/open-round.js';

type Json = Record<string, unknown>;
const rulesV1 = (): Json => JSON.parse(readFileSync('surveys/network-rules/v1.json', 'utf8'));
const isTexts = (value: object) => Object.keys(value).length > 0 && Object.keys(value).every((key) => ['fi', 'sv', 'en'].includes(key));

/** The file with every text kept only in the languages given, and declaring them. */
function onlyIn(languages: string[], json: Json = rulesV1()): Json {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    if (isTexts(value)) return Object.fromEntries(Object.entries(value).filter(([lang]) => languages.includes(lang)));
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, strip(v)]));
  };
  return { ...(strip(json) as Json), languages };
}

let t: TestApp | undefined;
afterEach(() => t?.database.dispose());

describe('a version offers the languages it declares', () => {
  it('needs its texts in those languages only, and reads the first one where another is asked for', () => {
    const finnish = validateSurvey(onlyIn(['fi']), 'network-rules/v2.json');
    expect(finnish.languages).toEqual(['fi']);
    expect(finnish.title.sv).toBe(finnish.title.fi);
    expect(finnish.scale?.choices[0]?.text.en).toBe(finnish.scale?.choices[0]?.text.fi);
    const bilingual = validateSurvey(onlyIn(['sv', 'fi']), 'network-rules/v2.json');
    expect(bilingual.languages).toEqual(['sv', 'fi']);
    expect(bilingual.title.en).toBe(bilingual.title.sv);
    expect(bilingual.title.fi).not.toBe(bilingual.title.sv);
  });

  it('still needs every declared language, and the three of before when it declares none', () => {
    const json = onlyIn(['fi']);
    json.languages = ['fi', 'sv'];
    expect(problemOf(json)).toMatch(/has no text in Swedish\.$/);
    const undeclared = onlyIn(['fi', 'sv']);
    delete undeclared.languages;
    expect(problemOf(undeclared)).toMatch(/has no text in English\.$/);
  });

  it('refuses a declaration that is empty, unknown or repeated', () => {
    expect(problemOf({ ...rulesV1(), languages: [] })).toMatch(/List the languages the version offers/);
    expect(problemOf({ ...rulesV1(), languages: 'fi' })).toMatch(/List the languages the version offers/);
    expect(problemOf({ ...rulesV1(), languages: ['fi', 'de'] })).toMatch(/Unknown languages: "de"/);
    expect(problemOf({ ...rulesV1(), languages: ['fi', 'fi'] })).toMatch(/listed twice/);
  });

  it('gives a round the network’s languages that the version has, else the version’s first', () => {
    expect(roundLanguages(['sv', 'fi', 'en'], { languages: ['fi', 'sv'] })).toEqual(['sv', 'fi']);
    expect(roundLanguages(['sv'], { languages: ['fi'] })).toEqual(['fi']);
  });

  it('previews only the declared languages, starting in the first where the page’s language is not one', async () => {
    const catalogue = buildCatalogue([...realCatalogue().versions, shippedVersion('network-rules', 3, onlyIn(['sv', 'fi']))]);
    t = await createTestApp({ catalogue });
    const html = await (await t.app.request('/catalogue/network-rules/v3/preview?lang=en')).text();
    const buttons = [...html.matchAll(/<button[^>]*data-locale="(\w+)"[^>]*aria-pressed="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(buttons).toEqual(['sv:true', 'fi:false']);
    const texts = JSON.parse(html.match(/<script type="application\/json" id="preview-texts">(.*?)<\/script>/s)![1]!);
    expect(Object.keys(texts)).toEqual(['sv', 'fi']);
  });

  it('serves a Finnish-only round in Finnish to a Swedish-speaking member: invitation and answer page', async () => {
    const catalogue = buildCatalogue([...realCatalogue().versions, shippedVersion('network-rules', 3, onlyIn(['fi']))]);
    t = await createTestApp({ catalogue });
    const opened = await openRound(t, { questionnaireVersion: 3, networkLanguages: ['fi', 'sv'], memberLanguage: 'sv' });
    const [mail] = (await openedMailRows(t.deps)).filter((row) => row.roundId === opened.round.id);
    expect(mail?.subject).toBe(`Kutsu kyselyyn: ${opened.round.title}`);

    const page = await (await t.app.request(`${opened.path}?lang=sv`)).text();
    expect(page).toMatch(/<html lang="fi"/);
    // No switch to a language the questionnaire does not have.
    expect(page).not.toContain('?lang=sv');
    expect(page).not.toContain('Svenska');
  });
});
