import { capacityOf, open, seal, sealingKey, type SealingKey } from '../crypto/sealing.js';

/** What a mail row holds sealed: everything that names a person or carries a link. */
export type MailContent = {
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  replyTo?: string | undefined;
  senderName?: string | undefined;
  /** Images shown inside the HTML (a digest's charts), their bytes as base64. */
  attachments?: SealedImage[] | undefined;
};

export type SealedImage = { filename: string; cid: string; contentType: string; base64: string };

/** The images of a sealed mail as they are sent (and written to an .eml). */
export const imagesOf = (content: MailContent) => content.attachments?.map(({ base64, ...image }) => ({ ...image, content: Buffer.from(base64, 'base64') }));

// Sizes are rounded up to this, so small differences (an address, a name) do not show.
const PAD_STEP = 4096;

export const mailSealingKey = (secretKey: string): SealingKey => sealingKey(secretKey, 'mail');

const contextOf = (kind: string) => `mail:${kind}`;

/** The padded length that holds this content: the next step up. */
export function paddedMailLength(content: MailContent): number {
  const bytes = Buffer.byteLength(JSON.stringify(content)) + 4;
  return Math.ceil(bytes / PAD_STEP) * PAD_STEP;
}

/**
 * Seals a mail for its row. `paddedLength`, when given, must hold the content:
 * a round's reminders are all padded to one length, so the rows do not tell
 * the languages or addresses of those who had not answered.
 */
export function sealMail(key: SealingKey, kind: string, content: MailContent, paddedLength = paddedMailLength(content)): Buffer {
  const bytes = Buffer.from(JSON.stringify(content));
  // A content that outgrew the length asked for still goes out, at its own next step.
  return seal(key, bytes, bytes.length <= capacityOf(paddedLength) ? paddedLength : paddedMailLength(content), contextOf(kind));
}

export function openMail(key: SealingKey, kind: string, sealed: Uint8Array): MailContent {
  return JSON.parse(open(key, sealed, contextOf(kind)).toString('utf8')) as MailContent;
}
