import { and, asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rounds } from '../../src/db/schema/index.js';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { grantRole, sendJson, signedInUser, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function demo() {
  t = await createTestApp({ clock: fixedClock('2026-11-01T09:00:00.000Z') });
  const admin = await signedInUser(t, 'admin@kunta.example', { isAdmin: true });
  const { networkId } = await seedDemo(t.deps.db, t.deps.catalogue, t.deps.clock);
  await grantDemoAccess(t.deps.db, networkId);
  const ruleRounds = await t.deps.db
    .select()
    .from(rounds)
    .where(and(eq(rounds.networkId, networkId), eq(rounds.questionnaireKey, 'network-rules')))
    .orderBy(asc(rounds.closesAt));
  return { admin, networkId, ruleRounds, api: `/api/networks/${networkId}/actions` };
}

const call = async (user: SignedIn, method: string, path: string, body?: unknown) => {
  const response = await t.app.request(path, sendJson(user, method, body));
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
};

describe('renewal agenda', () => {
  it('proposes the lowest, concerning and declining rules of the demo data, each with its figures', async () => {
    const { admin, ruleRounds, api } = await demo();
    const latest = ruleRounds.at(-1)!;
    const { status, body } = await call(admin, 'GET', `${api}/candidates/${latest.id}`);
    expect(status).toBe(200);
    const candidates = body.candidates as Array<{ measure: string; reasons: string[]; result: { figures: { mean: number; n: number } }; change: { change: { verdict: string } | null } | null }>;
    expect(candidates.filter((c) => c.reasons.includes('lowest'))).toHaveLength(3);
    expect(candidates.map((c) => c.measure)).toContain('rule:10');
    for (const candidate of candidates) {
      expect(candidate.result.figures.n).toBeGreaterThanOrEqual(5);
      if (candidate.reasons.includes('declined')) expect(candidate.change?.change?.verdict).toBe('declined');
    }
    const means = candidates.filter((c) => c.reasons.includes('lowest')).map((c) => c.result.figures.mean);
    const all = (await call(admin, 'GET', `/api/networks/${latest.networkId}/results/rounds/${latest.id}`)).body.measures.map((m: { figures: { mean: number } }) => m.figures.mean);
    expect(Math.max(...means)).toBeLessThanOrEqual([...all].sort((a, b) => a - b)[2]);
  });

  it('lives through planned → in progress → done, is listed per rule, follows the rule into later rounds, and is deleted', async () => {
    const { admin, ruleRounds, api } = await demo();
    const [first] = ruleRounds;
    const created = await call(admin, 'POST', api, { roundId: first!.id, measure: 'rule:3', description: 'Sovitaan resurssit kirjallisesti', owner: 'Ohjausryhmä', dueOn: '2025-09-30' });
    expect(created.status).toBe(201);
    expect(created.body.action).toMatchObject({ status: 'planned', measure: 'rule:3', owner: 'Ohjausryhmä' });
    const id = created.body.action.id;
    for (const status of ['in_progress', 'done']) {
      const updated = await call(admin, 'PUT', `${api}/${id}`, { roundId: first!.id, measure: 'rule:3', description: 'Sovitaan resurssit kirjallisesti', owner: 'Ohjausryhmä', dueOn: '2025-09-30', status });
      expect(updated.body.action.status).toBe(status);
    }
    await call(admin, 'POST', api, { roundId: first!.id, measure: 'rule:7', description: 'Tiedotussuunnitelma' });
    expect((await call(admin, 'GET', `${api}?measure=rule:3`)).body.actions.map((a: { id: number }) => a.id)).toEqual([id]);
    expect((await call(admin, 'GET', api)).body.actions).toHaveLength(2);

    const follow = await call(admin, 'GET', `${api}/${id}/follow-up`);
    expect(follow.body.steps.map((s: { round: { id: number } }) => s.round.id)).toEqual(ruleRounds.slice(1).map((r) => r.id));
    for (const step of follow.body.steps) expect(['improved', 'declined', 'no_change']).toContain(step.row.change.verdict);

    expect((await call(admin, 'DELETE', `${api}/${id}`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `${api}/${id}`)).status).toBe(404);
  });

  it('refuses bad input with a message per field, and keeps leaders to reading', async () => {
    const { admin, ruleRounds, api, networkId } = await demo();
    const bad = await call(admin, 'POST', `${api}?lang=en`, { roundId: 'x', measure: 'rule:99', description: '', dueOn: '30.9.2025', status: 'maybe' });
    expect(bad.status).toBe(422);
    expect(bad.body.fields).toMatchObject({
      roundId: expect.stringContaining('round'),
      measure: 'Choose a ground rule or strategy area.',
      description: expect.stringContaining('Write what will be done'),
      dueOn: 'Give the due date as YYYY-MM-DD.',
      status: expect.stringContaining('planned'),
    });
    const leader = await signedInUser(t, 'johtaja@kunta.example');
    await grantRole(t, networkId, leader.userId, 'leader');
    expect((await call(leader, 'GET', api)).status).toBe(200);
    expect((await call(leader, 'POST', api, { roundId: ruleRounds[0]!.id, measure: 'rule:1', description: 'x' })).status).toBe(403);
    const stranger = await signedInUser(t, 'vieras@muu.example');
    expect((await call(stranger, 'GET', api)).status).toBe(404);
  });
});
