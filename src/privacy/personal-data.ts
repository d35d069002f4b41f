import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { eventsNaming, type AuditEvent } from '../audit/read.js';
import type { Db } from '../db/client.js';
import { authTokens, invitations, members, networkRoles, networks, outgoingMail, rounds, users, type Role } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import type { OrganisationType } from '../db/schema/members.js';
import { mailSealingKey, openMail } from '../mail/sealed-mail.js';

/** Whose records an access request may read: one network's (its coordinator) or every network's (the instance's administrator). */
export type AccessScope = { networkIds: number[] } | 'instance';

export type RosterEntry = {
  network: string;
  name: string;
  email: string;
  organisation: string;
  organisationType: OrganisationType;
  language: Language;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** The rounds they were invited to; nothing says whether they answered, because nothing stored knows. */
  invitations: Array<{ round: string; sentAt: string | null }>;
};

export type PersonalData = {
  email: string;
  account: { name: string; email: string; language: Language; createdAt: string; isAdmin: boolean; roles: Array<{ network: string; role: Role }> } | null;
  roster: RosterEntry[];
  pendingInvitations: Array<{ network: string; role: Role; expiresAt: string }>;
  /** Mail not yet delivered (delivered mail keeps no address or content). */
  keptMail: Array<{ kind: string; subject: string; status: string; createdAt: string }>;
  /** The networks whose records name the address, so that each one's log can say its data was compiled. */
  networkIds: number[];
  /** Activity-log entries that name the address, with their network's name. */
  logMentions: Array<AuditEvent & { network: string }>;
};

/**
 * Reminders are left out on purpose: one waiting for a person would tell the
 * reader of the export that this person had not answered yet.
 */
const EXPORTED_MAIL_KINDS = ['invitation', 'account-invite', 'password-reset', 'digest'];

const normalise = (email: string) => email.trim().toLowerCase();

/** Everything stored about one email address that the scope may read, for a data subject's access request. */
export async function personalDataOf(db: Db, secretKey: string, rawEmail: string, scope: AccessScope): Promise<PersonalData> {
  const email = normalise(rawEmail);
  const inScope = <T extends { networkId: number | null }>(rows: T[]) => (scope === 'instance' ? rows : rows.filter((row) => row.networkId !== null && scope.networkIds.includes(row.networkId)));

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email));
  const roles = user
    ? inScope(await db.select({ networkId: networkRoles.networkId, network: networks.name, role: networkRoles.role }).from(networkRoles).innerJoin(networks, eq(networks.id, networkRoles.networkId)).where(eq(networkRoles.userId, user.id)).orderBy(asc(networks.name)))
    : [];
  // A coordinator sees the account only when the person has a role in their network.
  const account =
    user && (scope === 'instance' || roles.length > 0)
      ? { name: user.name, email: user.email, language: user.language, createdAt: user.createdAt, isAdmin: scope === 'instance' && user.isAdmin, roles: roles.map(({ network, role }) => ({ network, role })) }
      : null;

  const entries = inScope(
    await db
      .select({ id: members.id, networkId: members.networkId, network: networks.name, name: members.name, email: members.email, organisation: members.organisation, organisationType: members.organisationType, language: members.language, active: members.active, createdAt: members.createdAt, updatedAt: members.updatedAt })
      .from(members)
      .innerJoin(networks, eq(networks.id, members.networkId))
      .where(eq(sql`lower(${members.email})`, email))
      .orderBy(asc(networks.name)),
  );
  const invited = entries.length
    ? await db
        .select({ memberId: invitations.memberId, round: rounds.title, sentAt: invitations.sentAt })
        .from(invitations)
        .innerJoin(rounds, eq(rounds.id, invitations.roundId))
        .where(inArray(invitations.memberId, entries.map((entry) => entry.id)))
        .orderBy(asc(rounds.opensAt))
    : [];
  const pendingRows = inScope(
    await db
      .select({ networkId: authTokens.networkId, network: networks.name, role: authTokens.role, expiresAt: authTokens.expiresAt })
      .from(authTokens)
      .innerJoin(networks, eq(networks.id, authTokens.networkId))
      .where(and(eq(authTokens.purpose, 'account_invite'), eq(sql`lower(${authTokens.email})`, email), isNull(authTokens.usedAt), isNotNull(authTokens.role))),
  );
  const networkIds = [...new Set([...roles, ...entries, ...pendingRows].map((row) => row.networkId!))];
  const roster = entries.map(({ id, networkId: _networkId, ...entry }) => ({ ...entry, invitations: invited.filter((row) => row.memberId === id).map(({ round, sentAt }) => ({ round, sentAt })) }));

  const pendingInvitations = pendingRows.map(({ network, role, expiresAt }) => ({ network, role: role!, expiresAt }));

  const key = mailSealingKey(secretKey);
  const sealedRows = await db
    .select({ networkId: outgoingMail.networkId, kind: outgoingMail.kind, status: outgoingMail.status, createdAt: outgoingMail.createdAt, sealed: outgoingMail.sealed })
    .from(outgoingMail)
    .where(and(isNotNull(outgoingMail.sealed), inArray(outgoingMail.kind, EXPORTED_MAIL_KINDS), ne(outgoingMail.status, 'sent')));
  const keptMail = inScope(sealedRows)
    .map((row) => ({ row, content: openMail(key, row.kind, row.sealed!) }))
    .filter(({ content }) => normalise(content.recipient) === email)
    .map(({ row, content }) => ({ kind: row.kind, subject: content.subject, status: row.status, createdAt: row.createdAt }));

  const mentions = await eventsNaming(db, email, scope === 'instance' ? null : scope.networkIds);
  const names = new Map((await db.select({ id: networks.id, name: networks.name }).from(networks)).map((n) => [n.id, n.name]));
  const logMentions = mentions.map((event) => ({ ...event, network: names.get(event.networkId) ?? '' }));

  return { email, account, roster, pendingInvitations, keptMail, networkIds, logMentions };
}
