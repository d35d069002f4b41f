import { createHmac } from 'node:crypto';

/*
 * Whether an invitation has been answered is kept as a receipt whose key, the
 * nullifier, is a keyed hash of the member's link. Without the secret key
 * nothing relates a receipt to an invitation, so the commit that writes a
 * receipt and a sealed response together touches nothing of the member's.
 * The server, holding the key, recomputes a link's nullifier to refuse a
 * second answer and to leave out those who answered from a reminder.
 */
export function receiptNullifier(secretKey: string, token: string): string {
  return createHmac('sha256', secretKey).update(`answered:${token}`).digest('base64url');
}
