import type { Db } from '../db/client.js';
import { locate, questionsOf, type Json } from './draft-json.js';
import { listOwnedVersions, NotADraftError, type OwnedVersionRow } from './owned-versions.js';
import type { Catalogue, QuestionnaireVersion } from './types.js';

/** What an edit of a draft needs besides its JSON: the version it stems from, and the item keys no new item may take. */
export type EditContext = { row: OwnedVersionRow; parent: QuestionnaireVersion | undefined; takenKeys: ReadonlySet<string> };

/**
 * Every key of every version of the questionnaire the network sees, and of
 * its other drafts: a fresh key is fresh in the network's whole history, so
 * a trend never joins two different statements.
 */
export async function editContext(db: Db, catalogue: Catalogue, row: OwnedVersionRow): Promise<EditContext> {
  if (row.status !== 'draft') throw new NotADraftError();
  const parent = row.parentVersion === null ? undefined : catalogue.find(row.key, row.parentVersion);
  const drafts = (await listOwnedVersions(db, row.networkId)).filter((other) => other.key === row.key && other.id !== row.id);
  const takenKeys = new Set([
    ...catalogue.forNetwork(row.networkId).versionsOf(row.key).flatMap((version) => version.items.map((item) => item.itemKey)),
    ...drafts.flatMap((draft) => questionsOf(draft.json).map((question) => String(question.itemKey ?? ''))),
  ]);
  return { row, parent, takenKeys };
}

/** The parent version's question of the same name: what a rewording is measured against. */
export function parentQuestion(context: EditContext, name: string): Json | undefined {
  return context.parent ? locate(context.parent.json, name)?.question : undefined;
}
