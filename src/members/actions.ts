import type { MemberChange, MemberRef } from '../audit/entries.js';
import { recordAudit, type Actor } from '../audit/record.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { listedAddresses } from './do-not-invite.js';
import type { MemberInput } from './member-input.js';
import { addMember, findMember, setMemberActive, updateMember, type Member, type SaveResult } from './members.js';

/**
 * Roster changes as the page and API routers both make them: each change and
 * its audit event are written in one transaction.
 */
type Deps = { db: Db; clock: Clock; secretKey: string };

const MEMBER_FIELDS = ['name', 'email', 'organisation', 'organisationType', 'language'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const memberRef = (member: Pick<Member, 'id' | 'name' | 'email'>): MemberRef => ({ memberId: member.id, name: member.name, email: member.email });

const changesBetween = (before: Member, after: Member): MemberChange[] =>
  MEMBER_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({ field, from: before[field], to: after[field] }));

export async function add({ db, clock, secretKey }: Deps, networkId: number, actor: Actor, input: MemberInput): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    if ((await listedAddresses(tx, secretKey, networkId))(input.email)) return { ok: false, reason: 'do_not_invite' };
    const saved = await addMember(tx, clock, networkId, input);
    if (saved.ok) await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'member_added', details: { member: memberRef(saved.member) } });
    return saved;
  });
}

/** Replaces the member's details; the event lists only the fields that changed, an address with its old and new value. */
export async function edit({ db, clock, secretKey }: Deps, networkId: number, actor: Actor, memberId: number, input: MemberInput): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    // Compared with the row as this transaction sees it, not as the form was loaded.
    const before = await findMember(tx, networkId, memberId);
    if (before && before.email !== input.email && (await listedAddresses(tx, secretKey, networkId))(input.email)) return { ok: false, reason: 'do_not_invite' };
    const saved = await updateMember(tx, clock, networkId, memberId, input);
    if (!saved.ok || !before) return saved;
    const changes = changesBetween(before, saved.member);
    if (changes.length > 0) await recordAudit(tx, { networkId, actor, at: clock.now(), action: 'member_changed', details: { member: memberRef(saved.member), changes } });
    return saved;
  });
}

/** Deactivates or reactivates; a member already in that state is left alone and nothing is recorded. */
export async function setActive({ db, clock }: Deps, networkId: number, actor: Actor, memberId: number, active: boolean): Promise<Member | null> {
  return db.transaction(async (tx) => {
    const before = await findMember(tx, networkId, memberId);
    if (!before || before.active === active) return before;
    const member = await setMemberActive(tx, clock, networkId, memberId, active);
    const action = active ? 'member_reactivated' : 'member_deactivated';
    await recordAudit(tx, { networkId, actor, at: clock.now(), action, details: { member: memberRef(before) } });
    return member;
  });
}
