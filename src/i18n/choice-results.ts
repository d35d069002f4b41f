import { defineMessages } from './messages.js';

/** Texts of the results of multiple-choice and ranking questions. */
export const choiceResultsText = defineMessages({
  fi: {
    title: 'Valinnat ja järjestykset',
    choice: 'Vaihtoehto',
    picks: 'Valinneita',
    placed: 'Järjestäneitä',
    share: 'Osuus vastanneista',
    meanPlace: 'Keskimääräinen sija',
    answered: 'Kysymykseen vastasi {n}.',
    withheld: 'Kysymykseen vastasi alle {k}, joten sen tuloksia ei näytetä.',
    rankingHint: 'Sija 1 on tärkein. Taulukko on järjestetty keskimääräisen sijan mukaan.',
  },
  sv: {
    title: 'Val och rangordningar',
    choice: 'Alternativ',
    picks: 'Har valt',
    placed: 'Har rangordnat',
    share: 'Andel av dem som svarat',
    meanPlace: 'Genomsnittlig placering',
    answered: '{n} svarade på frågan.',
    withheld: 'Färre än {k} svarade på frågan, så resultaten visas inte.',
    rankingHint: 'Placering 1 är viktigast. Tabellen är ordnad efter genomsnittlig placering.',
  },
  en: {
    title: 'Choices and rankings',
    choice: 'Option',
    picks: 'Chosen by',
    placed: 'Ranked by',
    share: 'Share of those who answered',
    meanPlace: 'Average place',
    answered: '{n} answered the question.',
    withheld: 'Fewer than {k} answered the question, so its results are not shown.',
    rankingHint: 'Place 1 is the most important. The table is ordered by average place.',
  },
});
