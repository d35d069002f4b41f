// Only the two locales we offer besides the built-in English: the bundle of all locales is 330 kB.
import 'survey-core/i18n/finnish';
import 'survey-core/i18n/swedish';
import { getLocaleStrings } from 'survey-core';

/*
 * Where SurveyJS's own wording reads stiffly we set ours in its dictionary,
 * which every survey consults when it shows the message; fails loudly if an
 * upgrade drops the locale instead of silently showing the old words.
 */
const finnish = getLocaleStrings('fi') as Record<string, string> | undefined;
if (!finnish || !('requiredError' in finnish)) throw new Error('survey-core’s Finnish strings have no requiredError');
finnish.requiredError = 'Vastaa tähän kysymykseen.';
