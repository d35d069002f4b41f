import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { MeanPoint, ProfileSpec, StackedSpec } from '../../client/lib/charts/types.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { Figures } from '../../results/figures.js';
import type { BandLimits } from '../../results/figures.js';
import { formats } from './format.js';
import { measureLabel } from './labels.js';

export type Row = { measure: string; figures: Figures | null };

export function scaleOf(version: QuestionnaireVersion, lang: Language) {
  const choices = version.scale?.choices ?? [];
  return {
    min: choices[0]?.value ?? 1,
    max: choices.at(-1)?.value ?? 5,
    values: choices.map((choice) => choice.value),
    options: choices.map((choice) => choice.text[lang]),
    cannotSay: version.scale?.cannotSay[lang] ?? '',
  };
}

/** Tooltip lines of a mean: "ka. 3,62", "95 %:n lv. 3,40–3,84", "n = 24". */
export function meanLines(figures: Figures, lang: Language): string[] {
  const t = resultsText(lang);
  const f = formats(lang);
  return [
    `${t.meanAbbr} ${f.number(figures.mean!)}`,
    ...(figures.ci95 ? [`${t.ciAbbr} ${f.range(figures.ci95)}`] : []),
    `n = ${figures.n}`,
  ];
}

function meanPoint(figures: Figures | null, name: string, lang: Language): MeanPoint {
  if (!figures || figures.mean === null) return null;
  return { mean: figures.mean, low: figures.ci95?.low ?? null, high: figures.ci95?.high ?? null, tooltip: [name, ...meanLines(figures, lang)] };
}

type ProfileSeries = { name: string; rows: Row[] };

/** This round's means by rule, and the previous round's where there is one. */
export function profileSpec(lang: Language, version: QuestionnaireVersion, limits: BandLimits, current: ProfileSeries, previous: ProfileSeries | null): ProfileSpec {
  const t = resultsText(lang);
  const scale = scaleOf(version, lang);
  const previousByMeasure = new Map(previous?.rows.map((row) => [row.measure, row.figures]));
  const series = [
    ...(previous ? [{ name: previous.name, current: false, points: current.rows.map((row) => meanPoint(previousByMeasure.get(row.measure) ?? null, previous.name, lang)) }] : []),
    { name: current.name, current: true, points: current.rows.map((row) => meanPoint(row.figures, current.name, lang)) },
  ];
  return {
    kind: 'profile',
    categories: current.rows.map((row) => measureLabel(row.measure, lang)),
    series,
    scale: { min: scale.min, max: scale.max, title: fill(t.meanScale, { min: scale.min, max: scale.max }) },
    // Bands on the favourable share have no place on the mean's axis.
    marks:
      limits.basis === 'mean'
        ? [
            { x: limits.concern, label: t.band_concern, side: 'left' },
            { x: limits.strength, label: t.band_strength, side: 'right' },
          ]
        : [],
  };
}

/** Shares per answer option and rule, with "Jokseenkin samaa mieltä: 42 % (10)" tooltips. */
export function stackOf(name: string, rows: Row[], options: string[], lang: Language): StackedSpec['stacks'][number] {
  const f = formats(lang);
  const at = (row: Row, option: number) => row.figures?.distribution[option] ?? { count: 0, share: 0 };
  return {
    name,
    shares: options.map((_, option) => rows.map((row) => at(row, option).share)),
    tooltips: options.map((label, option) => rows.map((row) => `${label}: ${f.percent(at(row, option).share)} (${at(row, option).count})`)),
  };
}

/** The rule whose share of an answer option is the largest, for a chart's spoken summary. */
export function largestShare(rows: Row[], option: number): { measure: string; share: number } | null {
  let best: { measure: string; share: number } | null = null;
  for (const row of rows) {
    const share = row.figures?.distribution[option]?.share;
    if (share !== undefined && (!best || share > best.share)) best = { measure: row.measure, share };
  }
  return best;
}
