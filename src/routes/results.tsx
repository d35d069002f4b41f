import { Hono, type Context } from 'hono';
import { roundAudit } from '../audit/network-log.js';
import { NotFoundError } from '../http/errors.js';
import { anyNetworkRole, type NetworkEnv } from '../http/network-access.js';
import { networkText } from '../i18n/networks.js';
import { resultsText } from '../i18n/results.js';
import { compareRounds } from '../results/comparison.js';
import { findNetworkRound } from '../results/find-round.js';
import { HEAT_BASES, roundHeatmap, type HeatBasis } from '../results/heatmap.js';
import { openAnswers } from '../results/open-answers.js';
import { roundResults } from '../results/round-results.js';
import { invitedCount } from '../rounds/invited-count.js';
import { askedSegments, segmentResults } from '../results/segments.js';
import { networkTrend, type Trend } from '../results/trend.js';
import { ComparePage } from '../views/results/compare-page.js';
import { HeatmapPage } from '../views/results/heatmap-page.js';
import { OpenAnswersPage } from '../views/results/open-answers-page.js';
import { previousSeries } from '../views/results/previous-round.js';
import { ResultsIndexPage, type IndexRound } from '../views/results/results-index-page.js';
import { RoundPage } from '../views/results/round-page.js';
import { TrendPage } from '../views/results/trend-page.js';
import { closedOn } from '../rounds/closing-instant.js';

/**
 * Results pages for coordinators and leaders, mounted at /networks/:networkId/results.
 * They call the same domain functions as the JSON API, which withhold every
 * figure below the threshold or of an open round; the pages only explain why.
 */
export const resultsRoutes = new Hono<NetworkEnv>();
resultsRoutes.use(anyNetworkRole);

async function roundOr404(c: Context<NetworkEnv>, id: string | undefined) {
  const round = await findNetworkRound(c.var.deps.db, c.var.network.id, id);
  if (!round) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  return round;
}

/** The network's trend for every questionnaire: the closed rounds of each, as the domain sees them. */
function allTrends(c: Context<NetworkEnv>): Promise<Trend[]> {
  const { db, catalogue } = c.var.deps;
  return Promise.all(catalogue.keys().map((key) => networkTrend(db, catalogue, c.var.network, key)));
}

const questionnaireTitle = (c: Context<NetworkEnv>, key: string, version: number) => c.var.deps.catalogue.find(key, version)!.title[c.var.lang];

/** Every closed round of the network, newest first, with its response rate. */
async function closedRounds(c: Context<NetworkEnv>, trends: Trend[]): Promise<IndexRound[]> {
  const rounds = trends.flatMap((trend) => trend.rounds.map((round) => ({ ...round, questionnaireTitle: questionnaireTitle(c, trend.questionnaireKey, round.version) })));
  const invited = await Promise.all(rounds.map((round) => invitedCount(c.var.deps.db, round.id)));
  return rounds
    .map((round, i) => ({ ...round, responseRate: invited[i] ? round.responses / invited[i] : null }))
    .sort((a, b) => b.closesAt.localeCompare(a.closesAt) || b.id - a.id);
}

// GET /networks/:networkId/results
resultsRoutes.get('/', async (c) => {
  const trends = await allTrends(c);
  const withRounds = trends.filter((trend) => trend.rounds.length > 0);
  const links = withRounds.map((trend) => ({ key: trend.questionnaireKey, title: questionnaireTitle(c, trend.questionnaireKey, trend.rounds.at(-1)!.version), count: trend.rounds.length }));
  return c.html(<ResultsIndexPage c={c} rounds={await closedRounds(c, trends)} trends={links} />);
});

/** The round page lists the newest of the events bearing on the round and links to the rest. */
const ROUND_AUDIT_SHOWN = 10;

