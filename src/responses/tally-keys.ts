import type { CatalogueItem, QuestionnaireVersion } from '../catalogue/types.js';

/** A group results are counted for: the totals (empty key and value) or one value of one segment. */
export type SegmentGroup = { segmentKey: string; segmentValue: string };

export const TOTALS: SegmentGroup = { segmentKey: '', segmentValue: '' };

export type ScoredItem = CatalogueItem & { measure: string };

export function scoredItems(version: QuestionnaireVersion): ScoredItem[] {
  return version.items.filter((item): item is ScoredItem => item.kind === 'scored' && item.measure !== undefined);
}

/** The measures (rules or strategy areas) that have at least one scored item, in questionnaire order. */
export function scoredMeasures(version: QuestionnaireVersion): string[] {
  return [...new Set(scoredItems(version).map((item) => item.measure))];
}

/** The totals, plus every value of every segment question when the network collects segments. */
export function segmentGroups(version: QuestionnaireVersion, collectSegments: boolean): SegmentGroup[] {
  const groups = new Map([['', TOTALS]]);
  if (collectSegments) {
    for (const item of version.items) {
      if (item.kind !== 'segment' || !item.segment) continue;
      for (const segmentValue of item.segmentValues ?? []) {
        groups.set(JSON.stringify([item.segment, segmentValue]), { segmentKey: item.segment, segmentValue });
      }
    }
  }
  return [...groups.values()];
}
