import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { ConfigError } from '../config.js';

/**
 * A round's invitations go through a few kept-open connections instead of
 * one connection per message. Each deliverer sends one message at a time, so
 * two connections serve the scheduler and a coordinator's "send" together.
 * No rate limit unless the relay asks for one (SMTP_RATE_LIMIT).
 */
export const SMTP_POOL_DEFAULTS = { maxConnections: 2, maxMessages: 100, rateLimit: 0, rateDeltaMs: 1000 } as const;

export type SmtpPool = { [K in keyof typeof SMTP_POOL_DEFAULTS]?: number | undefined };
export type SmtpOptions = { pool?: SmtpPool | undefined; ca?: string | undefined };

/** The relay's CA bundle (SMTP_CA_FILE), read once at start; a missing or non-PEM file stops the start naming the variable. */
export function readCaFile(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigError(`Invalid configuration:\n  SMTP_CA_FILE: cannot read ${path}${code === 'ENOENT' ? ' (no such file)' : typeof code === 'string' ? ` (${code})` : ''}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`Invalid configuration:\n  SMTP_CA_FILE: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return pem;
}

/**
 * nodemailer's pool settings. A CA bundle is trusted for STARTTLS and
 * smtps:// besides Node's public CAs (a bare `ca` would replace them).
 */
export function poolOptions({ pool: given = {}, ca }: SmtpOptions) {
  const pool: Record<keyof SmtpPool, number> = { ...SMTP_POOL_DEFAULTS };
  for (const [key, value] of Object.entries(given) as [keyof SmtpPool, number | undefined][]) if (value !== undefined) pool[key] = value;
  return {
    pool: true,
    maxConnections: pool.maxConnections,
    maxMessages: pool.maxMessages,
    ...(pool.rateLimit > 0 ? { rateLimit: pool.rateLimit, rateDelta: pool.rateDeltaMs } : {}),
    ...(ca ? { tls: { ca: [...rootCertificates, ca] } } : {}),
  } as const;
}
