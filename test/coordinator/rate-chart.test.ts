import { describe, expect, it } from 'vitest';
import type { DashboardRound } from '../../src/dashboard/dashboard.js';
import { rateSpec } from '../../src/views/networks/rate-chart.js';

const shown = (status: string, daily: Array<{ day: string; cumulative: number }>, invited = 10) =>
  ({
    round: { status, openedAt: '2026-03-01T21:30:00.000Z', opensAt: '2026-03-05T09:00:00.000Z' },
    progress: { invited, answered: daily.at(-1)?.cumulative ?? 0, responseRate: null, daily: daily.map((d) => ({ ...d, responses: 0, rate: null })) },
  }) as unknown as DashboardRound;

describe('the open round’s rate chart', () => {
  it('has a point for every Helsinki day from the actual opening until today, quiet days carrying the total', () => {
    // Opened 23.30 Helsinki time on 1 March; "now" is just past midnight on 5 March there.
    const spec = rateSpec(shown('open', [{ day: '2026-03-01', cumulative: 2 }, { day: '2026-03-03', cumulative: 5 }]), new Date('2026-03-04T22:10:00.000Z'), 'fi')!;
    expect(spec.points.map((p) => p.label)).toEqual(['1.3.2026', '2.3.2026', '3.3.2026', '4.3.2026', '5.3.2026']);
    expect(spec.points.map((p) => p.rate)).toEqual([0.2, 0.2, 0.5, 0.5, 0.5]);
    expect(spec.points[2]!.tooltip).toEqual(['50\u00a0% (5 / 10)']);
    expect(rateSpec(shown('open', []), new Date('2026-03-02T10:00:00.000Z'), 'en')!.points.map((p) => p.label)).toEqual(['1 March 2026', '2 March 2026']);
  });

  it('is drawn only for an open round with invitations', () => {
    expect(rateSpec(shown('closed', [{ day: '2026-03-01', cumulative: 2 }]), new Date('2026-03-04T10:00:00.000Z'), 'fi')).toBeNull();
    expect(rateSpec(shown('open', [], 0), new Date('2026-03-04T10:00:00.000Z'), 'fi')).toBeNull();
  });
});
