import { and, count, eq, sum } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { itemTallies, measureTallies, responses, sealedResponses } from '../../src/db/schema/index.js';
import { closeRound } from '../../src/rounds/transitions.js';
import { receiptCount } from '../helpers/receipts.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { fullAnswers, roundWithInvitations, submit } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** While a round is open its answers are sealed; `responses` counts them there, `unsealed` after the close. */
async function storedCounts() {
  const [sealed] = await t.deps.db.select({ n: count() }).from(sealedResponses);
  const [unsealed] = await t.deps.db.select({ n: count() }).from(responses);
  const [tallied] = await t.deps.db.select({ n: sum(itemTallies.count) }).from(itemTallies);
  return { responses: sealed!.n, unsealed: unsealed!.n, used: await receiptCount(t.deps.db), tallied: Number(tallied!.n ?? 0) };
}

describe('POST /a/:token/submit', () => {
  it('stores a valid answer once, sealed until the round closes, then as a response without day, language or background', async () => {
    t = await createTestApp();
    const { round, version, tokens } = await roundWithInvitations(t, 1);
    const answers = fullAnswers(version);
    const response = await submit(t, tokens[0]!, { answers, language: 'sv' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'stored', day: '2026-03-02', message: 'Tack! Dina svar har sparats.' });
    expect(await storedCounts()).toEqual({ responses: 1, unsealed: 0, used: 1, tallied: 0 });

    const again = await submit(t, tokens[0]!, { answers: fullAnswers(version) });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: 'answered', error: 'Olet jo vastannut tähän kyselyyn.' });
    expect((await storedCounts()).responses).toBe(1);

    await closeRound(t.deps, round.id, null);
    const [stored, ...more] = await t.deps.db.select().from(responses);
    expect(more).toEqual([]);
    expect(Object.keys(stored!).sort()).toEqual(['answers', 'id', 'questionnaireKey', 'questionnaireVersion', 'roundId']);
    expect(stored).toMatchObject({ roundId: round.id, questionnaireKey: 'network-rules', questionnaireVersion: 1 });
    expect(stored!.answers.r1_comment).toBe('Tavoitteet voisi kirjata näkyvämmin.');
    const background = version.items.filter((item) => item.kind === 'segment').map((item) => item.name);
    expect(background.length).toBeGreaterThan(0);
    for (const name of background) expect(stored!.answers).not.toHaveProperty(name);
    expect(await storedCounts()).toMatchObject({ responses: 0, unsealed: 1, used: 1 });
    // The background answers count in the segment tallies, which obey k.
    const segmented = await t.deps.db.select().from(measureTallies).where(and(eq(measureTallies.roundId, round.id), eq(measureTallies.segmentKey, 'organisationType')));
    expect(segmented.reduce((total, row) => total + (row.measure === '*' ? row.n : 0), 0)).toBe(1);
    expect((await storedCounts()).tallied).toBeGreaterThan(40);
  });

  it.each([
    ['an unknown question', (a: Record<string, unknown>) => (a.r1_extra = 3), 'unknown_question'],
    ['a value outside the scale', (a: Record<string, unknown>) => (a.r1_benefits_visible = 6), 'not_a_choice'],
    ['a number where text belongs', (a: Record<string, unknown>) => (a.r1_comment = 42), 'not_text'],
    ['text where a choice belongs', (a: Record<string, unknown>) => (a.r1_benefits_visible = 'viisi'), 'not_a_choice'],
    ['an over-long comment', (a: Record<string, unknown>) => (a.r1_comment = 'x'.repeat(2001)), 'too_long'],
    ['a missing required answer', (a: Record<string, unknown>) => delete a.r1_benefits_visible, 'required'],
    ['an object as an answer', (a: Record<string, unknown>) => (a.r1_benefits_visible = { $gt: 1 }), 'not_a_choice'],
  ])('refuses %s with a clear message and stores nothing', async (_, spoil, code) => {
    t = await createTestApp();
    const { version, tokens } = await roundWithInvitations(t, 1);
    const answers = fullAnswers(version);
    spoil(answers);
    const response = await submit(t, tokens[0]!, { answers, language: 'en' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe('The answers were not saved. Correct the marked items and send them again.');
    expect(body.problems).toEqual([expect.objectContaining({ code, message: expect.any(String) })]);
    expect(await storedCounts()).toEqual({ responses: 0, unsealed: 0, used: 0, tallied: 0 });
  });

  it('refuses a body that is not the expected JSON', async () => {
    t = await createTestApp();
    const { tokens } = await roundWithInvitations(t, 1);
    expect((await submit(t, tokens[0]!, '{not json')).status).toBe(400);
    expect((await submit(t, tokens[0]!, { answers: [1, 2] })).status).toBe(422);
    expect((await submit(t, tokens[0]!, { answers: {}, language: 'de' })).status).toBe(400);
    expect((await storedCounts()).responses).toBe(0);
  });

  it('refuses unknown and malformed links, a round not yet open, and answers after closing time', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    t = await createTestApp({ clock });
    const { version, tokens } = await roundWithInvitations(t, 1, { closesAt: '2026-03-09T14:00:00.000Z' });
    expect((await submit(t, 'A'.repeat(22), { answers: fullAnswers(version) })).status).toBe(404);
    expect((await submit(t, 'short', { answers: fullAnswers(version) })).status).toBe(404);
    clock.set('2026-03-09T14:00:00.000Z');
    const late = await submit(t, tokens[0]!, { answers: fullAnswers(version) });
    expect(late.status).toBe(409);
    expect((await late.json()).status).toBe('closed');
    expect((await storedCounts()).responses).toBe(0);
  });

  it('refuses answers before the round opens', async () => {
    t = await createTestApp();
    const { version, tokens } = await roundWithInvitations(t, 1, { status: 'draft', opensAt: '2026-04-01T06:00:00.000Z' });
    const early = await submit(t, tokens[0]!, { answers: fullAnswers(version) });
    expect(early.status).toBe(409);
    expect((await early.json()).status).toBe('not_open');
  });

  it('stores exactly one response when the same link submits many times at once', async () => {
    t = await createTestApp();
    const { version, tokens } = await roundWithInvitations(t, 1);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(t, tokens[0]!, { answers: fullAnswers(version, i) })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    expect(await storedCounts()).toMatchObject({ responses: 1, used: 1 });
  });
});
