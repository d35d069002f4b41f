import { cpus, totalmem } from 'node:os';
import { benchAnswerPage } from './answer-page.js';
import { benchCatalogueLoad } from './catalogue.js';
import { benchMailDelivery } from './mail-delivery.js';
import { benchResultsAtScale } from './results-at-scale.js';
import { benchStartup } from './startup.js';
import { benchStoreResponses } from './store-responses.js';
import { benchSubmissions } from './submissions.js';

// BENCH_RESPONSES=100000 npm run bench: a quicker, smaller results database (the goal is stated for 1,000,000).
const responses = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
if (!Number.isSafeInteger(responses) || responses < 10_000) throw new Error('BENCH_RESPONSES must be a whole number of at least 10000');

// `npm run bench`: each benchmark prints its figures; nothing here is a pass/fail test.
console.log(`Verkostopulssi benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
const print = (results: Record<string, string>) => {
  for (const [name, figure] of Object.entries(results)) console.log(`  ${name.padEnd(44)} ${figure}`);
};
print(await benchStartup());
print(benchCatalogueLoad());
print(await benchStoreResponses());
print(await benchSubmissions());
print(await benchAnswerPage());
print(await benchMailDelivery());
print(await benchResultsAtScale(responses));
