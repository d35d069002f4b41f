import { Model, Serializer, type Base, type ItemValue, type LocalizableString, type Question } from 'survey-core';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { ORGANISATION_TYPES } from '../db/schema/members.js';
import { findMeasure, type Localized } from './measures.js';
import { registerSurveyProperties } from './survey-properties.js';
import { CatalogueError, type CatalogueItem, type Scale } from './types.js';
import { UNDECLARED_LANGUAGES } from './version-languages.js';

/** Segment keys a background question may carry, with the values each allows (null: any). */
export const SEGMENT_VALUES: Record<string, readonly string[] | null> = {
  organisationType: ORGANISATION_TYPES,
  role: null,
};

const ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const CHOICE_TYPES = new Set(['radiogroup', 'dropdown']);
const OPEN_TYPES = new Set(['comment', 'text']);

export type ValidatedSurvey = {
  languages: Language[];
  title: Localized;
  description: Localized | null;
  estimatedMinutes: number;
  scale: Scale | null;
  items: CatalogueItem[];
};

/** Where a check is: the file, and the languages its version declares. */
type Source = { file: string; languages: readonly Language[] };

/**
 * A text in every language the version declares. The languages it does not
 * offer read the first declared one, so that a page in another language
 * still has a title to show.
 */
function localized(ls: LocalizableString, source: Source, what: string, question?: string): Localized {
  const texts = Object.fromEntries(source.languages.map((lang) => [lang, ls.getLocaleText(lang).trim()])) as Partial<Localized>;
  const missing = source.languages.filter((lang) => !texts[lang]);
  if (missing.length > 0) throw new CatalogueError(source.file, `${what} has no text in ${missing.join(', ')}`, question);
  const first = texts[source.languages[0]!]!;
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, texts[lang] ?? first])) as Localized;
}

/** Every non-empty localizable property of an element must have a text in each declared language. */
function checkAllTexts(obj: Base, source: Source, question?: string): void {
  for (const prop of Serializer.getPropertiesByObj(obj)) {
    if (!prop.isLocalizable) continue;
    const ls = (obj as unknown as { getLocalizableString(name: string): LocalizableString | undefined }).getLocalizableString(prop.name);
    if (ls && !ls.isEmpty) localized(ls, source, `the ${prop.name}`, question);
  }
}

function sameLocalized(a: Localized, b: Localized): boolean {
  return LANGUAGES.every((lang) => a[lang] === b[lang]);
}

/** The `languages` declaration: known languages, each once; absent, the three every earlier file had. */
function languagesOf(json: Record<string, unknown>, file: string): Language[] {
  if (!('languages' in json)) return [...UNDECLARED_LANGUAGES];
  const declared = json.languages;
  if (!Array.isArray(declared) || declared.length === 0) throw new CatalogueError(file, `languages must list the languages the version offers, e.g. ["fi", "sv"]`);
  const unknown = declared.filter((lang) => !(LANGUAGES as readonly unknown[]).includes(lang));
  if (unknown.length > 0) throw new CatalogueError(file, `unknown languages ${JSON.stringify(unknown)}; known: ${LANGUAGES.join(', ')}`);
  if (new Set(declared).size !== declared.length) throw new CatalogueError(file, 'a language is listed twice in languages');
  return declared as Language[];
}

function scaleOf(question: Question, source: Source): Scale {
  const file = source.file;
  const choices = (question as unknown as { choices: ItemValue[] }).choices.map((choice) => {
    if (typeof choice.value !== 'number' || !Number.isInteger(choice.value) || choice.value < 1) {
      throw new CatalogueError(file, `scale values must be whole numbers from 1 up, found ${JSON.stringify(choice.value)}`, question.name);
    }
    return { value: choice.value, text: localized(choice.locText, source, `choice ${choice.value}`, question.name) };
  });
  if (choices.length < 2 || choices.some((c, i) => c.value !== i + 1)) {
    throw new CatalogueError(file, 'the scale must run 1, 2, 3, … without gaps', question.name);
  }
  const q = question as unknown as { showNoneItem: boolean; noneItem: ItemValue };
  if (!q.showNoneItem) throw new CatalogueError(file, 'a scored question needs the "cannot say" choice (showNoneItem)', question.name);
  return { choices, cannotSay: localized(q.noneItem.locText, source, 'the "cannot say" text', question.name) };
}

function sameScale(a: Scale, b: Scale): boolean {
  return (
    a.choices.length === b.choices.length &&
    a.choices.every((c, i) => c.value === b.choices[i]!.value && sameLocalized(c.text, b.choices[i]!.text)) &&
    sameLocalized(a.cannotSay, b.cannotSay)
  );
}

