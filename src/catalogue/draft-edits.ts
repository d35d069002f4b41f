import { findMeasure } from './measures.js';
import { DraftEditError } from './draft-edit-error.js';
import { editableCopy, kindOf, measureOf, pagesOf, questionsOf, type DraftPage, type DraftQuestion, type Json, type Texts } from './draft-json.js';
import { pageNamed, putTexts, questionNamed } from './draft-texts.js';
import { freshName, ownItemKey, slugOf } from './item-keys.js';

/**
 * The editor's operations on a draft's structure. Each takes the JSON and
 * gives a new one (the input is never changed), or refuses an edit that
 * cannot be made with a DraftEditError saying why. Whether the result is a
 * valid questionnaire is the validator's to say, exactly as for a file.
 */

const namesAndKeys = (json: Json) => new Set(questionsOf(json).flatMap((q) => [q.name, String(q.itemKey ?? '')]));

/** The measures a page's statements measure: a statement added there measures one of them. */
export function measuresOnPage(page: DraftPage): string[] {
  return [...new Set(page.elements.filter((q) => kindOf(q) === 'scored').map(measureOf).filter((m): m is string => m !== undefined))];
}

function insertWithMeasure(page: DraftPage, measure: string, question: DraftQuestion): void {
  const last = page.elements.findLastIndex((q) => kindOf(q) === 'scored' && measureOf(q) === measure);
  page.elements.splice(last + 1, 0, question);
}

function firstText(texts: Texts): string {
  const text = Object.values(texts).find((t) => t && t.trim());
  if (!text) throw new DraftEditError('title-needed');
  return text;
}

/** The scale a new statement answers on: the choices and "cannot say" of the version's first scored question. */
function scaleTemplate(json: Json): Json {
  const model = questionsOf(json).find((q) => kindOf(q) === 'scored');
  if (!model) throw new DraftEditError('no-scale');
  const { choices, showNoneItem, noneText, colCount, isRequired } = structuredClone(model);
  return Object.fromEntries(Object.entries({ choices, showNoneItem, noneText, colCount, isRequired }).filter(([, v]) => v !== undefined));
}

export type Added = { json: Json; name: string; itemKey: string };

/** A network's own statement on the version's scale, measuring one rule or area of its page, after that measure's statements. */
export function addStatement(json: Json, input: { page: string; measure: string; title: Texts; takenKeys: ReadonlySet<string> }): Added {
  const copy = editableCopy(json);
  const page = pageNamed(copy, input.page);
  if (!findMeasure(input.measure)) throw new DraftEditError('unknown-measure');
  if (!measuresOnPage(page).includes(input.measure)) throw new DraftEditError('measure-not-on-page');
  const text = firstText(input.title);
  const taken = new Set([...input.takenKeys, ...namesAndKeys(copy)]);
  const itemKey = ownItemKey(input.measure, text, taken);
  const name = freshName(itemKey.replaceAll('.', '_'), taken);
  const question: DraftQuestion = { type: 'radiogroup', name, itemKey, measures: input.measure, title: {}, ...scaleTemplate(copy) };
  putTexts(question, 'title', input.title);
  insertWithMeasure(page, input.measure, question);
  return { json: copy, name, itemKey };
}

/** An open question at the end of a page, tied to a rule or area or to nothing. */
export function addOpenQuestion(json: Json, input: { page: string; measure?: string | undefined; title: Texts; takenKeys: ReadonlySet<string> }): Added {
  const copy = editableCopy(json);
  const page = pageNamed(copy, input.page);
  if (input.measure !== undefined && !findMeasure(input.measure)) throw new DraftEditError('unknown-measure');
  const text = firstText(input.title);
  const taken = new Set([...input.takenKeys, ...namesAndKeys(copy)]);
  const itemKey = ownItemKey(input.measure, `${slugOf(text, 3)} comment`, taken);
  const name = freshName(itemKey.replaceAll('.', '_'), taken);
  const model = questionsOf(copy).find((q) => kindOf(q) === 'open');
  const question: DraftQuestion = { type: 'comment', name, itemKey, ...(input.measure ? { measures: input.measure } : {}), title: {}, maxLength: model?.maxLength ?? 2000, rows: model?.rows ?? 3 };
  putTexts(question, 'title', input.title);
  page.elements.push(question);
  return { json: copy, name, itemKey };
}

/** Ties an open question to a rule or area, or unties it; it stays where it is. */
export function retieOpenQuestion(json: Json, name: string, measure: string | undefined): Json {
  const copy = editableCopy(json);
  const { question } = questionNamed(copy, name);
  if (kindOf(question) !== 'open') throw new DraftEditError('not-open');
  if (measure !== undefined && !findMeasure(measure)) throw new DraftEditError('unknown-measure');
  if (measure) question.measures = measure;
  else delete question.measures;
  return copy;
}

/** Removes a question; a page keeps at least one, so that a rule's page can still take statements. */
export function removeQuestion(json: Json, name: string): Json {
  const copy = editableCopy(json);
  const { page, index } = questionNamed(copy, name);
  if (page.elements.length === 1) throw new DraftEditError('last-on-page');
  page.elements.splice(index, 1);
  return copy;
}

/** One step up (-1) or down (+1) on its page. */
export function reorder(json: Json, name: string, offset: -1 | 1): Json {
  const copy = editableCopy(json);
  const { page, index, question } = questionNamed(copy, name);
  const target = index + offset;
  if (target < 0 || target >= page.elements.length) throw new DraftEditError('at-edge');
  page.elements.splice(index, 1);
  page.elements.splice(target, 0, question);
  return copy;
}

/**
 * A statement measures another rule or area: its `measures` changes and it
 * goes to the page of that measure, after the statements already there.
 */
export function moveQuestion(json: Json, name: string, measure: string): Json {
  const copy = editableCopy(json);
  const { page, index, question } = questionNamed(copy, name);
  if (kindOf(question) !== 'scored') throw new DraftEditError('not-scored');
  if (!findMeasure(measure)) throw new DraftEditError('unknown-measure');
  if (measureOf(question) === measure) return copy;
  const target = pagesOf(copy).find((p) => p.elements.some((q) => q !== question && kindOf(q) === 'scored' && measureOf(q) === measure));
  if (!target) throw new DraftEditError('no-page-for-measure');
  if (target !== page && page.elements.length === 1) throw new DraftEditError('last-on-page');
  page.elements.splice(index, 1);
  question.measures = measure;
  insertWithMeasure(target, measure, question);
  return copy;
}

/** Gives a question another item key; two questions never share one. */
export function rekey(json: Json, name: string, itemKey: string): Json {
  const copy = editableCopy(json);
  const { question } = questionNamed(copy, name);
  if (questionsOf(copy).some((q) => q !== question && q.itemKey === itemKey)) throw new DraftEditError('key-taken');
  question.itemKey = itemKey;
  return copy;
}
