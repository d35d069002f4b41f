import { defineMessages } from './messages.js';

export const reportText = defineMessages({
  fi: {
    labelTooLong: 'Nimi on liian pitkä (enintään 200 merkkiä).',
    expiryInvalid: 'Anna viimeinen voimassaolopäivä muodossa VVVV-KK-PP: tänään tai myöhemmin, enintään kahden vuoden päähän.',
    roundsInvalid: 'Valitse vain tämän verkoston päättyneitä kierroksia.',
    linkNotFound: 'Raporttilinkkiä ei löytynyt.',
    expired: 'Tämän raporttilinkin voimassaolo on päättynyt.',
    revoked: 'Tämä raporttilinkki on peruttu.',
    unknown: 'Raporttilinkkiä ei tunnisteta.',
    askForNew: 'Pyydä verkoston koordinaattorilta uusi linkki.',
  },
  sv: {
    labelTooLong: 'Namnet är för långt (högst 200 tecken).',
    expiryInvalid: 'Ange sista giltighetsdag som ÅÅÅÅ-MM-DD: i dag eller senare, högst två år framåt.',
    roundsInvalid: 'Välj bara avslutade omgångar i det här nätverket.',
    linkNotFound: 'Rapportlänken hittades inte.',
    expired: 'Den här rapportlänken har gått ut.',
    revoked: 'Den här rapportlänken har återkallats.',
    unknown: 'Rapportlänken känns inte igen.',
    askForNew: 'Be nätverkets koordinator om en ny länk.',
  },
  en: {
    labelTooLong: 'The name is too long (at most 200 characters).',
    expiryInvalid: 'Give the last valid day as YYYY-MM-DD: today or later, at most two years ahead.',
    roundsInvalid: 'Choose only closed rounds of this network.',
    linkNotFound: 'Report link not found.',
    expired: 'This report link has expired.',
    revoked: 'This report link has been revoked.',
    unknown: 'This report link is not recognised.',
    askForNew: 'Ask the coordinator of the network for a new link.',
  },
});
