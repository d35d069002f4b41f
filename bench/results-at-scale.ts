import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { asc, eq } from 'drizzle-orm';
import { loadCatalogue } from '../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../src/catalogue/types.js';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import * as schema from '../src/db/schema/index.js';
import { randomResponseId } from '../src/responses/ids.js';
import { interpretAnswers, type Interpreted } from '../src/responses/interpret.js';
import { scored } from '../src/question-kinds/scored.js';
import { scoredItems, scoredMeasures, segmentGroups } from '../src/responses/tally-keys.js';
import { compareRounds } from '../src/results/comparison.js';
import { roundResults } from '../src/results/round-results.js';
import { networkTrend } from '../src/results/trend.js';

type Round = { id: number; network: number; version: QuestionnaireVersion; collect: boolean; size: number; closesAt: string; means: Map<string, number> };
type Network = { id: number; members: number; collect: boolean };

/** Seeded, so every run builds the same database. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = mulberry32(20260302);
const between = (low: number, high: number) => low + random() * (high - low);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
const COMMENTS = ['Tiedotus toimii hyvin.', 'Tapaamisia voisi olla useammin.', 'Tavoitteet ovat vielä epäselviä.', 'Koordinaattori tekee hyvää työtä.', 'Resursseja on liian vähän.'];

/** Network 1 is the one measured: 30 closed network-rules rounds. Other networks fill the database up to `total` responses. */
function plan(versions: QuestionnaireVersion[], total: number): { networks: Network[]; rounds: Round[] } {
  const networks: Network[] = [];
  const rounds: Round[] = [];
  let left = total;
  while (left > 0) {
    const network = { id: networks.length + 1, members: Math.round(between(20, 250)), collect: networks.length === 0 || random() < 1 / 3 };
    if (network.id === 1) network.members = 220;
    networks.push(network);
    const version = network.id === 1 ? versions[0]! : pick(versions);
    const base = new Map(scoredMeasures(version).map((m) => [m, between(2.6, 4.4)]));
    const count = network.id === 1 ? 30 : Math.round(between(8, 30));
    for (let i = 0; i < count && left > 0; i++) {
      const size = Math.min(left, Math.round(network.members * between(0.35, 0.85)));
      const closesAt = new Date(Date.UTC(2017, 1 + 3 * i, 20, 14)).toISOString();
      const means = new Map([...base].map(([m, mean]) => [m, mean + 0.02 * i + 0.15 * normal()]));
      rounds.push({ id: rounds.length + 1, network: network.id, version, collect: network.collect, size, closesAt, means });
      left -= size;
    }
  }
  return { networks, rounds };
}

/** A plausible answer: each rule near its round's mean, each person a little above or below, a few "cannot say" and comments. */
function answersFor(round: Round): Record<string, unknown> {
  const person = 0.5 * normal();
  const answers: Record<string, unknown> = {};
  for (const item of round.version.items) {
    if (item.kind === 'segment' && random() < 0.95) answers[item.name] = pick(item.segmentValues!);
    if (item.kind === 'open' && random() < 0.05) answers[item.name] = pick(COMMENTS);
    if (item.kind !== 'scored') continue;
    const value = Math.round(round.means.get(item.measure!)! + person + 0.7 * normal());
    answers[item.name] = random() < 0.04 ? 'none' : Math.min(5, Math.max(1, value));
  }
  return answers;
}

/**
 * Counts of one round, filled from interpretAnswers exactly as storeResponse
 * fills them, and written once: every row initialiseTallies would create.
 */
