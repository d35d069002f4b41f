import type { Context } from 'hono';
import type { Language } from '../db/schema/networks.js';
import { memberText } from '../i18n/members.js';
import { membersCsv } from '../members/csv-export.js';
import { allMembers, findMember, MEMBER_STATUSES, searchMembers, type Member, type MemberStatus } from '../members/members.js';
import { NotFoundError } from './errors.js';
import { parseId } from './ids.js';
import type { NetworkEnv } from './network-access.js';

/* What the members page router and the members API router both read from a request. */

/** The member named by :memberId in this network; any other id is the same 404. */
export async function memberFrom(c: Context<NetworkEnv>): Promise<Member> {
  const id = parseId(c.req.param('memberId'));
  const member = id === null ? null : await findMember(c.var.deps.db, c.var.network.id, id);
  if (!member) throw new NotFoundError(memberText(c.var.lang).notFound);
  return member;
}

/** Why a member could not be saved, as the coordinator reads it. */
export function saveRefusal(lang: Language, reason: 'email_taken' | 'do_not_invite'): string {
  return reason === 'email_taken' ? memberText(lang).emailTaken : memberText(lang).doNotInviteListed;
}

export const statusFrom = (value: string | undefined): MemberStatus => MEMBER_STATUSES.find((status) => status === value) ?? 'all';

/** The active roster as a spreadsheet, for the pages and the API alike. */
export async function exportResponse(c: Context<NetworkEnv>): Promise<Response> {
  const lang = c.var.lang;
  const active = searchMembers(await allMembers(c.var.deps.db, c.var.network.id), { search: '', status: 'active', lang });
  const fileName = `${memberText(lang).exportFileName}-${c.var.deps.clock.now().toISOString().slice(0, 10)}.csv`;
  return c.body(membersCsv(active, lang), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` });
}

