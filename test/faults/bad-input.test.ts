import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyResponseCounts, members, networks, responses, sealedResponses } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { receiptCount } from '../helpers/receipts.js';
import { signedInUser, type SignedIn } from '../helpers/people.js';
import { fullAnswers, roundWithInvitations } from '../answering/fixture.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const HOSTILE = [
  "'; DROP TABLE responses; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '\u0000\u0001\u0002',
  '\ud800',
  '𝕍𝕖𝕣𝕜𝕠𝕤𝕥𝕠',
  '../../etc/passwd',
  '${7*7}',
  'a'.repeat(5000),
];

function badAnswers(r: ReturnType<typeof random>, good: Record<string, unknown>): unknown {
  const names = Object.keys(good);
  const spoiled: Record<string, unknown> = { ...good };
  switch (r.pick(['value', 'type', 'unknown', 'missing', 'shape', 'proto'] as const)) {
    case 'value':
      spoiled[r.pick(names)] = r.pick([0, 6, -1, 3.5, 1e308, 'none ', 'NaN', r.pick(HOSTILE)]);
      return spoiled;
    case 'type':
      spoiled[r.pick(names)] = r.pick([[1], { a: 1 }, true, null === null ? [] : 0, { $gt: 0 }]);
      return spoiled;
    case 'unknown':
      spoiled[r.pick(HOSTILE).slice(0, 50) || 'x'] = r.pick(HOSTILE);
      return spoiled;
    case 'missing':
      delete spoiled[r.pick(names.filter((n) => /^r\d+_/.test(n) && !n.endsWith('_comment')))];
      return spoiled;
    case 'shape':
      return r.pick([null, 42, 'answers', [good], true]);
    case 'proto':
      return JSON.parse(`{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, ${JSON.stringify(names[0])}: 3}`);
  }
}

function badBody(r: ReturnType<typeof random>, good: Record<string, unknown>): { body: string; type: string } {
  const kind = r.pick(['answers', 'answers', 'answers', 'json', 'type', 'encoding', 'big', 'language'] as const);
  switch (kind) {
    case 'answers':
      return { body: JSON.stringify({ answers: badAnswers(r, good), language: 'fi' }), type: 'application/json' };
    case 'json':
      return { body: r.pick(['{', '{"answers":', 'null', '[]', '"x"', '{"answers": {}}}', '\u0000']), type: 'application/json' };
    case 'type':
      return { body: new URLSearchParams({ answers: r.pick(HOSTILE) }).toString(), type: r.pick(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) };
    case 'encoding':
      return { body: Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]).toString('latin1'), type: 'application/json; charset=utf-8' };
    case 'big':
      return { body: JSON.stringify({ answers: { ...good, r1_comment: 'x'.repeat(300_000) } }), type: 'application/json' };
    case 'language':
      return { body: JSON.stringify({ answers: good, language: r.pick(['de', '', 'FI', 7, null, r.pick(HOSTILE)]) }), type: 'application/json' };
  }
}

let t: TestApp;
let coordinator: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.database.dispose());

describe('a thousand malformed, oversized, wrongly typed, wrongly encoded and hostile requests', () => {
  it('each get a 4xx with a message, nothing is stored, and the server keeps serving', async () => {
    const { version, tokens } = await roundWithInvitations(t, 3);
    coordinator = await signedInUser(t, 'fuzz-admin@kunta.example', { isAdmin: true });
    const good = fullAnswers(version);
    const r = random(20261122);
    const before = { networks: (await t.deps.db.select({ n: count() }).from(networks))[0]!.n, members: (await t.deps.db.select({ n: count() }).from(members))[0]!.n };
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1200; i++) {
      let response: Response;
      if (i % 4 === 3) {
        // Hostile form posts to the coordinator's pages, signed in with a valid CSRF token.
        const path = r.pick(['/networks/new', '/networks/new', '/login']);
        const form = new URLSearchParams({ _csrf: coordinator.csrf, name: r.pick(HOSTILE), anonymityThreshold: r.pick(['2', '-1', 'x', '1e9', '']), languages: r.pick(['xx', '', '<b>']), email: r.pick(HOSTILE), password: r.pick(['', 'x']), currentPassword: r.pick(HOSTILE), newPassword: r.pick(['', 'x', r.pick(HOSTILE)]) });
        response = await t.app.request(path, { method: 'POST', headers: { cookie: coordinator.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      } else {
        const { body, type } = badBody(r, good);
        response = await t.app.request(`/a/${r.pick(tokens)}/submit`, { method: 'POST', headers: { 'content-type': type }, body });
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `request ${i}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `request ${i}`).toBeLessThan(500);
      expect((await response.text()).length, `request ${i} has a message`).toBeGreaterThan(10);
    }
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 401, 413, 422, 429]));
    // No answer got through: nothing sealed, no link used up, no day counted.
    expect((await t.deps.db.select({ n: count() }).from(responses))[0]!.n).toBe(0);
    expect((await t.deps.db.select({ n: count() }).from(sealedResponses))[0]!.n).toBe(0);
    expect(await receiptCount(t.deps.db)).toBe(0);
    expect(await t.deps.db.select().from(dailyResponseCounts)).toEqual([]);
    expect((await t.deps.db.select({ n: count() }).from(networks))[0]!.n).toBe(before.networks);
    expect((await t.deps.db.select({ n: count() }).from(members))[0]!.n).toBe(before.members);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.app.request('/healthz')).status).toBe(200);
    expect((await t.app.request(`/a/${tokens[0]}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: good }) })).status).toBe(201);
    expect(await receiptCount(t.deps.db)).toBe(1);
    expect((await t.deps.db.select({ n: count() }).from(sealedResponses))[0]!.n).toBe(1);
  }, 120_000);
});
