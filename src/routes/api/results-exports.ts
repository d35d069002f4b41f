import { Hono, type Context } from 'hono';
import { DomainError, NotFoundError } from '../../http/errors.js';
import { anyNetworkRole, type NetworkEnv } from '../../http/network-access.js';
import { networkText } from '../../i18n/networks.js';
import { fill } from '../../i18n/messages.js';
import { compareRounds } from '../../results/comparison.js';
import { aggregatesCsv } from '../../results/export-aggregates.js';
import { comparisonCsv } from '../../results/export-comparison.js';
import { rawResponses, responsesCsv, responsesJson } from '../../results/export-responses.js';
import { exportText } from '../../results/export-text.js';
import { trendCsv } from '../../results/export-trend.js';
import { findNetworkRound } from '../../results/find-round.js';
import { roundResults, type Round, type Withheld } from '../../results/round-results.js';
import { networkTrend } from '../../results/trend.js';
import { formats } from '../../views/results/format.js';

/** Spreadsheet and raw-data exports of the results, mounted at /api/networks/:networkId/results next to resultsApi. */
export const resultsExports = new Hono<NetworkEnv>();
resultsExports.use(anyNetworkRole);

async function roundOr404(c: Context<NetworkEnv>, id: string | undefined): Promise<Round> {
  const round = await findNetworkRound(c.var.deps.db, c.var.network.id, id);
  if (!round) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  return round;
}

/** A withheld round gets no file at all, and a 409 that says why, rather than a file with empty cells. */
function refuseWithheld(c: Context<NetworkEnv>, round: Round, withheld: Withheld): void {
  if (!withheld) return;
  const t = exportText(c.var.lang);
  const date = round.resultsErasedAt ? formats(c.var.lang).date(round.resultsErasedAt) : '';
  throw new DomainError(fill(t[`withheld_${withheld}`], { title: round.title, k: c.var.network.anonymityThreshold, date }), 409);
}

/** The round's title as a file-name part: ASCII letters, digits and hyphens. */
const slug = (text: string) =>
  text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

/** The name in full (RFC 6266) and, for clients that know only the plain form, without its accents. */
function download(c: Context<NetworkEnv>, body: string, name: string, type: string): Response {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]|"/g, '');
  return c.body(body, 200, {
    'content-type': `${type}; charset=utf-8`,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

const roundFile = (c: Context<NetworkEnv>, word: 'file_aggregates' | 'file_responses', round: Round, ext: string) =>
  `${exportText(c.var.lang)[word]}-${slug(round.title) || round.id}.${ext}`;

// GET /api/networks/:networkId/results/rounds/:roundId/aggregates.csv
resultsExports.get('/rounds/:roundId/aggregates.csv', async (c) => {
  const round = await roundOr404(c, c.req.param('roundId'));
  const { catalogue, db } = c.var.deps;
  const results = await roundResults(db, catalogue, c.var.network, round);
  refuseWithheld(c, round, results.withheld);
  const scale = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!.scale?.choices.map((choice) => choice.value) ?? [];
  return download(c, aggregatesCsv(results, scale, c.var.lang), roundFile(c, 'file_aggregates', round, 'csv'), 'text/csv');
});

// GET /api/networks/:networkId/results/compare.csv?before=&after=
resultsExports.get('/compare.csv', async (c) => {
  const [before, after] = await Promise.all([roundOr404(c, c.req.query('before')), roundOr404(c, c.req.query('after'))]);
  const comparison = await compareRounds(c.var.deps.db, c.var.deps.catalogue, c.var.network, before, after);
  refuseWithheld(c, before, comparison.before.withheld);
  refuseWithheld(c, after, comparison.after.withheld);
  const name = `${exportText(c.var.lang).file_comparison}-${slug(before.title) || before.id}-${slug(after.title) || after.id}.csv`;
  return download(c, comparisonCsv(comparison, c.var.lang), name, 'text/csv');
});

// GET /api/networks/:networkId/results/trend.csv?questionnaire=network-rules
resultsExports.get('/trend.csv', async (c) => {
  const key = c.req.query('questionnaire') ?? 'network-rules';
  if (!c.var.deps.catalogue.keys().includes(key)) throw new NotFoundError(networkText(c.var.lang).unknownQuestionnaire);
  const trend = await networkTrend(c.var.deps.db, c.var.deps.catalogue, c.var.network, key);
  const name = `${exportText(c.var.lang).file_trend}-${key}-${c.var.deps.clock.now().toISOString().slice(0, 10)}.csv`;
  return download(c, trendCsv(trend, c.var.lang), name, 'text/csv');
});

// GET /api/networks/:networkId/results/rounds/:roundId/responses.csv
resultsExports.get('/rounds/:roundId/responses.csv', async (c) => {
  const round = await roundOr404(c, c.req.param('roundId'));
  const raw = await rawResponses(c.var.deps.db, c.var.deps.catalogue, c.var.network, round);
  refuseWithheld(c, round, raw.withheld);
  return download(c, responsesCsv(raw, c.var.lang), roundFile(c, 'file_responses', round, 'csv'), 'text/csv');
});

// GET /api/networks/:networkId/results/rounds/:roundId/responses.json
resultsExports.get('/rounds/:roundId/responses.json', async (c) => {
  const round = await roundOr404(c, c.req.param('roundId'));
  const raw = await rawResponses(c.var.deps.db, c.var.deps.catalogue, c.var.network, round);
  refuseWithheld(c, round, raw.withheld);
  return download(c, JSON.stringify(responsesJson(raw, c.var.lang)), roundFile(c, 'file_responses', round, 'json'), 'application/json');
});
