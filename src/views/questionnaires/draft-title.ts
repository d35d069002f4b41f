import type { OwnedVersionRow } from '../../catalogue/owned-versions.js';
import type { Language } from '../../db/schema/networks.js';

/** A draft's title as far as its JSON gives one (it may not be valid yet): the page language's, any, or the key. */
export function draftTitle(draft: Pick<OwnedVersionRow, 'json' | 'key'>, lang: Language): string {
  const title = draft.json.title;
  if (typeof title === 'string' && title.trim()) return title;
  if (title && typeof title === 'object') {
    const texts = title as Record<string, unknown>;
    const text = [texts[lang], ...Object.values(texts)].find((value) => typeof value === 'string' && value.trim());
    if (typeof text === 'string') return text;
  }
  return draft.key;
}
