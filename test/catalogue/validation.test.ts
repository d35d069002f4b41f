import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { CatalogueError } from '../../src/catalogue/types.js';

type Json = Record<string, any>;
const rulesV1 = (): Json => JSON.parse(readFileSync('surveys/network-rules/v1.json', 'utf8'));
const dirs: string[] = [];

function catalogueWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vp-catalogue-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function problemWith(mutate: (json: Json) => void): CatalogueError {
  const json = rulesV1();
  mutate(json);
  try {
    loadCatalogue(catalogueWith({ 'network-rules/v1.json': json }));
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('the broken file was accepted');
}

const scored = (json: Json): any => json.pages.flatMap((p: Json) => p.elements).filter((q: Json) => q.measures && q.type === 'radiogroup');

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('catalogue validation names the file, the question and the problem', () => {
  it('accepts the real file unchanged', () => {
    expect(loadCatalogue(catalogueWith({ 'network-rules/v1.json': rulesV1() })).versions).toHaveLength(1);
  });

  it('refuses a file that is not JSON', () => {
    expect(() => loadCatalogue(catalogueWith({ 'network-rules/v1.json': '{ "pages": [' }))).toThrow(/network-rules\/v1\.json: The file is not valid JSON/);
  });

  it('refuses a misnamed file', () => {
    expect(() => loadCatalogue(catalogueWith({ 'network-rules/version1.json': rulesV1() }))).toThrow(/v1\.json, v2\.json/);
  });

  it('refuses a duplicated item key', () => {
    const error = problemWith((json) => (scored(json)[1].itemKey = scored(json)[0].itemKey));
    expect(error.message).toMatch(/network-rules\/v1\.json, question "\w+": The item key [\w.]+ is used twice/);
  });

  it('refuses a scored question without a rule, or with an unknown or a second one', () => {
    expect(problemWith((json) => delete scored(json)[0].measures).problem).toMatch(/must measure one rule or strategy area/);
    expect(problemWith((json) => (scored(json)[0].measures = 'rule:11')).problem).toMatch(/exactly one known rule/);
    expect(problemWith((json) => (scored(json)[0].measures = ['rule:1', 'rule:2'])).problem).toMatch(/exactly one known rule/);
  });

  it('refuses a text missing in a language, naming the language', () => {
    const error = problemWith((json) => delete scored(json)[2].title.sv);
    expect(error.question).toBe(scored(rulesV1())[2].name);
    expect(error.problem).toMatch(/title has no text in Swedish/);
    expect(problemWith((json) => (json.pages[1].title = 'Vain suomeksi')).problem).toMatch(/no text in Finnish, Swedish, and English/);
  });

  it('refuses an inconsistent scale', () => {
    expect(problemWith((json) => (scored(json)[5].choices[4].text.en = 'Agree')).problem).toMatch(/scale differs/);
    expect(problemWith((json) => scored(json)[5].choices.pop()).problem).toMatch(/scale differs/);
    expect(problemWith((json) => (scored(json)[0].choices[2].value = 7)).problem).toMatch(/without gaps/);
    expect(problemWith((json) => (scored(json)[0].showNoneItem = false)).problem).toMatch(/Cannot say/);
  });

  it('refuses settings that would send answers to an outside service', () => {
    expect(problemWith((json) => (json.surveyPostId = 'abc')).problem).toMatch(/outside service/);
  });

  it('refuses what SurveyJS itself does not accept, and unknown segment values', () => {
    expect(problemWith((json) => (scored(json)[0].isRequird = true)).problem).toMatch(/survey software does not accept the file/);
    const segment = (json: Json) => json.pages[0].elements.find((q: Json) => q.segment === 'organisationType');
    expect(problemWith((json) => (segment(json).choices[0].value = 'zoo')).problem).toMatch(/unknown choices: zoo/);
  });
});
