import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

/*
 * Every route of the app, read from the app itself so a new route is covered
 * without anyone remembering to add it, under each class of hostile input:
 * unreadable bodies, ids that are no ids, over-long lists, deep nesting and
 * hostile headers. None may give a 5xx, and the app keeps serving.
 */
type Route = { method: string; path: string };

let t: TestApp;
let coordinator: SignedIn;
let routes: Route[];
let valid: Record<string, string>;
let networkId: number;
let roundId: number;

beforeAll(async () => {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  coordinator = people.coordinator;
  networkId = people.network.id;
  roundId = (await roundWithResponses(t, networkId, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)))).id;
  valid = { networkId: String(networkId), roundId: String(roundId), token: 'x'.repeat(43), key: 'network-rules', version: '1', segmentKey: 'all' };
  const seen = new Set<string>();
  routes = t.app.routes.filter((r) => r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`)).map(({ method, path }) => ({ method, path }));
});
afterAll(() => t.database.dispose());

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const paramsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
/** The path with each parameter filled: the given ones as given, the others with a value that exists. */
const fill = (path: string, given: Record<string, string> = {}) => path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(given[name] ?? valid[name] ?? '1'));

function send(route: Route, path: string, init: { headers?: Record<string, string>; body?: string; user?: SignedIn | null } = {}) {
  const user = init.user === undefined ? coordinator : init.user;
  const headers: Record<string, string> = { ...(user ? { cookie: user.cookie, 'x-csrf-token': user.csrf } : {}), ...init.headers };
  return t.app.request(path, { method: route.method, headers, ...(UNSAFE.has(route.method) ? { body: init.body ?? '' } : {}) });
}

/** Without SMTP the reset form says, by design, that mail is unavailable. */
const MEANT_503 = /^POST \/reset /;

async function expectNo5xx(response: Response, what: string, atLeast = 200) {
  if (!(response.status === 503 && MEANT_503.test(what))) expect(response.status, what).toBeLessThan(500);
  expect(response.status, what).toBeGreaterThanOrEqual(atLeast);
  if (response.status >= 400) expect((await response.text()).length, `${what} has a message`).toBeGreaterThan(10);
}

it('finds the routes of the app', () => {
  expect(routes.length).toBeGreaterThan(100);
  expect(routes).toContainEqual({ method: 'DELETE', path: '/api/networks/:networkId/actions/:actionId' });
});

describe('a body that is not the form it claims to be', () => {
  const garbage = [
    { 'content-type': 'multipart/form-data' },
    { 'content-type': 'multipart/form-data; boundary=x' },
    { 'content-type': 'multipart/form-data; boundary=' },
    { 'content-type': 'Multipart/Form-Data; boundary="a b"' },
  ];
  it('is a 400 that says so in the reader’s language on every writing route, signed in or not', async () => {
    for (const route of routes.filter((r) => UNSAFE.has(r.method))) {
      for (const [i, headers] of garbage.entries()) {
        for (const user of [coordinator, null]) {
          const response = await send(route, fill(route.path), { headers: { ...headers, 'accept-language': 'en' }, body: i % 2 ? '--x\r\nContent-Disposition: form-data\r\n\r\nx' : 'x', user });
          expect(response.status, `${route.method} ${route.path}`).toBe(400);
          expect(await response.text()).toContain('The form could not be read. Please send it again.');
        }
      }
    }
    expect((await t.app.request('/healthz')).status).toBe(200);
  });

  it('is said in Finnish by default, also on the page for a browser, and logs no error', async () => {
    const lines: string[] = [];
    const logged = await createTestApp({ log: createLogger('info', (line) => lines.push(line)) });
    try {
      const response = await logged.app.request('/login', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('Lomakkeen tietoja ei voitu lukea. Lähetä lomake uudelleen.');
      expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    } finally {
      logged.database.dispose();
    }
  });
});

describe('an id that is not an id', () => {
  const BAD_IDS = ['abc', '1e3', '-1', '0', '1.5', '0x10', ' 7', '99999999999999999999', '9007199254740993'];
  it('is a 4xx on every route that reads one, and a 404 on those that acted on it', async () => {
    for (const route of routes) {
      for (const name of paramsOf(route.path).filter((p) => p.endsWith('Id'))) {
        for (const bad of BAD_IDS) {
          const response = await send(route, fill(route.path, { [name]: bad }), { headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{}' });
          await expectNo5xx(response, `${route.method} ${route.path} with ${name}=${bad}`, 400);
        }
      }
    }
    const api = `/api/networks/${networkId}`;
    const page = `/networks/${networkId}`;
    for (const [method, path] of [
      ['POST', `${page}/agenda/abc/delete`],
      ['DELETE', `${api}/actions/abc`],
      ['PUT', `${api}/actions/abc`],
      ['POST', `${page}/people/abc/remove`],
      ['POST', `${page}/reports/abc/revoke`],
      ['POST', `${api}/report-links/abc/revoke`],
    ] as const) {
      const body = JSON.stringify({ title: 'x', measureKey: 'rule:1', roundId });
      const response = await t.app.request(path, { ...sendJson(coordinator, method), body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await t.app.request('/healthz')).status).toBe(200);
  });
});

describe('an over-long list of ids', () => {
  const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
  it('to invite is a 422 that names the limit', async () => {
    const response = await t.app.request(`/api/networks/${networkId}/rounds/${roundId}/invite?lang=en`, sendJson(coordinator, 'POST', { memberIds: ids }));
    expect(response.status).toBe(422);
    expect((await response.json()).fields.memberIds).toBe('At most 10000 members at a time.');
  });

  it('of rounds for a report link is a 422 that names the limit', async () => {
    const response = await t.app.request(`/api/networks/${networkId}/report-links?lang=en`, sendJson(coordinator, 'POST', { expiresOn: '2026-04-01', roundIds: ids }));
    expect(response.status).toBe(422);
    expect((await response.json()).fields.roundIds).toBe('Choose at most 10000 rounds.');
  });
});

describe('deep nesting', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}"a@kunta.example"${']'.repeat(depth)}`;
  it('of the digest’s extra recipients is a 400 that names the limit', async () => {
    const response = await t.app.request(`/api/networks/${networkId}/digest?lang=en`, { ...sendJson(coordinator, 'POST'), body: `{"extraRecipients": ${deep(10_000)}}` });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('The request nests too deep (at most 32 levels).');
  });

  it('is a 400 on every writing route, and a nesting of real inputs passes', async () => {
    for (const route of routes.filter((r) => UNSAFE.has(r.method))) {
      const response = await send(route, fill(route.path), { headers: { 'content-type': 'application/json' }, body: `{"x": ${deep(5_000)}}` });
      expect(response.status, `${route.method} ${route.path}`).toBe(400);
    }
    const response = await t.app.request(`/api/networks/${networkId}/digest`, { ...sendJson(coordinator, 'POST'), body: JSON.stringify({ extraRecipients: [['a@kunta.example']] }) });
    expect(response.status).toBe(422);
  });
});

