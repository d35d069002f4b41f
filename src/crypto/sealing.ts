import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Authenticated encryption for what the database must hold but a reader of
 * the database must not: responses while their round is open, and mail until
 * it is delivered. The keys are derived from the secret key, which never
 * enters the database. Plaintext is padded to a length the caller fixes, so
 * that the size of a sealed value says nothing about its content.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;

export type SealingKey = { readonly key: Buffer };

const derived = new Map<string, SealingKey>();

/**
 * A key for one purpose, e.g. "responses" or "mail": one purpose's sealed
 * values cannot be opened as another's. Derived once per secret key and
 * purpose: the submission path seals every answer.
 */
export function sealingKey(secretKey: string, purpose: 'responses' | 'mail'): SealingKey {
  const id = `${purpose}\u0000${secretKey}`;
  let key = derived.get(id);
  if (!key) derived.set(id, (key = { key: Buffer.from(hkdfSync('sha256', secretKey, 'verkostopulssi', `sealing:${purpose}`, 32)) }));
  return key;
}

/** Bytes of plaintext that fit in a padded length. */
export const capacityOf = (paddedLength: number) => paddedLength - LENGTH_BYTES;

/**
 * Seals `plaintext` padded with zeros to exactly `paddedLength` bytes; `context`
 * (e.g. the round) is authenticated, so a sealed value moved to another row does not open.
 */
export function seal({ key }: SealingKey, plaintext: Uint8Array, paddedLength: number, context: string): Buffer {
  if (plaintext.length > capacityOf(paddedLength)) throw new RangeError(`${plaintext.length} bytes do not fit in ${paddedLength}`);
  const padded = Buffer.alloc(paddedLength);
  padded.writeUInt32BE(plaintext.length, 0);
  padded.set(plaintext, LENGTH_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export class SealBroken extends Error {}

/** The plaintext, without its padding; throws SealBroken for a wrong key, context or a changed value. */
export function open({ key }: SealingKey, sealed: Uint8Array, context: string): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const padded = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return padded.subarray(LENGTH_BYTES, LENGTH_BYTES + padded.readUInt32BE(0));
  } catch (error) {
    throw new SealBroken(`a sealed value could not be opened: ${(error as Error).message}`);
  }
}
