import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue, shippedVersion } from '../../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../../src/catalogue/types.js';
import { fill } from '../../src/i18n/messages.js';
import { resultsText } from '../../src/i18n/results.js';
import { measureLabel } from '../../src/views/results/labels.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson } from '../helpers/people.js';
import { roundWithResponses } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** network-rules v3 (made up): drops the first statement of rule 1, adds one to rule 2. */
function catalogueWithV2() {
  const v1 = realCatalogue().find('network-rules', 1)!;
  const json = structuredClone(v1.json) as { pages: Array<{ elements: Array<Record<string, unknown>> }> };
  const removed = json.pages[1]!.elements.shift()!;
  const added = { ...structuredClone(json.pages[2]!.elements[0]!), name: 'r2_new', itemKey: 'members.new_statement' };
  json.pages[2]!.elements.unshift(added);
  const v2: QuestionnaireVersion = shippedVersion(v1.key, 3, json);
  return { catalogue: buildCatalogue([...realCatalogue().versions, v2]), removed: String(removed.itemKey), v1, v2 };
}

function answersFor(version: QuestionnaireVersion, value: (measure: string, i: number) => number) {
  return (i: number) => Object.fromEntries(version.items.filter((item) => item.kind === 'scored').map((item) => [item.name, value(item.measure!, i)]));
}

