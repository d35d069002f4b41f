import { eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { members } from '../db/schema/index.js';
import type { Network } from '../networks/networks.js';
import { planImport, type ImportPlan } from './csv-plan.js';
import { readCsv, type FileProblem } from './csv-read.js';
import { allMembers } from './members.js';
import { listedAddresses } from './do-not-invite.js';

export type ImportCounts = { added: number; updated: number; unchanged: number; skipped: number };

export type ImportOutcome =
  | { kind: 'file_problem'; problem: FileProblem }
  | { kind: 'preview'; plan: ImportPlan }
  /** Confirmed, but bad lines were not allowed to be skipped: nothing written. */
  | { kind: 'refused'; plan: ImportPlan }
  | { kind: 'written'; plan: ImportPlan; counts: ImportCounts };

/** SQLite allows a limited number of bound values per statement. */
const INSERT_CHUNK = 500;

/**
 * Previews an import, or with `confirm` writes it: the plan is made again from
 * the same text inside the transaction that writes it, so it matches the roster
 * it is applied to. Lines with problems are written never; with `skipInvalid`
 * the others are.
 */
export async function importMembers(db: Db, clock: Clock, secretKey: string, network: Network, actor: Actor, text: string, options: { confirm: boolean; skipInvalid: boolean }): Promise<ImportOutcome> {
  const read = readCsv(text);
  if (!read.ok) return { kind: 'file_problem', problem: read.problem };
  if (!options.confirm) return { kind: 'preview', plan: planImport(read.table, await allMembers(db, network.id), network.languages, await listedAddresses(db, secretKey, network.id)) };
  return db.transaction(async (tx) => {
    const plan = planImport(read.table, await allMembers(tx, network.id), network.languages, await listedAddresses(tx, secretKey, network.id));
    if (plan.bad.length > 0 && !options.skipInvalid) return { kind: 'refused', plan };
    const now = clock.now().toISOString();
    const added = plan.rows.filter((row) => row.action === 'add').map((row) => ({ ...row.values, networkId: network.id, createdAt: now, updatedAt: now }));
    for (let i = 0; i < added.length; i += INSERT_CHUNK) await tx.insert(members).values(added.slice(i, i + INSERT_CHUNK));
    const updated = plan.rows.filter((row) => row.action === 'update');
    for (const row of updated) await tx.update(members).set({ ...row.values, updatedAt: now }).where(eq(members.id, row.member!.id));
    const counts = { added: added.length, updated: updated.length, unchanged: plan.rows.length - added.length - updated.length, skipped: plan.bad.length };
    if (added.length + updated.length > 0) {
      const addedMembers = added.map(({ name, email }) => ({ name, email }));
      await recordAudit(tx, { networkId: network.id, actor, at: clock.now(), action: 'members_imported', details: { added: added.length, updated: updated.length, addedMembers } });
    }
    return { kind: 'written', plan, counts };
  });
}