function itemOf(question: Question, source: Source): { item: CatalogueItem; scale?: Scale } {
  const file = source.file;
  const name = question.name;
  const q = question as unknown as { itemKey?: unknown; measures?: unknown; segment?: unknown };
  const type = question.getType();
  if (typeof q.itemKey !== 'string' || !ITEM_KEY_PATTERN.test(q.itemKey)) {
    throw new CatalogueError(file, 'itemKey is missing or not a dotted lower-case key such as "goals.benefits_visible"', name);
  }
  const base = { itemKey: q.itemKey, name, page: question.page?.name ?? '', title: localized(question.locTitle, source, 'the title', name) };
  if (q.measures !== undefined && (typeof q.measures !== 'string' || !findMeasure(q.measures))) {
    throw new CatalogueError(file, `measures must name exactly one known rule ("rule:1"…"rule:10") or strategy area ("area:goals"…), found ${JSON.stringify(q.measures)}`, name);
  }
  const measure = q.measures as string | undefined;
  if (OPEN_TYPES.has(type)) return { item: { ...base, kind: 'open', ...(measure ? { measure } : {}) } };
  if (!CHOICE_TYPES.has(type)) throw new CatalogueError(file, `question type "${type}" is not supported`, name);
  if (q.segment !== undefined) {
    if (typeof q.segment !== 'string' || !(q.segment in SEGMENT_VALUES)) {
      throw new CatalogueError(file, `unknown segment ${JSON.stringify(q.segment)}; known: ${Object.keys(SEGMENT_VALUES).join(', ')}`, name);
    }
    if (measure) throw new CatalogueError(file, 'a segment question cannot also be scored', name);
    const values = (question as unknown as { choices: ItemValue[] }).choices.map((c) => String(c.value));
    const allowed = SEGMENT_VALUES[q.segment];
    const unknown = allowed ? values.filter((v) => !allowed.includes(v)) : [];
    if (unknown.length > 0) throw new CatalogueError(file, `unknown ${q.segment} values: ${unknown.join(', ')}`, name);
    return { item: { ...base, kind: 'segment', segment: q.segment, segmentValues: values } };
  }
  if (!measure) throw new CatalogueError(file, 'a scored question must name the rule or strategy area it measures (measures)', name);
  return { item: { ...base, kind: 'scored', measure }, scale: scaleOf(question, source) };
}

/** Parses a questionnaire with survey-core and checks everything the platform relies on. */
export function validateSurvey(json: unknown, file: string): ValidatedSurvey {
  registerSurveyProperties();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CatalogueError(file, 'the file must hold one JSON object');
  // These make SurveyJS post answers to its own cloud service; answers stay on this server.
  for (const key of ['surveyId', 'surveyPostId', 'clientId']) {
    if (key in json) throw new CatalogueError(file, `"${key}" would send answers to an outside service; remove it`);
  }
  const source: Source = { file, languages: languagesOf(json as Record<string, unknown>, file) };
  const survey = new Model(json);
  const jsonError = survey.jsonErrors?.[0];
  if (jsonError) throw new CatalogueError(file, `SurveyJS does not accept it: ${jsonError.message}`);
  if (survey.pages.length === 0) throw new CatalogueError(file, 'the survey has no pages');
  checkAllTexts(survey, source);
  const title = localized(survey.locTitle, source, 'the survey title');
  const description = survey.locDescription.isEmpty ? null : localized(survey.locDescription, source, 'the survey description');
  for (const page of survey.pages) checkAllTexts(page, source, `page ${page.name}`);
  for (const panel of survey.getAllPanels()) checkAllTexts(panel as unknown as Base, source, `panel ${panel.name}`);

  const items: CatalogueItem[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  let scale: Scale | null = null;
  for (const question of survey.getAllQuestions()) {
    if (names.has(question.name)) throw new CatalogueError(file, 'the question name is used twice', question.name);
    names.add(question.name);
    checkAllTexts(question, source, question.name);
    for (const choice of (question as unknown as { choices?: ItemValue[] }).choices ?? []) {
      localized(choice.locText, source, `choice ${JSON.stringify(choice.value)}`, question.name);
    }
    const { item, scale: itemScale } = itemOf(question, source);
    if (keys.has(item.itemKey)) throw new CatalogueError(file, `itemKey "${item.itemKey}" is used twice`, question.name);
    keys.add(item.itemKey);
    if (itemScale) {
      if (scale && !sameScale(scale, itemScale)) {
        throw new CatalogueError(file, 'the answer scale differs from the other scored questions of this version', question.name);
      }
      scale ??= itemScale;
    }
    items.push(item);
  }
  const estimatedMinutes = (survey as unknown as { estimatedMinutes?: unknown }).estimatedMinutes;
  if (typeof estimatedMinutes !== 'number' || !(estimatedMinutes > 0)) {
    throw new CatalogueError(file, 'estimatedMinutes (the time to answer, in minutes) must be a positive number');
  }
  return { languages: [...source.languages], title, description, estimatedMinutes, scale, items };
}
