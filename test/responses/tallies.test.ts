import { eq, sum } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../../src/catalogue/types.js';
import { itemTallies, measureTallies, networks, rounds } from '../../src/db/schema/index.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const catalogue = loadCatalogue();

async function createRound(database: TestDatabase, version: QuestionnaireVersion): Promise<number> {
  const now = '2025-01-01T00:00:00.000Z';
  const [network] = await database.db.insert(networks).values({ name: 'Testiverkosto', createdAt: now }).returning();
  const [round] = await database.db
    .insert(rounds)
    .values({ networkId: network!.id, questionnaireKey: version.key, questionnaireVersion: version.version, title: 'Kierros', opensAt: now, closesAt: now, createdAt: now })
    .returning();
  return round!.id;
}

/** Computed from the version itself, not from the code under test. */
function expectedCounts(version: QuestionnaireVersion, collectSegments: boolean) {
  const scored = version.items.filter((i) => i.kind === 'scored');
  const segmentValueCount = version.items.filter((i) => i.kind === 'segment').reduce((n, i) => n + (i.segmentValues?.length ?? 0), 0);
  const groups = 1 + (collectSegments ? segmentValueCount : 0);
  // One row per measure, plus the '*' row that counts the group's responses.
  const measures = new Set(scored.map((i) => i.measure)).size + 1;
  // A ranking counts those who answered, and each choice at each place; a multiple choice each choice once.
  const choiceCells = version.items.reduce((n, i) => n + (i.kind === 'ranking' ? 1 + i.choices!.length * i.maxPicks! : i.kind === 'multiple' ? 1 + i.choices!.length : 0), 0);
  const scaleCells = scored.length * ((version.scale?.choices.length ?? 0) + 1);
  return { items: (scaleCells + choiceCells) * groups, measures: measures * groups };
}

describe('initialiseTallies', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.dispose());

  for (const version of catalogue.versions) {
    for (const collectSegments of [true, false]) {
      it(`creates every row at zero for ${version.file}, segments ${collectSegments ? 'on' : 'off'}`, async () => {
        const roundId = await createRound(database, version);
        await initialiseTallies(database.db, roundId, version, collectSegments);
        const items = await database.db.select().from(itemTallies).where(eq(itemTallies.roundId, roundId));
        const measures = await database.db.select().from(measureTallies).where(eq(measureTallies.roundId, roundId));
        const expected = expectedCounts(version, collectSegments);
        expect(items).toHaveLength(expected.items);
        expect(measures).toHaveLength(expected.measures);
        expect(items.every((row) => row.count === 0)).toBe(true);
        expect(measures.every((row) => row.n === 0 && row.sum === 0 && row.sumSquares === 0)).toBe(true);
        const scaledValues = new Set(items.filter((row) => version.items.some((i) => i.kind === 'scored' && i.itemKey === row.itemKey)).map((row) => row.value));
        expect(scaledValues).toEqual(new Set(version.scale ? [0, ...version.scale.choices.map((c) => c.value)] : []));
        if (!collectSegments) expect(items.every((row) => row.segmentKey === '' && row.segmentValue === '')).toBe(true);
      });
    }
  }

  it('can run again without adding or resetting rows', async () => {
    const version = catalogue.versionsOf('network-rules').at(-1)!;
    const roundId = await createRound(database, version);
    await initialiseTallies(database.db, roundId, version, true);
    await database.db.update(itemTallies).set({ count: 7 }).where(eq(itemTallies.roundId, roundId));
    await database.db.transaction((tx) => initialiseTallies(tx, roundId, version, true));
    const rows = await database.db.select().from(itemTallies).where(eq(itemTallies.roundId, roundId));
    expect(rows).toHaveLength(expectedCounts(version, true).items);
    const [total] = await database.db.select({ total: sum(itemTallies.count) }).from(itemTallies);
    expect(Number(total!.total)).toBe(7 * rows.length);
  });
});
