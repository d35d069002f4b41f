import { Hono, type Context } from 'hono';
import { digestAfterClosing } from '../../digest/request-digest.js';
import { z } from 'zod';
import { DomainError, InvalidInputError } from '../../http/errors.js';
import { readInput, requireValid } from '../../http/input.js';
import { MAX_LISTED_IDS } from '../../http/ids.js';
import { coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { actorOf } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { roundText } from '../../i18n/rounds.js';
import { fill } from '../../i18n/messages.js';
import { deliverSoon } from '../../mail/deliver-soon.js';
import { retryFailed } from '../../mail/queue.js';
import { assertTakesMail, sendInvitations } from '../../rounds/invite.js';
import { RoundRefused } from '../../rounds/refusals.js';
import { sendReminders } from '../../rounds/remind.js';
import { roundDetails } from '../../rounds/round-details.js';
import type { RoundInput } from '../../rounds/round-input.js';
import { createRound, deleteDraft, findRound, listRounds, updateRound, type Round } from '../../rounds/rounds.js';
import { eraseRoundResults } from '../../retention/erase-results.js';
import { closeRound, openRound } from '../../rounds/transitions.js';
import { parseRound, refusalMessage, roundFrom, senderOf } from '../../http/round-request.js';

/** The rounds' JSON API, mounted at /api/networks/:networkId/rounds; the same rules as the pages. */
export const roundApi = new Hono<NetworkEnv>();
roundApi.use(coordinatorOnly);

const view = (round: Round) => ({
  id: round.id,
  title: round.title,
  titleTranslations: round.titleTranslations,
  status: round.status,
  questionnaireKey: round.questionnaireKey,
  questionnaireVersion: round.questionnaireVersion,
  opensAt: round.opensAt,
  closesAt: round.closesAt,
  openedAt: round.openedAt,
  closedAt: round.closedAt,
  reminderDays: round.reminderDays,
  recurrenceMonths: round.recurrenceMonths,
  previousRoundId: round.previousRoundId,
  resultsErasedAt: round.resultsErasedAt,
});

/** A refusal answers 409 with the reason in the user's language. */
async function refusing<T>(c: Context<NetworkEnv>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RoundRefused) throw new DomainError(refusalMessage(c.var.lang, error), 409);
    throw error;
  }
}

async function validRound(c: Context<NetworkEnv>, round?: Round): Promise<RoundInput> {
  const parsed = await parseRound(c, await readInput(c), round);
  if (!parsed.ok) throw new InvalidInputError(commonText(c.var.lang).checkForm, parsed.fields);
  return parsed.data;
}

/** A JSON body that may be left out entirely. */
async function optionalBody(c: Context<NetworkEnv>): Promise<Record<string, unknown>> {
  return (await c.req.text()).trim() === '' ? {} : readInput(c);
}

// GET /api/networks/:networkId/rounds
roundApi.get('/', async (c) => c.json({ rounds: (await listRounds(c.var.deps.db, c.var.network.id)).map(view) }));

// POST /api/networks/:networkId/rounds — times as Helsinki wall times ("2026-03-02T09:00") or ISO with a zone.
roundApi.post('/', async (c) => {
  const round = await createRound(c.var.deps.db, c.var.deps.clock, c.var.network.id, await validRound(c));
  return c.json({ round: view(round) }, 201);
});

// GET /api/networks/:networkId/rounds/:roundId — with counts and mail status, never who answered.
roundApi.get('/:roundId', async (c) => {
  const { round, ...details } = await roundDetails(c.var.deps.db, c.var.deps.secretKey, c.var.network, await roundFrom(c));
  return c.json({ round: view(round), ...details });
});

// PATCH /api/networks/:networkId/rounds/:roundId — fields left out keep their values.
roundApi.patch('/:roundId', async (c) => {
  const round = await roundFrom(c);
  return c.json({ round: view(await refusing(c, async () => updateRound(c.var.deps.db, round, await validRound(c, round)))) });
});

// DELETE /api/networks/:networkId/rounds/:roundId — drafts only.
roundApi.delete('/:roundId', async (c) => {
  const round = await roundFrom(c);
  await refusing(c, () => deleteDraft(c.var.deps.db, round));
  return c.body(null, 204);
});

// POST /api/networks/:networkId/rounds/:roundId/open
roundApi.post('/:roundId/open', async (c) => {
  const round = await roundFrom(c);
  return c.json({ round: view(await refusing(c, () => openRound(c.var.deps, round.id, actorOf(c)))) });
});

// POST /api/networks/:networkId/rounds/:roundId/close
roundApi.post('/:roundId/close', async (c) => {
  const round = await roundFrom(c);
  const closed = await refusing(c, () => closeRound(c.var.deps, round.id, actorOf(c)));
  digestAfterClosing(c.var.deps, round.id);
  return c.json({ round: view(closed) });
});

// POST /api/networks/:networkId/rounds/:roundId/erase-results
roundApi.post('/:roundId/erase-results', async (c) => {
  const round = await roundFrom(c);
  await refusing(c, () => eraseRoundResults(c.var.deps.db, c.var.deps.clock, round.id, actorOf(c)));
  return c.json({ round: view((await findRound(c.var.deps.db, c.var.network.id, round.id))!) });
});

function inviteSchema(c: Context<NetworkEnv>) {
  const t = roundText(c.var.lang);
  return z.object({
    memberIds: z.array(z.number({ message: t.membersInvalid }).int(t.membersInvalid).positive(t.membersInvalid), { message: t.membersInvalid }).min(1, t.membersRequired).max(MAX_LISTED_IDS, fill(t.tooManyMembers, { max: MAX_LISTED_IDS })).optional(),
  });
}

// POST /api/networks/:networkId/rounds/:roundId/invite — {memberIds?}: those of them, or everyone, not yet invited.
roundApi.post('/:roundId/invite', async (c) => {
  const round = await roundFrom(c);
  const { memberIds } = requireValid(inviteSchema(c), await optionalBody(c), commonText(c.var.lang).checkForm);
  const invited = await refusing(c, () => sendInvitations(c.var.deps, round, c.var.network, senderOf(c), actorOf(c), memberIds));
  deliverSoon(c.var.deps);
  return c.json({ invited });
});

// POST /api/networks/:networkId/rounds/:roundId/remind — to unused links only; says that it went, never to how many.
roundApi.post('/:roundId/remind', async (c) => {
  const round = await roundFrom(c);
  await refusing(c, () => sendReminders(c.var.deps, round, c.var.network, senderOf(c), actorOf(c)));
  deliverSoon(c.var.deps);
  return c.json({ reminded: true, at: c.var.deps.clock.now().toISOString() });
});

// POST /api/networks/:networkId/rounds/:roundId/retry-failed
roundApi.post('/:roundId/retry-failed', async (c) => {
  const round = await roundFrom(c);
  await refusing(c, () => assertTakesMail(c.var.deps.db, round.id, c.var.deps.clock.now()));
  const retried = await retryFailed(c.var.deps.db, c.var.deps.clock, round.id);
  deliverSoon(c.var.deps);
  return c.json({ retried });
});
