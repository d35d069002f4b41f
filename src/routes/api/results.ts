import { Hono, type Context } from 'hono';
import { NotFoundError } from '../../http/errors.js';
import { anyNetworkRole, type NetworkEnv } from '../../http/network-access.js';
import { networkText } from '../../i18n/networks.js';
import { compareRounds } from '../../results/comparison.js';
import { findNetworkRound } from '../../results/find-round.js';
import { openAnswers } from '../../results/open-answers.js';
import { roundResults } from '../../results/round-results.js';
import { segmentResults } from '../../results/segments.js';
import { networkTrend } from '../../results/trend.js';
import { SEGMENT_VALUES } from '../../catalogue/segment-values.js';

/** Results for coordinators and leaders; every figure below the threshold is withheld here, not in the pages. */
export const resultsApi = new Hono<NetworkEnv>();
resultsApi.use(anyNetworkRole);

async function roundOr404(c: Context<NetworkEnv>, id: string | undefined) {
  const round = await findNetworkRound(c.var.deps.db, c.var.network.id, id);
  if (!round) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  return round;
}

// GET /api/networks/:networkId/results/rounds/:roundId
resultsApi.get('/rounds/:roundId', async (c) => {
  const round = await roundOr404(c, c.req.param('roundId'));
  return c.json(await roundResults(c.var.deps.db, c.var.deps.catalogue, c.var.network, round));
});

// GET /api/networks/:networkId/results/rounds/:roundId/segments/:segmentKey
resultsApi.get('/rounds/:roundId/segments/:segmentKey', async (c) => {
  const round = await roundOr404(c, c.req.param('roundId'));
  const key = c.req.param('segmentKey');
  if (!(key in SEGMENT_VALUES)) throw new NotFoundError(networkText(c.var.lang).unknownSegment);
  return c.json(await segmentResults(c.var.deps.db, c.var.deps.catalogue, c.var.network, round, key));
});

// GET /api/networks/:networkId/results/rounds/:roundId/open-answers?q=
resultsApi.get('/rounds/:roundId/open-answers', async (c) => {
  const round = await roundOr404(c, c.req.param('roundId'));
  return c.json(await openAnswers(c.var.deps.db, c.var.deps.catalogue, c.var.network, round, (c.req.query('q') ?? '').slice(0, 200)));
});

// GET /api/networks/:networkId/results/compare?before=&after=
resultsApi.get('/compare', async (c) => {
  const [before, after] = await Promise.all([roundOr404(c, c.req.query('before')), roundOr404(c, c.req.query('after'))]);
  return c.json(await compareRounds(c.var.deps.db, c.var.deps.catalogue, c.var.network, before, after));
});

// GET /api/networks/:networkId/results/trend?questionnaire=network-rules
resultsApi.get('/trend', async (c) => {
  const key = c.req.query('questionnaire') ?? 'network-rules';
  if (!c.var.deps.catalogue.keys().includes(key)) throw new NotFoundError(networkText(c.var.lang).unknownQuestionnaire);
  return c.json(await networkTrend(c.var.deps.db, c.var.deps.catalogue, c.var.network, key));
});
