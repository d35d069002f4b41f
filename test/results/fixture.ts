import type { Catalogue } from '../../src/catalogue/types.js';
import { rounds } from '../../src/db/schema/index.js';
import { storeResponse } from '../../src/responses/store.js';
import { initialiseTallies } from '../../src/responses/tallies.js';
import type { TestApp } from '../helpers/app.js';

type RoundOptions = { version?: number; key?: string; status?: 'open' | 'closed'; closesAt?: string; collectSegments?: boolean; anonymityThreshold?: number; openAnswerThreshold?: number };

/** A round of the network whose responses are stored through the real storage path. */
export async function roundWithResponses(t: TestApp, networkId: number, answers: Array<Record<string, unknown>>, options: RoundOptions = {}, catalogue: Catalogue = t.deps.catalogue) {
  const version = catalogue.find(options.key ?? 'network-rules', options.version ?? 1)!;
  const collectSegments = options.collectSegments ?? true;
  const closesAt = options.closesAt ?? '2026-02-20T14:00:00.000Z';
  const [round] = await t.deps.db
    .insert(rounds)
    .values({
      networkId,
      questionnaireKey: version.key,
      questionnaireVersion: version.version,
      title: `Kierros ${closesAt.slice(0, 7)}`,
      status: options.status ?? 'closed',
      opensAt: '2026-01-01T06:00:00.000Z',
      closesAt,
      collectSegments,
      anonymityThreshold: options.anonymityThreshold ?? null,
      openAnswerThreshold: options.openAnswerThreshold ?? null,
      createdAt: '2026-01-01T06:00:00.000Z',
    })
    .returning();
  await initialiseTallies(t.deps.db, round!.id, version, collectSegments);
  for (const a of answers) {
    await t.deps.db.transaction((tx) => storeResponse(tx, { roundId: round!.id, version, answers: a, collectSegments }));
  }
  return round!;
}

/** Every scored item of network-rules answered with `value`, plus the given extras. */
export function uniformAnswers(t: TestApp, value: number | 'none', extra: Record<string, unknown> = {}, version = 1): Record<string, unknown> {
  const v = t.deps.catalogue.find('network-rules', version) ?? t.deps.catalogue.versionsOf('network-rules').at(-1)!;
  return { ...Object.fromEntries(v.items.filter((i) => i.kind === 'scored').map((i) => [i.name, value])), ...extra };
}
