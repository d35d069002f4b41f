import { createHmac, randomBytes } from 'node:crypto';

/** A URL-safe secret with `bytes` bytes of randomness (at least 128 bits). */
export function newToken(bytes = 24): string {
  return randomBytes(Math.max(16, bytes)).toString('base64url');
}

/**
 * Secrets are stored only as this keyed hash: with the key kept outside the
 * database, a copy of the database alone cannot even test a guessed link.
 */
export function hashToken(secretKey: string, token: string): string {
  return createHmac('sha256', secretKey).update(token).digest('hex');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
