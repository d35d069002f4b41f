import { Model, Serializer, type Base, type ItemValue, type LocalizableString, type Question } from 'survey-core';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import type { CatalogueProblemCode, CatalogueProblemParams, TextPart } from '../i18n/catalogue-problems.js';
import { kindClaiming } from '../question-kinds/index.js';
import { findMeasure, type Localized } from './measures.js';
import { registerSurveyProperties } from './survey-properties.js';
import { CatalogueError, type CatalogueItem, type Scale } from './types.js';
import { UNDECLARED_LANGUAGES } from './version-languages.js';

const ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

export type ValidatedSurvey = {
  languages: Language[];
  title: Localized;
  description: Localized | null;
  /** What this version changed, as its file says (shipped versions from v2 on). */
  note: Localized | null;
  estimatedMinutes: number;
  scale: Scale | null;
  items: CatalogueItem[];
};

/** Where a check is: the file, the languages its version declares, and the question or page (by name and title) if any. */
type Source = { file: string; languages: readonly Language[]; name?: string; title?: Partial<Localized> };

function failAt(source: Source, code: CatalogueProblemCode, params: CatalogueProblemParams = {}): never {
  throw new CatalogueError(source.file, code, params, source.name, source.title);
}

/** An element's title in the languages it has, so that a problem can name the question as people read it. */
function titleOf(element: { locTitle: LocalizableString }): Partial<Localized> {
  return Object.fromEntries(LANGUAGES.flatMap((lang) => {
    const text = element.locTitle.getLocaleText(lang).trim();
    return text ? [[lang, text]] : [];
  }));
}

/**
 * A text in every language the version declares. The languages it does not
 * offer read the first declared one, so that a page in another language
 * still has a title to show.
 */
function localized(ls: LocalizableString, source: Source, part: TextPart, value?: string): Localized {
  const texts = Object.fromEntries(source.languages.map((lang) => [lang, ls.getLocaleText(lang).trim()])) as Partial<Localized>;
  const missing = source.languages.filter((lang) => !texts[lang]);
  if (missing.length > 0) failAt(source, 'missing_text', { part, languages: missing, ...(value === undefined ? {} : { value }) });
  const first = texts[source.languages[0]!]!;
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, texts[lang] ?? first])) as Localized;
}

const PROPERTY_PARTS: Record<string, TextPart> = { title: 'title', description: 'description', completedHtml: 'completedHtml', noneText: 'cannotSay' };
const SURVEY_PARTS: Record<string, TextPart> = { ...PROPERTY_PARTS, title: 'surveyTitle', description: 'surveyDescription' };

/** Every non-empty localizable property of an element must have a text in each declared language. */
function checkAllTexts(obj: Base, source: Source, parts = PROPERTY_PARTS): void {
  for (const prop of Serializer.getPropertiesByObj(obj)) {
    if (!prop.isLocalizable) continue;
    const ls = (obj as unknown as { getLocalizableString(name: string): LocalizableString | undefined }).getLocalizableString(prop.name);
    if (ls && !ls.isEmpty) localized(ls, source, parts[prop.name] ?? 'other');
  }
}

function sameLocalized(a: Localized, b: Localized): boolean {
  return LANGUAGES.every((lang) => a[lang] === b[lang]);
}

/** The `languages` declaration: known languages, each once; absent, the three every earlier file had. */
function languagesOf(json: Record<string, unknown>, source: Source): Language[] {
  if (!('languages' in json)) return [...UNDECLARED_LANGUAGES];
  const declared = json.languages;
  if (!Array.isArray(declared) || declared.length === 0) failAt(source, 'languages_not_list');
  const unknown = declared.filter((lang) => !(LANGUAGES as readonly unknown[]).includes(lang));
  if (unknown.length > 0) failAt(source, 'languages_unknown', { values: unknown.map((lang) => JSON.stringify(lang)) });
  if (new Set(declared).size !== declared.length) failAt(source, 'languages_repeated');
  return declared as Language[];
}

