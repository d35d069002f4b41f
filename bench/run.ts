import { cpus, totalmem } from 'node:os';
import { benchCatalogueLoad } from './catalogue.js';
import { benchStoreResponses } from './store-responses.js';

// `npm run bench`: each benchmark prints its figures; nothing here is a pass/fail test.
console.log(`Verkostopulssi benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
const results = { ...benchCatalogueLoad(), ...(await benchStoreResponses()) };
for (const [name, figure] of Object.entries(results)) console.log(`  ${name.padEnd(44)} ${figure}`);