describe('hostile headers', () => {
  const HEADERS: Record<string, string>[] = [
    { 'accept-language': `${'x-'.repeat(2000)};q=abc, sv;q=NaN, *;q=-1` },
    { cookie: 'vp_session=%; vp_lang=xx; =; ;;' },
    { cookie: `vp_session=${'a'.repeat(4000)}` },
    { accept: 'application/json;q=%, */*;q=' },
    { 'content-type': 'application/json; charset=utf-7' },
    { origin: 'null' },
    { 'x-csrf-token': '\u00ff'.repeat(100) },
    { 'x-forwarded-for': '::ffff:999.1.1.1, [, unknown' },
    { 'if-none-match': '*', 'if-modified-since': 'not a date', range: 'bytes=9-1' },
  ];
  it('give no 5xx on any route, and every answer to a signed-in request is no-store', async () => {
    // Signing out last, so the session holds for the others.
    for (const route of [...routes].sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'))) {
      const signedIn = await send(route, fill(route.path));
      // The link guard refuses a flood of unknown links before the session is read; its text carries nothing of the user's.
      if (signedIn.status !== 429) expect(signedIn.headers.get('cache-control'), `${route.method} ${route.path}`).toBe('no-store');
      for (const headers of HEADERS) {
        const response = await send(route, fill(route.path), { headers });
        await expectNo5xx(response, `${route.method} ${route.path} with ${Object.keys(headers).join(', ')}`);
      }
    }
  });

  it('a signed-out page is not marked no-store by the session rule', async () => {
    const response = await t.app.request('/login');
    expect(response.headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('source maps', () => {
  it('are not served, even when an older build left one beside the scripts', async () => {
    mkdirSync('public/build', { recursive: true });
    const stale = 'public/build/stale-ABCDEFGH.js.map';
    writeFileSync(stale, '{"version":3,"sources":["secret.ts"]}');
    try {
      for (const path of ['/static/build/stale-ABCDEFGH.js.map', '/static/build/stale-ABCDEFGH.js.map.gz']) expect((await t.app.request(path)).status, path).toBe(404);
    } finally {
      rmSync(stale);
    }
  });
});
