import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerRequestLog, type Timer } from '../../src/http/answer-request-log.js';
import { createLogger } from '../../src/logger.js';
import { roundWithInvitations, submit, fullAnswers } from '../answering/fixture.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';

/** A timer the test fires by hand. */
function manualTimer() {
  const pending: Array<{ run: () => void; ms: number }> = [];
  const timer: Timer = (run, ms) => {
    const entry = { run, ms };
    pending.push(entry);
    return () => pending.splice(pending.indexOf(entry), 1);
  };
  return { timer, pending, fire: () => pending.shift()!.run() };
}

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger('info', (line) => lines.push(line)), parsed: () => lines.map((line) => JSON.parse(line)) };
}

describe('answer requests counted per minute', () => {
  it('writes a minute when it has ended, from the timer only, telling only the minute', () => {
    const { log, parsed } = capture();
    const clock = fixedClock('2026-03-02T09:14:07.123Z');
    const { timer, pending, fire } = manualTimer();
    const tally = createAnswerRequestLog(log, clock, timer);
    expect(pending).toHaveLength(0);

    tally.count('POST', '/a/Abcdefghijklmnopqrstu1/submit', 201);
    clock.advance(20_000);
    tally.count('GET', '/a/Zyxwvutsrqponmlkjihgf9', 200);
    tally.count('POST', '/a/Qwertyuiopasdfghjklzx5/submit', 201);
    // One timer for the end of the minute, whatever the number of requests.
    expect(pending.map((p) => p.ms)).toEqual([60_000 - 7_123]);
    clock.advance(40_000); // 09:15:07.123, a request of the next minute
    tally.count('POST', '/a/Mnbvcxzlkjhgfdsapoiuy3/submit', 201);
    expect(parsed()).toEqual([]);

    fire();
    expect(parsed()).toEqual([
      {
        time: '2026-03-02T09:14:00.000Z',
        level: 'info',
        message: 'answer requests',
        minute: '2026-03-02T09:14',
        counts: { 'GET /a/:token 200': 1, 'POST /a/:token/submit 201': 2 },
      },
    ]);
    // The next minute still counts, so the timer waits for its end.
    expect(pending).toHaveLength(1);
    clock.advance(60_000);
    fire();
    expect(parsed()[1]).toMatchObject({ time: '2026-03-02T09:15:00.000Z', minute: '2026-03-02T09:15', counts: { 'POST /a/:token/submit 201': 1 } });
    expect(pending).toHaveLength(0);
  });

  it('waits again when the timer fires before the minute has ended, and flush writes the current minute', () => {
    const { log, parsed } = capture();
    const clock = fixedClock('2026-03-02T09:14:59.000Z');
    const { timer, pending, fire } = manualTimer();
    const tally = createAnswerRequestLog(log, clock, timer);
    tally.count('GET', '/a/Abcdefghijklmnopqrstu1', 410);
    fire();
    expect(parsed()).toEqual([]);
    expect(pending).toHaveLength(1);
    tally.flush();
    expect(pending).toHaveLength(0);
    expect(parsed()).toEqual([expect.objectContaining({ time: '2026-03-02T09:14:00.000Z', counts: { 'GET /a/:token 410': 1 } })]);
    tally.flush();
    expect(parsed()).toHaveLength(1);
  });
});

describe('request log of the app', () => {
  let t: TestApp;
  afterEach(() => t?.database.dispose());

  it('logs no line per answering request, keeps one per request elsewhere, and counts the answering ones', async () => {
    const { lines, log, parsed } = capture();
    const clock = fixedClock('2026-03-02T09:14:07.123Z');
    const { timer, fire } = manualTimer();
    t = await createTestApp({ log, clock, answerRequestLog: createAnswerRequestLog(log, clock, timer) });
    const { version, tokens } = await roundWithInvitations(t, 2);
    expect((await t.app.request(`/a/${tokens[0]}`)).status).toBe(200);
    // The answer page's own files, fetched as it opens, would date the opening just as well.
    expect((await t.app.request('/static/app.css')).status).toBe(200);
    expect((await submit(t, tokens[0]!, { answers: fullAnswers(version), language: 'fi' })).status).toBe(201);
    expect((await submit(t, tokens[1]!, { answers: fullAnswers(version, 1), language: 'fi' })).status).toBe(201);
    expect((await t.app.request('/healthz')).status).toBe(200);

    expect(parsed()).toEqual([expect.objectContaining({ message: 'request', method: 'GET', path: '/healthz', status: 200, requestId: expect.any(String) })]);
    clock.advance(60_000);
    fire();
    expect(parsed()[1]).toEqual({
      time: '2026-03-02T09:14:00.000Z',
      level: 'info',
      message: 'answer requests',
      minute: '2026-03-02T09:14',
      counts: { 'GET /a/:token 200': 1, 'GET /static/app.css 200': 1, 'POST /a/:token/submit 201': 2 },
    });
    for (const token of tokens) expect(lines.join('\n')).not.toContain(token);
  });
});
