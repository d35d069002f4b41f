import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { questionnaireVersions } from '../db/schema/index.js';
import { FIRST_OWNED_VERSION } from './load.js';
import type { Catalogue, QuestionnaireVersion } from './types.js';

export class ChangedVersionError extends Error {}

/** Records a version's content hash the first time a round uses it; later uses keep the first record. */
export async function recordVersionUse(db: DbOrTx, version: QuestionnaireVersion, now: Date): Promise<void> {
  await db
    .insert(questionnaireVersions)
    .values({ key: version.key, version: version.version, contentHash: version.hash, firstUsedAt: now.toISOString() })
    .onConflictDoNothing();
}

/** A used version is immutable: refuse to run if its file changed or disappeared. */
export async function assertUsedVersionsUnchanged(db: Db, catalogue: Catalogue): Promise<void> {
  const used = await db.select().from(questionnaireVersions).orderBy(sql`${questionnaireVersions.key}, ${questionnaireVersions.version}`);
  const problems = used.flatMap((row) => {
    const current = catalogue.find(row.key, row.version);
    // A network's own versions live in the database, where a published row is never written again.
    if (row.version >= FIRST_OWNED_VERSION) return current ? [] : [`the network version ${row.version} of ${row.key} was used by a round on ${row.firstUsedAt.slice(0, 10)} but is missing from owned_versions; restore the database from a backup.`];
    const file = `surveys/${row.key}/v${row.version}.json`;
    if (!current) return [`${file} was used by a round on ${row.firstUsedAt.slice(0, 10)} but is missing; restore it.`];
    if (current.hash !== row.contentHash) {
      return [`${file} changed after a round used it on ${row.firstUsedAt.slice(0, 10)}. Restore it and put the change in a new version file (v${row.version + 1}.json or later).`];
    }
    return [];
  });
  if (problems.length > 0) throw new ChangedVersionError(`Used questionnaire versions are immutable:\n  ${problems.join('\n  ')}`);
}
