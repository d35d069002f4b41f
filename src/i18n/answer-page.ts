import type { Language } from '../db/schema/networks.js';
import { defineMessages } from './messages.js';

/** Texts of the member's answer page and its state pages; the browser script reads the same ones. */
export const answerPageText = defineMessages({
  fi: {
    organiser: 'Kyselyn järjestää {network}.',
    coordinatedBy: 'Koordinaattori: {names}.',
    coordinatedByMany: 'Koordinaattorit: {names}.',
    timing: 'Vastaamiseen kuluu noin {minutes} minuuttia. Vastausaika päättyy {date}.',
    anonymityPromise: 'Vastauksesi on nimetön: tallennamme vastaukset ja vastauspäivän, emme sitä, kuka vastasi.',
    anonymityMore: 'Miten vastaukseni pysyy nimettömänä?',
    anonymityStored: 'Tallennamme vastauksesi ja vastauspäivän, emme sitä, kuka vastasi. Linkkiäsi käytetään vain estämään toinen vastaus samalla linkillä.',
    anonymitySummaries: 'Koordinaattorit ja johto näkevät vain yhteenvetoja. Mitään ei näytetä ryhmistä, joissa on alle {k} vastaajaa.',
    anonymityComments: 'Avoimet vastaukset näytetään ilman nimeä ja järjestyksessä, josta ei voi päätellä, kuka ne kirjoitti.',
    anonymityNames: 'Jos et halua tulla tunnistetuksi, älä kirjoita avoimiin vastauksiin nimiä tai muita tunnistettavia tietoja. Avoin vastaus voi olla enintään {max} merkkiä.',
    draftKept: 'Keskeneräiset vastauksesi säilyvät vain tässä selaimessa, kunnes lähetät ne.',
    storedAboutYou:
      'Sinusta tallennetaan vain jäsenluettelon tiedot, kuten nimi ja sähköpostiosoite, sekä tämä kutsu; vastauksiasi ei liitetä niihin, ja keskeneräiset vastauksesi säilyvät vain omassa selaimessasi.',
    noticeLink: 'Tietosuojaseloste',
    progress: 'Sivu {page}/{count}',
    needsJavaScript: 'Kyselyyn vastaaminen vaatii, että JavaScript on käytössä selaimessasi.',
    sending: 'Vastauksia lähetetään…',
    sendFailed: 'Vastauksia ei saatu lähetettyä. Tarkista verkkoyhteys ja yritä uudelleen. Vastauksesi ovat yhä tallessa.',
    tryAgain: 'Yritä uudelleen',
    cannotChange: 'Vastaustasi ei voi enää muuttaa, eikä sitä voi yhdistää sinuun.',
    answeredOn: 'Vastauspäivä: {day}.',
    closePage: 'Voit nyt sulkea tämän sivun.',
    notOpenTitle: 'Kysely ei ole vielä avoinna',
    notOpenOn: 'Kysely avautuu {date}. Voit vastata silloin tällä samalla linkillä.',
    notOpenLater: 'Kysely avautuu myöhemmin. Voit vastata silloin tällä samalla linkillä.',
    answeredTitle: 'Olet jo vastannut tähän kyselyyn',
    answeredDay: 'Vastasit {day}. Kiitos!',
    closedTitle: 'Kysely on päättynyt',
    closedBody: 'Vastausaika päättyi {date}, eikä vastauksia enää oteta vastaan.',
    unknownTitle: 'Linkkiä ei tunnisteta',
    unknownBody: 'Tarkista, että kopioit linkin sähköpostista kokonaan. Jos se ei auta, pyydä uusi linkki kyselyn lähettäjältä.',
  },
  sv: {
    organiser: 'Avsändare: {network}.',
    coordinatedBy: 'Koordinator: {names}.',
    coordinatedByMany: 'Koordinatorer: {names}.',
    timing: 'Tidsåtgång: cirka {minutes} minuter. Svarstiden går ut {date}.',
    anonymityPromise: 'Ditt svar är anonymt: vi sparar svaren och svarsdagen, inte vem som svarade.',
    anonymityMore: 'Hur förblir mitt svar anonymt?',
    anonymityStored: 'Vi sparar dina svar och svarsdagen, inte vem som svarade. Din länk används bara för att förhindra ett andra svar med samma länk.',
    anonymitySummaries: 'Koordinatorer och ledning ser bara sammanställningar. Ingenting visas för grupper med färre än {k} svarande.',
    anonymityComments: 'Öppna svar visas utan namn och i en ordning som inte avslöjar vem som skrev dem.',
    anonymityNames: 'Om du inte vill kunna identifieras, skriv inte namn eller andra uppgifter som kan avslöja vem du är i de öppna svaren. Ett öppet svar får vara högst {max} tecken.',
    draftKept: 'Dina påbörjade svar sparas bara i den här webbläsaren tills du skickar dem.',
    storedAboutYou:
      'Om dig sparas bara uppgifterna i medlemsförteckningen, som namn och e-postadress, samt den här inbjudan; dina svar kopplas inte till dem, och dina påbörjade svar sparas bara i din egen webbläsare.',
    noticeLink: 'Dataskyddsbeskrivning',
    progress: 'Sida {page} av {count}',
    needsJavaScript: 'För att svara på enkäten behöver JavaScript vara aktiverat i din webbläsare.',
    sending: 'Svaren skickas…',
    sendFailed: 'Svaren kunde inte skickas. Kontrollera internetanslutningen och försök igen. Dina svar finns kvar.',
    tryAgain: 'Försök igen',
    cannotChange: 'Ditt svar kan inte längre ändras och kan inte kopplas till dig.',
    answeredOn: 'Svarsdag: {day}.',
    closePage: 'Du kan nu stänga den här sidan.',
    notOpenTitle: 'Enkäten är inte öppen ännu',
    notOpenOn: 'Enkäten öppnar {date}. Då kan du svara med samma länk.',
    notOpenLater: 'Enkäten öppnar senare. Då kan du svara med samma länk.',
    answeredTitle: 'Du har redan svarat på den här enkäten',
    answeredDay: 'Du svarade {day}. Tack!',
    closedTitle: 'Enkäten har stängts',
    closedBody: 'Svarstiden gick ut {date} och inga fler svar tas emot.',
    unknownTitle: 'Länken känns inte igen',
    unknownBody: 'Kontrollera att du kopierade hela länken från e-postmeddelandet. Om det inte hjälper, be den som skickade enkäten om en ny länk.',
  },
  en: {
    organiser: 'This survey is run by {network}.',
    coordinatedBy: 'Coordinator: {names}.',
    coordinatedByMany: 'Coordinators: {names}.',
    timing: 'Time needed: about {minutes} minutes. The survey closes on {date}.',
    anonymityPromise: 'Your answers are anonymous: we store them and the day you answered, not who you are.',
    anonymityMore: 'How does my answer stay anonymous?',
    anonymityStored: 'We store your answers and the day you answered, not who you are. Your link is only used to stop a second answer with the same link.',
    anonymitySummaries: 'Coordinators and leaders see only summaries, and nothing at all for groups of fewer than {k} respondents.',
    anonymityComments: 'Open comments are shown without any name, in an order that does not reveal who wrote them.',
    anonymityNames: 'If you do not want to be identified, do not write names or other identifying details in open answers. An open answer can be at most {max} characters long.',
    draftKept: 'Until you send them, your unfinished answers are kept only in this browser.',
    storedAboutYou:
      'About you, we keep only your entry on the member list, such as your name and email address, and this invitation; your answers are never linked to them, and unfinished answers stay only in your own browser.',
    noticeLink: 'Privacy notice',
    progress: 'Page {page} of {count}',
    needsJavaScript: 'Answering the survey needs JavaScript to be enabled in your browser.',
    sending: 'Sending your answers…',
    sendFailed: 'Your answers could not be sent. Check your connection and try again. Your answers are still here.',
    tryAgain: 'Try again',
    cannotChange: 'Your answer can no longer be changed, and it cannot be linked to you.',
    answeredOn: 'Answered on {day}.',
    closePage: 'You can now close this page.',
    notOpenTitle: 'The survey is not open yet',
    notOpenOn: 'The survey opens on {date}. You can answer then with this same link.',
    notOpenLater: 'The survey opens later. You can answer then with this same link.',
    answeredTitle: 'You have already answered this survey',
    answeredDay: 'You answered on {day}. Thank you!',
    closedTitle: 'The survey has closed',
    closedBody: 'Answers were accepted until {date}; the survey no longer takes answers.',
    unknownTitle: 'This link is not recognised',
    unknownBody: 'Check that you copied the whole link from the email. If that does not help, ask whoever sent you the survey for a new link.',
  },
});

export type AnswerPageText = ReturnType<typeof answerPageText>;

/**
 * A "YYYY-MM-DD" day as members write it: "2.3.2026" in Finnish and Swedish,
 * "2 March 2026" in English. Built by hand so the server and every browser agree.
 */
export function formatDay(day: string, lang: Language): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (lang !== 'en') return `${date}.${month}.${year}`;
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  return `${date} ${monthName} ${year}`;
}
