import { afterEach, describe, expect, it } from 'vitest';
import { openDay } from '../../src/answering/seal.js';
import { createLogger } from '../../src/logger.js';
import { closeRound } from '../../src/rounds/transitions.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fullAnswers, roundWithInvitations, submit } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

type Row = Record<string, unknown>;
async function table(name: string): Promise<Row[]> {
  return (await t.database.client.execute(`SELECT rowid AS _rowid, * FROM ${name}`)).rows as unknown as Row[];
}

describe('a stored response cannot be linked to its invitation or member', () => {
  it('holds after twelve members answered, reading every table of the database', async () => {
    const lines: string[] = [];
    t = await createTestApp({ log: createLogger('info', (line) => lines.push(line)) });
    const { version, tokens, round } = await roundWithInvitations(t, 14);
    const order = [5, 2, 9, 0, 11, 7, 3, 1, 10, 8, 4, 6];
    for (const [i, member] of order.entries()) {
      t.deps.clock.now = () => new Date(Date.UTC(2026, 2, 2 + (i % 3), 8 + i, 17, 33));
      expect((await submit(t, tokens[member]!, { answers: fullAnswers(version, member), language: 'fi' })).status).toBe(201);
    }

    const everythingNow = async () => {
      const tables = (await t.database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name));
      return Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await table(name)] as const)));
    };
    // While the round is open nothing is plaintext: twelve sealed rows of one size, twelve receipts, no response.
    const open = await everythingNow();
    expect(open.responses).toEqual([]);
    expect(open.sealed_responses).toHaveLength(12);
    expect(new Set(open.sealed_responses!.map((r) => (r.sealed as ArrayBuffer).byteLength)).size).toBe(1);
    expect(open.answer_receipts).toHaveLength(12);
    // Answering changed nothing on the invitations: no flag, no time.
    for (const invitation of open.invitations!) expect(Object.keys(invitation).sort()).toEqual(['_rowid', 'created_at', 'id', 'member_id', 'round_id', 'sent_at', 'token_hash']);
    // The answered day opens only with the member's own link.
    for (const receipt of open.answer_receipts!) expect(openDay('A'.repeat(22), String(receipt.answered_day_sealed))).toBeNull();
    expect(tokens.map((token) => open.answer_receipts!.some((r) => openDay(token, String(r.answered_day_sealed)))).filter(Boolean)).toHaveLength(12);

    await closeRound(t.deps, round.id, null);
    const everything = await everythingNow();
    expect(everything.sealed_responses).toEqual([]);
    const responses = everything.responses!;
    expect(responses).toHaveLength(12);

    // No column of a response refers to anything but its round: no day, no language, no background.
    const responseColumns = Object.keys(responses[0]!).filter((c) => c !== '_rowid');
    expect(responseColumns.sort()).toEqual(['answers', 'id', 'questionnaire_key', 'questionnaire_version', 'round_id'].sort());
    expect(responses.every((r) => r.round_id === round.id)).toBe(true);

    // No key of an invitation, receipt or member is a response's key, and no longer value of theirs (token hashes,
    // nullifiers, sealed days, names, addresses) appears anywhere in a response.
    const people = [...everything.invitations!, ...everything.members!, ...everything.answer_receipts!];
    const responseIds = new Set(responses.flatMap((r) => [Number(r.id), Number(r._rowid)]));
    for (const row of people) expect(responseIds.has(Number(row.id))).toBe(false);
    const responseText = responses.map((r) => `${r.id} ${r.answers}`).join('\n');
    const identifying = people.flatMap((row) => [row.token_hash, row.nullifier, row.answered_day_sealed, row.name, row.email].filter((v): v is string => typeof v === 'string' && v.length >= 6));
    expect(identifying.length).toBeGreaterThan(40);
    for (const value of identifying) expect(responseText).not.toContain(value);
    expect(responseText).not.toMatch(/2026-03-0[2-4]/);

    // Keys (and so the storage order) do not follow the order of answering, and no sequence counts responses.
    const signature = (answers: Record<string, unknown>) => JSON.stringify([answers.r1_benefits_visible, answers.r2_motivated, answers.r3_staff_time]);
    const idInAnsweringOrder = order.map((member) => responses.filter((r) => signature(JSON.parse(String(r.answers))) === signature(fullAnswers(version, member))));
    expect(idInAnsweringOrder.every((matches) => matches.length >= 1)).toBe(true);
    const firstIds = idInAnsweringOrder.map((matches) => Number(matches[0]!.id));
    expect(firstIds.every((id, i) => i === 0 || id > firstIds[i - 1]!)).toBe(false);
    expect((everything.sqlite_sequence ?? []).map((r) => r.name)).not.toContain('responses');

    // The log has no line per answer, only counts per minute that tell no finer time; it names no token and no address.
    expect(lines.filter((line) => line.includes('/a/'))).toEqual([]);
    t.deps.answerRequestLog.flush();
    const answerLines = lines.filter((line) => line.includes('/a/'));
    expect(answerLines.length).toBe(12);
    for (const line of answerLines) {
      expect(JSON.parse(line)).toMatchObject({ message: 'answer requests', time: expect.stringMatching(/T\d\d:17:00\.000Z$/), counts: { 'POST /a/:token/submit 201': 1 } });
      for (const token of tokens) expect(line).not.toContain(token);
      expect(line).not.toMatch(/127\.0\.0\.1|::1|address|agent/i);
    }
  });
});
