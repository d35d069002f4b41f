import { defineMessages } from './messages.js';

/** The share of favourable answers beside a mean, and the method behind it in a plain sentence. */
export const favourableText = defineMessages({
  fi: {
    label: 'myönteisiä',
    title: 'myönteisten vastausten osuus ja sen 95 %:n luottamusväli',
    column: 'Myönteisiä (95 %:n lv.)',
    method:
      'Myönteisiä on niiden vastausten osuus, jotka ovat asteikon kahdessa ylimmässä kohdassa ({values}); ”{cannotSay}” -vastauksia ei lasketa, kuten ei keskiarvoonkaan. Sulkeissa on osuuden 95 %:n luottamusväli Wilsonin menetelmällä, joka pysyy pienilläkin vastausmäärillä 0 ja 100 %:n välillä. Pelisäännön luottamusvälissä kukin vastaaja lasketaan kerran, koska saman ihmisen vastaukset pelisäännön väittämiin kulkevat yhdessä.',
  },
  sv: {
    label: 'positiva',
    title: 'andelen positiva svar och dess 95 % konfidensintervall',
    column: 'Positiva (95 % KI)',
    method:
      'Positiva är andelen svar på skalans två högsta steg ({values}); svaren ”{cannotSay}” räknas inte med, lika lite som i medelvärdet. Inom parentes står andelens 95 % konfidensintervall enligt Wilsons metod, som håller sig mellan 0 och 100 % även när svaren är få. För en spelregel räknas varje svarande en gång i intervallet, eftersom en persons svar på spelregelns påståenden hänger ihop.',
  },
  en: {
    label: 'favourable',
    title: 'share of favourable answers and its 95% confidence interval',
    column: 'Favourable (95% CI)',
    method:
      'Favourable is the share of answers on the two highest points of the scale ({values}); “{cannotSay}” answers are left out, as they are from the mean. In brackets is the share’s 95% confidence interval by the Wilson method, which stays between 0 and 100% even with few answers. For a rule, the interval counts each respondent once, because one person’s answers to a rule’s statements go together.',
  },
});
