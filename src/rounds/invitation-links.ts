import { createHmac } from 'node:crypto';
import { hashToken } from '../accounts/tokens.js';

/** 22 base64url characters carry 132 bits, and fit TOKEN_PATTERN; the link stays short enough to type from paper. */
export const INVITATION_TOKEN_LENGTH = 22;

/*
 * Why the token is derived from the invitation rather than drawn at random:
 * a reminder must carry the SAME link as the invitation (the member may use
 * either mail), yet the database may hold only the link's hash. So the token
 * is an HMAC of the invitation's id under the secret key, recomputed when a
 * reminder is written, and the row keeps only hashToken(secretKey, token).
 *
 * What this protects: the database alone (a backup, a copied file) holds
 * nothing that recovers or tests a link; without the key the ids are useless.
 * What it does not: whoever holds both the key and the database can
 * recompute every link, and with it open the answer day sealed under each
 * used link (see answering/seal.ts) - as the running server itself could.
 * Rotating the key breaks every link already sent.
 */
export function invitationToken(secretKey: string, invitationId: number): string {
  return createHmac('sha256', secretKey).update(`invitation:${invitationId}`).digest('base64url').slice(0, INVITATION_TOKEN_LENGTH);
}

/** What the invitation row stores: the keyed hash of its token, as the answer page looks it up. */
export function invitationTokenHash(secretKey: string, invitationId: number): string {
  return hashToken(secretKey, invitationToken(secretKey, invitationId));
}

/** The member's answer link, served by /a/:token. */
export function invitationLink(baseUrl: string, secretKey: string, invitationId: number): string {
  return `${baseUrl}/a/${invitationToken(secretKey, invitationId)}`;
}
