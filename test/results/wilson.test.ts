import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/results/wilson.js';

describe('the Wilson score interval', () => {
  it('has the textbook bounds for 8 favourable answers of 10', () => {
    // p = 0.8, z² = 3.8415: centre (0.8 + 0.19207) / 1.38415 = 0.71674,
    // half-width (1.95996 / 1.38415) × √(0.016 + 0.009604) = 0.22658.
    const ci = wilsonInterval(8, 10)!;
    expect(ci.low).toBeCloseTo(0.490162, 6);
    expect(ci.high).toBeCloseTo(0.943318, 6);
  });

  it('is symmetric around one half and mirrors itself', () => {
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.236593, 6);
    expect(half.high).toBeCloseTo(1 - half.low, 12);
    const [three, four] = [wilsonInterval(3, 7)!, wilsonInterval(4, 7)!];
    expect(three.low).toBeCloseTo(0.15822, 5);
    expect(three.high).toBeCloseTo(0.749542, 6);
    expect(four.low).toBeCloseTo(1 - three.high, 12);
  });

  it('does not collapse at none or all, where p ± z·se would give a zero-width interval', () => {
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.277533, 6) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.722467, 6), high: 1 });
  });

  it('narrows as the answers grow, for the same share', () => {
    const width = (x: number, n: number) => {
      const ci = wilsonInterval(x, n)!;
      return ci.high - ci.low;
    };
    expect(width(14, 24)).toBeCloseTo(0.755324 - 0.388347, 6);
    expect(width(28, 48)).toBeLessThan(width(14, 24));
  });

  it('has no interval without answers or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(11, 10)).toBeNull();
    expect(wilsonInterval(-1, 10)).toBeNull();
  });
});
