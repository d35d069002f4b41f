import { defineMessages } from './messages.js';

/** Erasing a round's responses and results, by retention or by hand, as the round page tells it. */
export const resultErasureText = defineMessages({
  fi: {
    retentionResults: 'Kierroksen vastaukset ja tulokset poistetaan {date}.',
    retentionResultsLater: 'Kierroksen vastaukset ja tulokset poistetaan {months} kuukauden kuluttua kierroksen sulkeutumisesta.',
    retentionResultsKept: 'Kierroksen vastaukset ja tulokset säilytetään, kunnes koordinaattori poistaa ne.',
    retentionResultsDone: 'Kierroksen vastaukset ja tulokset poistettiin {date}. Kierros, sen päivämäärät ja vastausmäärä säilyvät.',
    eraseLink: 'Poista kierroksen tulokset pysyvästi',
    confirmTitle: 'Poistetaanko kierroksen ”{title}” tulokset pysyvästi?',
    confirmBody:
      'Kierroksen kaikki vastaukset poistetaan pysyvästi, myös avoimet vastaukset, taustatietojen mukaiset luvut ja vastausten päiväkohtaiset määrät. Poistoa ei voi perua. Kierros säilyy nimineen, päivämäärineen sekä kutsujen ja vastausten määrineen, mutta sen tuloksia ei voi enää katsoa, verrata eikä viedä tiedostoon. Poisto kirjataan tapahtumalokiin.',
    confirm: 'Poista tulokset pysyvästi',
  },
  sv: {
    retentionResults: 'Omgångens svar och resultat raderas {date}.',
    retentionResultsLater: 'Omgångens svar och resultat raderas {months} månader efter att omgången har stängts.',
    retentionResultsKept: 'Omgångens svar och resultat sparas tills en koordinator raderar dem.',
    retentionResultsDone: 'Omgångens svar och resultat raderades {date}. Omgången, dess datum och antalet svar finns kvar.',
    eraseLink: 'Radera omgångens resultat permanent',
    confirmTitle: 'Ska resultaten för omgången ”{title}” raderas permanent?',
    confirmBody:
      'Alla svar i omgången raderas permanent, också de öppna svaren, siffrorna per bakgrundsgrupp och antalet svar per dag. Raderingen kan inte ångras. Omgången finns kvar med namn, datum och antalet inbjudna och svarande, men dess resultat kan inte längre visas, jämföras eller exporteras. Raderingen förs in i händelseloggen.',
    confirm: 'Radera resultaten permanent',
  },
  en: {
    retentionResults: 'The round’s responses and results are erased on {date}.',
    retentionResultsLater: 'The round’s responses and results are erased {months} months after the round closes.',
    retentionResultsKept: 'The round’s responses and results are kept until a coordinator erases them.',
    retentionResultsDone: 'The round’s responses and results were erased on {date}. The round, its dates and the number of responses remain.',
    eraseLink: 'Erase the round’s results for good',
    confirmTitle: 'Erase the results of the round “{title}” for good?',
    confirmBody:
      'Every response of the round is erased for good, including the open answers, the figures by background group and the number of responses per day. This cannot be undone. The round stays, with its title, dates and the numbers invited and answered, but its results can no longer be viewed, compared or exported. The erasure is recorded in the activity log.',
    confirm: 'Erase the results for good',
  },
});
