import { and, asc, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGroupCommit, type Submission } from '../../src/answering/group-commit.js';
import { receiptNullifier } from '../../src/answering/receipts.js';
import { openDay, sealDay } from '../../src/answering/seal.js';
import type { QuestionnaireVersion } from '../../src/catalogue/types.js';
import { answerReceipts, dailyResponseCounts, invitations, measureTallies, responses, sealedResponses } from '../../src/db/schema/index.js';
import { interpretAnswers } from '../../src/responses/interpret.js';
import { responseSealingKey, sealAnswers } from '../../src/responses/sealed-responses.js';
import { closeRound } from '../../src/rounds/transitions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { receiptCount } from '../helpers/receipts.js';
import { fullAnswers, roundWithInvitations } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** What submitAnswers hands the group commit for this link. */
function submission(token: string, roundId: number, version: QuestionnaireVersion, seed: number, day = '2026-03-02'): Submission {
  const kept = interpretAnswers(version, fullAnswers(version, seed), true).answers;
  return {
    roundId,
    nullifier: receiptNullifier(t.deps.secretKey, token),
    answeredDaySealed: sealDay(token, day),
    day,
    sealed: sealAnswers(responseSealingKey(t.deps.secretKey), roundId, version, kept),
  };
}

async function counts() {
  const [sealed] = await t.deps.db.select({ n: count() }).from(sealedResponses);
  const [unsealed] = await t.deps.db.select({ n: count() }).from(responses);
  const daily = await t.deps.db.select({ day: dailyResponseCounts.day, n: dailyResponseCounts.responses }).from(dailyResponseCounts).orderBy(asc(dailyResponseCounts.day));
  return { sealed: sealed!.n, unsealed: unsealed!.n, receipts: await receiptCount(t.deps.db), daily };
}

async function everyoneTally(): Promise<number> {
  const [everyone] = await t.deps.db.select({ n: measureTallies.n }).from(measureTallies).where(and(eq(measureTallies.measure, '*'), eq(measureTallies.segmentKey, '')));
  return everyone!.n;
}

describe('group commit of submissions', () => {
  it('writes submissions that arrive together in one transaction, each settled after it commits', async () => {
    t = await createTestApp();
    const { round, version, tokens } = await roundWithInvitations(t, 30);
    const invitationsBefore = await t.deps.db.select().from(invitations).orderBy(asc(invitations.id));
    const transaction = vi.spyOn(t.deps.db, 'transaction');
    const commit = createGroupCommit(t.deps.db);

    const settled = await Promise.all(tokens.map((token, i) => commit(submission(token, round.id, version, i, i < 10 ? '2026-03-01' : '2026-03-02'))));

    expect(settled).toEqual(tokens.map(() => true));
    expect(transaction).toHaveBeenCalledTimes(1);
    // Sealed while the round is open: no response, no tally yet; the invitations are untouched.
    expect(await counts()).toEqual({ sealed: 30, unsealed: 0, receipts: 30, daily: [{ day: '2026-03-01', n: 10 }, { day: '2026-03-02', n: 20 }] });
    expect(await everyoneTally()).toBe(0);
    expect(await t.deps.db.select().from(invitations).orderBy(asc(invitations.id))).toEqual(invitationsBefore);

    transaction.mockRestore();
    await closeRound(t.deps, round.id, null);
    expect(await counts()).toMatchObject({ sealed: 0, unsealed: 30, receipts: 30 });
    expect(await everyoneTally()).toBe(30);
  });

  it('stores one response for a link submitted twice in the same transaction', async () => {
    t = await createTestApp();
    const { round, version, tokens } = await roundWithInvitations(t, 2);
    const [first, second] = tokens as [string, string];
    const commit = createGroupCommit(t.deps.db);

    const settled = await Promise.all([
      commit(submission(first, round.id, version, 1, '2026-03-01')),
      commit(submission(first, round.id, version, 2, '2026-03-02')),
      commit(submission(second, round.id, version, 3, '2026-03-02')),
    ]);

    expect(settled).toEqual([true, false, true]);
    expect(await counts()).toEqual({ sealed: 2, unsealed: 0, receipts: 2, daily: [{ day: '2026-03-01', n: 1 }, { day: '2026-03-02', n: 1 }] });
    const receipts = await t.deps.db.select().from(answerReceipts);
    const byLink = (token: string) => receipts.find((r) => r.nullifier === receiptNullifier(t.deps.secretKey, token));
    // The first submission of the link is the one kept, and each day opens only with its own link.
    expect(openDay(first, byLink(first)!.answeredDaySealed)).toBe('2026-03-01');
    expect(openDay(second, byLink(second)!.answeredDaySealed)).toBe('2026-03-02');
    expect(openDay(second, byLink(first)!.answeredDaySealed)).toBeNull();

    // A later commit of the used link finds it used.
    expect(await commit(submission(first, round.id, version, 4))).toBe(false);
    expect((await counts()).sealed).toBe(2);
  });

  it('fails only the submission that cannot be stored; the others of its transaction are stored', async () => {
    t = await createTestApp();
    const { round, version, tokens } = await roundWithInvitations(t, 3);
    // A round that does not exist: its receipt breaks the foreign key and must fail alone.
    const missingRound = round.id + 1000;
    const commit = createGroupCommit(t.deps.db);

    const outcomes = await Promise.allSettled([
      commit(submission(tokens[0]!, round.id, version, 1)),
      commit(submission(tokens[1]!, missingRound, version, 2)),
      commit(submission(tokens[2]!, round.id, version, 3)),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await t.deps.db.select({ roundId: sealedResponses.roundId }).from(sealedResponses);
    expect(stored).toEqual([{ roundId: round.id }, { roundId: round.id }]);
    const receipts = await t.deps.db.select({ nullifier: answerReceipts.nullifier, roundId: answerReceipts.roundId }).from(answerReceipts);
    expect(receipts.map((r) => r.roundId)).toEqual([round.id, round.id]);
    // The failed link left no receipt: its member can still answer.
    expect(receipts.map((r) => r.nullifier)).not.toContain(receiptNullifier(t.deps.secretKey, tokens[1]!));
    expect(await commit(submission(tokens[1]!, round.id, version, 2))).toBe(true);
    expect(await counts()).toMatchObject({ sealed: 3, receipts: 3, daily: [{ day: '2026-03-02', n: 3 }] });
  });

  it('drained() resolves once every submission handed in is written, without waiting on their promises', async () => {
    t = await createTestApp();
    const { round, version, tokens } = await roundWithInvitations(t, 5);
    const commit = createGroupCommit(t.deps.db);
    await commit.drained();
    for (const [i, token] of tokens.entries()) void commit(submission(token, round.id, version, i));
    await commit.drained();
    expect((await counts()).sealed).toBe(5);
  });
});
