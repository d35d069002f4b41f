import { and, desc, eq } from 'drizzle-orm';
import { hashToken, newToken, TOKEN_PATTERN } from '../accounts/tokens.js';
import type { Clock } from '../clock.js';
import { endOfHelsinkiDay } from '../rounds/helsinki-time.js';
import type { Db } from '../db/client.js';
import { networks, reportLinks } from '../db/schema/index.js';

export type ReportLink = typeof reportLinks.$inferSelect;
export type ReportLinkInput = { label: string; expiresOn: string; roundIds: number[] | null };

/** Creates a read-only report link; the secret is returned once and only its keyed hash is kept. */
export async function createReportLink(db: Db, clock: Clock, secretKey: string, networkId: number, userId: number, input: ReportLinkInput) {
  const token = newToken(24);
  const [link] = await db
    .insert(reportLinks)
    .values({
      networkId,
      tokenHash: hashToken(secretKey, token),
      label: input.label,
      roundIds: input.roundIds,
      // The link works through the whole expiry day, Finnish time (summer time too); the input schema made it a valid day.
      expiresAt: endOfHelsinkiDay(input.expiresOn)!.toISOString(),
      createdByUserId: userId,
      createdAt: clock.now().toISOString(),
    })
    .returning();
  return { link: link!, token };
}

export async function listReportLinks(db: Db, networkId: number): Promise<ReportLink[]> {
  return db.select().from(reportLinks).where(eq(reportLinks.networkId, networkId)).orderBy(desc(reportLinks.createdAt));
}

export async function revokeReportLink(db: Db, clock: Clock, networkId: number, linkId: number): Promise<boolean> {
  const revoked = await db
    .update(reportLinks)
    .set({ revokedAt: clock.now().toISOString() })
    .where(and(eq(reportLinks.id, linkId), eq(reportLinks.networkId, networkId)))
    .returning({ id: reportLinks.id });
  return revoked.length > 0;
}

export type ReportAccess =
  | { state: 'valid'; link: ReportLink; network: typeof networks.$inferSelect }
  | { state: 'expired' | 'revoked' | 'unknown' };

/** What a report link opens; expired and revoked links open nothing. */
export async function resolveReportLink(db: Db, clock: Clock, secretKey: string, token: string): Promise<ReportAccess> {
  if (!TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const [row] = await db
    .select({ link: reportLinks, network: networks })
    .from(reportLinks)
    .innerJoin(networks, eq(networks.id, reportLinks.networkId))
    .where(eq(reportLinks.tokenHash, hashToken(secretKey, token)));
  if (!row) return { state: 'unknown' };
  if (row.link.revokedAt) return { state: 'revoked' };
  if (row.link.expiresAt <= clock.now().toISOString()) return { state: 'expired' };
  return { state: 'valid', ...row };
}
