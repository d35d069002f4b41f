import type { DbOrTx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { AuditEntry } from './entries.js';

/** The signed-in user who acted, or null when the scheduler did. */
export type Actor = { userId: number; name: string } | null;

export type AuditRecord = AuditEntry & { networkId: number; actor: Actor; at: Date };

/**
 * Writes one audit event. Pass the transaction that makes the change, so that
 * the change and its record are committed together or not at all.
 */
export async function recordAudit(db: DbOrTx, record: AuditRecord): Promise<void> {
  await db.insert(auditEvents).values({
    networkId: record.networkId,
    roundId: 'roundId' in record ? record.roundId : null,
    actorUserId: record.actor?.userId ?? null,
    actorName: record.actor?.name ?? null,
    action: record.action,
    details: record.details,
    at: record.at.toISOString(),
  });
}
