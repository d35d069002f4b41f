import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import { listActions, type Action } from '../agenda/actions.js';
import { chosenTogether } from '../agenda/members-choice.js';
import { PRIORITIES_KEY } from '../agenda/prioritisation.js';
import { compareRounds, type RoundComparison } from '../results/comparison.js';
import { roundResults, type Network, type RoundResults } from '../results/round-results.js';
import { networkTrend, type Trend } from '../results/trend.js';
import { closingInstant } from '../rounds/closing-instant.js';
import { currentCard } from '../cards/cards.js';
import { cardSheet, type CardSheet } from '../cards/sheet.js';

export type QuestionnaireReport = { questionnaireKey: string; latest: RoundResults; comparison: RoundComparison | null; trend: Trend };
export type Report = {
  network: { id: number; name: string; threshold: number };
  questionnaires: QuestionnaireReport[];
  actions: Action[];
  /** The members' choosing rounds the actions came from, and how many took part. */
  chosenTogether: Array<{ round: string; answered: number }>;
  /** The network's current published card, within the link's rounds. */
  card: CardSheet | null;
};

/**
 * The read-only report for leadership: per questionnaire the latest closed
 * round, its comparison with the one before and the trend, plus the agenda
 * and the network's card.
 * Built from the same functions as the results API, so the threshold holds.
 */
export async function buildReport(db: Db, catalogue: Catalogue, network: Network, onlyRounds: number[] | null): Promise<Report> {
  const filters = [eq(rounds.networkId, network.id), eq(rounds.status, 'closed'), ...(onlyRounds ? [inArray(rounds.id, onlyRounds)] : [])];
  const closed = await db.select().from(rounds).where(and(...filters)).orderBy(desc(closingInstant), desc(rounds.id));
  // A choosing round's results show in the agenda it chose, not as figures of their own.
  const keys = catalogue.keys().filter((key) => key !== PRIORITIES_KEY && closed.some((round) => round.questionnaireKey === key));
  const questionnaires = await Promise.all(
    keys.map(async (key) => {
      const [latest, previous] = closed.filter((round) => round.questionnaireKey === key);
      return {
        questionnaireKey: key,
        latest: await roundResults(db, catalogue, network, latest!),
        comparison: previous ? await compareRounds(db, catalogue, network, previous, latest!) : null,
        trend: await networkTrend(db, catalogue, network, key, onlyRounds),
      };
    }),
  );
  const all = await listActions(db, network.id);
  const current = await currentCard(db, network.id, onlyRounds);
  const actions = onlyRounds ? all.filter((action) => onlyRounds.includes(action.roundId)) : all;
  return {
    network: { id: network.id, name: network.name, threshold: network.anonymityThreshold },
    questionnaires,
    actions,
    chosenTogether: await chosenTogether(db, catalogue, network, actions),
    card: current ? await cardSheet(db, catalogue, network, current) : null,
  };
}
