import type { HeatStep } from '../../results/heatmap.js';

/**
 * The cell fills, concern (rust) through slate to strength (navy): told apart
 * by hue and lightness, so also by colour-blind readers. Each holds white text
 * at 4.5:1 or more and stands 3:1 or more against the white between cells
 * (WCAG 1.4.3 and 1.4.11); test/results/heatmap-palette.test.ts checks both.
 */
export const HEAT_FILLS: Record<HeatStep, string> = {
  0: '#7c2d12',
  1: '#b45309',
  2: '#5b6570',
  3: '#2c6e9b',
  4: '#17457a',
};

/** The text on every fill, and the background that separates the cells. */
export const HEAT_TEXT = '#ffffff';
export const HEAT_GAP = '#ffffff';
