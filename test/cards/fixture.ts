import type { TestApp } from '../helpers/app.js';
import { roundWithResponses } from '../results/fixture.js';

export const GOALS = ['Yhteinen oppimisen kulttuuri', 'Kaikki koulut mukaan kehittämään', 'Osaamisen jakaminen yli kuntarajojen', 'Hyvät käytännöt kiertoon', 'Yhteinen suunta kunnille', 'Oppilaiden hyvinvointi\nja oppimisen ilo'];
export const MEMBERS = ['Seudun koulut ja kunnat', 'Rehtorit ja opettajat', 'Kuntien sivistystoimi', 'Koulut ja kirjastot', 'Koulut, kunnat ja kolmas sektori', 'Kaikki seudun koulut'];
/** Only two wrote how the network looks to outsiders: below the open-answer threshold of 5. */
export const IMAGE = ['Näkymätön ulospäin', 'Vähän tunnettu'];

/** Every scored item of the strategy questionnaire answered with `value`, plus the reflection answers of respondent `i`. */
export function strategyAnswers(t: TestApp, value: number, i: number): Record<string, unknown> {
  const version = t.deps.catalogue.versionsOf('network-strategy').at(-1)!;
  const scored = Object.fromEntries(version.items.filter((item) => item.kind === 'scored').map((item) => [item.name, value]));
  return { ...scored, reflection_goals: GOALS[i % GOALS.length], reflection_members: MEMBERS[i % MEMBERS.length], ...(i < IMAGE.length ? { reflection_image: IMAGE[i] } : {}) };
}

/** A closed strategy round of six answers, k 5 and open-answer threshold 5. */
export function strategyRound(t: TestApp, networkId: number, closesAt: string, values = [3, 4, 4, 5, 5, 4]) {
  const version = t.deps.catalogue.versionsOf('network-strategy').at(-1)!.version;
  return roundWithResponses(
    t,
    networkId,
    values.map((value, i) => strategyAnswers(t, value, i)),
    { key: 'network-strategy', version, closesAt, collectSegments: false, anonymityThreshold: 5, openAnswerThreshold: 5 },
  );
}
