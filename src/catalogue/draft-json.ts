import { Model } from 'survey-core';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { kindClaiming } from '../question-kinds/index.js';
import { isLanguage } from '../i18n/language.js';
import { registerSurveyProperties } from './survey-properties.js';
import type { ItemKind } from './types.js';
import { UNDECLARED_LANGUAGES } from './version-languages.js';

/**
 * A draft's SurveyJS JSON read tolerantly: a draft may not validate yet (a
 * text still missing, an older import), and the editor must still open it.
 */
export type Json = Record<string, unknown>;
export type DraftQuestion = Json & { name: string };
export type DraftPage = Json & { name: string; elements: DraftQuestion[] };

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isQuestion = (value: unknown): value is DraftQuestion => isObject(value) && typeof value.name === 'string';

/** The pages as they are when they are well-formed; a malformed one is read as a copy, never repaired in place. */
export function pagesOf(json: Json): DraftPage[] {
  const pages = Array.isArray(json.pages) ? json.pages : [];
  return pages
    .filter((page): page is Json => isObject(page) && typeof page.name === 'string')
    .map((page) => {
      const elements = Array.isArray(page.elements) ? (page.elements as unknown[]) : null;
      return (elements?.every(isQuestion) ? page : { ...page, elements: (elements ?? []).filter(isQuestion) }) as DraftPage;
    });
}

/** A copy to edit, its pages and questions well-formed so that edits change the copy itself. */
export function editableCopy(json: Json): Json {
  const copy = structuredClone(json);
  copy.pages = pagesOf(copy);
  return copy;
}

export function questionsOf(json: Json): DraftQuestion[] {
  return pagesOf(json).flatMap((page) => page.elements);
}

/** What a question is to the editor: the kind whose module claims it, or 'other' for one no kind supports. */
export type DraftKind = ItemKind | 'other';

const kinds = new WeakMap<Json, DraftKind>();

/** Asks the question-kind modules, which read a survey-core question; the answer is kept per question object. */
export function kindOf(question: Json): DraftKind {
  const known = kinds.get(question);
  if (known) return known;
  registerSurveyProperties();
  const parsed = new Model({ elements: [question] }).getAllQuestions()[0];
  const kind = (parsed && kindClaiming(parsed)?.kind) ?? 'other';
  kinds.set(question, kind);
  return kind;
}

export const measureOf = (question: Json): string | undefined => (typeof question.measures === 'string' ? question.measures : undefined);

/** Where a question is: its page and its place on that page. */
export function locate(json: Json, name: string): { page: DraftPage; index: number; question: DraftQuestion } | undefined {
  for (const page of pagesOf(json)) {
    const index = page.elements.findIndex((question) => question.name === name);
    if (index >= 0) return { page, index, question: page.elements[index]! };
  }
  return undefined;
}

/** The languages the draft declares; an unreadable declaration reads as the three of old, so every text can still be edited. */
export function draftLanguages(json: Json): Language[] {
  if (!Array.isArray(json.languages)) return [...UNDECLARED_LANGUAGES];
  const known = [...new Set(json.languages.filter(isLanguage))];
  return known.length > 0 ? known : [...UNDECLARED_LANGUAGES];
}

/** One language's text of a SurveyJS localizable value: a {fi, sv, en} object or a plain string. */
export function textIn(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const text = value[lang] ?? value.default;
    if (typeof text === 'string') return text;
  }
  return '';
}

export type Texts = Partial<Record<Language, string>>;

export function textsOf(value: unknown): Texts {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, textIn(value, lang)]).filter(([, text]) => text !== ''));
}

export function sameTexts(a: unknown, b: unknown, languages: readonly Language[]): boolean {
  return languages.every((lang) => textIn(a, lang).trim() === textIn(b, lang).trim());
}
