import type { PointStyle } from 'chart.js';
import type { Figures } from '../results/figures.js';

/** Ten hues that stay apart on white (Tableau 10, with its pale yellow and grey darkened for contrast). */
export const SERIES_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#b8860b', '#b07aa1', '#ff9da7', '#9c755f', '#555555'];
/** A shape per series as well, for readers who cannot tell the colours apart. */
export const SERIES_POINTS: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross', 'circle', 'triangle'];

export const LATEST_COLOUR = '#1d5a85';
export const PREVIOUS_COLOUR = '#7b8794';
export const GRID_COLOUR = '#e4e7eb';

/** The answer scale's ends, read from the figures themselves (five-point unless a version says otherwise). */
export function scaleRange(figures: Array<Figures | null>): { min: number; max: number } {
  const values = figures.flatMap((f) => f?.distribution.map((d) => d.value) ?? []);
  return values.length > 0 ? { min: Math.min(...values), max: Math.max(...values) } : { min: 1, max: 5 };
}
