import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'libsql';

/*
 * A libSQL server's HTTP API (Hrana 2 over JSON, the protocol sqld speaks on
 * /v2/pipeline) as far as @libsql/client uses it, over a real SQLite file:
 * so the remote path runs the client's own HTTP code end to end without sqld.
 * Each stream is a connection of its own, kept between requests by its baton.
 * It records every statement text it is sent and every Authorization header.
 */

type Value = { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };
type Stmt = { sql?: string; sql_id?: number; args?: Value[]; named_args?: { name: string; value: Value }[] };
type Cond = { type: 'ok' | 'error'; step: number } | { type: 'not'; cond: Cond } | { type: 'and' | 'or'; conds: Cond[] };
type Request =
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: { steps: { condition?: Cond; stmt: Stmt }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'close' };
type Stream = { db: Database.Database; sqls: Map<number, string> };

export type HranaServer = { url: string; statements: string[]; authorizations: (string | undefined)[]; close: () => Promise<void> };

const fromValue = (v: Value): unknown =>
  v.type === 'null' ? null : v.type === 'integer' ? BigInt(v.value) : v.type === 'blob' ? Buffer.from(v.base64, 'base64') : v.value;
const toValue = (v: unknown): Value =>
  v === null || v === undefined ? { type: 'null' }
  : typeof v === 'bigint' ? { type: 'integer', value: String(v) }
  : typeof v === 'number' ? { type: 'float', value: v }
  : Buffer.isBuffer(v) ? { type: 'blob', base64: v.toString('base64') }
  : { type: 'text', value: String(v) };

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHranaServer(path: string): Promise<HranaServer> {
  const streams = new Map<string, Stream>();
  const statements: string[] = [];
  const authorizations: (string | undefined)[] = [];
  // What sqld does for its own file; not a statement any client sent.
  const setup = new Database(path);
  setup.exec('PRAGMA journal_mode = WAL');
  setup.close();

  const execute = (stream: Stream, stmt: Stmt) => {
    const sql = stmt.sql ?? stream.sqls.get(stmt.sql_id!)!;
    statements.push(sql);
    const prepared = stream.db.prepare(sql);
    const args = stmt.named_args?.length
      ? Object.fromEntries(stmt.named_args.map(({ name, value }) => [name.replace(/^[:@$]/, ''), fromValue(value)]))
      : (stmt.args ?? []).map(fromValue);
    if (prepared.reader) {
      const columns = prepared.columns();
      const rows = prepared.raw(true).safeIntegers(true).all(args) as unknown[][];
      return { cols: columns.map((c) => ({ name: c.name, decltype: c.type })), rows: rows.map((row) => row.map(toValue)), affected_row_count: 0, last_insert_rowid: null };
    }
    const info = prepared.run(args);
    return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid) };
  };
  const failure = (error: unknown) => ({ message: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code ?? 'UNKNOWN' });
  const holds = (cond: Cond | undefined, ok: boolean[], failed: boolean[]): boolean => {
    if (!cond) return true;
    switch (cond.type) {
      case 'ok': return ok[cond.step] === true;
      case 'error': return failed[cond.step] === true;
      case 'not': return !holds(cond.cond, ok, failed);
      case 'and': return cond.conds.every((c) => holds(c, ok, failed));
      case 'or': return cond.conds.some((c) => holds(c, ok, failed));
    }
  };
  const respond = (stream: Stream, request: Request): object => {
    switch (request.type) {
      case 'execute':
        return { type: 'execute', result: execute(stream, request.stmt) };
      case 'batch': {
        const results: (object | null)[] = [];
        const errors: (object | null)[] = [];
        const ok: boolean[] = [];
        const failed: boolean[] = [];
        request.batch.steps.forEach(({ condition, stmt }, i) => {
          results.push(null), errors.push(null), ok.push(false), failed.push(false);
          if (!holds(condition, ok, failed)) return;
          try {
            results[i] = execute(stream, stmt);
            ok[i] = true;
          } catch (error) {
            errors[i] = failure(error);
            failed[i] = true;
          }
        });
        return { type: 'batch', result: { step_results: results, step_errors: errors } };
      }
      case 'sequence': {
        const sql = request.sql ?? stream.sqls.get(request.sql_id!)!;
        statements.push(sql);
        stream.db.exec(sql);
        return { type: 'sequence' };
      }
      case 'store_sql':
        stream.sqls.set(request.sql_id, request.sql);
        return { type: 'store_sql' };
      case 'close_sql':
        stream.sqls.delete(request.sql_id);
        return { type: 'close_sql' };
      case 'close':
        stream.db.close();
        return { type: 'close' };
    }
  };

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST' || request.url !== '/v2/pipeline') return void response.writeHead(404).end();
    authorizations.push(request.headers.authorization);
    const { baton, requests } = JSON.parse(await body(request)) as { baton?: string; requests: Request[] };
    const stream = baton ? streams.get(baton) : { db: new Database(path), sqls: new Map<number, string>() };
    if (!stream) return void response.writeHead(400).end('unknown baton');
    if (baton) streams.delete(baton);
    const results = requests.map((r) => {
      try {
        return { type: 'ok', response: respond(stream, r) };
      } catch (error) {
        return { type: 'error', error: failure(error) };
      }
    });
    let next: string | null = null;
    if (stream.db.open) streams.set((next = randomUUID()), stream);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ baton: next, base_url: null, results }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statements,
    authorizations,
    close: async () => {
      for (const stream of streams.values()) stream.db.close();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
