import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db, DbOrTx } from '../db/client.js';
import { networkRoles, outgoingMail, users } from '../db/schema/index.js';
import type { Language } from '../db/schema/networks.js';
import { invitationMail, reminderMail } from '../mail/compose.js';
import type { Mailer } from '../mail/mailer.js';
import { enqueueMail } from '../mail/queue.js';
import type { Network } from '../networks/networks.js';
import { invitationLink } from './invitation-links.js';
import type { Round } from './rounds.js';

/** Whose name signs a round's mail and where replies go: a coordinator of the network. */
export type Sender = { name: string; email: string | null };

export type RoundMailDeps = { catalogue: Catalogue; clock: Clock; mailer: Mailer; baseUrl: string; secretKey: string };

export type Recipient = { invitationId: number; email: string; language: Language };

/** The member's own language when the network offers it, else the network's first. */
export function mailLanguage(network: Pick<Network, 'languages'>, preferred: Language): Language {
  return network.languages.includes(preferred) ? preferred : (network.languages[0] ?? 'fi');
}

/** Writes one invitation or reminder, with the member's link, into the queue (or the outbox) inside the caller's transaction. */
export async function queueRoundMail(tx: DbOrTx, deps: RoundMailDeps, kind: 'invitation' | 'reminder', round: Round, network: Network, sender: Sender, to: Recipient): Promise<void> {
  const version = deps.catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  const compose = kind === 'invitation' ? invitationMail : reminderMail;
  const mail = await compose({
    lang: mailLanguage(network, to.language),
    networkName: network.name,
    coordinatorName: sender.name,
    roundTitle: round.title,
    link: invitationLink(deps.baseUrl, deps.secretKey, to.invitationId),
    closesAt: new Date(round.closesAt),
    estimatedMinutes: version?.estimatedMinutes ?? 10,
    anonymityThreshold: network.anonymityThreshold,
  });
  const message = { subject: mail.subject, textBody: mail.text, htmlBody: mail.html, replyTo: sender.email ?? undefined, senderName: network.name };
  await enqueueMail(tx, deps.clock, { networkId: network.id, roundId: round.id, kind, recipient: to.email, ...message }, deps.mailer.mode);
}

/**
 * The sender of mail that no one sends by hand (a scheduled reminder): the
 * coordinator who last sent this round's mail, if they still coordinate the
 * network, else the network's longest-standing coordinator.
 */
export async function roundSender(db: Db, round: Round, network: Network): Promise<Sender> {
  const [last] = await db
    .select({ replyTo: outgoingMail.replyTo })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.roundId, round.id), inArray(outgoingMail.kind, ['invitation', 'reminder']), isNotNull(outgoingMail.replyTo)))
    .orderBy(desc(outgoingMail.id))
    .limit(1);
  const coordinators = await db
    .select({ name: users.name, email: users.email })
    .from(networkRoles)
    .innerJoin(users, eq(users.id, networkRoles.userId))
    .where(and(eq(networkRoles.networkId, network.id), eq(networkRoles.role, 'coordinator')))
    .orderBy(asc(users.id));
  return coordinators.find((c) => c.email === last?.replyTo) ?? coordinators[0] ?? { name: network.name, email: null };
}
