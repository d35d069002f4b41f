import { readdirSync } from 'node:fs';
import { getLocaleStrings } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { SURVEY_STRINGS } from '../../src/client/lib/survey-locales.js';
import { LANGUAGES, type Language } from '../../src/db/schema/networks.js';
import { realCatalogue } from '../helpers/app.js';

/**
 * What a native speaker flagged in the read-through (issue 15), so that none
 * comes back: stiff calques, a scale choice that reads oddly, a placeholder
 * inflected by a role name. Matched case-insensitively anywhere in a text.
 */
const STIFF: Record<Language, string[]> = {
  sv: ['Grunda ett nätverk', 'grunda nätverk', 'Enkäten ordnas av', 'Det tar cirka', 'Det tar ungefär', 'Kan inte säga', 'inte likadana', 'Formuläret hade gått ut', 'Formuläret har gått ut', 'för hand', 'gjorde medlemmen', 'Förhandsvisa', 'lönar sig att utveckla'],
  fi: ['roolissa Johdon edustaja', 'Tili voi perustaa', 'Vastaa kysymykseen, kiitos', 'Lomake oli vanhentunut'],
  en: ['by hand', 'Response required', 'Please enter no more than', 'The passwords are not the same'],
};

type Dictionary = Record<string, string>;

/** Every defineMessages dictionary of src/i18n, by module and export name, in each language. */
async function dictionaries(): Promise<Array<{ name: string; texts: Record<Language, Dictionary> }>> {
  const found: Array<{ name: string; texts: Record<Language, Dictionary> }> = [];
  for (const file of readdirSync('src/i18n').filter((name) => name.endsWith('.ts')).sort()) {
    const module = (await import(/* @vite-ignore */ `../../src/i18n/${file}`)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      if (typeof value !== 'function' || value.length !== 1) continue;
      let fi: unknown;
      try {
        fi = (value as (lang: Language) => unknown)('fi');
      } catch {
        continue;
      }
      if (!fi || typeof fi !== 'object' || !Object.values(fi).every((text) => typeof text === 'string')) continue;
      const texts = Object.fromEntries(LANGUAGES.map((lang) => [lang, (value as (lang: Language) => Dictionary)(lang)])) as Record<Language, Dictionary>;
      found.push({ name: `${file.replace(/\.ts$/, '')}.${exported}`, texts });
    }
  }
  return found;
}

/** Every string in a questionnaire's JSON that is a text in a language. */
function surveyTexts(json: unknown, out: Array<{ lang: Language; text: string }> = []): Array<{ lang: Language; text: string }> {
  if (Array.isArray(json)) for (const value of json) surveyTexts(value, out);
  else if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if ((LANGUAGES as readonly string[]).includes(key) && typeof value === 'string') out.push({ lang: key as Language, text: value });
      else surveyTexts(value, out);
    }
  }
  return out;
}

/** A key shown as the text: any language for an identifier-like key, and a Finnish or Swedish text that kept the English key ("and", "mean" are English words too). */
const isOnlyKey = (lang: Language, key: string, text: string) => text.trim() === key && (lang !== 'en' || /[A-Z_]/.test(key));
const words = (text: string) => text.replace(/\{\w+\}/g, ' ').split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
const stiffIn = (lang: Language, text: string) => STIFF[lang].filter((phrase) => text.toLowerCase().includes(phrase.toLowerCase()));

describe('every text a person reads', () => {
  it('finds the dictionaries, so the checks below are not vacuous', async () => {
    const all = await dictionaries();
    expect(all.length).toBeGreaterThan(30);
    expect(all.map((d) => d.name)).toContain('answer-page.answerPageText');
  });

  it('has no stiff phrasing named in the read-through, in any dictionary', async () => {
    const found = (await dictionaries()).flatMap(({ name, texts }) =>
      LANGUAGES.flatMap((lang) => Object.entries(texts[lang]).flatMap(([key, text]) => stiffIn(lang, text).map((phrase) => `${name}.${key} (${lang}): “${phrase}”`))),
    );
    expect(found).toEqual([]);
  });

  it('has no empty text and no text that is only its own key', async () => {
    const found = (await dictionaries()).flatMap(({ name, texts }) =>
      LANGUAGES.flatMap((lang) => Object.entries(texts[lang]).flatMap(([key, text]) => (text.trim() === '' || isOnlyKey(lang, key, text) ? [`${name}.${key} (${lang})`] : []))),
    );
    expect(found).toEqual([]);
  });

  // Names, formats and single words may well be the same; a sentence of four words or more may not.
  it('has no Swedish or English sentence left as a copy of the Finnish', async () => {
    const found = (await dictionaries()).flatMap(({ name, texts }) =>
      (['sv', 'en'] as const).flatMap((lang) =>
        Object.entries(texts.fi).flatMap(([key, fi]) => (words(fi) > 3 && texts[lang][key] === fi ? [`${name}.${key} (${lang})`] : [])),
      ),
    );
    expect(found).toEqual([]);
  });

  it('has no stiff phrasing in the latest shipped version of any questionnaire', () => {
    const catalogue = realCatalogue();
    const found = catalogue.keys().flatMap((key) => {
      const latest = catalogue.versionsOf(key).at(-1)!;
      return surveyTexts(latest.json).flatMap(({ lang, text }) => stiffIn(lang, text).map((phrase) => `${key} v${latest.version} (${lang}): “${phrase}”`));
    });
    expect(found).toEqual([]);
    // The check does reach the texts: v1 still says what v2 changed.
    const v1 = surveyTexts(catalogue.find('network-rules', 1)!.json).filter(({ lang, text }) => stiffIn(lang, text).length > 0);
    expect(v1.length).toBeGreaterThan(0);
  });

  it('gives SurveyJS our wording for the messages it shows on the answer page', () => {
    for (const lang of LANGUAGES) {
      const strings = getLocaleStrings(lang) as Record<string, string>;
      for (const [key, text] of Object.entries(SURVEY_STRINGS[lang])) {
        expect(strings[key], `${lang}.${key}`).toBe(text);
        expect(stiffIn(lang, text)).toEqual([]);
      }
    }
    expect((getLocaleStrings('fi') as Record<string, string>).requiredError).toBe('Vastaa tähän kysymykseen.');
  });
});
