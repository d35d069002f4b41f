/** Open answers for the demo, in the members' own languages. */
export type Lines = { fi: string[]; sv: string[] };

/** Weak comments go with a low opinion of the rule, strong ones with a high one, so comments follow the trend. */
export type CommentBank = { weak: Lines; strong: Lines };

export const RULE_COMMENTS: Record<string, CommentBank> = {
  'rule:1': {
    weak: {
      fi: ['Tavoitteet ovat jääneet epäselviksi: en osaa kertoa kollegoille, mitä verkostosta hyötyy.', 'Tavoitteet pitäisi kirjata lyhyesti yhdelle sivulle ja käydä läpi joka syksy.', 'Koulumme omat tavoitteet ja verkoston tavoitteet eivät aina kohtaa.'],
      sv: ['Målen är otydliga för oss, vi vet inte riktigt vad som förväntas.'],
    },
    strong: { fi: ['Yhteiset tavoitteet on sanottu ääneen ja kirjattu, se auttaa.', 'Tavoitteet ovat tarkentuneet hyvin toiminnan edetessä.'], sv: ['Målen är tydliga och dokumenterade, bra!'] },
  },
  'rule:2': {
    weak: {
      fi: ['Osa jäsenistä on mukana vain nimellisesti.', 'Uusien jäsenten perehdytys pelisääntöihin puuttuu.', 'Kaikille ei ole selvää, mikä oma tehtävä verkostossa on.'],
      sv: ['Alla organisationer deltar inte lika aktivt.'],
    },
    strong: { fi: ['Hyvä, että mukana on myös varhaiskasvatus ja ammattiopisto – erilaisuus rikastaa.', 'Jäsenet ovat motivoituneita ja sitoutuneita.'], sv: ['Bra blandning av olika skolformer i nätverket.'] },
  },
  'rule:3': {
    weak: {
      fi: ['Verkostotyöhön ei ole varattu aikaa työsuunnitelmassa, se tehdään muun työn ohessa.', 'Sijaisrahat loppuivat, joten tapaamisiin on vaikea päästä.', 'Hankerahoituksen päätyttyä resurssit ovat selvästi vähentyneet.', 'Kanavia ja alustoja on liikaa, tieto hajoaa.'],
      sv: ['Det finns ingen tid avsatt för nätverksarbetet.'],
    },
    strong: { fi: ['Yhteinen työtila toimii hyvin ja etätapaamiset säästävät aikaa.', 'Aikataulu sovittiin hyvissä ajoin lukuvuoden alussa.'], sv: ['Distansmötena fungerar bra och sparar tid.'] },
  },
  'rule:4': {
    weak: {
      fi: ['Rehtorit eivät aina tiedä, mitä verkostossa tehdään.', 'Verkoston tavoitteet pitäisi kytkeä selvemmin kunnan sivistysstrategiaan.', 'Johdon tuki näkyy puheissa mutta ei työaikajärjestelyissä.'],
      sv: ['Ledningen borde engagera sig mer.'],
    },
    strong: { fi: ['Sivistysjohtaja on ollut aktiivisesti mukana, ja se näkyy.', 'Rehtori kysyy säännöllisesti verkoston kuulumisia.'], sv: ['Rektorn stöder vårt deltagande i nätverket.'] },
  },
  'rule:5': {
    weak: { fi: ['Koordinaattorin työmäärä on kohtuuton, tehtävää voisi kierrättää.', 'Koordinaattorille pitäisi varata enemmän aikaa.'], sv: ['Koordinatorn har för mycket på sitt bord.'] },
    strong: {
      fi: ['Koordinaattori pitää langat käsissä ja muistuttaa sovituista asioista.', 'Kiitos koordinaattorille selkeästä viestinnästä!', 'Koordinaattorin projektiosaaminen näkyy hyvin suunnitelluissa tapaamisissa.'],
      sv: ['Koordinatorn gör ett fantastiskt jobb.'],
    },
  },
  'rule:6': {
    weak: { fi: ['Tavoitteita ei ole tarkistettu sitten aloituksen.', 'Kyselyn tulokset pitäisi käydä yhdessä läpi ja sopia muutoksista.'], sv: ['Vi borde oftare utvärdera vad som fungerar.'] },
    strong: {
      fi: ['Hyvä, että toimintaa arvioidaan säännöllisesti ja muutoksista päätetään yhdessä.', 'Edellisen kyselyn jälkeen tehdyt muutokset näkyvät arjessa.'],
      sv: ['Bra att vi regelbundet utvärderar verksamheten.'],
    },
  },
  'rule:7': {
    weak: {
      fi: ['Tieto tapaamisista tulee liian myöhään.', 'Sisäinen tiedotus on satunnaista, en tiedä mistä tieto löytyy.', 'Verkostosta ei juuri kerrota ulospäin, huoltajat eivät tiedä siitä mitään.'],
      sv: ['Informationen kommer ofta bara på finska och för sent.'],
    },
    strong: {
      fi: ['Kuukausittainen uutiskirje on ollut hyvä parannus.', 'Nyt tiedän, mistä ajankohtaiset asiat löytyvät.', 'Paikallislehden juttu verkoston työstä oli hieno asia.'],
      sv: ['Nyhetsbrevet har förbättrat informationen mycket.'],
    },
  },
  'rule:8': {
    weak: { fi: ['Hyviä käytäntöjä jaetaan vähän, jokainen tekee omiaan.', 'Kansainvälisiä yhteyksiä ei ole hyödynnetty.'], sv: ['Vi delar för lite material mellan skolorna.'] },
    strong: {
      fi: ['Vertaisoppiminen toisten koulujen kanssa on ollut verkoston parasta antia.', 'Sain toisen koulun kollegalta valmiin materiaalin, joka säästi paljon työtä.'],
      sv: ['Kollegialt lärande över skolgränserna har varit värdefullt.'],
    },
  },
  'rule:9': {
    weak: {
      fi: ['Kaikki eivät uskalla sanoa mielipidettään tapaamisissa.', 'Päätökset tuntuvat syntyvän pienessä porukassa.', 'Tapaamisia on liian harvoin, jotta luottamus ehtisi syntyä.'],
      sv: ['Det svenskspråkiga perspektivet glöms ibland bort.'],
    },
    strong: {
      fi: ['Ilmapiiri on avoin ja kuunteleva.', 'Tapaamisissa on aikaa kokemusten vaihdolle, ja se on tärkeää.', 'Luottamus on selvästi kasvanut viime vuodesta.'],
      sv: ['Stämningen i nätverket är öppen och förtroendefull.'],
    },
  },
  'rule:10': {
    weak: {
      fi: ['Mitä tapahtuu, kun hankekausi päättyy? Jatkosta ei ole puhuttu.', 'Dokumentointi on puutteellista, tieto on yksittäisten ihmisten päässä.', 'Kun henkilöt vaihtuvat, aloitetaan aina alusta.', 'Aiemmat muistiot pitäisi koota yhteen paikkaan.'],
      sv: ['Det är svårt att hitta tidigare dokumentation.'],
    },
    strong: { fi: ['Yhteinen muistioarkisto on helpottanut uusien jäsenten mukaantuloa.'], sv: ['Bra att vi har ett gemensamt arkiv.'] },
  },
};

