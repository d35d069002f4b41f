import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import { createGroupCommit } from './answering/group-commit.js';
import { createBackgroundWork } from './background-work.js';
import { loadCatalogue } from './catalogue/load.js';
import { assertUsedVersionsUnchanged } from './catalogue/immutability.js';
import { loadOwnedVersions } from './catalogue/owned-versions.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { databaseFilePath, openDatabase, type Database } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { finishAnonymityUpgrade } from './db/upgrade.js';
import { createAnswerRequestLog } from './http/answer-request-log.js';
import { createLogger, type Logger } from './logger.js';
import { createMailer } from './mail/mailer.js';
import { createMetrics } from './metrics/metrics.js';
import { trustProxies } from './http/trusted-proxies.js';
import { startScheduler } from './scheduler/scheduler.js';
import { createSetupLink, hasAnyUser } from './setup/bootstrap.js';
import { resolveSecretKey } from './setup/secret-key.js';

export type RunningServer = { url: string; setupLink: string | null; stop: () => Promise<void> };

/*
 * Without these, a client that sends nothing or drips its request holds a
 * connection for Node's default five minutes, and enough of them exhaust the
 * process. A browser sends request line and headers at once; the largest body
 * (a 2 MB member import) crosses a slow mobile link in well under a minute;
 * Node checks both every second. A network of a few hundred members answering
 * at once stays far below the connection cap; past it new sockets are refused.
 */
export const CONNECTION_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxConnections: 1_000,
};
export type ConnectionLimits = typeof CONNECTION_LIMITS;

type ServerOptions = { clock?: Clock; log?: Logger; surveysDir?: string; schedulerIntervalMs?: number; connectionLimits?: Partial<ConnectionLimits> };

/**
 * Opens the database, checks the catalogue, listens, and starts the scheduler.
 * stop() stops accepting and waits, in turn, for the requests in flight, the
 * submissions they handed to the group commit, the scheduler's running pass
 * (a digest among it), and mail sends and digests started by requests; then
 * the database is closed, which empties the log file (see db/client.ts).
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);
  const catalogue = loadCatalogue(options.surveysDir);
  // Before the database is opened: a key placed beside the data stops the start.
  const secretKey = resolveSecretKey(config);
  // Reads SMTP_CA_FILE: a bad one stops the start before anything is opened.
  const mailer = createMailer(config);
  const database: Database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  try {
    await applyMigrations(database.db);
    await loadOwnedVersions(database.db, catalogue);
    await assertUsedVersionsUnchanged(database.db, catalogue);
    if (await finishAnonymityUpgrade(database.db, secretKey)) log.info(`database upgraded: receipts keyed, mail sealed, ${database.kind === 'embedded' ? 'file rewritten' : 'earlier pages left to the libSQL server operator'}`);
  } catch (error) {
    database.close();
    throw error;
  }
  let app: ReturnType<typeof createApp> | undefined;
  const limits = { ...CONNECTION_LIMITS, ...options.connectionLimits };
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (request) => app!.fetch(request), port: config.port, hostname: config.host, serverOptions }, () => resolve(s));
  });
  server.maxConnections = limits.maxConnections;
  // With PORT=0 the system picks the port; links must carry the real one.
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.baseUrl.replace(/:0$/, `:${port}`);
  const answerRequestLog = createAnswerRequestLog(log, clock);
  const groupCommit = createGroupCommit(database.db);
  const background = createBackgroundWork(log);
  const metrics = createMetrics({ clock, databaseFile: databaseFilePath(config.databaseUrl) });
  const deps = {
    ...{ db: database.db, catalogue, clock, log, answerRequestLog, mailer, baseUrl: url, secretKey, trustedProxies: trustProxies(config.trustedProxies) },
    ...{ groupCommit, background, metrics, metricsToken: config.metricsToken },
    feedbackEmail: config.feedbackEmail,
    dataLocations: { database: database.kind, backupDir: config.backupDir, mailRelay: config.smtpUrl ? new URL(config.smtpUrl).hostname : null },
  };
  app = createApp(deps);
  const setupLink = (await hasAnyUser(database.db)) ? null : await createSetupLink(database.db, clock, secretKey, url);
  const scheduler = startScheduler(deps, { intervalMs: options.schedulerIntervalMs });

  const stop = async () => {
    await new Promise<void>((resolve) => {
      // close() stops accepting and resolves once requests in flight have finished.
      server.close(() => resolve());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
    await groupCommit.drained();
    await scheduler.stop();
    await background.finish();
    mailer.close();
    answerRequestLog.flush();
    database.close();
  };
  return { url, setupLink, stop };
}
