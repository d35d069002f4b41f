import type { Language } from '../db/schema/networks.js';
import { memberText } from './members.js';
import { defineMessages, fill } from './messages.js';

/**
 * What a questionnaire check found, for the coordinator who imported or
 * edited a version (in their language) and for the operator whose file
 * stopped the server (in English). Placeholders are filled from the problem.
 */
export const catalogueProblemText = defineMessages({
  fi: {
    not_json: 'Tiedosto ei ole kelvollista JSONia ({detail}).',
    folder_name: 'Kyselykansion nimen on oltava pienaakkosin kirjoitettuja sanoja, jotka on yhdistetty yhdysmerkein.',
    file_name: 'Kyselytiedostojen nimien on oltava v1.json, v2.json, …',
    file_number: 'Toimitettujen versioiden numerot ovat alle {first}; sitä suuremmat ovat verkostojen omia.',
    no_questionnaires: 'Kyselyjä ei löytynyt.',
    not_object: 'Tiedostossa on oltava yksi JSON-olio.',
    outside_service: 'Asetus ”{key}” lähettäisi vastaukset ulkopuoliseen palveluun. Poista se.',
    surveyjs: 'Kyselyohjelma ei hyväksy tiedostoa: {detail}',
    no_pages: 'Kyselyssä ei ole yhtään sivua.',
    missing_text: '{what}: käännös puuttuu ({languages}).',
    languages_not_list: 'Luettele kielet, joilla kysely on tarjolla, esimerkiksi suomi ja ruotsi.',
    languages_unknown: 'Tuntemattomia kieliä: {values}. Käytettävissä ovat suomi, ruotsi ja englanti.',
    languages_repeated: 'Sama kieli on luettelossa kahdesti.',
    name_twice: 'Kahdella kysymyksellä on sama nimi.',
    item_key_twice: 'Tunnistetta {itemKey} käytetään kahdesti.',
    item_key_invalid: 'Kysymykseltä puuttuu tunniste, tai tunniste ei ole pisteillä erotettuja pienaakkosin kirjoitettuja sanoja (esimerkiksi goals.benefits_visible).',
    measures_invalid: 'Kysymyksen on mitattava täsmälleen yhtä tunnettua pelisääntöä (1–10) tai strategian osa-aluetta.',
    type_unsupported: 'Tämän tyyppistä kysymystä ({type}) ei voi käyttää.',
    scale_differs: 'Vastausasteikko poikkeaa version muiden arvioitavien väittämien asteikosta.',
    minutes_invalid: 'Arvioitu vastausaika minuutteina puuttuu tai ei ole positiivinen luku.',
    scale_not_whole: 'Asteikon arvojen on oltava kokonaislukuja ykkösestä alkaen.',
    scale_gaps: 'Asteikon on edettävä 1, 2, 3, … ilman aukkoja.',
    scale_no_cannot_say: 'Arvioitavassa väittämässä on oltava vaihtoehto ”En osaa sanoa”.',
    scored_needs_measure: 'Arvioitavan väittämän on mitattava yhtä pelisääntöä tai strategian osa-aluetta.',
    segment_unknown: 'Tuntematon taustatieto.',
    segment_scored: 'Taustakysymystä ei voi samalla arvioida.',
    segment_values_unknown: 'Taustakysymyksessä on tuntemattomia vaihtoehtoja: {values}.',
    choice_value_type: 'Vaihtoehdon arvon on oltava tekstiä tai luku.',
    choices_too_few: 'Valintakysymyksessä on oltava vähintään kaksi vaihtoehtoa.',
    choice_value_twice: 'Kahdella vaihtoehdolla on sama arvo.',
    own_choices_only: 'Kysymyksessä voi olla vain sen omat vaihtoehdot (ei ”Muu”, ”Ei mikään” tai ”Valitse kaikki”).',
    content_changed: 'Version sisältö on muuttunut julkaisun jälkeen.',
    part_title: 'Otsikko',
    part_description: 'Kuvaus',
    part_surveyTitle: 'Kyselyn otsikko',
    part_surveyDescription: 'Kyselyn kuvaus',
    part_choice: 'Vaihtoehto {value}',
    part_cannotSay: '”En osaa sanoa” -vaihtoehto',
    part_completedHtml: 'Kiitosteksti',
    part_other: 'Yksi kysymyksen teksteistä',
  },
  sv: {
    not_json: 'Filen är inte giltig JSON ({detail}).',
    folder_name: 'En enkätmapps namn måste bestå av ord med små bokstäver, förenade med bindestreck.',
    file_name: 'Enkätfilerna måste heta v1.json, v2.json, …',
    file_number: 'Levererade versioner har nummer under {first}; högre nummer är nätverkens egna.',
    no_questionnaires: 'Inga enkäter hittades.',
    not_object: 'Filen måste innehålla ett JSON-objekt.',
    outside_service: 'Inställningen ”{key}” skulle skicka svaren till en utomstående tjänst. Ta bort den.',
    surveyjs: 'Enkätprogrammet godtar inte filen: {detail}',
    no_pages: 'Enkäten har inga sidor.',
    missing_text: '{what}: översättning saknas ({languages}).',
    languages_not_list: 'Ange de språk som enkäten erbjuds på, till exempel finska och svenska.',
    languages_unknown: 'Okända språk: {values}. Tillgängliga är finska, svenska och engelska.',
    languages_repeated: 'Samma språk finns två gånger i listan.',
    name_twice: 'Två frågor har samma namn.',
    item_key_twice: 'Nyckeln {itemKey} används två gånger.',
    item_key_invalid: 'Frågan saknar nyckel, eller så består nyckeln inte av ord med små bokstäver åtskilda av punkter (till exempel goals.benefits_visible).',
    measures_invalid: 'Frågan måste mäta exakt en känd spelregel (1–10) eller ett strategiområde.',
    type_unsupported: 'Den här typen av fråga ({type}) kan inte användas.',
    scale_differs: 'Svarsskalan avviker från skalan för versionens övriga påståenden.',
    minutes_invalid: 'Den uppskattade svarstiden i minuter saknas eller är inte ett positivt tal.',
    scale_not_whole: 'Skalans värden måste vara heltal från ett och uppåt.',
    scale_gaps: 'Skalan måste gå 1, 2, 3, … utan luckor.',
    scale_no_cannot_say: 'Ett påstående som bedöms måste ha alternativet ”Vet inte”.',
    scored_needs_measure: 'Ett påstående som bedöms måste mäta en spelregel eller ett strategiområde.',
    segment_unknown: 'Okänd bakgrundsuppgift.',
    segment_scored: 'En bakgrundsfråga kan inte samtidigt bedömas.',
    segment_values_unknown: 'Bakgrundsfrågan har okända alternativ: {values}.',
    choice_value_type: 'Ett alternativs värde måste vara text eller ett tal.',
    choices_too_few: 'En flervalsfråga måste ha minst två alternativ.',
    choice_value_twice: 'Två alternativ har samma värde.',
    own_choices_only: 'Frågan kan bara ha sina egna alternativ (inget ”Annat”, ”Inget” eller ”Välj alla”).',
    content_changed: 'Versionens innehåll har ändrats efter publiceringen.',
    part_title: 'Rubriken',
    part_description: 'Beskrivningen',
    part_surveyTitle: 'Enkätens rubrik',
    part_surveyDescription: 'Enkätens beskrivning',
    part_choice: 'Alternativ {value}',
    part_cannotSay: 'Alternativet ”Vet inte”',
    part_completedHtml: 'Tacktexten',
    part_other: 'En av frågans texter',
  },
  en: {
    not_json: 'The file is not valid JSON ({detail}).',
    folder_name: 'A questionnaire folder name must be lower-case words joined by hyphens.',
    file_name: 'Questionnaire files must be named v1.json, v2.json, …',
    file_number: 'Shipped versions are numbered below {first}; the numbers above are the networks’ own.',
    no_questionnaires: 'No questionnaires found.',
    not_object: 'The file must hold one JSON object.',
    outside_service: 'The setting “{key}” would send answers to an outside service. Remove it.',
    surveyjs: 'The survey software does not accept the file: {detail}',
    no_pages: 'The survey has no pages.',
    missing_text: '{what} has no text in {languages}.',
    languages_not_list: 'List the languages the version offers, for example Finnish and Swedish.',
    languages_unknown: 'Unknown languages: {values}. Available are Finnish, Swedish and English.',
    languages_repeated: 'A language is listed twice.',
    name_twice: 'Two questions have the same name.',
    item_key_twice: 'The item key {itemKey} is used twice.',
    item_key_invalid: 'The item key is missing or not dotted lower-case words such as goals.benefits_visible.',
    measures_invalid: 'The question must measure exactly one known rule (1–10) or strategy area.',
    type_unsupported: 'This type of question ({type}) is not supported.',
    scale_differs: 'The answer scale differs from that of the version’s other rated statements.',
    minutes_invalid: 'The estimated time to answer, in minutes, is missing or not a positive number.',
    scale_not_whole: 'Scale values must be whole numbers from 1 up.',
    scale_gaps: 'The scale must run 1, 2, 3, … without gaps.',
    scale_no_cannot_say: 'A rated statement needs the “Cannot say” choice.',
    scored_needs_measure: 'A rated statement must measure one rule or strategy area.',
    segment_unknown: 'Unknown background question.',
    segment_scored: 'A background question cannot also be rated.',
    segment_values_unknown: 'The background question has unknown choices: {values}.',
    choice_value_type: 'A choice’s value must be text or a number.',
    choices_too_few: 'A choice question needs at least two choices.',
    choice_value_twice: 'Two choices have the same value.',
    own_choices_only: 'The question can have only its own choices (no “Other”, “None” or “Select all”).',
    content_changed: 'The version’s content changed after it was published.',
    part_title: 'The title',
    part_description: 'The description',
    part_surveyTitle: 'The survey title',
    part_surveyDescription: 'The survey description',
    part_choice: 'Choice {value}',
    part_cannotSay: 'The “Cannot say” choice',
    part_completedHtml: 'The thank-you text',
    part_other: 'One of the question’s texts',
  },
});

type Texts = ReturnType<typeof catalogueProblemText>;
export type CatalogueProblemCode = Exclude<keyof Texts, `part_${string}`>;
/** Which text of a question or survey a translation is missing from. */
export type TextPart = 'title' | 'description' | 'surveyTitle' | 'surveyDescription' | 'choice' | 'cannotSay' | 'completedHtml' | 'other';
export type CatalogueProblemParams = { detail?: string; first?: number; key?: string; itemKey?: string; type?: string; values?: string[]; part?: TextPart; value?: string; languages?: Language[] };

/** A problem in a person's language: language names, not codes; lists joined as the language joins them. */
export function catalogueProblemMessage(code: CatalogueProblemCode, params: CatalogueProblemParams, lang: Language): string {
  const t = catalogueProblemText(lang);
  const list = (items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  const what = params.part ? fill(t[`part_${params.part}`], { value: params.value ?? '' }) : '';
  const languages = list((params.languages ?? []).map((code) => memberText(lang)[`language_${code}`]));
  const { detail = '', first = 0, key = '', itemKey = '', type = '', values = [] } = params;
  return fill(t[code], { detail, first, key, itemKey, type, values: values.join(', '), what, languages });
}
