import { createApp } from '../../src/app.js';
import { createGroupCommit } from '../../src/answering/group-commit.js';
import { createBackgroundWork } from '../../src/background-work.js';
import { buildCatalogue, loadCatalogue } from '../../src/catalogue/load.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import type { Clock } from '../../src/clock.js';
import { createAnswerRequestLog } from '../../src/http/answer-request-log.js';
import { trustProxies } from '../../src/http/trusted-proxies.js';
import type { AppDeps } from '../../src/http/env.js';
import { silentLogger } from '../../src/logger.js';
import { outboxMailer } from '../../src/mail/mailer.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef0123456789';

let sharedCatalogue: Catalogue | undefined;
/** The real catalogue from surveys/, loaded once per test file. */
export function realCatalogue(): Catalogue {
  sharedCatalogue ??= loadCatalogue();
  return sharedCatalogue;
}

/** A clock the test moves by hand. */
export function fixedClock(iso = '2026-03-02T09:00:00.000Z'): Clock & { set: (iso: string) => void; advance: (ms: number) => void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

export type TestApp = { app: ReturnType<typeof createApp>; deps: AppDeps; database: TestDatabase };

/** The whole app in-process over a fresh database; override any dependency. */
export async function createTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = overrides.clock ?? fixedClock();
  const log = overrides.log ?? silentLogger;
  const deps: AppDeps = {
    db: database.db,
    // Its own catalogue: a network's published versions belong to this app's database only.
    catalogue: buildCatalogue(realCatalogue().versions),
    clock,
    log,
    answerRequestLog: createAnswerRequestLog(log, clock),
    mailer: outboxMailer,
    baseUrl: 'http://127.0.0.1:3000',
    secretKey: TEST_SECRET_KEY,
    trustedProxies: trustProxies([]),
    groupCommit: createGroupCommit(database.db),
    background: createBackgroundWork(log),
    metrics: createMetrics({ clock, databaseFile: database.url.slice('file:'.length) }),
    ...overrides,
  };
  return { app: createApp(deps), deps, database };
}
