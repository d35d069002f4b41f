import type { GroupCommit } from '../answering/group-commit.js';
import type { BackgroundWork } from '../background-work.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Language } from '../db/schema/networks.js';
import type { Logger } from '../logger.js';
import type { AnswerRequestLog } from './answer-request-log.js';
import type { Session } from '../accounts/sessions.js';
import type { Mailer } from '../mail/mailer.js';
import type { Metrics } from '../metrics/metrics.js';
import type { TrustedProxies } from './trusted-proxies.js';

/** Everything the app needs from outside, passed in so tests can build it in-process. */
export type AppDeps = {
  db: Db;
  catalogue: Catalogue;
  clock: Clock;
  log: Logger;
  /** Counts the answering routes per minute instead of logging each request. */
  answerRequestLog: AnswerRequestLog;
  /** SMTP, or outbox mode: nothing sent, mail kept for the operator (MAIL_MODE, see config.ts). */
  mailer: Mailer;
  baseUrl: string;
  /** Keys the hashes of stored secrets (links, sessions). */
  secretKey: string;
  /** Reverse proxies whose X-Forwarded-For or Forwarded header names the client. */
  trustedProxies: TrustedProxies;
  /** Writes submissions together; built by the server so that stopping can wait for it. */
  groupCommit: GroupCommit;
  /** Mail delivery and digests that run after the answer; stopping waits for them. */
  background: BackgroundWork;
  /** Counters and figures for /metrics. */
  metrics: Metrics;
  /** METRICS_TOKEN: the bearer token /metrics asks for; without it /metrics does not exist. */
  metricsToken?: string | undefined;
  /** Where the service keeps its data, for the record of processing; from the configuration. */
  dataLocations?: DataLocations;
  /** FEEDBACK_EMAIL: the accessibility feedback form's recipient; without it the statement gives no form. */
  feedbackEmail?: string | undefined;
};

export type DataLocations = { database: 'embedded' | 'server'; backupDir: string; mailRelay: string | null };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    lang: Language;
    requestId: string;
    /** The signed-in coordinator or leader, if any. */
    session: Session | null;
  };
};

/** What views and helpers read from a request; any route's context (network-scoped too) fits. */
export type PageContext = Pick<import('hono').Context<AppEnv>, 'var' | 'req'>;
