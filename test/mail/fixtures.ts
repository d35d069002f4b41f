import type { Clock } from '../../src/clock.js';
import type { Db } from '../../src/db/client.js';
import { networks, outgoingMail, rounds } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { invitationMail } from '../../src/mail/compose.js';
import type { Mailer } from '../../src/mail/mailer.js';
import { enqueueMail } from '../../src/mail/queue.js';
import { mailSealingKey, openMail, type MailContent } from '../../src/mail/sealed-mail.js';
import { TEST_SECRET_KEY } from '../helpers/app.js';

export const NETWORK_NAME = 'Koulut "Itä" & Co';
export const COORDINATOR = 'maija.koordinaattori@kunta.example';
/** The secret key the mail in these tests is sealed with (and that deliverDueMail opens it with). */
export const SECRET_KEY = TEST_SECRET_KEY;

/** A network and an open round to hang mail on. */
export async function networkWithRound(db: Db, clock: Clock): Promise<{ networkId: number; roundId: number }> {
  const createdAt = clock.now().toISOString();
  const [network] = await db.insert(networks).values({ name: NETWORK_NAME, createdAt }).returning();
  const [round] = await db
    .insert(rounds)
    .values({
      networkId: network!.id,
      questionnaireKey: 'network-rules',
      questionnaireVersion: 1,
      title: 'Kevät 2026',
      status: 'open',
      opensAt: createdAt,
      closesAt: '2026-03-12T14:00:00.000Z',
      createdAt,
    })
    .returning();
  return { networkId: network!.id, roundId: round!.id };
}

export function linkFor(recipient: string): string {
  return `http://127.0.0.1:3000/a/${encodeURIComponent(recipient)}-token`;
}

/** An invitation as the round's "send invitations" would queue it (or a reminder with the same content). */
export async function queueInvitation(db: Db, clock: Clock, ids: { networkId: number; roundId: number }, recipient: string, mode: Mailer['mode'], kind: 'invitation' | 'reminder' = 'invitation') {
  const mail = await invitationMail({
    lang: 'fi',
    networkName: NETWORK_NAME,
    coordinatorName: 'Maija Koordinaattori',
    roundTitle: 'Kevät 2026',
    link: linkFor(recipient),
    closesAt: new Date('2026-03-12T14:00:00.000Z'),
    estimatedMinutes: 7,
    anonymityThreshold: 5,
  });
  return enqueueMail(
    db,
    { clock, secretKey: SECRET_KEY, mailer: { mode } },
    { ...ids, kind, recipient, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, replyTo: COORDINATOR, senderName: NETWORK_NAME },
  );
}

export type OpenedRow = typeof outgoingMail.$inferSelect & { content: MailContent | null };

/** The row, or undefined once it is gone (a delivered or given-up reminder). */
export async function mailRowIfAny(db: Db, id: number): Promise<OpenedRow | undefined> {
  const [row] = await db.select().from(outgoingMail).where(eq(outgoingMail.id, id));
  if (!row) return undefined;
  return { ...row, content: row.sealed ? openMail(mailSealingKey(SECRET_KEY), row.kind, row.sealed) : null };
}

/** The row with its sealed content opened as the deliverer would (content null once emptied). */
export async function mailRow(db: Db, id: number): Promise<OpenedRow> {
  const row = await mailRowIfAny(db, id);
  if (!row) throw new Error(`no mail row ${id}`);
  return row;
}
