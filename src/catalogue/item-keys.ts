import { findMeasure } from './measures.js';

/**
 * Fresh item keys and question names for what the editor adds or re-keys.
 * Item keys are dotted lower-case ("own.rule9.trust_grows"); whatever is
 * taken in any version the network sees stays taken, so a key never comes
 * back with another meaning in a trend.
 */

/** A few words of a text as a key part: lower-case, without diacritics, words joined by "_". */
export function slugOf(text: string, words = 4): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join('_')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug || 'statement';
}

/** The base itself when it is free, else base_2, base_3, … */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** "rule:9" → "rule9", "area:goals" → "area_goals": a key part that names the measure. */
function measurePart(measure: string | undefined): string {
  const found = measure ? findMeasure(measure) : undefined;
  if (!found) return 'open';
  return found.kind === 'rule' ? `rule${found.number}` : `area_${found.id.slice('area:'.length)}`;
}

/** A network's own item: "own.rule9.<slug>", or "own.open.<slug>" for an open question tied to nothing. */
export function ownItemKey(measure: string | undefined, text: string, taken: ReadonlySet<string>): string {
  return freshName(`own.${measurePart(measure)}.${slugOf(text)}`, taken);
}

/** A reworded item that is a new one: the old key with its next rewording number, "goals.documented.r2". */
export function rewordedItemKey(key: string, taken: ReadonlySet<string>): string {
  const base = key.replace(/\.r\d+$/, '');
  for (let n = 2; ; n += 1) if (!taken.has(`${base}.r${n}`)) return `${base}.r${n}`;
}
