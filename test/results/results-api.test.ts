import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import { disclosableGroups } from '../../src/results/segments.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const get = async (user: SignedIn, path: string) => {
  const response = await t.app.request(path, sendJson(user, 'GET'));
  return { status: response.status, body: await response.json() };
};

async function setup(k = 5) {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  await t.deps.db.update(networks).set({ anonymityThreshold: k }).where(eq(networks.id, people.network.id));
  const api = `/api/networks/${people.network.id}/results`;
  return { ...people, api };
}

const FIGURE_KEYS = /"(mean|sd|ci95|distribution|cannotSay|answers|difference)"/;

describe('results API and the anonymity threshold', () => {
  it('gives no figure from any endpoint for a round with k − 1 responses', async () => {
    const { network, leader, api } = await setup(5);
    const answers = [1, 2, 3, 4].map((v) => uniformAnswers(t, v, { r1_comment: `kommentti ${v}`, organisation_type: 'vocational' }));
    const small = await roundWithResponses(t, network.id, answers, { closesAt: '2026-02-20T14:00:00.000Z' });
    const big = await roundWithResponses(t, network.id, [...answers, ...answers], { closesAt: '2026-05-20T14:00:00.000Z' });
    const endpoints = [
      `${api}/rounds/${small.id}`,
      `${api}/rounds/${small.id}/segments/organisationType`,
      `${api}/rounds/${small.id}/open-answers`,
      `${api}/compare?before=${small.id}&after=${big.id}`,
      `${api}/compare?before=${big.id}&after=${small.id}`,
    ];
    for (const path of endpoints) {
      const { status, body } = await get(leader, path);
      expect(status, path).toBe(200);
      expect(JSON.stringify(body), path).not.toMatch(FIGURE_KEYS);
      expect(JSON.stringify(body), path).not.toContain('kommentti');
    }
    const trend = await get(leader, `${api}/trend`);
    expect(trend.body.rounds.map((r: { shown: boolean }) => r.shown)).toEqual([false, true]);
    for (const series of trend.body.series) expect(series.points[0].figures).toBeNull();
    const results = await get(leader, `${api}/rounds/${small.id}`);
    expect(results.body).toMatchObject({ responses: 4, withheld: 'below_threshold', measures: [] });
  });

  it('shows figures of a round only once it has closed, so two views never differ by one answer', async () => {
    const { network, coordinator, api } = await setup(3);
    const round = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5, 4].map((v) => uniformAnswers(t, v)), { status: 'open' });
    const open = await get(coordinator, `${api}/rounds/${round.id}`);
    expect(open.body).toMatchObject({ responses: 6, withheld: 'not_closed', measures: [] });
    expect(JSON.stringify((await get(coordinator, `${api}/rounds/${round.id}/open-answers`)).body)).not.toMatch(FIGURE_KEYS);
  });

  it('gives per rule and item n, cannot-say, mean, sd, t-interval, distribution and band for a closed round', async () => {
    const { network, coordinator, api } = await setup(3);
    const round = await roundWithResponses(t, network.id, [2, 3, 4, 'none' as const, 5].map((v) => uniformAnswers(t, v, { r1_comment: `Kommentti ${v}` })));
    const { body } = await get(coordinator, `${api}/rounds/${round.id}`);
    expect(body).toMatchObject({ responses: 5, withheld: null, threshold: 3 });
    const rule1 = body.measures.find((m: { measure: string }) => m.measure === 'rule:1');
    // Respondent scores 2, 3, 4, 5 (the "none" answerer has no score): mean 3.5, sd 1.291, t(3) interval ± 2.054
    expect(rule1.figures.n).toBe(4);
    expect(rule1.figures.mean).toBeCloseTo(3.5, 10);
    expect(rule1.figures.sd).toBeCloseTo(1.29099, 5);
    expect(rule1.figures.ci95.high - 3.5).toBeCloseTo(3.18245 * (1.29099 / 2), 4);
    expect(rule1.figures.band).toBe('borderline');
    const item = rule1.items[0];
    expect(item.figures).toMatchObject({ n: 4, cannotSay: 1 });
    expect(item.figures.distribution.map((d: { count: number }) => d.count)).toEqual([0, 1, 1, 1, 1]);
    const comments = await get(coordinator, `${api}/rounds/${round.id}/open-answers?q=kommentti`);
    expect(comments.body.items.find((i: { itemKey: string }) => i.itemKey === 'rule1.comment').answers).toEqual(['Kommentti 2', 'Kommentti 3', 'Kommentti 4', 'Kommentti 5', 'Kommentti none']);
    const filtered = await get(coordinator, `${api}/rounds/${round.id}/open-answers?q=4`);
    expect(filtered.body.items.find((i: { itemKey: string }) => i.itemKey === 'rule1.comment').answers).toEqual(['Kommentti 4']);
  });

  it('never shows a segment, or a remainder derivable from the totals, with fewer than k responses', async () => {
    const { network, coordinator, api } = await setup(3);
    const of = (type: string | null, v: number) => uniformAnswers(t, v, type ? { organisation_type: type } : {});
    const answers = [of('comprehensive_school', 4), of('comprehensive_school', 4), of('comprehensive_school', 5), of('comprehensive_school', 3), of('vocational', 2), of('vocational', 2), of('vocational', 3), of('upper_secondary', 1), of(null, 5)];
    const round = await roundWithResponses(t, network.id, answers);
    const { body } = await get(coordinator, `${api}/rounds/${round.id}/segments/organisationType`);
    // vocational (3) would leave "other" with 2 (upper secondary + one who did not say): it joins "other".
    expect(body.groups.map((g: { value: string; responses: number }) => [g.value, g.responses])).toEqual([['comprehensive_school', 4], ['*rest', 5]]);
    for (const group of body.groups) expect(group.responses).toBeGreaterThanOrEqual(3);
    const other = body.groups[1].measures.find((m: { measure: string }) => m.measure === 'rule:1');
    expect(other.figures.mean).toBeCloseTo((2 + 2 + 3 + 1 + 5) / 5, 10);
  });

  it('merges groups by the rule: no shown group and no remainder below k', () => {
    expect(disclosableGroups(new Map([['a', 5], ['b', 5]]), 10, 5)).toEqual({ shown: ['a', 'b'], other: 0 });
    expect(disclosableGroups(new Map([['a', 5], ['b', 4]]), 9, 5)).toBeNull();
    expect(disclosableGroups(new Map([['a', 6], ['b', 5], ['c', 1]]), 12, 5)).toEqual({ shown: ['a'], other: 6 });
    expect(disclosableGroups(new Map([['a', 9]]), 10, 5)).toBeNull();
    expect(disclosableGroups(new Map([['a', 5], ['b', 5], ['c', 5]]), 15, 5)).toEqual({ shown: ['a', 'b', 'c'], other: 0 });
  });

  it('is closed to outsiders and to rounds of other networks', async () => {
    const { network, other, coordinator, outsider, api } = await setup(3);
    const round = await roundWithResponses(t, network.id, [uniformAnswers(t, 3)]);
    const foreign = await roundWithResponses(t, other.id, [uniformAnswers(t, 3)]);
    expect((await get(outsider, `${api}/rounds/${round.id}`)).status).toBe(404);
    expect((await get(coordinator, `${api}/rounds/${foreign.id}`)).status).toBe(404);
    expect((await get(coordinator, `${api}/rounds/abc`)).status).toBe(404);
    expect((await get(coordinator, `${api}/rounds/${round.id}/segments/shoeSize`)).status).toBe(404);
    expect((await get(coordinator, `${api}/trend?questionnaire=nope`)).status).toBe(404);
  });
});
