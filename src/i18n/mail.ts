import { defineMessages } from './messages.js';

/*
 * Mail texts. A name is never inflected nor made the subject of a verb:
 * Finnish cannot inflect an arbitrary name, and a plural name ("Itä-Uudenmaan
 * koulut") would break verb agreement. The network's name goes in labelled
 * lines, the heading, the subject and the signature instead.
 */
export const mailText = defineMessages({
  fi: {
    greeting: 'Hei!',
    greetingNamed: 'Hei {name}!',
    buttonFallback: 'Jos painike ei toimi, kopioi tämä osoite selaimen osoiteriville:',
    footer: 'Viesti lähetettiin Verkostopulssin kautta.',
    thanks: 'Kiitos!',
    surveyButton: 'Vastaa kyselyyn',
    surveyLead: 'Vastaa tästä:',
    surveyTimeOne: 'Vastaaminen vie noin minuutin. Kysely on avoinna {closesAt} asti.',
    surveyTimeOther: 'Vastaaminen vie noin {minutes} minuuttia. Kysely on avoinna {closesAt} asti.',
    anonymity: 'Vastauksiasi ei voi jäljittää sinuun. Tulokset näytetään vain ryhmistä, joissa on vähintään {k} vastaajaa.',
    personalLink: 'Linkki on henkilökohtainen ja toimii vain kerran, joten älä välitä tätä viestiä eteenpäin.',
    invitationSubject: 'Kutsu kyselyyn: {roundTitle}',
    invitationIntro:
      '{coordinatorName} pyytää sinua vastaamaan kyselyyn ”{roundTitle}”. Kyselyn avulla verkostomme arvioi, mikä yhteistyössä toimii ja mitä kannattaa kehittää.',
    reminderSubject: 'Muistutus: {roundTitle}',
    reminderIntro:
      'Muistutamme kyselystä ”{roundTitle}”, jolla verkostomme arvioi omaa toimintaansa. Jokainen vastaus tekee tuloksista luotettavampia, joten toivomme, että ehdit vielä vastata.',
    reminderAlreadyAnswered: 'Jos vastasit jo, kiitos – voit jättää tämän viestin huomiotta.',
    resetSubject: 'Verkostopulssi: salasanan vaihtaminen',
    resetIntro: 'Joku pyysi vaihtamaan Verkostopulssi-tilisi salasanan. Voit valita uuden salasanan alla olevasta linkistä.',
    resetLead: 'Valitse uusi salasana tästä:',
    resetButton: 'Valitse uusi salasana',
    resetValidOne: 'Linkki on voimassa tunnin ja toimii vain kerran.',
    resetValidOther: 'Linkki on voimassa {hours} tuntia ja toimii vain kerran.',
    resetIgnore: 'Jos et itse pyytänyt vaihtoa, voit jättää tämän viestin huomiotta. Salasanasi pysyy ennallaan.',
    accountSubject: 'Kutsu Verkostopulssiin: {networkName}',
    accountIntroCoordinator:
      '{inviterName} kutsuu sinut Verkostopulssiin verkoston koordinaattoriksi. Koordinaattorina pidät yllä jäsenluetteloa, lähetät kyselykierrokset ja luet tulokset.',
    accountIntroLeader:
      '{inviterName} kutsuu sinut Verkostopulssiin verkoston johdon edustajaksi. Näet verkoston tulokset ja raportit.',
    networkLine: 'Verkosto: {networkName}',
    accountLead: 'Ota kutsu vastaan tästä:',
    accountButton: 'Ota kutsu vastaan',
    accountValidOne: 'Linkki on voimassa vuorokauden ja toimii vain kerran.',
    accountValidOther: 'Linkki on voimassa {days} päivää ja toimii vain kerran.',
    accountIgnore: 'Jos kutsu tuli sinulle yllättäen, voit jättää tämän viestin huomiotta.',
  },
  sv: {
    greeting: 'Hej!',
    greetingNamed: 'Hej {name}!',
    buttonFallback: 'Om knappen inte fungerar, kopiera den här adressen till webbläsarens adressfält:',
    footer: 'Meddelandet skickades via Verkostopulssi.',
    thanks: 'Tack!',
    surveyButton: 'Svara på enkäten',
    surveyLead: 'Svara här:',
    surveyTimeOne: 'Det tar ungefär en minut att svara. Enkäten är öppen till {closesAt}.',
    surveyTimeOther: 'Det tar ungefär {minutes} minuter att svara. Enkäten är öppen till {closesAt}.',
    anonymity: 'Dina svar kan inte spåras till dig. Resultaten visas bara för grupper med minst {k} svarande.',
    personalLink: 'Länken är personlig och fungerar bara en gång, så vidarebefordra inte det här meddelandet.',
    invitationSubject: 'Inbjudan till enkäten: {roundTitle}',
    invitationIntro:
      '{coordinatorName} ber dig svara på enkäten ”{roundTitle}”. Med enkäten utvärderar vårt nätverk vad som fungerar i samarbetet och vad som lönar sig att utveckla.',
    reminderSubject: 'Påminnelse: {roundTitle}',
    reminderIntro:
      'Vi vill påminna dig om enkäten ”{roundTitle}”, där vårt nätverk utvärderar sin egen verksamhet. Varje svar gör resultaten mer tillförlitliga, så vi hoppas att du ännu hinner svara.',
    reminderAlreadyAnswered: 'Om du redan har svarat, tack – då kan du bortse från det här meddelandet.',
    resetSubject: 'Verkostopulssi: byte av lösenord',
    resetIntro: 'Någon har bett om att lösenordet till ditt konto i Verkostopulssi ska bytas. Du kan välja ett nytt lösenord via länken nedan.',
    resetLead: 'Välj ett nytt lösenord här:',
    resetButton: 'Välj ett nytt lösenord',
    resetValidOne: 'Länken gäller i en timme och fungerar bara en gång.',
    resetValidOther: 'Länken gäller i {hours} timmar och fungerar bara en gång.',
    resetIgnore: 'Om du inte själv har bett om ett nytt lösenord kan du bortse från det här meddelandet. Ditt lösenord förblir oförändrat.',
    accountSubject: 'Inbjudan till Verkostopulssi: {networkName}',
    accountIntroCoordinator:
      '{inviterName} bjuder in dig till Verkostopulssi som nätverkets koordinator. Som koordinator sköter du medlemsförteckningen, skickar ut enkätomgångarna och läser resultaten.',
    accountIntroLeader:
      '{inviterName} bjuder in dig till Verkostopulssi som representant för nätverkets ledning. Du kan läsa nätverkets resultat och rapporter.',
    networkLine: 'Nätverk: {networkName}',
    accountLead: 'Ta emot inbjudan här:',
    accountButton: 'Ta emot inbjudan',
    accountValidOne: 'Länken gäller i ett dygn och fungerar bara en gång.',
    accountValidOther: 'Länken gäller i {days} dagar och fungerar bara en gång.',
    accountIgnore: 'Om inbjudan kom oväntat kan du bortse från det här meddelandet.',
  },
  en: {
    greeting: 'Hello,',
    greetingNamed: 'Hello {name},',
    buttonFallback: 'If the button does not work, copy this address into your browser:',
    footer: 'Sent with Verkostopulssi.',
    thanks: 'Thank you!',
    surveyButton: 'Answer the survey',
    surveyLead: 'Answer here:',
    surveyTimeOne: 'It takes about a minute. The survey is open until {closesAt}.',
    surveyTimeOther: 'It takes about {minutes} minutes. The survey is open until {closesAt}.',
    anonymity: 'Your answers cannot be traced back to you. Results are shown only for groups of at least {k} respondents.',
    personalLink: 'The link is personal and works only once, so please do not forward this message.',
    invitationSubject: 'Invitation to the survey: {roundTitle}',
    invitationIntro:
      '{coordinatorName} asks you to answer the survey “{roundTitle}”. With it, our network evaluates what works in our cooperation and what is worth developing.',
    reminderSubject: 'Reminder: {roundTitle}',
    reminderIntro:
      'A friendly reminder about the survey “{roundTitle}”, in which our network evaluates its own work. Every answer makes the results more reliable, so we hope you still have time to respond.',
    reminderAlreadyAnswered: 'If you have already answered, thank you – you can ignore this message.',
    resetSubject: 'Verkostopulssi: reset your password',
    resetIntro: 'Someone asked to reset the password of your Verkostopulssi account. You can choose a new password with the link below.',
    resetLead: 'Choose a new password here:',
    resetButton: 'Choose a new password',
    resetValidOne: 'The link is valid for one hour and works only once.',
    resetValidOther: 'The link is valid for {hours} hours and works only once.',
    resetIgnore: 'If you did not ask for this, you can ignore this message. Your password stays as it is.',
    accountSubject: 'Invitation to Verkostopulssi: {networkName}',
    accountIntroCoordinator:
      '{inviterName} invites you to Verkostopulssi as a coordinator of the network. As a coordinator you keep the member list, send out survey rounds and read the results.',
    accountIntroLeader:
      "{inviterName} invites you to Verkostopulssi as a member of the network's leadership. You can read the network's results and reports.",
    networkLine: 'Network: {networkName}',
    accountLead: 'Accept the invitation here:',
    accountButton: 'Accept the invitation',
    accountValidOne: 'The link is valid for one day and works only once.',
    accountValidOther: 'The link is valid for {days} days and works only once.',
    accountIgnore: 'If you did not expect this invitation, you can ignore this message.',
  },
});
