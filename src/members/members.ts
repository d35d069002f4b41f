import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { DbOrTx } from '../db/client.js';
import { members } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import type { MemberInput } from './member-input.js';

export type Member = typeof members.$inferSelect;

export const MEMBER_STATUSES = ['all', 'active', 'inactive'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export type SaveResult = { ok: true; member: Member } | { ok: false; reason: 'email_taken' | 'do_not_invite' };

/** The unique index on (network, email) is what refuses a second member with the same address. */
function isDuplicateEmail(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: members\.network_id, members\.email/.test(e.message)) return true;
  }
  return false;
}

async function saving(write: () => Promise<Member[]>): Promise<SaveResult> {
  try {
    const [member] = await write();
    return { ok: true, member: member! };
  } catch (error) {
    if (isDuplicateEmail(error)) return { ok: false, reason: 'email_taken' };
    throw error;
  }
}

export async function allMembers(db: DbOrTx, networkId: number): Promise<Member[]> {
  return db.select().from(members).where(eq(members.networkId, networkId));
}

/**
 * The roster filtered and sorted. This is not SQL because SQLite's LIKE and
 * lower() fold only ASCII case, and names have ä, ö and å; a roster holds a few
 * thousand members at most.
 */
export function searchMembers(roster: readonly Member[], filter: { search: string; status: MemberStatus; lang: Language }): Member[] {
  const needle = filter.search.trim().toLocaleLowerCase(filter.lang);
  const collator = new Intl.Collator(filter.lang);
  return roster
    .filter((m) => filter.status === 'all' || m.active === (filter.status === 'active'))
    .filter((m) => !needle || [m.name, m.email, m.organisation].some((v) => v.toLocaleLowerCase(filter.lang).includes(needle)))
    .sort((a, b) => collator.compare(a.name, b.name) || a.email.localeCompare(b.email));
}

export async function findMember(db: DbOrTx, networkId: number, memberId: number): Promise<Member | null> {
  const [member] = await db.select().from(members).where(and(eq(members.networkId, networkId), eq(members.id, memberId)));
  return member ?? null;
}

export async function addMember(db: DbOrTx, clock: Clock, networkId: number, input: MemberInput): Promise<SaveResult> {
  const now = clock.now().toISOString();
  return saving(() => db.insert(members).values({ ...input, networkId, createdAt: now, updatedAt: now }).returning());
}

/** Replaces the member's details; the caller has found the member in this network. */
export async function updateMember(db: DbOrTx, clock: Clock, networkId: number, memberId: number, input: MemberInput): Promise<SaveResult> {
  return saving(() =>
    db
      .update(members)
      .set({ ...input, updatedAt: clock.now().toISOString() })
      .where(and(eq(members.networkId, networkId), eq(members.id, memberId)))
      .returning(),
  );
}

/** Deactivation instead of deletion: invitations of past rounds still refer to the member. */
export async function setMemberActive(db: DbOrTx, clock: Clock, networkId: number, memberId: number, active: boolean): Promise<Member | null> {
  const [member] = await db
    .update(members)
    .set({ active, updatedAt: clock.now().toISOString() })
    .where(and(eq(members.networkId, networkId), eq(members.id, memberId)))
    .returning();
  return member ?? null;
}