describe('comparison and trend', () => {
  it('compares rounds on different versions by rule and shared items, with a verdict beyond noise', async () => {
    const { catalogue, removed, v1, v2 } = catalogueWithV2();
    t = await createTestApp({ catalogue });
    const { network, coordinator } = await networkWithPeople(t);
    // Rule 7 rises clearly (2→4), rule 3 barely moves (3/4 alternating → same), with 12 answers each.
    const before = answersFor(v1, (m, i) => (m === 'rule:7' ? 2 + (i % 2) : m === 'rule:3' ? 3 + (i % 2) : 3));
    const after = answersFor(v2, (m, i) => (m === 'rule:7' ? 4 + (i % 2) : m === 'rule:3' ? 4 - (i % 2) : 3));
    const r1 = await roundWithResponses(t, network.id, Array.from({ length: 12 }, (_, i) => before(i)), { version: 1, closesAt: '2025-05-20T14:00:00.000Z' }, catalogue);
    const r2 = await roundWithResponses(t, network.id, Array.from({ length: 12 }, (_, i) => after(i)), { version: 3, closesAt: '2025-11-20T14:00:00.000Z' }, catalogue);
    const body = await (await t.app.request(`/api/networks/${network.id}/results/compare?before=${r1.id}&after=${r2.id}`, sendJson(coordinator, 'GET'))).json();
    const rule = (key: string) => body.measures.find((m: { key: string }) => m.key === key);
    expect(rule('rule:7').change).toMatchObject({ verdict: 'improved', difference: 2 });
    expect(rule('rule:3').change.verdict).toBe('no_change');
    const rule7Items = v1.items.filter((i) => i.measure === 'rule:7' && i.kind === 'scored').length;
    expect(rule('rule:7').before.distribution.map((d: { count: number }) => d.count)).toEqual([0, 6 * rule7Items, 6 * rule7Items, 0, 0]);
    expect(rule('rule:7').after.distribution.map((d: { count: number }) => d.count)).toEqual([0, 0, 0, 6 * rule7Items, 6 * rule7Items]);
    expect(body.onlyBefore.map((i: { itemKey: string }) => i.itemKey)).toEqual([removed]);
    expect(body.onlyAfter.map((i: { itemKey: string }) => i.itemKey)).toEqual(['members.new_statement']);
    expect(body.items).toHaveLength(v1.items.filter((i) => i.kind === 'scored').length - 1);
    expect(body.method).toMatch(/Welch/);
  });

  it('counts a statement moved to another rule for its new rule only from the version that moved it, and says so on the pages', async () => {
    const v1 = realCatalogue().find('network-rules', 1)!;
    const json = structuredClone(v1.json) as { pages: Array<{ elements: Array<Record<string, unknown>> }> };
    const moved = json.pages[1]!.elements[0]!;
    moved.measures = 'rule:2';
    const v3 = shippedVersion(v1.key, 3, json);
    const catalogue = buildCatalogue([...realCatalogue().versions, v3]);
    t = await createTestApp({ catalogue });
    const { network, coordinator } = await networkWithPeople(t);
    // The same answers in both rounds: rule 1's statements 2, rule 2's 4 (in v1's mapping).
    const same = answersFor(v1, (m) => (m === 'rule:1' ? 2 : 4));
    const r1 = await roundWithResponses(t, network.id, Array.from({ length: 8 }, (_, i) => same(i)), { version: 1, closesAt: '2025-05-20T14:00:00.000Z' }, catalogue);
    const r2 = await roundWithResponses(t, network.id, Array.from({ length: 8 }, (_, i) => same(i)), { version: 3, closesAt: '2025-11-20T14:00:00.000Z' }, catalogue);
    const body = await (await t.app.request(`/api/networks/${network.id}/results/compare?before=${r1.id}&after=${r2.id}`, sendJson(coordinator, 'GET'))).json();
    expect(body.moved).toEqual([{ itemKey: moved.itemKey, title: moved.title, from: 'rule:1', to: 'rule:2' }]);
    const rule2 = body.measures.find((m: { key: string }) => m.key === 'rule:2');
    // Before: rule 2 is all 4s; after: the moved statement's 2s count for rule 2 too.
    expect(rule2.before.mean).toBe(4);
    expect(rule2.after.mean).toBeLessThan(4);
    expect(body.items.find((i: { key: string }) => i.key === moved.itemKey).change.difference).toBe(0);

    const fi = resultsText('fi');
    const title = (moved.title as Record<string, string>).fi!;
    const compare = await (await t.app.request(`/networks/${network.id}/results/compare?before=${r1.id}&after=${r2.id}&lang=fi`, { headers: { cookie: coordinator.cookie } })).text();
    expect(compare).toContain(fill(fi.movedTitle, { count: 1 }));
    expect(compare).toContain(fill(fi.movedLine, { statement: title, from: measureLabel('rule:1', 'fi'), to: measureLabel('rule:2', 'fi') }));
    const trend = await (await t.app.request(`/networks/${network.id}/results/trend?questionnaire=network-rules&lang=fi`, { headers: { cookie: coordinator.cookie } })).text();
    expect(trend).toContain(fill(fi.trendMoved, { version: '3', statement: title, from: measureLabel('rule:1', 'fi'), to: measureLabel('rule:2', 'fi') }));
  });

  it('draws a trend per rule across closed rounds, marks the version change and shows n per round', async () => {
    const { catalogue, v1, v2 } = catalogueWithV2();
    t = await createTestApp({ catalogue });
    const { network, leader } = await networkWithPeople(t);
    const make = (version: QuestionnaireVersion, level: number) => answersFor(version, (m, i) => (m === 'rule:9' ? level + (i % 2) : 3));
    await roundWithResponses(t, network.id, Array.from({ length: 6 }, (_, i) => make(v1, 2)(i)), { version: 1, closesAt: '2025-01-20T14:00:00.000Z' }, catalogue);
    await roundWithResponses(t, network.id, Array.from({ length: 8 }, (_, i) => make(v1, 3)(i)), { version: 1, closesAt: '2025-07-20T14:00:00.000Z' }, catalogue);
    await roundWithResponses(t, network.id, Array.from({ length: 7 }, (_, i) => make(v2, 4)(i)), { version: 3, closesAt: '2026-01-20T14:00:00.000Z' }, catalogue);
    await roundWithResponses(t, network.id, Array.from({ length: 9 }, (_, i) => make(v2, 1)(i)), { version: 3, status: 'open', closesAt: '2026-07-20T14:00:00.000Z' }, catalogue);
    const body = await (await t.app.request(`/api/networks/${network.id}/results/trend?questionnaire=network-rules`, sendJson(leader, 'GET'))).json();
    expect(body.rounds.map((r: { responses: number }) => r.responses)).toEqual([6, 8, 7]);
    expect(body.versionChanges).toEqual([{ roundId: body.rounds[2].id, from: '1', to: '3', moved: [] }]);
    const trust = body.series.find((s: { measure: string }) => s.measure === 'rule:9');
    expect(trust.points.map((p: { figures: { mean: number } }) => p.figures.mean)).toEqual([2.5, 3.5, 4 + 3 / 7]);
    expect(trust.points.every((p: { figures: { ci95: { low: number; high: number } } }) => p.figures.ci95.low < p.figures.ci95.high)).toBe(true);
    expect(body.series).toHaveLength(10);
  });
});
