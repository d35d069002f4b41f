import { afterEach, describe, expect, it } from 'vitest';
import { fullAnswers } from '../answering/fixture.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { openRound } from '../helpers/open-round.js';
import { METRICS_TOKEN, sampleOf, scrape } from './scrape.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

describe('attack: dating one member’s answer by scraping /metrics', () => {
  it('a scrape right after a member opens the link and answers shows exactly what the scrape before showed', async () => {
    const clock = fixedClock('2026-03-02T09:00:10.000Z');
    t = await createTestApp({ clock, metricsToken: METRICS_TOKEN });
    const { path, token, version } = await openRound(t);
    await t.app.request('/healthz');
    const before = await scrape(t);

    clock.advance(5_000);
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    // The page's script, as the member's browser loads it.
    const script = (await page.text()).match(/src="(\/static\/[^"]+\.js)"/)![1]!;
    expect((await t.app.request(script)).status).toBe(200);
    const submitted = await t.app.request(`${path}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: fullAnswers(version) }) });
    expect(submitted.status).toBe(201);
    clock.advance(5_000);
    // Every series, the database's size and the mail queue among them, is as it was.
    expect(await scrape(t)).toBe(before);

    // Once the minute has ended the answering routes join the counts, as one minute's total, by pattern only.
    clock.set('2026-03-02T09:01:00.000Z');
    const later = await scrape(t);
    expect(sampleOf(later, 'verkostopulssi_http_requests_total', { method: 'GET', route: '/a/:token', status: '200' })).toBe(1);
    expect(sampleOf(later, 'verkostopulssi_http_requests_total', { method: 'POST', route: '/a/:token/submit', status: '201' })).toBe(1);
    expect(sampleOf(later, 'verkostopulssi_http_requests_total', { method: 'GET', route: '/static/*', status: '200' })).toBe(1);
    expect(later).not.toContain(token);
    // Stored responses show only when the round closes.
    expect(sampleOf(later, 'verkostopulssi_responses_stored')).toBe(0);
  });
});
