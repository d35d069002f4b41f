import { DraftEditError } from './draft-edit-error.js';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { isLanguage } from '../i18n/language.js';
import { draftLanguages, editableCopy, isObject, kindOf, locate, pagesOf, questionsOf, type DraftPage, type DraftQuestion, type Json, type Texts } from './draft-json.js';

/** The editor's text edits: each takes a draft's JSON and gives a new one, the input unchanged. */

/** A text the editor can change: a localizable property of the survey, a page, a question or one of its choices. */
export type TextTarget =
  | { on: 'survey'; field: 'title' | 'description' }
  | { on: 'page'; page: string; field: 'title' | 'description' }
  | { on: 'question'; name: string; field: 'title' | 'description' | 'noneText' }
  | { on: 'choice'; name: string; value: string };

/** Sets the given languages of a localized property; an emptied language is removed, an emptied property too. */
export function putTexts(owner: Json, prop: string, texts: Texts): void {
  const current = owner[prop];
  const localized: Json = typeof current === 'string' ? { default: current } : typeof current === 'object' && current !== null ? { ...(current as Json) } : {};
  for (const [lang, text] of Object.entries(texts)) {
    const trimmed = (text ?? '').trim();
    if (trimmed) localized[lang] = trimmed;
    else delete localized[lang];
  }
  if (Object.keys(localized).length > 0) owner[prop] = localized;
  else delete owner[prop];
}

export function pageNamed(json: Json, name: string): DraftPage {
  const page = pagesOf(json).find((p) => p.name === name);
  if (!page) throw new DraftEditError('no-such-page');
  return page;
}

export function questionNamed(json: Json, name: string) {
  const found = locate(json, name);
  if (!found) throw new DraftEditError('no-such-question');
  return found;
}

function choiceOf(question: DraftQuestion, value: string): Json {
  const choices = Array.isArray(question.choices) ? (question.choices as unknown[]) : [];
  const index = choices.findIndex((c) => String(typeof c === 'object' && c !== null ? (c as Json).value : c) === value);
  if (index < 0) throw new DraftEditError('no-such-choice');
  const choice = choices[index];
  if (typeof choice === 'object' && choice !== null) return choice as Json;
  // A bare value ("other") becomes an item that can carry texts.
  const item: Json = { value: choice };
  choices[index] = item;
  return item;
}

export function setTexts(json: Json, target: TextTarget, texts: Texts): Json {
  const copy = editableCopy(json);
  if (target.on === 'survey') putTexts(copy, target.field, texts);
  else if (target.on === 'page') putTexts(pageNamed(copy, target.page), target.field, texts);
  else if (target.on === 'question') putTexts(questionNamed(copy, target.name).question, target.field, texts);
  else putTexts(choiceOf(questionNamed(copy, target.name).question, target.value), 'text', texts);
  return copy;
}

/** The shared answer scale's texts (a point, or "cannot say"), the same in every scored question, as validation requires. */
export function setScaleTexts(json: Json, point: number | 'none', texts: Texts): Json {
  const copy = editableCopy(json);
  const scored = questionsOf(copy).filter((q) => kindOf(q) === 'scored');
  if (scored.length === 0) throw new DraftEditError('no-scale');
  for (const question of scored) {
    if (point === 'none') putTexts(question, 'noneText', texts);
    else putTexts(choiceOf(question, String(point)), 'text', texts);
  }
  return copy;
}

/** A localizable value: its keys are languages (and SurveyJS's "default"), nothing else. */
const isLocalized = (value: Json) => Object.keys(value).length > 0 && Object.keys(value).every((key) => isLanguage(key) || key === 'default');

/**
 * The draft offering these languages. The first stays the one read where
 * another is missing, unless it is dropped; texts of a dropped language are
 * removed with it, so the version's file carries no language it does not offer.
 */
export function setLanguages(json: Json, chosen: readonly Language[]): Json {
  if (chosen.length === 0) throw new DraftEditError('no-languages');
  const first = draftLanguages(json)[0]!;
  const languages = chosen.includes(first) ? [first, ...LANGUAGES.filter((l) => l !== first && chosen.includes(l))] : LANGUAGES.filter((l) => chosen.includes(l));
  const dropped = LANGUAGES.filter((l) => !languages.includes(l));
  const copy = editableCopy(json);
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (isObject(value) && isLocalized(value)) for (const lang of dropped) delete value[lang];
    else if (isObject(value)) Object.values(value).forEach(strip);
  };
  strip(copy);
  copy.languages = languages;
  return copy;
}
