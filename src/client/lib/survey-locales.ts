// Only the two locales we offer besides the built-in English: the bundle of all locales is 330 kB.
import 'survey-core/i18n/finnish';
import 'survey-core/i18n/swedish';
import { getLocaleStrings } from 'survey-core';

/*
 * Where SurveyJS's own wording reads stiffly, is wrong ("Ange färre än {0}
 * tecken" means fewer than, Swedish "Klar" for clearing) or is missing, we set
 * ours in its dictionary, which every survey consults when it shows the
 * message. The last button sends the answers, so it says so. Fails loudly if
 * an upgrade drops a locale instead of silently showing the old words.
 */
export const SURVEY_STRINGS: Record<'fi' | 'sv' | 'en', Record<string, string>> = {
  fi: {
    requiredError: 'Vastaa tähän kysymykseen.',
    completeText: 'Lähetä vastaukset',
    textMaxLength: 'Kirjoita enintään {0} merkkiä.',
    loadingSurvey: 'Kyselyä ladataan…',
  },
  sv: {
    requiredError: 'Besvara den här frågan.',
    completeText: 'Skicka svaren',
    textMaxLength: 'Skriv högst {0} tecken.',
    clearCaption: 'Rensa',
    loadingSurvey: 'Enkäten laddas…',
  },
  en: {
    requiredError: 'Please answer this question.',
    completeText: 'Send the answers',
    textMaxLength: 'Write at most {0} characters.',
    loadingSurvey: 'Loading the survey…',
  },
};

for (const [lang, strings] of Object.entries(SURVEY_STRINGS)) {
  const dictionary = getLocaleStrings(lang) as Record<string, string> | undefined;
  if (!dictionary || !('requiredError' in dictionary)) throw new Error(`survey-core’s ${lang} strings have no requiredError`);
  Object.assign(dictionary, strings);
}
