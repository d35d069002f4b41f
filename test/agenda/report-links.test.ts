import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { networks, reportLinks } from '../../src/db/schema/index.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const FIGURES = /"(mean|sd|ci95|distribution)"/;

async function setup(responses = 6, now = '2026-03-02T09:00:00.000Z') {
  const clock = fixedClock(now);
  t = await createTestApp({ clock });
  const people = await networkWithPeople(t);
  await t.deps.db.update(networks).set({ anonymityThreshold: 5 }).where(eq(networks.id, people.network.id));
  const answers = Array.from({ length: responses }, (_, i) => uniformAnswers(t, 1 + (i % 5)));
  const first = await roundWithResponses(t, people.network.id, answers, { closesAt: '2025-06-01T12:00:00.000Z' });
  const second = await roundWithResponses(t, people.network.id, answers, { closesAt: '2026-02-01T12:00:00.000Z' });
  return { ...people, clock, first, second, api: `/api/networks/${people.network.id}` };
}

describe('read-only report links for leadership', () => {
  it('opens the report without an account until it expires or is revoked, storing only a hash', async () => {
    const { coordinator, clock, api } = await setup();
    const created = await t.app.request(`${api}/report-links`, sendJson(coordinator, 'POST', { label: 'Sivistyslautakunta', expiresOn: '2026-03-31' }));
    expect(created.status).toBe(201);
    const { url, link } = await created.json();
    const token = url.split('/r/')[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/r\/[\w-]{32}$/);
    expect(JSON.stringify(await t.deps.db.select().from(reportLinks))).not.toContain(token);
    expect(link.tokenHash).toBeUndefined();

    const report = await t.app.request(`/r/${token}/data`);
    expect(report.status).toBe(200);
    const body = await report.json();
    expect(body.questionnaires[0].latest.measures).toHaveLength(10);
    expect(body.questionnaires[0].comparison.measures).toHaveLength(10);
    expect(body.questionnaires[0].trend.rounds).toHaveLength(2);

    const second = await (await t.app.request(`${api}/report-links`, sendJson(coordinator, 'POST', { expiresOn: '2026-12-31' }))).json();
    expect((await t.app.request(`${api}/report-links/${second.link.id}/revoke`, sendJson(coordinator, 'POST', {}))).status).toBe(200);
    const revoked = await t.app.request(`/r/${second.url.split('/r/')[1]}/data`);
    expect(revoked.status).toBe(410);
    expect((await revoked.json()).status).toBe('revoked');
    expect((await t.app.request(`/r/${token}/data`)).status).toBe(200);

    clock.set('2026-04-01T00:00:00.000Z');
    const expired = await t.app.request(`/r/${token}/data?lang=en`);
    expect(expired.status).toBe(410);
    const expiredBody = await expired.json();
    expect(expiredBody.error).toContain('This report link has expired.');
    expect(JSON.stringify(expiredBody)).not.toMatch(FIGURES);
    expect((await t.app.request(`/r/${'x'.repeat(32)}/data`)).status).toBe(404);
  });

  it('counts days in Helsinki time: "through today" made after 22:00 UTC works through that Helsinki day, summer time too', async () => {
    // 01:30 on 16 June in Helsinki (UTC+3), still 15 June in UTC.
    const { coordinator, clock, api } = await setup(6, '2026-06-15T22:30:00.000Z');
    expect((await t.app.request(`${api}/report-links`, sendJson(coordinator, 'POST', { expiresOn: '2026-06-15' }))).status).toBe(422);
    const created = await t.app.request(`${api}/report-links`, sendJson(coordinator, 'POST', { expiresOn: '2026-06-16' }));
    expect(created.status).toBe(201);
    const token = (await created.json()).url.split('/r/')[1];
    expect((await t.app.request(`/r/${token}/data`)).status).toBe(200);
    clock.set('2026-06-16T20:59:00.000Z');
    expect((await t.app.request(`/r/${token}/data`)).status).toBe(200);
    clock.set('2026-06-16T21:00:00.000Z');
    expect((await t.app.request(`/r/${token}/data`)).status).toBe(410);
  });

  it('keeps the anonymity threshold and the round limit', async () => {
    const { coordinator, first, api } = await setup(4);
    const { url } = await (await t.app.request(`${api}/report-links`, sendJson(coordinator, 'POST', { expiresOn: '2026-12-31', roundIds: [first.id] }))).json();
    const body = await (await t.app.request(`/r/${url.split('/r/')[1]}/data`)).json();
    expect(JSON.stringify(body)).not.toMatch(FIGURES);
    expect(body.questionnaires[0].latest).toMatchObject({ withheld: 'below_threshold', measures: [] });
    expect(body.questionnaires[0].trend.rounds.map((r: { id: number }) => r.id)).toEqual([first.id]);
  });

  it('refuses bad links and is managed only by coordinators; leaders read the same report signed in', async () => {
    const { coordinator, leader, other, api } = await setup();
    const bad = await t.app.request(`${api}/report-links?lang=en`, sendJson(coordinator, 'POST', { expiresOn: '2020-01-01' }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields.expiresOn).toContain('YYYY-MM-DD');
    const foreignRound = await roundWithResponses(t, other.id, [uniformAnswers(t, 3)]);
    expect((await t.app.request(`${api}/report-links`, sendJson(coordinator, 'POST', { expiresOn: '2026-12-31', roundIds: [foreignRound.id] }))).status).toBe(422);
    expect((await t.app.request(`${api}/report-links`, sendJson(leader, 'POST', { expiresOn: '2026-12-31' }))).status).toBe(403);
    const report = await t.app.request(`${api}/report`, sendJson(leader, 'GET'));
    expect(report.status).toBe(200);
    expect((await report.json()).questionnaires[0].latest.measures).toHaveLength(10);
  });
});
