import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { formatOutbox, readOutbox, writeEmlFiles } from '../src/mail/operator-outbox.js';
import { resolveSecretKey } from '../src/setup/secret-key.js';

// `npm run outbox [-- --network ID] [-- --eml DIR]`: the operator reads the mail outbox mode kept unsent.
// It needs the secret key and the database, so only someone with access to the server can run it.
const { values } = parseArgs({ options: { network: { type: 'string' }, eml: { type: 'string' } } });
const networkId = values.network === undefined ? undefined : Number(values.network);
if (networkId !== undefined && !Number.isSafeInteger(networkId)) {
  console.error('--network takes a network id, e.g. --network 3');
  process.exit(1);
}
const config = loadConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
try {
  const mail = await readOutbox(database.db, resolveSecretKey(config), { networkId });
  if (values.eml) {
    const paths = await writeEmlFiles(mail, values.eml, config.mailFrom);
    console.log(`${paths.length} message(s) written to ${values.eml}`);
  } else process.stdout.write(formatOutbox(mail));
} finally {
  database.close();
}
