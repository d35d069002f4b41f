import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Language } from '../db/schema/networks.js';
import type { Logger } from '../logger.js';

/** Everything the app needs from outside, passed in so tests can build it in-process. */
export type AppDeps = {
  db: Db;
  catalogue: Catalogue;
  clock: Clock;
  log: Logger;
  baseUrl: string;
  /** Keys the hashes of stored secrets (links, sessions). */
  secretKey: string;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    lang: Language;
    requestId: string;
  };
};
