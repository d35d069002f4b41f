import { describe, expect, it } from 'vitest';
import { HEAT_FILLS, HEAT_GAP, HEAT_TEXT } from '../../src/views/results/heat-palette.js';

/** WCAG 2.x relative luminance and contrast ratio, from the definitions. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe('the heat map colours', () => {
  it('checks contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(Object.entries(HEAT_FILLS))('step %s holds its value text at 4.5:1 and stands 3:1 against the gaps between cells', (_, colour) => {
    expect(contrast(colour, HEAT_TEXT)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour, HEAT_GAP)).toBeGreaterThanOrEqual(3);
  });

  it('has five distinct steps, darkest at the ends', () => {
    const fills = Object.values(HEAT_FILLS);
    expect(new Set(fills).size).toBe(5);
    expect(luminance(fills[0]!)).toBeLessThan(luminance(fills[1]!));
    expect(luminance(fills[4]!)).toBeLessThan(luminance(fills[3]!));
  });
});
