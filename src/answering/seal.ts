import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * The day a member answered is shown back to that member ("you answered on
 * 3.3.2026") but must not sit readable next to the invitation, where it could
 * be matched with the response's day. It is encrypted with a key derived from
 * the member's own link, which the database does not hold.
 */
function keyFor(token: string): Buffer {
  return createHash('sha256').update(`answered-day:${token}`).digest();
}

export function sealDay(token: string, day: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(token), iv);
  const sealed = Buffer.concat([cipher.update(day, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The day, or null when it cannot be opened with this token. */
export function openDay(token: string, sealed: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFor(token), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
