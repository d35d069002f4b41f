import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { ownedVersions } from '../db/schema/index.js';
import { contentHash, FIRST_OWNED_VERSION } from './load.js';
import { CatalogueError, type Catalogue, type QuestionnaireVersion } from './types.js';
import { validateSurvey } from './validate.js';

export type OwnedVersionRow = typeof ownedVersions.$inferSelect;

/** How a network's version is named in operators' messages: it has no file. */
export function ownedVersionSource(row: Pick<OwnedVersionRow, 'id' | 'networkId' | 'key'>): string {
  return `network ${row.networkId}'s version ${row.id} of ${row.key}`;
}

/**
 * Checks a network's JSON exactly as a shipped file is checked, and gives the
 * version it would be; a draft is checked with a stand-in number.
 */
export function ownedVersionOf(row: OwnedVersionRow, catalogue: Catalogue): QuestionnaireVersion {
  const source = ownedVersionSource(row);
  const validated = validateSurvey(row.json, source);
  return {
    key: row.key,
    version: row.version ?? 0,
    label: ownedLabel(row, catalogue),
    owner: { networkId: row.networkId, ownedId: row.id, ownNumber: row.ownNumber ?? 0, parentVersion: row.parentVersion },
    file: source,
    hash: contentHash(row.json),
    json: row.json,
    ...validated,
  };
}

/**
 * A network's versions read as sub-versions of the shipped one they stem
 * from: "1.1", "1.2", … (a draft has no number yet: "1.–").
 */
function ownedLabel(row: OwnedVersionRow, catalogue: Catalogue): string {
  const parent = row.parentVersion === null ? undefined : catalogue.find(row.key, row.parentVersion);
  const base = parent ? parent.label.split('.')[0] : '0';
  return `${base}.${row.ownNumber ?? '–'}`;
}

/** Takes the published versions not yet in the catalogue into it: all of them at start, later only newer ones. */
export async function loadOwnedVersions(db: DbOrTx, catalogue: Catalogue): Promise<number> {
  const rows = await db
    .select()
    .from(ownedVersions)
    .where(and(eq(ownedVersions.status, 'published'), gt(ownedVersions.id, catalogue.lastOwnedId())))
    .orderBy(asc(ownedVersions.id));
  for (const row of rows) {
    const version = ownedVersionOf(row, catalogue);
    // Published rows are never written again, but a changed row must not pass silently.
    if (version.hash !== row.contentHash) throw new CatalogueError(version.file, 'content_changed');
    catalogue.addOwned(version);
  }
  return rows.length;
}

export async function listOwnedVersions(db: Db, networkId: number): Promise<OwnedVersionRow[]> {
  return db.select().from(ownedVersions).where(eq(ownedVersions.networkId, networkId)).orderBy(asc(ownedVersions.key), asc(ownedVersions.id));
}

/** One of the network's own versions; another network's id finds nothing. */
export async function findOwnedVersion(db: Db, networkId: number, id: number): Promise<OwnedVersionRow | undefined> {
  const [row] = await db.select().from(ownedVersions).where(and(eq(ownedVersions.networkId, networkId), eq(ownedVersions.id, id)));
  return row;
}

export type DraftSource = { key: string; parentVersion: number | null; json: Record<string, unknown> };

/** A new draft: a copy of a version to derive from, or an imported file. */
export async function createDraft(db: Db, clock: Clock, networkId: number, userId: number | null, source: DraftSource): Promise<OwnedVersionRow> {
  const now = clock.now().toISOString();
  const [row] = await db
    .insert(ownedVersions)
    .values({ networkId, key: source.key, parentVersion: source.parentVersion, json: structuredClone(source.json), createdBy: userId, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export class NotADraftError extends Error {}

/** A draft's new content; a published version never changes. */
/**
 * Saves a draft edited from `row` only if nobody saved it in between (the
 * stored JSON is still the one the edit started from, which a timestamp of
 * millisecond grain could not promise); 'changed' tells the caller to apply
 * its edit again to the newer draft, so that no one's edit is lost.
 */
export async function saveDraft(db: Db, clock: Clock, row: OwnedVersionRow, json: Record<string, unknown>): Promise<'saved' | 'changed'> {
  const [saved] = await db
    .update(ownedVersions)
    .set({ json, updatedAt: clock.now().toISOString() })
    .where(and(eq(ownedVersions.id, row.id), eq(ownedVersions.status, 'draft'), sql`${ownedVersions.json} = ${JSON.stringify(row.json)}`))
    .returning({ id: ownedVersions.id });
  if (saved) return 'saved';
  const [now] = await db.select({ status: ownedVersions.status }).from(ownedVersions).where(eq(ownedVersions.id, row.id));
  if (now?.status !== 'draft') throw new NotADraftError();
  return 'changed';
}

export async function deleteDraft(db: Db, row: OwnedVersionRow): Promise<void> {
  const [deleted] = await db
    .delete(ownedVersions)
    .where(and(eq(ownedVersions.id, row.id), eq(ownedVersions.status, 'draft')))
    .returning({ id: ownedVersions.id });
  if (!deleted) throw new NotADraftError();
}

/**
 * Publishes a draft that passes validation: it gets the next catalogue number
 * of its questionnaire (across networks, above the shipped files) and the
 * network's own count, becomes immutable and can be chosen for rounds.
 * Throws the CatalogueError of an invalid draft.
 */
export async function publishDraft(db: Db, clock: Clock, catalogue: Catalogue, row: OwnedVersionRow, actor: Actor): Promise<QuestionnaireVersion> {
  ownedVersionOf(row, catalogue);
  const now = clock.now();
  const published = await db.transaction(async (tx) => {
    const [numbers] = await tx
      .select({
        version: max(ownedVersions.version),
        own: sql<number | null>`max(CASE WHEN ${ownedVersions.networkId} = ${row.networkId} THEN ${ownedVersions.ownNumber} END)`,
      })
      .from(ownedVersions)
      .where(eq(ownedVersions.key, row.key));
    const version = Math.max(FIRST_OWNED_VERSION - 1, numbers?.version ?? 0) + 1;
    const [updated] = await tx
      .update(ownedVersions)
      .set({ status: 'published', version, ownNumber: (numbers?.own ?? 0) + 1, contentHash: contentHash(row.json), publishedAt: now.toISOString(), updatedAt: now.toISOString() })
      .where(and(eq(ownedVersions.id, row.id), eq(ownedVersions.status, 'draft')))
      .returning();
    if (!updated) throw new NotADraftError();
    await recordAudit(tx, { networkId: row.networkId, actor, at: now, action: 'questionnaire_published', details: { title: ownedVersionOf(updated, catalogue).title, ownNumber: updated.ownNumber! } });
    return updated;
  });
  const version = ownedVersionOf(published, catalogue);
  catalogue.addOwned(version);
  return version;
}