class RoundTallies {
  readonly groups;
  readonly items;
  readonly values;
  readonly measures;
  readonly counts: Int32Array;
  readonly moments: Float64Array;
  readonly #index;
  constructor(readonly round: Round) {
    this.groups = segmentGroups(round.version, round.collect).map((g) => [g.segmentKey, g.segmentValue] as const);
    this.items = scoredItems(round.version).map((item) => item.itemKey);
    // Every scored item has the same cells: "cannot say" and each point of the version's scale.
    this.values = scored.tallyCells(scoredItems(round.version)[0]!, round.version).map((cell) => cell.value);
    this.measures = [schema.RESPONSES_MEASURE, ...scoredMeasures(round.version)];
    this.counts = new Int32Array(this.groups.length * this.items.length * this.values.length);
    this.moments = new Float64Array(this.groups.length * this.measures.length * 3);
    const index = <T>(list: T[]) => new Map(list.map((x, i) => [x, i]));
    this.#index = { group: index(this.groups.map(([key, value]) => `${key}:${value}`)), item: index(this.items), value: index(this.values), measure: index(this.measures) };
  }
  #count = (g: number, i: number, v: number) => (g * this.items.length + i) * this.values.length + v;
  #moment = (g: number, m: number) => (g * this.measures.length + m) * 3;
  add({ segments, itemValues, measureScores }: Interpreted) {
    const at = this.#index;
    for (const g of [0, ...Object.entries(segments).map(([key, value]) => at.group.get(`${key}:${value}`)!)]) {
      for (const { itemKey, value } of itemValues) this.counts[this.#count(g, at.item.get(itemKey)!, at.value.get(value)!)]! += 1;
      for (const { measure, score } of [{ measure: schema.RESPONSES_MEASURE, score: 0 }, ...measureScores]) {
        const m = this.#moment(g, at.measure.get(measure)!);
        [this.moments[m], this.moments[m + 1], this.moments[m + 2]] = [this.moments[m]! + 1, this.moments[m + 1]! + score, this.moments[m + 2]! + score * score];
      }
    }
  }
  rows() {
    const items: unknown[][] = [];
    const measures: unknown[][] = [];
    this.groups.forEach(([key, value], g) => {
      this.items.forEach((item, i) => this.values.forEach((v, j) => items.push([this.round.id, key, value, item, v, this.counts[this.#count(g, i, j)]])));
      this.measures.forEach((measure, m) => measures.push([this.round.id, key, value, measure, ...this.moments.subarray(this.#moment(g, m), this.#moment(g, m) + 3)]));
    });
    return { items, measures };
  }
}

/**
 * Rows travel as one JSON array per statement and SQLite unpacks them with
 * json_each: a statement with thousands of placeholders costs more to prepare
 * than to run.
 */
async function insertRows(tx: Transaction, table: string, columns: string[], rows: unknown[][]) {
  const select = columns.map((_, i) => `value->>${i}`).join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    await tx.execute({ sql: `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(?)`, args: [JSON.stringify(rows.slice(i, i + 5000))] });
  }
}

/**
 * Writes the whole database on one connection without a journal (a benchmark
 * file can be rebuilt), then leaves it in WAL mode as the app opens it.
 */
async function build(file: string, total: number) {
  const client = createClient({ url: `file:${file}`, intMode: 'number', concurrency: 1 });
  for (const pragma of ['journal_mode = OFF', 'synchronous = OFF', 'cache_size = -524288', 'temp_store = MEMORY']) await client.execute(`PRAGMA ${pragma}`);
  await applyMigrations(drizzle(client, { schema }));
  const catalogue = loadCatalogue();
  const { networks, rounds } = plan([catalogue.find('network-rules', 1)!, catalogue.find('network-strategy', 1)!], total);
  const tx = await client.transaction('write');
  const created = '2017-01-01T06:00:00.000Z';
  await insertRows(tx, 'networks', ['id', 'name', 'anonymity_threshold', 'collect_segments', 'created_at'], networks.map((n) => [n.id, `Verkosto ${n.id}`, 5, n.collect ? 1 : 0, created]));
  const roundColumns = ['id', 'network_id', 'questionnaire_key', 'questionnaire_version', 'title', 'status', 'opens_at', 'closes_at', 'collect_segments', 'created_at'];
  await insertRows(tx, 'rounds', roundColumns, rounds.map((r) => [r.id, r.network, r.version.key, r.version.version, `Kierros ${r.closesAt.slice(0, 7)}`, 'closed', r.closesAt, r.closesAt, r.collect ? 1 : 0, created]));
  for (const n of networks) {
    await tx.execute({
      sql: `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
            INSERT INTO members (network_id, name, email, created_at, updated_at) SELECT ?, 'Jäsen ' || i, 'jasen' || i || '@verkosto' || ? || '.example', ?, ? FROM s`,
      args: [n.members, n.id, n.id, created, created],
    });
  }
  // Every member invited to every round of the network, so roundResults counts a realistic share of a large table.
  await tx.execute('INSERT INTO invitations (round_id, member_id, created_at) SELECT r.id, m.id, r.opens_at FROM rounds r JOIN members m ON m.network_id = r.network_id ORDER BY r.id, m.id');

  // Random ids as the app makes them, stored in id order (as SQLite keeps them), each given to a round at random.
  const ids = new Float64Array(total).map(() => randomResponseId()).sort();
  for (let i = 1; i < total; i++) ids[i] = Math.max(ids[i]!, ids[i - 1]! + 1);
  const roundOf = new Int32Array(total);
  let filled = 0;
  for (const [index, round] of rounds.entries()) {
    roundOf.fill(index, filled, filled + round.size);
    filled += round.size;
  }
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [roundOf[i], roundOf[j]] = [roundOf[j]!, roundOf[i]!];
  }
  const tallies = rounds.map((round) => new RoundTallies(round));
  const columns = ['id', 'round_id', 'questionnaire_key', 'questionnaire_version', 'submitted_on', 'language', 'segments', 'answers'];
  for (let start = 0; start < total; start += 10_000) {
    const batch: unknown[][] = [];
    for (let i = start; i < Math.min(total, start + 10_000); i++) {
      const round = rounds[roundOf[i]!]!;
      const interpreted = interpretAnswers(round.version, answersFor(round), round.collect);
      tallies[roundOf[i]!]!.add(interpreted);
      const { answers: kept, segments } = interpreted;
      const day = new Date(Date.parse(round.closesAt) - Math.floor(random() * 21) * 86_400_000).toISOString().slice(0, 10);
      batch.push([ids[i], round.id, round.version.key, round.version.version, day, random() < 0.85 ? 'fi' : random() < 0.7 ? 'sv' : 'en', JSON.stringify(segments), JSON.stringify(kept)]);
    }
    await insertRows(tx, 'responses', columns, batch);
  }
  for (const tally of tallies) {
    const { items, measures } = tally.rows();
    await insertRows(tx, 'item_tallies', ['round_id', 'segment_key', 'segment_value', 'item_key', 'value', 'count'], items);
    await insertRows(tx, 'measure_tallies', ['round_id', 'segment_key', 'segment_value', 'measure', 'n', 'sum', 'sum_squares'], measures);
  }
  await tx.commit();
  await client.execute('PRAGMA journal_mode = WAL');
  client.close();
  return { rounds: rounds.length, networks: networks.length, measured: rounds.filter((r) => r.network === 1) };
}

async function medianMs(runs: number, call: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 3; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(runs / 2)]!.toFixed(1)} ms (median of ${runs}, max ${times.at(-1)!.toFixed(1)})`;
}

/** Round summary, comparison and trend of a 30-round network in a database of `total` responses. */
export async function benchResultsAtScale(total = 1_000_000, runs = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'vp-bench-scale-'));
  const file = join(dir, 'scale.db');
  try {
    const buildStart = performance.now();
    const built = await build(file, total);
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const database = await openDatabase(`file:${file}`);
    try {
      const { db } = database;
      const catalogue = loadCatalogue();
      const [network] = await db.select().from(schema.networks).where(eq(schema.networks.id, 1));
      const rounds = await db.select().from(schema.rounds).where(eq(schema.rounds.networkId, 1)).orderBy(asc(schema.rounds.closesAt));
      const [before, after] = [rounds.at(-2)!, rounds.at(-1)!];
      return {
        [`results at scale: build ${total.toLocaleString('en')} responses`]: `${buildSeconds.toFixed(1)} s, ${(statSync(file).size / 2 ** 30).toFixed(2)} GiB, ${built.networks} networks, ${built.rounds} rounds`,
        [`roundResults (a round of ${built.measured.at(-1)!.size} responses)`]: await medianMs(runs, () => roundResults(db, catalogue, network!, after)),
        'compareRounds (two rounds of that network)': await medianMs(runs, () => compareRounds(db, catalogue, network!, before, after)),
        'networkTrend (its 30 closed rounds)': await medianMs(runs, () => networkTrend(db, catalogue, network!, 'network-rules')),
      };
    } finally {
      database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
