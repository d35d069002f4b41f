import type { Language } from '../db/schema/networks.js';
import { isLanguage } from '../i18n/language.js';
import type { QuestionnaireVersion } from './types.js';

/**
 * What a version without a `languages` declaration offers: the three
 * languages every file had before versions declared theirs. Frozen here, not
 * taken from LANGUAGES, so that adding a language to the product later
 * leaves every earlier version valid and unchanged.
 */
export const UNDECLARED_LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

/**
 * The languages a round on this version speaks to its members: the network's
 * that the version has, in the network's order; if they share none, the
 * version's first, so that no one is ever served a questionnaire without text.
 */
export function roundLanguages(networkLanguages: readonly Language[], version: Pick<QuestionnaireVersion, 'languages'>): Language[] {
  const shared = networkLanguages.filter((lang) => version.languages.includes(lang));
  return shared.length > 0 ? shared : [version.languages[0] ?? 'fi'];
}

/** A person's own language when the round speaks it, else the round's first. */
export function languageFor(offered: readonly Language[], preferred: unknown): Language {
  return isLanguage(preferred) && offered.includes(preferred) ? preferred : (offered[0] ?? 'fi');
}
