import type { Language } from '../db/schema/networks.js';
import { draftLanguages, kindOf, locate, questionsOf, sameTexts, textIn, type Json, type Texts } from './draft-json.js';
import { DraftEditError } from './draft-edit-error.js';
import { rekey } from './draft-edits.js';
import { setTexts } from './draft-texts.js';
import { rewordedItemKey } from './item-keys.js';

export type Meaning = 'keep' | 'new';

/** Up to this share of words changed, a rewording is proposed to keep its meaning (and its trend). */
export const KEEP_MEANING_UP_TO = 1 / 3;

const wordsOf = (text: string) => text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Word-level edit distance (insert, delete, replace a word) divided by the longer text's word count: 0 same, 1 all new. */
export function wordChange(before: string, after: string): number {
  const [a, b] = [wordsOf(before), wordsOf(after)];
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]! / longer;
}

/** The largest change over the version's languages, and what it suggests: a small one keeps the meaning. */
export function proposeMeaning(before: unknown, after: unknown, languages: readonly Language[]): { change: number; proposal: Meaning } {
  const change = Math.max(0, ...languages.map((lang) => wordChange(textIn(before, lang), textIn(after, lang))));
  return { change, proposal: change <= KEEP_MEANING_UP_TO ? 'keep' : 'new' };
}

/**
 * Whether a reworded statement is still the parent version's statement: it
 * is while it keeps the parent's item key (its trend continues); with a new
 * key it is a new item. The parent's question is the one with the same name.
 */
export type MeaningState = { change: number; proposal: Meaning; current: Meaning; parentKey: string };

type Parent = Json | undefined;

const parentKeyOf = (question: Json, parent: Parent): string | undefined =>
  parent && kindOf(question) === 'scored' && kindOf(parent) === 'scored' && typeof parent.itemKey === 'string' ? parent.itemKey : undefined;

/** Set only for a scored statement whose title differs from its parent's. */
export function meaningOf(json: Json, name: string, parent: Parent): MeaningState | undefined {
  const question = locate(json, name)?.question;
  const parentKey = question && parentKeyOf(question, parent);
  if (!question || !parentKey) return undefined;
  const languages = draftLanguages(json);
  if (sameTexts(question.title, parent!.title, languages)) return undefined;
  return { ...proposeMeaning(parent!.title, question.title, languages), current: question.itemKey === parentKey ? 'keep' : 'new', parentKey };
}

const keysOf = (json: Json, taken: ReadonlySet<string>) => new Set([...taken, ...questionsOf(json).map((q) => String(q.itemKey ?? ''))]);

/** The coordinator's decision: keep the parent's key, or a fresh one that starts a new trend. */
export function decideMeaning(json: Json, name: string, meaning: Meaning, parent: Parent, takenKeys: ReadonlySet<string>): Json {
  const state = meaningOf(json, name, parent);
  if (!state) throw new DraftEditError('not-reworded');
  if (meaning === state.current) return json;
  return rekey(json, name, meaning === 'keep' ? state.parentKey : rewordedItemKey(state.parentKey, keysOf(json, takenKeys)));
}

/**
 * New titles for a question. A statement's first rewording takes the
 * proposal made from the size of the change, for the coordinator to confirm;
 * later edits keep what was decided; back to the parent's words, it is the
 * parent's statement again.
 */
export function retitle(json: Json, name: string, texts: Texts, parent: Parent, takenKeys: ReadonlySet<string>): { json: Json; meaning: MeaningState | undefined; proposed: boolean } {
  const before = meaningOf(json, name, parent);
  const next = setTexts(json, { on: 'question', name, field: 'title' }, texts);
  const after = meaningOf(next, name, parent);
  const question = locate(next, name)!.question;
  const parentKey = parentKeyOf(question, parent);
  if (!after) {
    // Only words restored in this edit bring the parent's key back; a key that differs for another reason stays.
    const back = before && parentKey && question.itemKey !== parentKey && !questionsOf(next).some((q) => q.itemKey === parentKey);
    return { json: back ? rekey(next, name, parentKey) : next, meaning: undefined, proposed: false };
  }
  if (before) return { json: next, meaning: after, proposed: false };
  const decided = after.proposal === after.current ? next : decideMeaning(next, name, after.proposal, parent, takenKeys);
  return { json: decided, meaning: meaningOf(decided, name, parent), proposed: true };
}
