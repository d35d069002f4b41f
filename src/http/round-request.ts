import type { Context } from 'hono';
import type { Language } from '../db/schema/networks.js';
import { fill } from '../i18n/messages.js';
import { roundText } from '../i18n/rounds.js';
import { formatDateTime } from '../mail/format-date.js';
import type { RoundRefused } from '../rounds/refusals.js';
import { lockedFieldProblems, roundInputSchema, type RoundInput } from '../rounds/round-input.js';
import type { Sender } from '../rounds/round-mail.js';
import { assertEditable, findRound, titleTaken, type Round } from '../rounds/rounds.js';
import { NotFoundError } from './errors.js';
import { parseId } from './ids.js';
import { parseInput, type Parsed } from './input.js';
import type { NetworkEnv } from './network-access.js';
import { currentSession } from './session.js';

/* What the rounds page router and the rounds API router both read from a request, and how a refusal reads. */

/** The round named by :roundId in this network; any other id is the same 404. */
export async function roundFrom(c: Context<NetworkEnv>): Promise<Round> {
  const id = parseId(c.req.param('roundId'));
  const round = id === null ? null : await findRound(c.var.deps.db, c.var.network.id, id);
  if (!round) throw new NotFoundError(roundText(c.var.lang).notFound);
  return round;
}

/** The signed-in coordinator signs the mail they send, and replies reach them. */
export function senderOf(c: Context<NetworkEnv>): Sender {
  const { user } = currentSession(c);
  return { name: user.name, email: user.email };
}

export function refusalMessage(lang: Language, error: RoundRefused): string {
  const values = Object.fromEntries(Object.entries(error.values).map(([name, value]) => [name, value instanceof Date ? formatDateTime(value, lang) : value]));
  return fill(roundText(lang)[`refused_${error.reason}`], values);
}

const currentInput = (r: Round) => ({
  questionnaireKey: r.questionnaireKey,
  questionnaireVersion: r.questionnaireVersion,
  title: r.title,
  opensAt: r.opensAt,
  closesAt: r.closesAt,
  reminderDays: r.reminderDays,
  recurrenceMonths: r.recurrenceMonths,
});

/**
 * A round's settings from a form or JSON. The form's one questionnaire menu
 * sends "key:version"; fields left out keep the round's current values, as
 * an open round's form leaves out what is locked. A closed round refuses (RoundRefused).
 */
export async function parseRound(c: Context<NetworkEnv>, fields: Record<string, unknown>, round?: Round): Promise<Parsed<RoundInput>> {
  if (round) assertEditable(round);
  const { questionnaire, ...rest } = fields;
  const [key, version] = typeof questionnaire === 'string' ? questionnaire.split(':') : [];
  const picked = key ? { questionnaireKey: key, questionnaireVersion: version ?? '' } : {};
  const values = { ...(round ? currentInput(round) : {}), ...picked, ...rest };
  const parsed = parseInput(roundInputSchema(c.var.lang, c.var.deps.catalogue.forNetwork(c.var.network.id), c.var.deps.clock.now()), values);
  if (!parsed.ok) return parsed;
  const problems = round ? lockedFieldProblems(round, parsed.data, c.var.lang) : {};
  // Rounds are told apart by their titles in every menu, mail and report.
  if (await titleTaken(c.var.deps.db, c.var.network.id, parsed.data.title, round?.id)) problems.title = fill(roundText(c.var.lang).titleTaken, { title: parsed.data.title });
  return Object.keys(problems).length > 0 ? { ok: false, fields: problems, values } : parsed;
}

