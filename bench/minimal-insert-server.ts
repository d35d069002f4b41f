import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../src/db/client.js';

// The yardstick for the submission benchmark: hono plus one INSERT of a row the size of a
// response, over the same connection settings as the real server, and nothing else.
const database = await openDatabase(process.argv[2]!);
await database.client.execute('CREATE TABLE IF NOT EXISTS minimal (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const app = new Hono();
app.post('/insert', async (c) => {
  const body = await c.req.text();
  await database.client.execute({ sql: 'INSERT INTO minimal (body) VALUES (?)', args: [body] });
  return c.json({ ok: true }, 201);
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening on http://127.0.0.1:${info.port}`));
process.on('SIGTERM', () => server.close(() => (database.close(), process.exit(0))));
