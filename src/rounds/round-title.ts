import type { TitleTranslations } from '../db/schema/rounds.js';
import type { Language } from '../db/schema/networks.js';

/** The round's title for a reader of `lang`: its translation where one was given, else the title as entered. */
export function titleIn(round: { title: string; titleTranslations: TitleTranslations }, lang: Language): string {
  return (lang === 'fi' ? undefined : round.titleTranslations[lang]) ?? round.title;
}
