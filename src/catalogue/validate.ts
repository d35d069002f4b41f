import { Model, Serializer, type Base, type ItemValue, type LocalizableString, type Question } from 'survey-core';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { findMeasure, type Localized } from './measures.js';
import { kindClaiming } from '../question-kinds/index.js';
import { registerSurveyProperties } from './survey-properties.js';
import { CatalogueError, type CatalogueItem, type Scale } from './types.js';
import { UNDECLARED_LANGUAGES } from './version-languages.js';

const ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

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

function sameScale(a: Scale, b: Scale): boolean {
  return (
    a.choices.length === b.choices.length &&
    a.choices.every((c, i) => c.value === b.choices[i]!.value && sameLocalized(c.text, b.choices[i]!.text)) &&
    sameLocalized(a.cannotSay, b.cannotSay)
  );
}

/** The common part every item has, then what its kind reads. */
function itemOf(question: Question, source: Source): { item: CatalogueItem; scale?: Scale } {
  const name = question.name;
  const fail = (problem: string): never => {
    throw new CatalogueError(source.file, problem, name);
  };
  const q = question as unknown as { itemKey?: unknown; measures?: unknown };
  if (typeof q.itemKey !== 'string' || !ITEM_KEY_PATTERN.test(q.itemKey)) fail('itemKey is missing or not a dotted lower-case key such as "goals.benefits_visible"');
  if (q.measures !== undefined && (typeof q.measures !== 'string' || !findMeasure(q.measures))) {
    fail(`measures must name exactly one known rule ("rule:1"…"rule:10") or strategy area ("area:goals"…), found ${JSON.stringify(q.measures)}`);
  }
  const kind = kindClaiming(question) ?? fail(`question type "${question.getType()}" is not supported`);
  const base = {
    itemKey: q.itemKey as string,
    name,
    page: question.page?.name ?? '',
    title: localized(question.locTitle, source, 'the title', name),
    required: question.isRequired,
    ...(q.measures ? { measure: q.measures as string } : {}),
  };
  return kind.read({ question, base, texts: (ls, what) => localized(ls, source, what, name), fail });
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
