import { defineMessages } from './messages.js';

export const homeText = defineMessages({
  fi: {
    intro: 'Verkostopulssi kokoaa verkoston jäsenten nimettömät arviot verkoston kymmenestä pelisäännöstä ja strategiasta kierros kierrokselta ja näyttää, kehittyykö verkosto.',
    browseCatalogue: 'Tutustu kyselyihin',
  },
  sv: {
    intro: 'Verkostopulssi samlar nätverksmedlemmarnas anonyma bedömningar av nätverkets tio spelregler och dess strategi, omgång för omgång, och visar om nätverket utvecklas.',
    browseCatalogue: 'Bekanta dig med enkäterna',
  },
  en: {
    intro: "Verkostopulssi gathers the network members' anonymous assessments of the network's ten ground rules and its strategy, round after round, and shows whether the network is getting better.",
    browseCatalogue: 'Browse the questionnaires',
  },
});
