import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { auditEvents, networkRoles, users } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { invitationMail, reminderMail } from '../mail/compose.js';
import type { Mailer } from '../mail/mailer.js';
import { enqueueMail } from '../mail/queue.js';
import { paddedMailLength } from '../mail/sealed-mail.js';
import type { Network } from '../networks/networks.js';
import { invitationLink } from './invitation-links.js';
import { languageFor, roundLanguages } from '../catalogue/version-languages.js';
import { noticeUrl } from '../privacy/notice-link.js';
import { isPublished } from '../privacy/notices.js';
import type { Round } from './rounds.js';
import { roundThreshold } from './threshold.js';
import { titleIn } from './round-title.js';

/** Whose name signs a round's mail and where replies go: a coordinator of the network. */
export type Sender = { name: string; email: string | null };

export type RoundMailDeps = { catalogue: Catalogue; clock: Clock; mailer: Mailer; baseUrl: string; secretKey: string };

export type Recipient = { invitationId: number; email: string; language: Language };

/** The languages a round's mail is written in: those of the network that the round's version has. */
export function mailLanguages(deps: RoundMailDeps, round: Round, network: Network): Language[] {
  const version = deps.catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  return version ? roundLanguages(network.languages, version) : network.languages;
}

type RoundMailKind = 'invitation' | 'reminder';

function composeRoundMail(deps: RoundMailDeps, kind: RoundMailKind, round: Round, network: Network, sender: Sender, lang: Language, link: string) {
  const version = deps.catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  const compose = kind === 'invitation' ? invitationMail : reminderMail;
  return compose({
    lang,
    networkName: network.name,
    coordinatorName: sender.name,
    roundTitle: titleIn(round, lang),
    link,
    closesAt: new Date(round.closesAt),
    estimatedMinutes: version?.estimatedMinutes ?? 10,
    anonymityThreshold: roundThreshold(round, network),
    privacyNoticeLink: isPublished(network.privacyNotice) ? noticeUrl(deps.baseUrl, deps.secretKey, network.id, lang) : null,
  });
}

/** The invitation as members will get it, in one language, with a stand-in for the personal link. */
export function previewInvitation(deps: RoundMailDeps, round: Round, network: Network, sender: Sender, lang: Language) {
  return composeRoundMail(deps, 'invitation', round, network, sender, lang, `${deps.baseUrl}/a/…`);
}

// The longest address SMTP allows: a padding that fits it fits every recipient.
const LONGEST_ADDRESS = `${'x'.repeat(64)}@${'x'.repeat(189)}`;

/**
 * One sealed length for every mail of this kind in this round, whatever its
 * recipient and language: the rows written for a reminder then do not tell,
 * by their sizes, which languages or addresses had not answered.
 */
export async function roundMailLength(deps: RoundMailDeps, kind: RoundMailKind, round: Round, network: Network, sender: Sender): Promise<number> {
  let longest = 0;
  for (const lang of mailLanguages(deps, round, network)) {
    const mail = await composeRoundMail(deps, kind, round, network, sender, lang, invitationLink(deps.baseUrl, deps.secretKey, Number.MAX_SAFE_INTEGER));
    const content = { recipient: LONGEST_ADDRESS, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, replyTo: sender.email ?? LONGEST_ADDRESS, senderName: network.name };
    longest = Math.max(longest, paddedMailLength(content));
  }
  return longest;
}

/** Writes one invitation or reminder, with the member's link, sealed into the queue (or the outbox) inside the caller's transaction. */
export async function queueRoundMail(
  tx: DbOrTx,
  deps: RoundMailDeps,
  kind: RoundMailKind,
  round: Round,
  network: Network,
  sender: Sender,
  to: Recipient,
  paddedLength: number,
): Promise<void> {
  const link = invitationLink(deps.baseUrl, deps.secretKey, to.invitationId);
  const mail = await composeRoundMail(deps, kind, round, network, sender, languageFor(mailLanguages(deps, round, network), to.language), link);
  const message = { subject: mail.subject, textBody: mail.text, htmlBody: mail.html, replyTo: sender.email ?? undefined, senderName: network.name };
  await enqueueMail(tx, deps, { networkId: network.id, roundId: round.id, kind, recipient: to.email, ...message, paddedLength });
}

/**
 * The sender of mail that no one sends by hand (a scheduled reminder): the
 * coordinator who last sent this round's mail, as the audit trail records,
 * if they still coordinate the network, else the network's longest-standing coordinator.
 */
export async function roundSender(db: Db, round: Round, network: Network): Promise<Sender> {
  const [last] = await db
    .select({ userId: auditEvents.actorUserId })
    .from(auditEvents)
    .where(and(eq(auditEvents.roundId, round.id), inArray(auditEvents.action, ['invitations_sent', 'reminders_sent']), isNotNull(auditEvents.actorUserId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const coordinators = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(and(eq(networkRoles.networkId, network.id), eq(networkRoles.role, 'coordinator')))
    .orderBy(asc(users.id));
  const sender = coordinators.find((c) => c.id === last?.userId) ?? coordinators[0];
  return sender ? { name: sender.name, email: sender.email } : { name: network.name, email: null };
}
