import { and, eq } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Db } from '../db/client.js';
import { rounds } from '../db/schema/index.js';
import type { ChoiceShare } from '../results/choice-results.js';
import { roundResults, type Network, type Round } from '../results/round-results.js';
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

/** The members' priority of an action adopted from a choosing round, read from that round's results (which never change once closed). */
export async function membersChoice(db: Db, catalogue: Catalogue, network: Network, action: Pick<Action, 'chosenInRoundId' | 'choiceValue'>): Promise<MembersChoice | null> {
  if (action.chosenInRoundId === null || action.choiceValue === null) return null;
  const [round] = await db.select().from(rounds).where(and(eq(rounds.id, action.chosenInRoundId), eq(rounds.networkId, network.id)));
  if (!round) return null;
  const results = await roundResults(db, catalogue, network, round);
  const question = results.choices[0];
  const index = question?.choices?.findIndex((choice) => String(choice.value) === action.choiceValue) ?? -1;
  if (!question?.choices || index < 0) return { round, shown: false };
  return { round, shown: true, place: index + 1, count: question.choices.length, answered: question.answered, choice: question.choices[index]! };
}

/** The choosing rounds the agenda's actions came from, with how many members took part; one entry per round whose results are shown. */
export async function chosenTogether(db: Db, catalogue: Catalogue, network: Network, actions: Array<Pick<Action, 'chosenInRoundId' | 'choiceValue'>>): Promise<Array<{ round: string; answered: number }>> {
  const seen = new Map<number, { round: string; answered: number } | null>();
  for (const action of actions) {
    if (action.chosenInRoundId === null || seen.has(action.chosenInRoundId)) continue;
    const choice = await membersChoice(db, catalogue, network, action);
    seen.set(action.chosenInRoundId, choice?.shown ? { round: choice.round.title, answered: choice.answered } : null);
  }
  return [...seen.values()].filter((entry) => entry !== null);
}
