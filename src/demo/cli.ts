import { assertUsedVersionsUnchanged } from '../catalogue/immutability.js';
import { loadCatalogue } from '../catalogue/load.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import { DEMO_COORDINATOR_EMAIL, demoCoordinatorIfNoAccounts, grantDemoAccess, seedDemo } from './seed.js';

// `npm run demo`: fills the configured database with a fictional network so the dashboards have something to show.
let database: Database | undefined;
try {
  const config = loadConfig();
  const catalogue = loadCatalogue();
  database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  await applyMigrations(database.db);
  await assertUsedVersionsUnchanged(database.db, catalogue);
  const result = await seedDemo(database.db, catalogue, systemClock);
  if (!result.created) {
    console.log(`The demo network "${result.networkName}" (id ${result.networkId}) already exists in ${config.databaseUrl}; nothing was changed.`);
  } else {
    console.log(`Created the demo network "${result.networkName}" (id ${result.networkId}) in ${config.databaseUrl}:`);
    console.log(`  ${result.members} members in ${result.organisations} organisations`);
    for (const round of result.rounds) {
      console.log(`  ${round.title} (${round.opensAt.slice(0, 10)} – ${round.closesAt.slice(0, 10)}): ${round.responses} of ${round.invited} answered`);
    }
  }
  const password = await demoCoordinatorIfNoAccounts(database.db, systemClock, result.networkId);
  if (password) console.log(`No accounts yet, so a demo coordinator was created. Sign in at ${config.baseUrl}/login as ${DEMO_COORDINATOR_EMAIL} with the password ${password} (shown only now; change it on the account page).`);
  else console.log(`Coordinators of the demo network: ${(await grantDemoAccess(database.db, result.networkId)).join(', ')}`);
  console.log(`Start the server with "npm start" and open ${config.baseUrl}`);
} catch (error) {
  console.error(`The demo data could not be created: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  database?.close();
}
