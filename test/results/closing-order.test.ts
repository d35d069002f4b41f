import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { previousClosedRound } from '../../src/agenda/candidates.js';
import { rounds } from '../../src/db/schema/index.js';
import { buildReport } from '../../src/reports/report.js';
import { roundResults } from '../../src/results/round-results.js';
import { networkTrend } from '../../src/results/trend.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

describe('rounds are ordered and dated by when they really closed', () => {
  it('puts a round closed early before one closed later, though its planned closing was later', async () => {
    t = await createTestApp();
    const { network } = await networkWithPeople(t);
    const answers = [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v));
    // A was planned to close on 20.2. but was closed by hand on 10.1.; B closed on 14.2. as planned (15.2.).
    const a = await roundWithResponses(t, network.id, answers, { closesAt: '2026-02-20T14:00:00.000Z' });
    const b = await roundWithResponses(t, network.id, answers, { closesAt: '2026-02-15T14:00:00.000Z' });
    await t.deps.db.update(rounds).set({ closedAt: '2026-01-10T09:00:00.000Z' }).where(eq(rounds.id, a.id));
    await t.deps.db.update(rounds).set({ closedAt: '2026-02-14T09:00:00.000Z' }).where(eq(rounds.id, b.id));
    const [roundA] = await t.deps.db.select().from(rounds).where(eq(rounds.id, a.id));
    const [roundB] = await t.deps.db.select().from(rounds).where(eq(rounds.id, b.id));

    const trend = await networkTrend(t.deps.db, t.deps.catalogue, network, 'network-rules');
    expect(trend.rounds.map((r) => [r.id, r.closesAt])).toEqual([
      [a.id, '2026-01-10T09:00:00.000Z'],
      [b.id, '2026-02-14T09:00:00.000Z'],
    ]);
    const report = await buildReport(t.deps.db, t.deps.catalogue, network, null);
    expect(report.questionnaires[0]!.latest.round.id).toBe(b.id);
    expect(report.questionnaires[0]!.comparison).toMatchObject({ before: { id: a.id }, after: { id: b.id } });
    expect((await roundResults(t.deps.db, t.deps.catalogue, network, roundA!)).round.closesAt).toBe('2026-01-10T09:00:00.000Z');
    expect((await previousClosedRound(t.deps.db, roundB!))?.id).toBe(a.id);
    expect(await previousClosedRound(t.deps.db, roundA!)).toBeNull();
  });
});
