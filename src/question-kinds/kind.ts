import type { LocalizableString, Question } from 'survey-core';
import type { Localized } from '../catalogue/measures.js';
import type { CatalogueItem, ItemKind, QuestionnaireVersion, Scale } from '../catalogue/types.js';
import type { Language } from '../db/schema/networks.js';
import type { CatalogueProblemCode, CatalogueProblemParams, TextPart } from '../i18n/catalogue-problems.js';

/** What every item has, read by validation before the kind reads the rest. */
export type ItemBase = Pick<CatalogueItem, 'itemKey' | 'name' | 'page' | 'title' | 'required'> & { measure?: string };

/** What validation hands a kind: the question, its common part, and checks whose errors name the file and the question. */
export type ReadContext = {
  question: Question;
  base: ItemBase;
  /** The text in every language the version declares, or a CatalogueError naming what lacks which. */
  texts: (ls: LocalizableString, part: TextPart, value?: string) => Localized;
  fail: (code: CatalogueProblemCode, params?: CatalogueProblemParams) => never;
};

/** What is wrong with a submitted, non-blank answer. */
export type AnswerCheck = null | { code: 'not_a_choice' } | { code: 'not_text' } | { code: 'too_long'; maxLength: number } | { code: 'too_many'; max: number };

/** One tally row of an item: its key and value; what the value means is the kind's. */
export type TallyCell = { itemKey: string; value: number };

/** One choice of a multiple-choice or ranking question in one group: how many picked or placed it, and its mean place. */
export type ChoiceFigure = { text: Localized; picks: number; meanPlace: number | null };

/** A count from one group's tallies. */
export type TallyCount = (itemKey: string, value: number) => number;

/** A spreadsheet column of the raw responses export. */
export type ExportColumn = { key: string; header: string; cell: (answer: unknown) => string | number | null };

export interface QuestionKind {
  readonly kind: ItemKind;
  /** A background question: its answer is counted in segment tallies only, never kept with the response. */
  readonly background: boolean;
  /** Whether this kind reads the SurveyJS question. */
  claims(question: Question): boolean;
  /** The catalogue item (and, for a scored question, the scale it uses). */
  read(context: ReadContext): { item: CatalogueItem; scale?: Scale };
  check(item: CatalogueItem, answer: unknown, version: QuestionnaireVersion): AnswerCheck;
  /** The longest valid answer, for padding sealed responses to one size. */
  worstAnswer(item: CatalogueItem, version: QuestionnaireVersion): unknown;
  /** Every tally row the item has, created at zero when its round opens. */
  tallyCells(item: CatalogueItem, version: QuestionnaireVersion): TallyCell[];
  /** The rows a valid answer adds one to. */
  tallied(item: CatalogueItem, answer: unknown, version: QuestionnaireVersion): TallyCell[];
  /** The answer's score towards the item's rule or area, if it has one. */
  score(item: CatalogueItem, answer: unknown, version: QuestionnaireVersion): number | null;
  /** For a choice question: how many answered it, and each choice's figures. */
  choiceFigures?(item: CatalogueItem, count: TallyCount): { answered: number; choices: ChoiceFigure[] };
  /** Columns in the raw export; none where an answer beside the others could name its writer. */
  exportColumns(item: CatalogueItem, version: QuestionnaireVersion, lang: Language): ExportColumn[];
}

/** A choice question's values as SurveyJS reads them. */
export const choiceValuesOf = (question: Question) => ((question as unknown as { choices?: Array<{ value: unknown }> }).choices ?? []).map((choice) => choice.value);

export const isBlank = (value: unknown) => value === undefined || value === null || value === '';
