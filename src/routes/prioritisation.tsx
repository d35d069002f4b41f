import { Hono, type Context } from 'hono';
import { actionCandidates } from '../agenda/candidates.js';
import { parseProposals } from '../agenda/prioritisation-input.js';
import { createPrioritisation, PRIORITIES_KEY } from '../agenda/prioritisation.js';
import type { Localized } from '../catalogue/measures.js';
import { LANGUAGES } from '../db/schema/index.js';
import { NotFoundError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf } from '../http/session.js';
import { agendaText } from '../i18n/agenda.js';
import { fill } from '../i18n/messages.js';
import { prioritisationText } from '../i18n/prioritisation.js';
import { roundInputSchema } from '../rounds/round-input.js';
import { listRounds, type Round } from '../rounds/rounds.js';
import { PrioritisePage, type PrioritiseValues } from '../views/agenda/prioritise-page.js';

/** Members choosing the renewal agenda: a short round on a closed round's proposals; mounted at /networks/:id/agenda/prioritise. */
export const prioritisationRoutes = new Hono<NetworkEnv>();

const DAY_MS = 86_400_000;

/** The closed rounds whose results make proposals (not choosing rounds themselves), the latest first. */
async function agendaRounds(c: Context<NetworkEnv>): Promise<Round[]> {
  return (await listRounds(c.var.deps.db, c.var.network.id)).filter((round) => round.status === 'closed' && round.questionnaireKey !== PRIORITIES_KEY);
}

async function chosenRound(c: Context<NetworkEnv>, asked: unknown): Promise<Round | null> {
  const rounds = await agendaRounds(c);
  if (asked === undefined || asked === '') return rounds[0] ?? null;
  const round = rounds.find((r) => r.id === Number(asked));
  if (!round) throw new NotFoundError(agendaText(c.var.lang).roundInvalid);
  return round;
}

const candidatesOf = async (c: Context<NetworkEnv>, round: Round | null) => (round ? actionCandidates(c.var.deps.db, c.var.deps.catalogue, c.var.network, round) : []);

// GET /networks/:networkId/agenda/prioritise?round=12
prioritisationRoutes.get('/', coordinatorOnly, async (c) => {
  const round = await chosenRound(c, c.req.query('round'));
  const candidates = await candidatesOf(c, round);
  const opens = new Date(Math.ceil(c.var.deps.clock.now().getTime() / 3_600_000) * 3_600_000);
  const values: PrioritiseValues = {
    proposal: candidates.map((candidate) => candidate.measure),
    own: {},
    method: 'rank',
    title: round ? fill(prioritisationText(c.var.lang).defaultTitle, { round: round.title }) : '',
    opensAt: opens,
    closesAt: new Date(opens.getTime() + 7 * DAY_MS),
  };
  return c.html(<PrioritisePage c={c} round={round} candidates={candidates} values={values} errors={{}} />);
});

// POST /networks/:networkId/agenda/prioritise — publishes the version with the proposals and makes a draft round on it.
prioritisationRoutes.post('/', coordinatorOnly, async (c) => {
  const { db, clock, catalogue } = c.var.deps;
  const network = c.var.network;
  const input = await readInput(c);
  const round = await chosenRound(c, input.round);
  if (!round) throw new NotFoundError(agendaText(c.var.lang).roundInvalid);
  const candidates = await candidatesOf(c, round);
  const proposals = parseProposals(input, c.var.lang, network.languages, candidates.map((candidate) => candidate.measure));
  // Checked against the shipped template; the round is made on the version published from it.
  const roundInput = parseInput(roundInputSchema(c.var.lang, catalogue.forNetwork(network.id), clock.now()), { ...input, questionnaireKey: PRIORITIES_KEY, reminderDays: input.reminderDays ?? undefined });
  if (!proposals.ok || !roundInput.ok) {
    const values: PrioritiseValues = {
      proposal: [input.proposal ?? []].flat().map(String),
      own: Object.fromEntries(network.languages.map((code) => [code, String(input[`own_${code}`] ?? '')])),
      method: String(input.method ?? ''),
      title: String(input.title ?? ''),
      opensAt: String(input.opensAt ?? ''),
      closesAt: String(input.closesAt ?? ''),
    };
    const errors = { ...(proposals.ok ? {} : proposals.fields), ...(roundInput.ok ? {} : roundInput.fields) };
    return c.html(<PrioritisePage c={c} round={round} candidates={candidates} values={values} errors={errors} />, 422);
  }
  const pickTitle = Object.fromEntries(LANGUAGES.map((code) => [code, prioritisationText(code).pickTitle])) as Localized;
  const created = await createPrioritisation({ db, clock, catalogue }, network.id, network.languages, round, { ...proposals.data, pickTitle, round: roundInput.data }, actorOf(c)!);
  return c.redirect(`/networks/${network.id}/rounds/${created.id}?done=created`, 303);
});
