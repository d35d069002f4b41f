import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { auditEvents, rounds } from '../db/schema/index.js';
import type { AuditEntry } from './entries.js';

/** `actor` is null when the scheduler acted; its userId is null once the account is gone. */
export type AuditEvent = AuditEntry & { id: number; at: string; actor: { userId: number | null; name: string } | null; round: { id: number; title: string } | null };
export type AuditPage = { events: AuditEvent[]; total: number; page: number; pages: number };

/** The stretch of time whose roster changes bear on a round: from two weeks before it opened until it closed. */
export type RoundPeriod = { roundId: number; from: string; until: string };

export const AUDIT_PAGE_SIZE = 30;
const LEAD_IN_MS = 14 * 86_400_000;

type RoundTimes = { id: number; opensAt: string; openedAt: string | null; closedAt: string | null };

/** A round that has not opened yet is measured from its planned opening, an open one up to now. */
export function roundPeriod(round: RoundTimes, now: Date): RoundPeriod {
  const opened = Date.parse(round.openedAt ?? round.opensAt);
  return { roundId: round.id, from: new Date(opened - LEAD_IN_MS).toISOString(), until: round.closedAt ?? now.toISOString() };
}

/** Within a round's period, the network's own events (roster, settings) and that round's events, but not other rounds'. */
function periodFilter(period: RoundPeriod): SQL {
  const networkWide = and(isNull(auditEvents.roundId), gte(auditEvents.at, period.from), lte(auditEvents.at, period.until));
  return or(networkWide, eq(auditEvents.roundId, period.roundId))!;
}

type Row = typeof auditEvents.$inferSelect & { roundTitle: string | null };

function toEvent(row: Row): AuditEvent {
  // The details were written by recordAudit with the type that goes with the action.
  const entry = { action: row.action, details: row.details, ...(row.roundId === null ? {} : { roundId: row.roundId }) } as AuditEntry;
  return {
    ...entry,
    id: row.id,
    at: row.at,
    // A deleted account keeps its name; only the scheduler has none.
    actor: row.actorName === null ? null : { userId: row.actorUserId, name: row.actorName },
    round: row.roundId === null ? null : { id: row.roundId, title: row.roundTitle ?? '' },
  };
}

/** The network's events, newest first, one page at a time; with a period, only the events that bear on that round. */
export async function networkAudit(db: Db, networkId: number, options: { page: number; pageSize?: number; period?: RoundPeriod }): Promise<AuditPage> {
  const size = options.pageSize ?? AUDIT_PAGE_SIZE;
  const where = and(eq(auditEvents.networkId, networkId), options.period ? periodFilter(options.period) : undefined);
  const [counted] = await db.select({ n: count() }).from(auditEvents).where(where);
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db
    .select({ event: auditEvents, roundTitle: rounds.title })
    .from(auditEvents)
    .leftJoin(rounds, eq(rounds.id, auditEvents.roundId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(size)
    .offset((page - 1) * size);
  return { events: rows.map(({ event, roundTitle }) => toEvent({ ...event, roundTitle })), total, page, pages };
}

/**
 * The events whose details name this address (members added, imported or
 * changed, invitations to a role), oldest first; within the given networks, or
 * all of them. The details are JSON, so the address is matched as a JSON string.
 */
export async function eventsNaming(db: DbOrTx, email: string, networkIds: number[] | null): Promise<Array<AuditEvent & { networkId: number }>> {
  const quoted = JSON.stringify(email.toLowerCase());
  const rows = await db
    .select({ event: auditEvents, roundTitle: rounds.title })
    .from(auditEvents)
    .leftJoin(rounds, eq(rounds.id, auditEvents.roundId))
    .where(and(sql`instr(lower(${auditEvents.details}), ${quoted}) > 0`, networkIds ? inArray(auditEvents.networkId, networkIds) : undefined))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.map(({ event, roundTitle }) => ({ ...toEvent({ ...event, roundTitle }), networkId: event.networkId }));
}
