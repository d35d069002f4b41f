import { Hono, type Context } from 'hono';
import { actionCandidates } from '../../agenda/candidates.js';
import { createAction, deleteAction, listActions, updateAction } from '../../agenda/actions.js';
import { actionSchema } from '../../agenda/action-input.js';
import { followUp } from '../../agenda/follow-up.js';
import { NotFoundError } from '../../http/errors.js';
import { readInput, requireValid } from '../../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { agendaText } from '../../i18n/agenda.js';
import { commonText } from '../../i18n/common.js';
import { networkText } from '../../i18n/networks.js';
import { findNetworkRound } from '../../results/find-round.js';
import { idParam } from '../../http/ids.js';

/** The renewal agenda: coordinators write it, leaders read it. */
export const actionApi = new Hono<NetworkEnv>();

async function validInput(c: Context<NetworkEnv>) {
  const input = requireValid(actionSchema(c.var.lang), await readInput(c), commonText(c.var.lang).checkForm);
  if (!(await findNetworkRound(c.var.deps.db, c.var.network.id, input.roundId))) {
    throw new NotFoundError(agendaText(c.var.lang).roundInvalid);
  }
  return input;
}

const actionId = (c: Context<NetworkEnv>) => idParam(c, 'actionId', agendaText(c.var.lang).actionNotFound);

// GET /api/networks/:networkId/actions?measure=rule:3
actionApi.get('/', anyNetworkRole, async (c) => c.json({ actions: await listActions(c.var.deps.db, c.var.network.id, c.req.query('measure')) }));

// POST /api/networks/:networkId/actions
actionApi.post('/', coordinatorOnly, async (c) => {
  const action = await createAction(c.var.deps.db, c.var.deps.clock, c.var.network.id, await validInput(c));
  return c.json({ action }, 201);
});

// PUT /api/networks/:networkId/actions/:actionId
actionApi.put('/:actionId', coordinatorOnly, async (c) => {
  const action = await updateAction(c.var.deps.db, c.var.deps.clock, c.var.network.id, actionId(c), await validInput(c));
  if (!action) throw new NotFoundError(agendaText(c.var.lang).actionNotFound);
  return c.json({ action });
});

// DELETE /api/networks/:networkId/actions/:actionId
actionApi.delete('/:actionId', coordinatorOnly, async (c) => {
  if (!(await deleteAction(c.var.deps.db, c.var.network.id, actionId(c)))) throw new NotFoundError(agendaText(c.var.lang).actionNotFound);
  return c.body(null, 204);
});

// GET /api/networks/:networkId/actions/:actionId/follow-up — how the rule moved in later rounds.
actionApi.get('/:actionId/follow-up', anyNetworkRole, async (c) => {
  const action = (await listActions(c.var.deps.db, c.var.network.id)).find((a) => a.id === actionId(c));
  if (!action) throw new NotFoundError(agendaText(c.var.lang).actionNotFound);
  return c.json({ action, steps: await followUp(c.var.deps.db, c.var.deps.catalogue, c.var.network, action) });
});

// GET /api/networks/:networkId/actions/candidates/:roundId — proposals from a round's results.
actionApi.get('/candidates/:roundId', coordinatorOnly, async (c) => {
  const round = await findNetworkRound(c.var.deps.db, c.var.network.id, c.req.param('roundId'));
  if (!round) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  return c.json({ candidates: await actionCandidates(c.var.deps.db, c.var.deps.catalogue, c.var.network, round) });
});
