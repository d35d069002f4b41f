import { and, eq } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import type { ChoiceShare } from '../results/choice-results.js';
import { roundResults, type Network, type Round, type RoundResults } from '../results/round-results.js';
import type { Action } from './actions.js';

/** How the members placed an adopted action in their choosing round, or why it cannot be said now. */
export type MembersChoice =
  | { round: Round; shown: true; place: number; count: number; answered: number; choice: ChoiceShare }
  | { round: Round; shown: false };

/** A closed choosing round of the network that offered this choice; null for anything else. */
export async function choosingRound(db: Db, catalogue: Catalogue, networkId: number, roundId: number, value: string): Promise<Round | null> {
  const [round] = await db.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.networkId, networkId), eq(rounds.status, 'closed')));
  if (!round || round.agendaRoundId === null) return null;
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  const offered = version?.items.some((item) => (item.kind === 'ranking' || item.kind === 'multiple') && item.choices!.some((choice) => String(choice.value) === value));
  return offered ? round : null;
}

type ChoiceSource = Pick<Action, 'chosenInRoundId' | 'choiceValue'>;

/**
 * The members' priority of each action adopted from a choosing round, in the
 * actions' order; each round's results are read once, as a closed round's never change.
 */
export async function membersChoices(db: Db, catalogue: Catalogue, network: Network, actions: readonly ChoiceSource[]): Promise<Array<MembersChoice | null>> {
  const results = new Map<number, Promise<{ round: Round; question: RoundResults['choices'][number] | undefined } | null>>();
  const resultsOf = (roundId: number) => {
    if (!results.has(roundId))
      results.set(
        roundId,
        (async () => {
          const [round] = await db.select().from(rounds).where(and(eq(rounds.id, roundId), eq(rounds.networkId, network.id)));
          return round ? { round, question: (await roundResults(db, catalogue, network, round)).choices[0] } : null;
        })(),
      );
    return results.get(roundId)!;
  };
  return Promise.all(
    actions.map(async (action): Promise<MembersChoice | null> => {
      if (action.chosenInRoundId === null || action.choiceValue === null) return null;
      const found = await resultsOf(action.chosenInRoundId);
      if (!found) return null;
      const { round, question } = found;
      const index = question?.choices?.findIndex((choice) => String(choice.value) === action.choiceValue) ?? -1;
      if (!question?.choices || index < 0) return { round, shown: false };
      return { round, shown: true, place: index + 1, count: question.choices.length, answered: question.answered, choice: question.choices[index]! };
    }),
  );
}

/** The choosing rounds the agenda's actions came from, with how many members took part; one entry per round whose results are shown. */
export async function chosenTogether(db: Db, catalogue: Catalogue, network: Network, actions: readonly ChoiceSource[]): Promise<Array<{ round: string; answered: number }>> {
  const seen = new Map<number, { round: string; answered: number } | null>();
  for (const choice of await membersChoices(db, catalogue, network, actions)) {
    if (!choice || seen.has(choice.round.id)) continue;
    seen.set(choice.round.id, choice.shown ? { round: choice.round.title, answered: choice.answered } : null);
  }
  return [...seen.values()].filter((entry) => entry !== null);
}
