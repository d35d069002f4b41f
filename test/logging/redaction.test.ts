import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../src/answering/group-commit.js';
import type { Db } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { fullAnswers, roundWithInvitations, submit } from '../answering/fixture.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';

const INVITATION_TOKEN = 'q3ZkT0vX9bYwLmN4pRsA1c'; // 22 characters, as rounds/invitation-links.ts makes them
const SETUP_TOKEN = 'Xb7_kP2-qR9sT4uV6wY8zA1cD3eF5gH7jK9mN0pQ2rS';

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger('info', (line) => lines.push(line)), parsed: () => lines.map((line) => JSON.parse(line)) };
}

describe('the logger redacts every line', () => {
  it('replaces links and bare tokens in the message and in every field, at any depth', () => {
    const { lines, log, parsed } = capture();
    log.error(`could not send http://127.0.0.1:3000/a/${INVITATION_TOKEN}`, {
      links: [`https://pulssi.example.fi/r/${SETUP_TOKEN}?print=1`, `/setup/${SETUP_TOKEN}`, `/reset/${SETUP_TOKEN}`, `/join/${SETUP_TOKEN}`],
      nested: { [`/a/${INVITATION_TOKEN}/submit`]: { bare: `token ${INVITATION_TOKEN}.` } },
    });
    expect(lines[0]).not.toContain(INVITATION_TOKEN);
    expect(lines[0]).not.toContain(SETUP_TOKEN);
    expect(parsed()[0]).toMatchObject({
      message: 'could not send http://127.0.0.1:3000/a/:token',
      links: ['https://pulssi.example.fi/r/:token?print=1', '/setup/:token', '/reset/:token', '/join/:token'],
      nested: { '/a/:token/submit': { bare: 'token :token.' } },
    });
  });

  it('keeps what is no secret: the request id, times, column names, routes', () => {
    const { log, parsed } = capture();
    const fields = {
      requestId: '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
      at: '2026-03-02T09:14:07.123Z',
      column: 'questionnaire_version',
      path: '/api/networks/12/rounds/3/close',
      route: '/a/:token/submit',
    };
    log.info('scheduled work done', fields);
    expect(parsed()[0]).toMatchObject({ message: 'scheduled work done', ...fields });
  });

  it('writes an Error as its stack and causes, redacted, with the query parameters left out', () => {
    const { lines, log, parsed } = capture();
    const busy = new Error(`SQLITE_BUSY: database is locked while storing for /a/${INVITATION_TOKEN}/submit`);
    const error = new DrizzleQueryError('insert into "responses" ("id", "answers") values (?, ?)', [INVITATION_TOKEN, '{"r1_comment":"Rehtori olen vain minä"}'], busy);
    log.error('unhandled error', { error });
    const logged = String(parsed()[0].error);
    expect(logged).toContain('Failed query: insert into "responses"');
    expect(logged).toContain('params: (not logged)');
    expect(logged).toContain('caused by: Error: SQLITE_BUSY: database is locked while storing for /a/:token/submit');
    expect(logged).toMatch(/\n\s+at /);
    expect(lines[0]).not.toContain(INVITATION_TOKEN);
    expect(lines[0]).not.toContain('Rehtori');
  });
});

describe('an unexpected error on the answering routes', () => {
  let t: TestApp;
  afterEach(() => t?.database.dispose());

  it('is logged without the link, the answers or more than the minute, and the member gets a generic 500', async () => {
    const { lines, log, parsed } = capture();
    t = await createTestApp({ log, clock: fixedClock('2026-03-02T09:14:07.123Z') });
    const { version, tokens } = await roundWithInvitations(t, 1);
    const token = tokens[0]!;
    const answers = fullAnswers(version);
    // The store fails as under SQLITE_BUSY, with the link in the driver's message and the answers in drizzle's.
    const busy = new Error(`SQLITE_BUSY: database is locked (http://127.0.0.1:3000/a/${token})`);
    const failure = new DrizzleQueryError('insert into "responses" ("id", "answers") values (?, ?)', [1, JSON.stringify(answers)], busy);
    const db = t.deps.db;
    t.deps.db = new Proxy(db, { get: (target, key) => (key === 'transaction' ? () => Promise.reject(failure) : Reflect.get(target, key)) }) as Db;
    t.deps.groupCommit = createGroupCommit(t.deps.db);

    const response = await submit(t, token, { answers, language: 'fi' });
    expect(response.status).toBe(500);
    const [line, ...others] = parsed();
    expect(others).toEqual([]);
    expect(line).toMatchObject({ level: 'error', message: 'unhandled error', time: '2026-03-02T09:14:00.000Z', path: '/a/:token/submit', requestId: expect.any(String) });
    expect(line.error).toContain('SQLITE_BUSY: database is locked (http://127.0.0.1:3000/a/:token)');
    expect(lines[0]).not.toContain(token);
    expect(lines[0]).not.toContain(String(answers.r1_comment));
  });
});