/** Answers to the strategy questionnaire's reflection questions, by item key. */
export const REFLECTION_COMMENTS: Record<string, Lines> = {
  'reflection.members': {
    fi: ['Kaupungin koulut, päiväkodit, lukio ja ammattiopisto sekä naapurikunnan koulu.', 'Opettajat ja rehtorit, sivistystoimi tukee. Huoltajat puuttuvat.', 'Ydinjoukko on pieni, muut osallistuvat tarpeen mukaan.'],
    sv: ['Skolor och daghem i båda språkgrupperna samt bildningsväsendet.'],
  },
  'reflection.goals': {
    fi: ['Oppimisen jatkumo varhaiskasvatuksesta toiselle asteelle.', 'Yhteinen täydennyskoulutus ja sujuvat siirtymät.', 'Tavoitteet ovat osin epäselvät, ne pitäisi kirjata uudelleen.'],
    sv: ['En smidig övergång mellan stadierna.'],
  },
  'reflection.organisation': {
    fi: ['Kuukausittaiset tapaamiset, koordinaattori ja teemoittaiset pienryhmät.', 'Ohjausryhmä kokoontuu kaksi kertaa vuodessa, työ tehdään tiimeissä.', 'Organisointi nojaa liikaa yhteen ihmiseen.'],
    sv: ['Månatliga möten och arbetsgrupper.'],
  },
  'reflection.image': {
    fi: ['Ulospäin verkosto näkyy vähän, moni ei tiedä sen olemassaolosta.', 'Aktiivisena ja kehittämismyönteisenä.', 'Hankkeena, vaikka sen pitäisi näkyä pysyvänä yhteistyönä.'],
    sv: ['Som ett aktivt nätverk, men mest på finska.'],
  },
};
