import { LANGUAGES } from '../db/schema/networks.js';
import type { CatalogueItem, QuestionnaireVersion } from './types.js';

export type VersionDiff = {
  added: CatalogueItem[];
  removed: CatalogueItem[];
  reworded: Array<{ before: CatalogueItem; after: CatalogueItem }>;
  moved: Array<{ before: CatalogueItem; after: CatalogueItem }>;
  unchanged: number;
};

/** Items are matched by their stable item key, so a reworded item still compares across versions. */
export function diffVersions(before: QuestionnaireVersion, after: QuestionnaireVersion): VersionDiff {
  const old = new Map(before.items.map((item) => [item.itemKey, item]));
  const current = new Map(after.items.map((item) => [item.itemKey, item]));
  const diff: VersionDiff = { added: [], removed: [], reworded: [], moved: [], unchanged: 0 };
  for (const item of after.items) {
    const previous = old.get(item.itemKey);
    if (!previous) {
      diff.added.push(item);
      continue;
    }
    const reworded = LANGUAGES.some((lang) => previous.title[lang] !== item.title[lang]);
    const moved = previous.measure !== item.measure;
    if (reworded) diff.reworded.push({ before: previous, after: item });
    if (moved) diff.moved.push({ before: previous, after: item });
    if (!reworded && !moved) diff.unchanged += 1;
  }
  diff.removed = before.items.filter((item) => !current.has(item.itemKey));
  return diff;
}
