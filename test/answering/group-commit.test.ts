import { and, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGroupCommit, type Submission } from '../../src/answering/group-commit.js';
import { invitations, itemTallies, measureTallies, responses, rounds } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fullAnswers, roundWithInvitations } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function invitationIds(roundId: number) {
  const rows = await t.deps.db.select({ id: invitations.id }).from(invitations).where(eq(invitations.roundId, roundId)).orderBy(invitations.id);
  return rows.map((row) => row.id);
}

function submission(invitationId: number, roundId: number, version: Submission['response']['version'], seed: number): Submission {
  return {
    invitationId,
    usedDaySealed: `sealed-${invitationId}`,
    response: { roundId, version, answers: fullAnswers(version, seed), language: 'fi', submittedOn: '2026-03-02', collectSegments: true },
  };
}

describe('group commit of submissions', () => {
  it('writes submissions that arrive together in one transaction, each settled after it commits', async () => {
    t = await createTestApp();
    const { round, version } = await roundWithInvitations(t, 30);
    const ids = await invitationIds(round.id);
    const transaction = vi.spyOn(t.deps.db, 'transaction');
    const commit = createGroupCommit(t.deps.db);

    const settled = await Promise.all(ids.map((id, i) => commit(submission(id, round.id, version, i))));

    expect(settled).toEqual(ids.map(() => true));
    expect(transaction).toHaveBeenCalledTimes(1);
    const [stored] = await t.deps.db.select({ n: count() }).from(responses);
    expect(stored!.n).toBe(30);
    const [everyone] = await t.deps.db.select({ n: measureTallies.n }).from(measureTallies).where(and(eq(measureTallies.measure, '*'), eq(measureTallies.segmentKey, '')));
    expect(everyone!.n).toBe(30);
  });

  it('stores one response for an invitation submitted twice in the same transaction', async () => {
    t = await createTestApp();
    const { round, version } = await roundWithInvitations(t, 2);
    const [first, second] = await invitationIds(round.id);
    const commit = createGroupCommit(t.deps.db);

    const settled = await Promise.all([
      commit(submission(first!, round.id, version, 1)),
      commit(submission(first!, round.id, version, 2)),
      commit(submission(second!, round.id, version, 3)),
    ]);

    expect(settled).toEqual([true, false, true]);
    const [stored] = await t.deps.db.select({ n: count() }).from(responses);
    expect(stored!.n).toBe(2);
    const used = await t.deps.db.select({ id: invitations.id, sealed: invitations.usedDaySealed }).from(invitations).where(eq(invitations.used, true));
    expect(used).toEqual([{ id: first, sealed: `sealed-${first}` }, { id: second, sealed: `sealed-${second}` }]);
  });

  it('fails only the submission that cannot be stored; the others of its transaction are stored', async () => {
    t = await createTestApp();
    const { round, version } = await roundWithInvitations(t, 3);
    const ids = await invitationIds(round.id);
    // A second round whose tallies were never created: storing into it must fail, alone.
    const [broken] = await t.deps.db.insert(rounds).values({ ...round, id: undefined, title: 'Rikki' }).returning();
    const commit = createGroupCommit(t.deps.db);

    const outcomes = await Promise.allSettled([
      commit(submission(ids[0]!, round.id, version, 1)),
      commit(submission(ids[1]!, broken!.id, version, 2)),
      commit(submission(ids[2]!, round.id, version, 3)),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await t.deps.db.select({ roundId: responses.roundId }).from(responses);
    expect(stored).toEqual([{ roundId: round.id }, { roundId: round.id }]);
    const [unused] = await t.deps.db.select({ used: invitations.used }).from(invitations).where(eq(invitations.id, ids[1]!));
    expect(unused!.used).toBe(false);
    const [tallied] = await t.deps.db.select({ n: measureTallies.n }).from(measureTallies).where(and(eq(measureTallies.measure, '*'), eq(measureTallies.segmentKey, '')));
    expect(tallied!.n).toBe(2);
    expect(await t.deps.db.select().from(itemTallies).where(eq(itemTallies.roundId, broken!.id))).toEqual([]);
  });
});
