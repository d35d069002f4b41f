import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isAddressOrSubnet } from './http/trusted-proxies.js';
import type { SmtpPool } from './mail/smtp-options.js';

/** Outside ./data and its backups: a copy of the data folder must not carry the key that recomputes every link. */
export const DEFAULT_SECRET_KEY_FILE = './keys/secret.key';

/** The only module that reads process.env. A bad value stops the start with a message naming the variable. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL, e.g. https://pulssi.example.fi' })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|:memory:$|libsql:\/\/|https?:\/\/|wss?:\/\/)/, 'must start with file:, libsql://, http(s):// or be :memory:')
    .default('file:./data/verkostopulssi.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.fi:587')
    .optional(),
  // A private relay's CA bundle (PEM), trusted for STARTTLS and smtps:// besides Node's public CAs.
  SMTP_CA_FILE: z.string().min(1).optional(),
  // Defaults in mail/smtp-options.ts.
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(20).optional(),
  SMTP_MAX_MESSAGES: z.coerce.number().int().min(1).optional(),
  SMTP_RATE_LIMIT: z.coerce.number().int().min(0, 'must be 0 (no limit) or the messages allowed per SMTP_RATE_DELTA_MS').optional(),
  SMTP_RATE_DELTA_MS: z.coerce.number().int().min(1).optional(),
  MAIL_MODE: z.enum(['smtp', 'outbox'], { message: 'must be smtp or outbox' }).optional(),
  MAIL_FROM: z.string().min(3).default('Verkostopulssi <no-reply@localhost>'),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters of random text (e.g. openssl rand -hex 32)').optional(),
  SECRET_KEY_FILE: z.string().min(1).default(DEFAULT_SECRET_KEY_FILE),
  BACKUP_DIR: z.string().min(1).default('./data/backups'),
  // Unset: no /metrics at all. A scraper sends it as "Authorization: Bearer <token>".
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters of random text (e.g. openssl rand -hex 32)').optional(),
  // Where the accessibility statement's feedback form sends its messages (the service's maintainer).
  FEEDBACK_EMAIL: z.email('must be an email address, e.g. saavutettavuus@kunta.fi').optional(),
  LOG_LEVEL: z.enum(['silent', 'info', 'debug']).default('info'),
  // Off by default: without it a client could name any address in X-Forwarded-For and escape every limit.
  TRUSTED_PROXIES: z
    .string()
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isAddressOrSubnet), 'must be addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8')
    .default([]),
});

export type Config = Readonly<{
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  smtpUrl: string | undefined;
  smtpCaFile: string | undefined;
  smtpPool: Readonly<SmtpPool>;
  mailMode: MailMode;
  mailFrom: string;
  feedbackEmail: string | undefined;
  secretKey: string | undefined;
  secretKeyFile: string;
  backupDir: string;
  logLevel: 'silent' | 'info' | 'debug';
  metricsToken: string | undefined;
  trustedProxies: readonly string[];
}>;

export type MailMode = 'smtp' | 'outbox';

export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Outbox mode sends nothing and keeps mail for the operator's `npm run outbox`.
 * It is implied only for a trial on this machine (loopback, no BASE_URL); a
 * server others can reach must choose it by name, so that forgetting SMTP_URL
 * stops the start instead of silently sending nothing.
 */
function mailModeOf(e: { SMTP_URL?: string | undefined; MAIL_MODE?: MailMode | undefined; HOST: string; BASE_URL?: string | undefined }): MailMode {
  if (e.MAIL_MODE === 'smtp' && !e.SMTP_URL) throw new ConfigError('Invalid configuration:\n  MAIL_MODE: smtp needs SMTP_URL, e.g. smtp://user:pass@mail.example.fi:587');
  if (e.MAIL_MODE === 'outbox' && e.SMTP_URL) throw new ConfigError('Invalid configuration:\n  MAIL_MODE: outbox sends nothing, yet SMTP_URL is set; remove one of them');
  if (e.SMTP_URL) return 'smtp';
  if (e.MAIL_MODE === 'outbox' || (LOOPBACK_HOSTS.has(e.HOST) && !e.BASE_URL)) return 'outbox';
  throw new ConfigError(
    'Invalid configuration:\n  SMTP_URL: not set, so no mail can be sent. Set SMTP_URL to send mail, or MAIL_MODE=outbox to keep it unsent for the operator to read with `npm run outbox` (for trials only).',
  );
}

/** Every variable the configuration reads, for the documentation checks. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

// An empty variable means "not set", as in most .env tooling.
const setOnly = (env: Record<string, string | undefined>) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));

/** `fromFile` names the variables that came from a .env file, so a bad value there is found where it was written. */
export function parseConfig(env: Record<string, string | undefined>, fromFile?: { path: string; names: ReadonlySet<string> }): Config {
  const result = envSchema.safeParse(setOnly(env));
  if (!result.success) {
    const where = (name: string) => (fromFile?.names.has(name) ? `${name} (in ${fromFile.path})` : name);
    const lines = result.error.issues.map((issue) => `  ${where(issue.path.join('.'))}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    smtpUrl: e.SMTP_URL,
    smtpCaFile: e.SMTP_CA_FILE,
    smtpPool: Object.freeze({ maxConnections: e.SMTP_MAX_CONNECTIONS, maxMessages: e.SMTP_MAX_MESSAGES, rateLimit: e.SMTP_RATE_LIMIT, rateDeltaMs: e.SMTP_RATE_DELTA_MS }),
    mailMode: mailModeOf(e),
    mailFrom: e.MAIL_FROM,
    feedbackEmail: e.FEEDBACK_EMAIL,
    secretKey: e.SECRET_KEY,
    secretKeyFile: e.SECRET_KEY_FILE,
    backupDir: e.BACKUP_DIR,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    trustedProxies: Object.freeze(e.TRUSTED_PROXIES),
  });
}

/** Read from the working directory, like the relative paths in the configuration. */
const ENV_FILE = '.env';

function readEnvFile(path: string): Record<string, string | undefined> {
  if (!existsSync(path)) return {};
  try {
    return parseEnv(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The environment, over the values of a .env file when there is one: a variable set in the environment wins. */
export function loadConfig(envFile = ENV_FILE): Config {
  const fileValues = setOnly(readEnvFile(envFile));
  const environment = setOnly(process.env);
  const names = new Set(Object.keys(fileValues).filter((name) => !(name in environment)));
  return parseConfig({ ...fileValues, ...environment }, { path: envFile, names });
}
