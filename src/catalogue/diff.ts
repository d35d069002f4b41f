import { LANGUAGES } from '../db/schema/networks.js';
import type { Localized } from './measures.js';
import type { CatalogueItem, QuestionnaireVersion } from './types.js';

/** One text of the answer scale that reads differently: a point by its value, or the "cannot say" choice. */
export type ScaleRewording = { point: number | 'cannotSay'; before: Localized; after: Localized };

export type VersionDiff = {
  added: CatalogueItem[];
  removed: CatalogueItem[];
  reworded: Array<{ before: CatalogueItem; after: CatalogueItem }>;
  moved: Array<{ before: CatalogueItem; after: CatalogueItem }>;
  /** The shared scale's reworded texts; its values stay, so results still compare. */
  scale: ScaleRewording[];
  unchanged: number;
};

const differs = (a: Localized, b: Localized) => LANGUAGES.some((lang) => a[lang] !== b[lang]);

function scaleRewordings(before: QuestionnaireVersion, after: QuestionnaireVersion): ScaleRewording[] {
  if (!before.scale || !after.scale) return [];
  const old = new Map(before.scale.choices.map((choice) => [choice.value, choice.text]));
  const points: ScaleRewording[] = after.scale.choices.flatMap((choice) => {
    const previous = old.get(choice.value);
    return previous && differs(previous, choice.text) ? [{ point: choice.value, before: previous, after: choice.text }] : [];
  });
  if (differs(before.scale.cannotSay, after.scale.cannotSay)) points.push({ point: 'cannotSay', before: before.scale.cannotSay, after: after.scale.cannotSay });
  return points;
}

/** Items are matched by their stable item key, so a reworded item still compares across versions. */
export function diffVersions(before: QuestionnaireVersion, after: QuestionnaireVersion): VersionDiff {
  const old = new Map(before.items.map((item) => [item.itemKey, item]));
  const current = new Map(after.items.map((item) => [item.itemKey, item]));
  const diff: VersionDiff = { added: [], removed: [], reworded: [], moved: [], scale: scaleRewordings(before, after), unchanged: 0 };
  for (const item of after.items) {
    const previous = old.get(item.itemKey);
    if (!previous) {
      diff.added.push(item);
      continue;
    }
    const reworded = differs(previous.title, item.title);
    const moved = previous.measure !== item.measure;
    if (reworded) diff.reworded.push({ before: previous, after: item });
    if (moved) diff.moved.push({ before: previous, after: item });
    if (!reworded && !moved) diff.unchanged += 1;
  }
  diff.removed = before.items.filter((item) => !current.has(item.itemKey));
  return diff;
}

/** A statement counted for another rule or area than before: rule-level figures count it for its new one only from `after` on. */
export type MovedItem = { itemKey: string; title: Localized; from: string; to: string };

export function movedItems(before: QuestionnaireVersion, after: QuestionnaireVersion): MovedItem[] {
  return diffVersions(before, after).moved.flatMap(({ before: old, after: item }) => (old.measure && item.measure ? [{ itemKey: item.itemKey, title: item.title, from: old.measure, to: item.measure }] : []));
}