// GET /networks/:networkId/results/rounds/:roundId?segment=organisationType
resultsRoutes.get('/rounds/:roundId', async (c) => {
  const { db, catalogue } = c.var.deps;
  const network = c.var.network;
  const round = await roundOr404(c, c.req.param('roundId'));
  const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
  const [results, audit] = await Promise.all([roundResults(db, catalogue, network, round), roundAudit(c.var.deps, round, 1, ROUND_AUDIT_SHOWN)]);
  if (results.withheld) return c.html(<RoundPage c={c} results={results} version={version} previous={null} segments={null} audit={audit} />);

  const keys = askedSegments(version);
  const asked = c.req.query('segment') ?? '';
  const segmentKey = keys.includes(asked) ? asked : keys[0];
  const [trend, segments] = await Promise.all([
    networkTrend(db, catalogue, network, round.questionnaireKey),
    round.collectSegments && segmentKey ? segmentResults(db, catalogue, network, round, segmentKey) : null,
  ]);
  const previous = previousSeries(trend, round.id, c.var.lang);
  return c.html(<RoundPage c={c} results={results} version={version} previous={previous} segments={segments && { results: segments, keys }} audit={audit} />);
});

// GET /networks/:networkId/results/rounds/:roundId/heatmap?by=share
resultsRoutes.get('/rounds/:roundId/heatmap', async (c) => {
  const { db, catalogue } = c.var.deps;
  const round = await roundOr404(c, c.req.param('roundId'));
  const asked = c.req.query('by');
  // An unknown colouring is not worth refusing: the page shows the default and says which one it is.
  const basis: HeatBasis = HEAT_BASES.find((each) => each === asked) ?? 'mean';
  const heatmap = await roundHeatmap(db, catalogue, c.var.network, round);
  return c.html(<HeatmapPage c={c} heatmap={heatmap} version={catalogue.find(round.questionnaireKey, round.questionnaireVersion)!} basis={basis} />);
});

// GET /networks/:networkId/results/rounds/:roundId/open-answers?q=
resultsRoutes.get('/rounds/:roundId/open-answers', async (c) => {
  const { db, catalogue } = c.var.deps;
  const round = await roundOr404(c, c.req.param('roundId'));
  const answers = await openAnswers(db, catalogue, c.var.network, round, (c.req.query('q') ?? '').slice(0, 200));
  // Only the "too few responses" explanation needs the count.
  const responses = answers.withheld === 'below_threshold' ? (await roundResults(db, catalogue, c.var.network, round)).responses : 0;
  return c.html(<OpenAnswersPage c={c} answers={answers} responses={responses} />);
});

// GET /networks/:networkId/results/compare?before=&after=
resultsRoutes.get('/compare', async (c) => {
  const { db, catalogue } = c.var.deps;
  const picked = await Promise.all([roundOr404(c, c.req.query('before')), roundOr404(c, c.req.query('after'))]);
  // The earlier round first, whichever way the menus were set, so that a change always reads forward in time.
  const [before, after] = picked.sort((a, b) => closedOn(a).localeCompare(closedOn(b)));
  const [comparison, trends] = await Promise.all([compareRounds(db, catalogue, c.var.network, before!, after!), allTrends(c)]);
  const version = catalogue.find(after!.questionnaireKey, after!.questionnaireVersion)!;
  return c.html(<ComparePage c={c} comparison={comparison} version={version} rounds={await closedRounds(c, trends)} />);
});

// GET /networks/:networkId/results/trend?questionnaire=network-rules
resultsRoutes.get('/trend', async (c) => {
  const { catalogue } = c.var.deps;
  const key = c.req.query('questionnaire') ?? 'network-rules';
  if (!catalogue.keys().includes(key)) throw new NotFoundError(resultsText(c.var.lang).unknownQuestionnaire);
  const trends = await allTrends(c);
  const trend = trends.find((each) => each.questionnaireKey === key)!;
  const others = trends
    .filter((each) => each.questionnaireKey !== key && each.rounds.length > 0)
    .map((each) => ({ key: each.questionnaireKey, title: questionnaireTitle(c, each.questionnaireKey, each.rounds.at(-1)!.version) }));
  return c.html(<TrendPage c={c} trend={trend} catalogue={catalogue} others={others} />);
});
