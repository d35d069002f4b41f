import { describe, expect, it } from 'vitest';
import { adjustedPValues, FALSE_DISCOVERY_RATE } from '../../src/results/false-discovery.js';
import { compareRounds } from '../../src/results/comparison.js';
import { compareMeans, judgeTogether, momentsOfCounts, type Comparison } from '../../src/results/statistics.js';
import { createTestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

// Benjamini & Hochberg (1995), section 4: fifteen p-values; at q = 0.05 the first four are discoveries.
const PAPER = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
// Adjusted by hand: p(i)·m/i, then the running minimum from the largest down.
const ADJUSTED = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765, 0.486, 0.5811818, 0.714875, 0.7532308, 0.8132143, 1];

const comparison = (p: number, difference: number): Comparison => ({ difference, ci95: { low: difference - 0.1, high: difference + 0.1 }, df: 20, p, q: p, verdict: 'no_change' });

describe('Benjamini–Hochberg', () => {
  it('adjusts the paper’s example as worked by hand, in any input order', () => {
    ADJUSTED.forEach((q, i) => expect(adjustedPValues(PAPER)[i]).toBeCloseTo(q, 6));
    const shuffled = [7, 3, 14, 0, 9, 1, 12, 5, 2, 11, 4, 13, 6, 10, 8];
    const adjusted = adjustedPValues(shuffled.map((i) => PAPER[i]!));
    shuffled.forEach((original, at) => expect(adjusted[at]).toBeCloseTo(ADJUSTED[original]!, 6));
    expect(adjustedPValues(PAPER).filter((q) => q <= FALSE_DISCOVERY_RATE)).toHaveLength(4);
  });

  it('marks only what holds up among the comparisons made together, with its direction', () => {
    const judged = judgeTogether([comparison(0.0001, 0.8), null, comparison(0.0004, -0.5), ...PAPER.slice(2).map((p) => comparison(p, 0.2))], FALSE_DISCOVERY_RATE);
    expect(judged[1]).toBeNull();
    expect(judged.map((c) => c?.verdict ?? null)).toEqual([
      'improved', null, 'declined', 'improved', 'improved',
      ...Array(PAPER.length - 4).fill('no_change'),
    ]);
    // p = 0.0201 alone would be a change at 95 %; among fifteen it is not.
    expect(judged[4 + 1]!.p).toBe(0.0201);
    expect(judged[4 + 1]!.q).toBeCloseTo(0.0603, 6);
  });

  it('leaves a single comparison as it is: its q-value is its p-value', () => {
    const [alone] = judgeTogether([comparison(0.03, 0.4)], FALSE_DISCOVERY_RATE);
    expect(alone).toMatchObject({ q: 0.03, verdict: 'improved' });
  });
});

describe('a comparison of two rounds', () => {
  it('does not mark one statement’s change that a single test would call, when it does not hold up among all the figures compared', async () => {
    const t = await createTestApp();
    const { network } = await networkWithPeople(t);
    const version = t.deps.catalogue.find('network-rules', 1)!;
    const item = version.items.find((i) => i.kind === 'scored' && i.measure === 'rule:4')!;
    const before = [2, 3, 3, 3, 4, 2, 3, 3, 4, 3];
    const after = [3, 4, 4, 3, 4, 4, 3, 4, 5, 4];
    const answers = (values: number[]) => values.map((value) => uniformAnswers(t, 3, { [item.name]: value }));
    const first = await roundWithResponses(t, network.id, answers(before), { closesAt: '2026-02-20T14:00:00.000Z' });
    const second = await roundWithResponses(t, network.id, answers(after), { closesAt: '2026-08-20T14:00:00.000Z' });
    const moments = (values: number[]) => momentsOfCounts(new Map(values.map((v) => [v, values.filter((x) => x === v).length])));
    const alone = compareMeans(moments(before), moments(after))!;
    expect(alone.verdict).toBe('improved');

    const comparison = await compareRounds(t.deps.db, t.deps.catalogue, network, first, second);
    const row = comparison.items.find((r) => r.key === item.itemKey)!;
    expect(row.change!.p).toBeCloseTo(alone.p, 10);
    expect(row.change!.q).toBeGreaterThan(FALSE_DISCOVERY_RATE);
    expect(row.change!.verdict).toBe('no_change');
    expect(comparison.items.length + comparison.measures.length).toBeGreaterThan(40);
    t.database.dispose();
  });
});