function sameScale(a: Scale, b: Scale): boolean {
  return (
    a.choices.length === b.choices.length &&
    a.choices.every((c, i) => c.value === b.choices[i]!.value && sameLocalized(c.text, b.choices[i]!.text)) &&
    sameLocalized(a.cannotSay, b.cannotSay)
  );
}

/** The common part every item has, then what its kind reads. */
function itemOf(question: Question, source: Source): { item: CatalogueItem; scale?: Scale } {
  const fail = (code: CatalogueProblemCode, params?: CatalogueProblemParams) => failAt(source, code, params);
  const q = question as unknown as { itemKey?: unknown; measures?: unknown };
  if (typeof q.itemKey !== 'string' || !ITEM_KEY_PATTERN.test(q.itemKey)) fail('item_key_invalid');
  if (q.measures !== undefined && (typeof q.measures !== 'string' || !findMeasure(q.measures))) fail('measures_invalid');
  const kind = kindClaiming(question) ?? fail('type_unsupported', { type: question.getType() });
  const base = {
    itemKey: q.itemKey as string,
    name: question.name,
    page: question.page?.name ?? '',
    title: localized(question.locTitle, source, 'title'),
    required: question.isRequired,
    ...(q.measures ? { measure: q.measures as string } : {}),
  };
  return kind.read({ question, base, texts: (ls, part, value) => localized(ls, source, part, value), fail });
}

/** Parses a questionnaire with survey-core and checks everything the platform relies on. */
export function validateSurvey(json: unknown, file: string): ValidatedSurvey {
  registerSurveyProperties();
  const top: Source = { file, languages: UNDECLARED_LANGUAGES };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) failAt(top, 'not_object');
  // These make SurveyJS post answers to its own cloud service; answers stay on this server.
  for (const key of ['surveyId', 'surveyPostId', 'clientId']) if (key in json) failAt(top, 'outside_service', { key });
  const source: Source = { file, languages: languagesOf(json as Record<string, unknown>, top) };
  const survey = new Model(json);
  const jsonError = survey.jsonErrors?.[0];
  if (jsonError) failAt(source, 'surveyjs', { detail: jsonError.message });
  if (survey.pages.length === 0) failAt(source, 'no_pages');
  checkAllTexts(survey, source, SURVEY_PARTS);
  const title = localized(survey.locTitle, source, 'surveyTitle');
  const description = survey.locDescription.isEmpty ? null : localized(survey.locDescription, source, 'surveyDescription');
  const noteText = (survey as unknown as { getLocalizableString(name: string): LocalizableString | undefined }).getLocalizableString('versionNote');
  const note = noteText && !noteText.isEmpty ? localized(noteText, source, 'other') : null;
  for (const page of survey.pages) checkAllTexts(page, { ...source, name: `page ${page.name}`, title: titleOf(page) });
  for (const panel of survey.getAllPanels()) checkAllTexts(panel as unknown as Base, { ...source, name: `panel ${panel.name}`, title: titleOf(panel as unknown as { locTitle: LocalizableString }) });

  const items: CatalogueItem[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  let scale: Scale | null = null;
  for (const question of survey.getAllQuestions()) {
    const at: Source = { ...source, name: question.name, title: titleOf(question) };
    if (names.has(question.name)) failAt(at, 'name_twice');
    names.add(question.name);
    checkAllTexts(question, at);
    for (const choice of (question as unknown as { choices?: ItemValue[] }).choices ?? []) localized(choice.locText, at, 'choice', String(choice.value));
    const { item, scale: itemScale } = itemOf(question, at);
    if (keys.has(item.itemKey)) failAt(at, 'item_key_twice', { itemKey: item.itemKey });
    keys.add(item.itemKey);
    if (itemScale) {
      if (scale && !sameScale(scale, itemScale)) failAt(at, 'scale_differs');
      scale ??= itemScale;
    }
    items.push(item);
  }
  const estimatedMinutes = (survey as unknown as { estimatedMinutes?: unknown }).estimatedMinutes;
  if (typeof estimatedMinutes !== 'number' || !(estimatedMinutes > 0)) failAt(source, 'minutes_invalid');
  return { languages: [...source.languages], title, description, note, estimatedMinutes, scale, items };
}
