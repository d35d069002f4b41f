import type { Language } from '../db/schema/networks.js';
import type { TextTarget } from './draft-texts.js';
import { draftLanguages, kindOf, pagesOf, textIn, type Json } from './draft-json.js';

/** A text the version must have in a language it declares but does not. */
export type MissingText = { target: TextTarget; missing: Language[] };

/**
 * The texts the editor can fill that a draft still lacks, found before the
 * validator is asked, so the coordinator reads in their own language what to
 * fill and where. A title is always needed; a description or a choice text
 * only where the text exists in some language.
 */
export function missingTexts(json: Json): MissingText[] {
  const languages = draftLanguages(json);
  const found: MissingText[] = [];
  const check = (value: unknown, target: TextTarget, required: boolean) => {
    const missing = languages.filter((lang) => !textIn(value, lang).trim());
    if (missing.length > 0 && (required || missing.length < languages.length)) found.push({ target, missing });
  };
  check(json.title, { on: 'survey', field: 'title' }, true);
  check(json.description, { on: 'survey', field: 'description' }, false);
  for (const page of pagesOf(json)) {
    check(page.title, { on: 'page', page: page.name, field: 'title' }, false);
    check(page.description, { on: 'page', page: page.name, field: 'description' }, false);
    for (const question of page.elements) {
      const name = question.name;
      check(question.title, { on: 'question', name, field: 'title' }, true);
      check(question.description, { on: 'question', name, field: 'description' }, false);
      if (kindOf(question) === 'scored') check(question.noneText, { on: 'question', name, field: 'noneText' }, true);
      for (const choice of Array.isArray(question.choices) ? (question.choices as unknown[]) : []) {
        if (typeof choice === 'object' && choice !== null) check((choice as Json).text, { on: 'choice', name, value: String((choice as Json).value) }, true);
      }
    }
  }
  return found;
}
