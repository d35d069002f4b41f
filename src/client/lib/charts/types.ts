/*
 * What the server embeds for each chart. Every text, tooltip line included, is
 * written by the server in the page's language, so the browser only draws.
 */

/** A dashed line across the plot at a value of the x axis, labelled on the given side. */
export type Mark = { x: number; label: string; side: 'left' | 'right' };

/** A mean with its 95 % interval, or null where the server withheld the figure. */
export type MeanPoint = { mean: number; low: number | null; high: number | null; tooltip: string[] } | null;

/** The rules (or areas) side by side: this round's means against the previous round's. */
export type ProfileSpec = {
  kind: 'profile';
  categories: string[];
  series: Array<{ name: string; current: boolean; points: MeanPoint[] }>;
  scale: { min: number; max: number; title: string };
  /** The network's band limits, marked on the value axis; a concern's label goes left of its line. */
  marks: Mark[];
};

/** Answer distributions as 100 % stacked bars; two stacks per category compare two rounds. */
export type StackedSpec = {
  kind: 'stacked';
  categories: string[];
  /** The answer options, from the lowest value to the highest. */
  scale: string[];
  stacks: Array<{
    name: string;
    /** [option][category] → share 0–1 */
    shares: number[][];
    /** [option][category] → e.g. "Jokseenkin samaa mieltä: 42 % (10)" */
    tooltips: string[][];
  }>;
};

/** One rule across the closed rounds: the mean on a time axis with its interval as a band. */
export type TrendSpec = {
  kind: 'trend';
  points: Array<{ x: number; title: string; mean: number | null; low: number | null; high: number | null; tooltip: string[] }>;
  ticks: Array<{ x: number; label: string }>;
  versionMarks: Mark[];
  scale: { min: number; max: number };
  labels: { mean: string; interval: string };
};


/** An open round's response rate, day by day from its opening until today. */
export type RateSpec = {
  kind: 'rate';
  /** One point per Helsinki day; `rate` is the cumulative share 0–1 of those invited. */
  points: Array<{ label: string; rate: number; tooltip: string[] }>;
  label: string;
};

export type ChartSpec = ProfileSpec | StackedSpec | TrendSpec | RateSpec;
