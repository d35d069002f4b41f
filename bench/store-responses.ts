import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../src/catalogue/types.js';
import { openDatabase } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { networks, rounds } from '../src/db/schema/index.js';
import { storeResponse } from '../src/responses/store.js';
import { initialiseTallies } from '../src/responses/tallies.js';

/** A full, plausible answer to every scored and segment question of a version. */
function answersFor(version: QuestionnaireVersion, i: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const item of version.items) {
    if (item.kind === 'scored') answers[item.name] = i % 17 === 0 ? 'none' : 1 + ((i * 7 + item.name.length) % 5);
    if (item.kind === 'segment') answers[item.name] = item.segmentValues![i % item.segmentValues!.length];
  }
  return answers;
}

/** Stores responses one transaction each, sequentially and with concurrent writers, on a file database. */
export async function benchStoreResponses(count = 2000, concurrency = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'vp-bench-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await applyMigrations(database.db);
    const version = loadCatalogue().find('network-rules', 1)!;
    const [network] = await database.db.insert(networks).values({ name: 'Bench', collectSegments: true, createdAt: new Date().toISOString() }).returning();
    const [round] = await database.db
      .insert(rounds)
      .values({ networkId: network!.id, questionnaireKey: version.key, questionnaireVersion: version.version, title: 'Bench', status: 'open', opensAt: '2026-01-01', closesAt: '2026-12-31', collectSegments: true, createdAt: '2026-01-01' })
      .returning();
    await initialiseTallies(database.db, round!.id, version, true);
    const store = (i: number) =>
      database.db.transaction((tx) => storeResponse(tx, { roundId: round!.id, version, answers: answersFor(version, i), collectSegments: true }));

    const sequentialStart = performance.now();
    for (let i = 0; i < count / 2; i++) await store(i);
    const sequentialMs = performance.now() - sequentialStart;

    const concurrentStart = performance.now();
    let next = count / 2;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < count) await store(next++);
    }));
    const concurrentMs = performance.now() - concurrentStart;
    return {
      'store one response (sequential)': `${((count / 2) / (sequentialMs / 1000)).toFixed(0)} responses/s, ${(sequentialMs / (count / 2)).toFixed(2)} ms each`,
      [`store responses (${concurrency} concurrent writers)`]: `${((count / 2) / (concurrentMs / 1000)).toFixed(0)} responses/s`,
    };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
