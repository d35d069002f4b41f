import { afterEach, describe, expect, it } from 'vitest';
import { newToken } from '../../src/accounts/tokens.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fullAnswers, roundWithInvitations, submit } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

describe('guessing links', () => {
  it('gets the same answer for every wrong token, then is refused for a while', async () => {
    t = await createTestApp();
    const { version, tokens } = await roundWithInvitations(t, 1);
    const bodies = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const response = await submit(t, newToken(16), { answers: {} });
      expect(response.status).toBe(404);
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(1);
    const refused = await submit(t, tokens[0]!, { answers: fullAnswers(version) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toContain('Liian monta tuntematonta linkkiä');
    t.deps.clock.now = ((later) => () => later)(new Date(t.deps.clock.now().getTime() + 11 * 60_000));
    expect((await submit(t, tokens[0]!, { answers: fullAnswers(version) })).status).toBe(201);
  });
});
