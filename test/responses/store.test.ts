import { and, count as countRows, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { itemTallies, measureTallies, networks, responses, rounds } from '../../src/db/schema/index.js';
import { storeResponse, storeResponses, TalliesNotInitialisedError, type ResponseInput } from '../../src/responses/store.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const version = loadCatalogue().versionsOf('network-rules').at(-1)!;
const rule1 = version.items.filter((i) => i.kind === 'scored' && i.measure === 'rule:1');
const [a, b, c] = rule1.map((i) => i.name) as [string, string, string];
const keyA = rule1[0]!.itemKey;
const keyB = rule1[1]!.itemKey;
const keyC = rule1[2]!.itemKey;

describe('storeResponse', () => {
  let database: TestDatabase;
  let roundId: number;

  async function createRound(collectSegments: boolean, initialise = true): Promise<number> {
    const now = '2025-01-01T00:00:00.000Z';
    const [network] = await database.db.insert(networks).values({ name: 'Testiverkosto', collectSegments, createdAt: now }).returning();
    const [round] = await database.db
      .insert(rounds)
      .values({ networkId: network!.id, questionnaireKey: version.key, questionnaireVersion: version.version, title: 'Kierros', opensAt: now, closesAt: now, createdAt: now })
      .returning();
    if (initialise) await initialiseTallies(database.db, round!.id, version, collectSegments);
    return round!.id;
  }

  const input = (answers: Record<string, unknown>, collectSegments = true): ResponseInput => ({
    roundId,
    version,
    answers,
    collectSegments,
  });

  async function count(itemKey: string, value: number, segmentKey = '', segmentValue = '') {
    const [row] = await database.db
      .select()
      .from(itemTallies)
      .where(and(eq(itemTallies.roundId, roundId), eq(itemTallies.itemKey, itemKey), eq(itemTallies.value, value), eq(itemTallies.segmentKey, segmentKey), eq(itemTallies.segmentValue, segmentValue)));
    return row?.count;
  }

  async function measure(name: string, segmentKey = '', segmentValue = '') {
    const [row] = await database.db
      .select()
      .from(measureTallies)
      .where(and(eq(measureTallies.roundId, roundId), eq(measureTallies.measure, name), eq(measureTallies.segmentKey, segmentKey), eq(measureTallies.segmentValue, segmentValue)));
    return row && { n: row.n, sum: row.sum, sumSquares: row.sumSquares };
  }

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.dispose());

  it('counts answers and per-respondent measure scores in the totals and in each reported segment', async () => {
    roundId = await createRound(true);
    // Scores on rule 1: (4 + 2) / 2 = 3 ("cannot say" is not a score); (5 + 3) / 2 = 4; none at all.
    await storeResponse(database.db, input({ [a]: 4, [b]: 'none', [c]: 2, organisation_type: 'vocational', role: 'teacher', r1_comment: 'Hyvä.', stray: 'x' }));
    await storeResponse(database.db, input({ [a]: 5, [b]: 3, organisation_type: 'vocational' }));
    await storeResponse(database.db, input({ [a]: 'none', [b]: 'none' }));

    expect([await count(keyA, 4), await count(keyA, 5), await count(keyA, 0), await count(keyA, 3)]).toEqual([1, 1, 1, 0]);
    expect([await count(keyB, 0), await count(keyB, 3), await count(keyC, 2), await count(keyC, 0)]).toEqual([2, 1, 1, 0]);
    expect(await measure('rule:1')).toEqual({ n: 2, sum: 7, sumSquares: 9 + 16 });
    expect(await measure('rule:2')).toEqual({ n: 0, sum: 0, sumSquares: 0 });

    expect([await count(keyA, 4, 'organisationType', 'vocational'), await count(keyA, 5, 'organisationType', 'vocational')]).toEqual([1, 1]);
    expect(await count(keyA, 0, 'organisationType', 'vocational')).toBe(0);
    expect(await measure('rule:1', 'organisationType', 'vocational')).toEqual({ n: 2, sum: 7, sumSquares: 25 });
    expect(await count(keyA, 4, 'role', 'teacher')).toBe(1);
    expect(await measure('rule:1', 'role', 'teacher')).toEqual({ n: 1, sum: 3, sumSquares: 9 });
    expect(await measure('rule:1', 'role', 'principal')).toEqual({ n: 0, sum: 0, sumSquares: 0 });

    const stored = await database.db.select().from(responses).where(eq(responses.roundId, roundId));
    expect(stored).toHaveLength(3);
    const first = stored.find((r) => r.answers['r1_comment'] === 'Hyvä.')!;
    // The background answers are counted in the segment tallies above, but not kept: they would join against the roster.
    expect(first.answers).toEqual({ [a]: 4, [b]: 'none', [c]: 2, r1_comment: 'Hyvä.' });
    expect(Object.keys(first).sort()).toEqual(['answers', 'id', 'questionnaireKey', 'questionnaireVersion', 'roundId']);
    expect(first).toMatchObject({ roundId, questionnaireKey: version.key, questionnaireVersion: version.version });
  });

  it('keeps no segment, in tallies or answers, when the network does not collect them', async () => {
    roundId = await createRound(false);
    await storeResponse(database.db, input({ [a]: 4, organisation_type: 'vocational', role: 'teacher' }, false));
    const [stored] = await database.db.select().from(responses).where(eq(responses.roundId, roundId));
    expect(stored!.answers).toEqual({ [a]: 4 });
    expect(await count(keyA, 4)).toBe(1);
    const segmentRows = await database.db.select().from(itemTallies).where(and(eq(itemTallies.roundId, roundId), eq(itemTallies.segmentKey, 'organisationType')));
    expect(segmentRows).toEqual([]);
  });

  it('gives ids that do not follow the order of arrival', async () => {
    roundId = await createRound(true);
    for (let i = 0; i < 50; i++) await storeResponse(database.db, input({ [a]: 3, r1_comment: String(i) }));
    const stored = await database.db.select({ id: responses.id, answers: responses.answers }).from(responses);
    expect(stored.every((r) => Number.isSafeInteger(r.id) && r.id > 0)).toBe(true);
    const arrival = [...stored].sort((x, y) => x.id - y.id).map((r) => Number(r.answers['r1_comment']));
    const ascending = arrival.every((n, i) => i === 0 || n > arrival[i - 1]!);
    const descending = arrival.every((n, i) => i === 0 || n < arrival[i - 1]!);
    expect(ascending || descending).toBe(false);
  });

  it('counts responses stored together exactly as one at a time', async () => {
    const answerSets = Array.from({ length: 12 }, (_, i) => ({
      [a]: 1 + (i % 5),
      [b]: i % 4 === 0 ? 'none' : 5 - (i % 5),
      [c]: 2,
      organisation_type: i % 3 === 0 ? 'vocational' : 'municipality',
      ...(i % 2 === 0 ? { role: 'teacher' } : {}),
    }));
    const oneByOne = await createRound(true);
    roundId = oneByOne;
    for (const answers of answerSets) await storeResponse(database.db, input(answers));
    const together = await createRound(true);
    roundId = together;
    await database.db.transaction((tx) => storeResponses(tx, answerSets.map((answers) => input(answers))));

    const tallies = async (id: number) => ({
      items: (await database.db.select().from(itemTallies).where(eq(itemTallies.roundId, id))).map(({ roundId: _, ...row }) => row),
      measures: (await database.db.select().from(measureTallies).where(eq(measureTallies.roundId, id))).map(({ roundId: _, ...row }) => row),
    });
    const expected = await tallies(oneByOne);
    expect(expected.items.some((row) => row.count > 1)).toBe(true);
    expect(await tallies(together)).toEqual(expected);
    const [stored] = await database.db.select({ n: countRows() }).from(responses).where(eq(responses.roundId, together));
    expect(stored!.n).toBe(12);
  });

  it('refuses to store into a round whose tallies were never created, leaving nothing behind', async () => {
    roundId = await createRound(true, false);
    await expect(database.db.transaction((tx) => storeResponse(tx, input({ [a]: 4 })))).rejects.toBeInstanceOf(TalliesNotInitialisedError);
    expect(await database.db.select().from(responses)).toEqual([]);
  });

  it('stores responses in a table with no column that could lead back to an invitation or a member', async () => {
    const { rows } = await database.client.execute('PRAGMA table_info(responses)');
    const columns = rows.map((r) => String(r.name));
    // Nor a day, a language or a background, which together could single a member out.
    expect(columns.sort()).toEqual(['answers', 'id', 'questionnaire_key', 'questionnaire_version', 'round_id']);
    expect(columns.filter((name) => /invitation|member|token|email|user|created|time|day|submitted|language|segment/.test(name))).toEqual([]);
  });
});
