import { Hono, type Context } from 'hono';
import { actionSchema } from '../agenda/action-input.js';
import { createAction, deleteAction, listActions, updateAction, type Action } from '../agenda/actions.js';
import { actionCandidates } from '../agenda/candidates.js';
import { actionsCsv } from '../agenda/export-csv.js';
import { followUp } from '../agenda/follow-up.js';
import { choosingRound, membersChoices } from '../agenda/members-choice.js';
import { findMeasure } from '../catalogue/measures.js';
import { NotFoundError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { agendaText } from '../i18n/agenda.js';
import { titledMeasureLabel } from '../i18n/measure-names.js';
import { fill } from '../i18n/messages.js';
import { roundResults, type Round } from '../results/round-results.js';
import { listRounds } from '../rounds/rounds.js';
import { EditActionPage, NewActionPage } from '../views/agenda/action-form-page.js';
import { AgendaPage } from '../views/agenda/agenda-page.js';
import { CandidatesPage } from '../views/agenda/candidates-page.js';
import { idParam, parseId } from '../http/ids.js';

/** The renewal agenda as pages: coordinators write it, leaders read it. */
export const agendaRoutes = new Hono<NetworkEnv>();

type Notice = 'created' | 'updated' | 'deleted';
const NOTICES: readonly Notice[] = ['created', 'updated', 'deleted'];

const base = (c: Context<NetworkEnv>) => `/networks/${c.var.network.id}/agenda`;

/** The network's closed rounds, the latest first: the rounds an action can stem from. */
async function closedRounds(c: Context<NetworkEnv>): Promise<Round[]> {
  return (await listRounds(c.var.deps.db, c.var.network.id)).filter((round) => round.status === 'closed');
}

async function findAction(c: Context<NetworkEnv>): Promise<Action> {
  const id = parseId(c.req.param('actionId'));
  const action = (await listActions(c.var.deps.db, c.var.network.id)).find((a) => a.id === id);
  if (!action) throw new NotFoundError(agendaText(c.var.lang).actionNotFound);
  return action;
}

/** The form's data, or its values and one message per field; a round of another network is an invalid round. */
async function validInput(c: Context<NetworkEnv>, rounds: Round[]) {
  const parsed = parseInput(actionSchema(c.var.lang), await readInput(c));
  if (parsed.ok && !rounds.some((round) => round.id === parsed.data.roundId)) {
    return { ok: false as const, values: { ...parsed.data }, fields: { roundId: agendaText(c.var.lang).roundInvalid } };
  }
  if (!parsed.ok) return parsed;
  const { chosenInRoundId, choiceValue } = parsed.data;
  if (chosenInRoundId && (!choiceValue || !(await choosingRound(c.var.deps.db, c.var.deps.catalogue, c.var.network.id, chosenInRoundId, choiceValue)))) {
    return { ok: false as const, values: { ...parsed.data }, fields: { roundId: agendaText(c.var.lang).roundInvalid } };
  }
  return parsed;
}

/** An action made through the API may stem from a round not yet closed; its form keeps that round as a choice. */
async function roundsFor(c: Context<NetworkEnv>, action?: Action): Promise<Round[]> {
  const closed = await closedRounds(c);
  if (!action || closed.some((round) => round.id === action.roundId)) return closed;
  return [...(await listRounds(c.var.deps.db, c.var.network.id)).filter((round) => round.id === action.roundId), ...closed];
}

// GET /networks/:networkId/agenda?measure=rule:3
agendaRoutes.get('/', anyNetworkRole, async (c) => {
  const { db, catalogue } = c.var.deps;
  const measure = findMeasure(c.req.query('measure') ?? '')?.id;
  const [actions, rounds] = await Promise.all([listActions(db, c.var.network.id, measure), listRounds(db, c.var.network.id)]);
  const titles = new Map(rounds.map((round) => [round.id, round.title]));
  const choices = await membersChoices(db, catalogue, c.var.network, actions);
  const entries = await Promise.all(
    actions.map(async (action, i) => ({
      action,
      roundTitle: titles.get(action.roundId) ?? '',
      steps: await followUp(db, catalogue, c.var.network, action),
      choice: choices[i]!,
    })),
  );
  const done = NOTICES.find((notice) => notice === c.req.query('done'));
  return c.html(<AgendaPage c={c} entries={entries} measure={measure} notice={done && agendaText(c.var.lang)[done]} />);
});

// GET /networks/:networkId/agenda/export.csv
agendaRoutes.get('/export.csv', anyNetworkRole, async (c) => {
  const { db } = c.var.deps;
  const [actions, rounds] = await Promise.all([listActions(db, c.var.network.id), listRounds(db, c.var.network.id)]);
  const csv = actionsCsv(actions, new Map(rounds.map((round) => [round.id, round.title])), c.var.lang);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${agendaText(c.var.lang).csvFile}.csv"`);
  return c.body(csv);
});

// GET /networks/:networkId/agenda/candidates?round=12 — proposals from a closed round, the latest by default.
agendaRoutes.get('/candidates', coordinatorOnly, async (c) => {
  const { db, catalogue } = c.var.deps;
  const rounds = await closedRounds(c);
  const asked = c.req.query('round');
  const round = asked ? rounds.find((r) => r.id === Number(asked)) : rounds[0];
  if (asked && !round) throw new NotFoundError(agendaText(c.var.lang).roundInvalid);
  const candidates = round ? await actionCandidates(db, catalogue, c.var.network, round) : [];
  // An empty list can mean "nothing to propose" or "too few answers to say"; the page tells which.
  const withheld = round !== undefined && candidates.length === 0 && (await roundResults(db, catalogue, c.var.network, round)).withheld !== null;
  const actionCounts = new Map<string, number>();
  for (const action of await listActions(db, c.var.network.id)) actionCounts.set(action.measure, (actionCounts.get(action.measure) ?? 0) + 1);
  return c.html(<CandidatesPage c={c} rounds={rounds} round={round ?? null} candidates={candidates} withheld={withheld} actionCounts={actionCounts} />);
});

// GET /networks/:networkId/agenda/new?round=12&measure=rule:3[&chosenIn=15&choice=own-2] — an accepted proposal, or the members' choice, arrives filled in, to be edited before saving.
agendaRoutes.get('/new', coordinatorOnly, async (c) => {
  const rounds = await closedRounds(c);
  const round = rounds.find((r) => r.id === Number(c.req.query('round'))) ?? rounds[0];
  const choice = await adoptedChoice(c);
  const measure = findMeasure(c.req.query('measure') ?? choice?.value ?? '')?.id;
  const draft = measure ? fill(agendaText(c.var.lang).draftDescription, { name: titledMeasureLabel(measure, c.var.lang) }) : (choice?.text ?? '');
  const chosen = choice ? { chosenInRoundId: choice.roundId, choiceValue: choice.value } : {};
  return c.html(<NewActionPage c={c} rounds={rounds} values={{ roundId: round?.id, measure, description: draft, ...chosen }} errors={{}} />);
});

/** The members' choice the coordinator adopts (?chosenIn=&choice=), with its wording in the page's language; null if none or not a real choice. */
async function adoptedChoice(c: Context<NetworkEnv>): Promise<{ roundId: number; value: string; text: string } | null> {
  const value = c.req.query('choice');
  const round = value ? await choosingRound(c.var.deps.db, c.var.deps.catalogue, c.var.network.id, Number(c.req.query('chosenIn')), value) : null;
  if (!round || !value) return null;
  const version = c.var.deps.catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const text = version.items.flatMap((item) => item.choices ?? []).find((choice) => String(choice.value) === value)?.text[c.var.lang] ?? '';
  return { roundId: round.id, value, text };
}

// POST /networks/:networkId/agenda
agendaRoutes.post('/', coordinatorOnly, async (c) => {
  const rounds = await closedRounds(c);
  const input = await validInput(c, rounds);
  if (!input.ok) return c.html(<NewActionPage c={c} rounds={rounds} values={input.values} errors={input.fields} />, 422);
  await createAction(c.var.deps.db, c.var.deps.clock, c.var.network.id, input.data);
  return c.redirect(`${base(c)}?done=created`, 303);
});

// GET /networks/:networkId/agenda/:actionId/edit
agendaRoutes.get('/:actionId/edit', coordinatorOnly, async (c) => {
  const action = await findAction(c);
  return c.html(<EditActionPage c={c} actionId={action.id} rounds={await roundsFor(c, action)} values={action} errors={{}} />);
});

// POST /networks/:networkId/agenda/:actionId
agendaRoutes.post('/:actionId', coordinatorOnly, async (c) => {
  const action = await findAction(c);
  const rounds = await roundsFor(c, action);
  const input = await validInput(c, rounds);
  if (!input.ok) return c.html(<EditActionPage c={c} actionId={action.id} rounds={rounds} values={input.values} errors={input.fields} />, 422);
  await updateAction(c.var.deps.db, c.var.deps.clock, c.var.network.id, action.id, input.data);
  return c.redirect(`${base(c)}?done=updated`, 303);
});

// POST /networks/:networkId/agenda/:actionId/delete
agendaRoutes.post('/:actionId/delete', coordinatorOnly, async (c) => {
  const notFound = agendaText(c.var.lang).actionNotFound;
  if (!(await deleteAction(c.var.deps.db, c.var.network.id, idParam(c, 'actionId', notFound)))) throw new NotFoundError(notFound);
  return c.redirect(`${base(c)}?done=deleted`, 303);
});
