import { CatalogueError } from './catalogue/types.js';
import { ChangedVersionError } from './catalogue/immutability.js';
import { ConfigError, loadConfig } from './config.js';
import { DriverMismatchError } from './db/driver-internals.js';
import { startServer } from './server.js';

/** Start-up problems a person can fix get a plain message, not a stack trace. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ChangedVersionError || error instanceof DriverMismatchError) console.error(error.message);
  else if (error instanceof CatalogueError) console.error(`Questionnaire catalogue problem: ${error.message}`);
  else console.error(error);
  process.exit(1);
}

try {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Verkostopulssi is running: open ${server.url}`);
  if (config.mailMode === 'outbox') console.log('Outbox mode: no mail is sent. Read it on this machine with `npm run outbox`; set SMTP_URL to send it.');
  if (server.setupLink) {
    console.log(`No accounts yet. Create the first coordinator account with this single-use link:\n  ${server.setupLink}`);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    const force = setTimeout(() => {
      console.error('Requests did not finish in 10 s; stopping anyway.');
      process.exit(1);
    }, 10_000);
    force.unref();
    void server.stop().then(() => {
      console.log('Stopped cleanly.');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  fail(error);
}
