import { serialize } from 'node:v8';
import type { ItemValue } from 'survey-core';
import type { CatalogueItem, ItemChoice } from '../catalogue/types.js';
import type { Language } from '../db/schema/networks.js';
import type { AnswerCheck, ExportColumn, ReadContext, TallyCell } from './kind.js';

/** A question's choices with their texts; values are strings or numbers, each once. */
export function choicesOf({ question, texts, fail }: ReadContext): ItemChoice[] {
  const choices = ((question as unknown as { choices?: ItemValue[] }).choices ?? []).map((choice) => {
    if (typeof choice.value !== 'string' && typeof choice.value !== 'number') fail('choice_value_type');
    return { value: choice.value as string | number, text: texts(choice.locText, 'choice', String(choice.value)) };
  });
  if (choices.length < 2) fail('choices_too_few');
  if (new Set(choices.map((c) => c.value)).size !== choices.length) fail('choice_value_twice');
  return choices;
}

/** The tally key of one choice of an item: "<item key>#<its place among the choices, from 1>". */
export const choiceTallyKey = (itemKey: string, index: number) => `${itemKey}#${index + 1}`;

/** Tally value counting those who answered a multiple-choice or ranking question. */
export const ANSWERED = 0;

/** Distinct choice values of the item, at most `max` of them; null if the answer is anything else. */
export function pickedChoices(choices: readonly ItemChoice[], answer: unknown, max: number): number[] | null {
  if (!Array.isArray(answer) || answer.length === 0 || answer.length > max || new Set(answer).size !== answer.length) return null;
  const indexes = answer.map((value) => choices.findIndex((choice) => choice.value === value));
  return indexes.includes(-1) ? null : indexes;
}

/** A pick list's problem: too many picks of real choices, or anything that is not distinct choices. */
export function checkPicks(item: CatalogueItem, answer: unknown): AnswerCheck {
  if (Array.isArray(answer) && answer.length > item.maxPicks! && pickedChoices(item.choices!, answer, item.choices!.length)) return { code: 'too_many', max: item.maxPicks! };
  return pickedChoices(item.choices!, answer, item.maxPicks!) ? null : { code: 'not_a_choice' };
}

/** The longest valid pick list: as many picks as allowed, of the values that serialise longest. */
export function longestPicks(item: CatalogueItem): Array<string | number> {
  const size = (value: string | number) => serialize(value).length;
  return item.choices!.map((c) => c.value).sort((a, b) => size(b) - size(a)).slice(0, item.maxPicks);
}

/** The rows a valid pick list adds one to: "answered", and each pick's choice with what its place (from 0) counts as. */
export function talliedPicks(item: CatalogueItem, answer: unknown, valueAt: (place: number) => number): TallyCell[] {
  const picked = pickedChoices(item.choices!, answer, item.maxPicks!);
  return picked ? [{ itemKey: item.itemKey, value: ANSWERED }, ...picked.map((i, place) => ({ itemKey: choiceTallyKey(item.itemKey, i), value: valueAt(place) }))] : [];
}

/** One export column per choice; `cell` reads a valid answer's picks (choice indexes, in order) for that choice. */
export function pickColumns(item: CatalogueItem, lang: Language, cell: (picked: number[], index: number) => number | null): ExportColumn[] {
  return item.choices!.map((choice, i) => ({
    key: `${item.name}.${String(choice.value)}`,
    header: `${item.title[lang]} – ${choice.text[lang]}`,
    cell: (answer) => {
      const picked = pickedChoices(item.choices!, answer, item.maxPicks!);
      return picked ? cell(picked, i) : null;
    },
  }));
}
