import { describe, expect, it } from 'vitest';
import { findMeasure } from '../../src/catalogue/measures.js';
import { wrapLabel } from '../../src/digest/format.js';
import { renderTrendChart } from '../../src/digest/trend-chart.js';
import type { Figures } from '../../src/results/figures.js';
import type { Trend } from '../../src/results/trend.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function figures(mean: number): Figures {
  const distribution = [1, 2, 3, 4, 5].map((value) => ({ value, count: 2, share: 0.2 }));
  return { n: 10, mean, sd: 1, ci95: { low: mean - 0.7, high: mean + 0.7 }, cannotSay: 0, distribution, favourable: { share: 0.4, ci95: { low: 0.17, high: 0.69 } }, band: null };
}

/** Three rounds of two rules; the middle round was below the threshold and has no figures. */
const trend: Trend = {
  questionnaireKey: 'network-rules',
  threshold: 5,
  rounds: [
    { id: 1, title: 'Syksy 2025', closesAt: '2025-10-01T12:00:00.000Z', version: 1, versionLabel: '1', responses: 10, shown: true, resultsErasedAt: null },
    { id: 2, title: 'Talvi 2026', closesAt: '2026-01-01T12:00:00.000Z', version: 1, versionLabel: '1', responses: 3, shown: false, resultsErasedAt: null },
    { id: 3, title: 'Kevät 2026', closesAt: '2026-04-01T12:00:00.000Z', version: 1, versionLabel: '1', responses: 10, shown: true, resultsErasedAt: null },
  ],
  versionChanges: [],
  series: ['rule:1', 'rule:9'].map((measure, i) => ({
    measure,
    kind: 'rule' as const,
    name: findMeasure(measure)!.name,
    points: [
      { roundId: 1, figures: figures(3 + i) },
      { roundId: 2, figures: null },
      { roundId: 3, figures: figures(3.5 - i) },
    ],
  })),
};

describe('server-side charts', () => {
  it('draws every rule, or one rule with its interval, as a PNG at twice the asked size', async () => {
    for (const measure of ['all', 'rule:9']) {
      const png = await renderTrendChart(trend, measure, 'sv', { width: 300, height: 200 });
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual({ width: 600, height: 400 });
    }
  });

  it('refuses a rule the trend does not have', async () => {
    expect(() => renderTrendChart(trend, 'rule:4', 'fi', { width: 300, height: 200 })).toThrow('rule:4');
  });

  it('wraps long topic names for the axis instead of letting Chart.js cut them', () => {
    expect(wrapLabel('9. Förtroende och att lyssna på medlemmarna', 26)).toEqual(['9. Förtroende och att', 'lyssna på medlemmarna']);
    expect(wrapLabel('5. Koordinaattori', 26)).toEqual(['5. Koordinaattori']);
  });
});
