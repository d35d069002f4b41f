import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Language } from '../db/schema/networks.js';

/*
 * The public notice's address carries the network's id and a keyed signature
 * of it: anyone given the link reads the notice without signing in, but
 * nobody can walk the ids to list the instance's networks and their contact
 * people, a list only the instance's administrator sees. 64 bits cannot be
 * guessed over HTTP. Rotating the secret key changes every notice's address,
 * as it does every answer link.
 */
const SIGNATURE_HEX = 16;

function signature(secretKey: string, networkId: number): string {
  return createHmac('sha256', secretKey).update(`privacy-notice:${networkId}`).digest('hex').slice(0, SIGNATURE_HEX);
}

/** "12-3f9a0c1d2e4b5a6c": the last segment of /privacy/…. */
export function noticeKey(secretKey: string, networkId: number): string {
  return `${networkId}-${signature(secretKey, networkId)}`;
}

/** The network whose notice the key names, or null for a key that is not ours. */
export function networkOfNoticeKey(secretKey: string, key: string): number | null {
  const match = /^([1-9][0-9]{0,15})-([0-9a-f]{16})$/.exec(key);
  if (!match) return null;
  const networkId = Number(match[1]);
  if (!Number.isSafeInteger(networkId)) return null;
  const expected = Buffer.from(signature(secretKey, networkId));
  return timingSafeEqual(expected, Buffer.from(match[2]!)) ? networkId : null;
}

export const noticePath = (secretKey: string, networkId: number) => `/privacy/${noticeKey(secretKey, networkId)}`;

/** The notice in the reader's language, as mails and the answer page link to it. */
export const noticeUrl = (baseUrl: string, secretKey: string, networkId: number, lang: Language) => `${baseUrl}${noticePath(secretKey, networkId)}?lang=${lang}`;
