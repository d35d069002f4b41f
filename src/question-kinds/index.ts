import type { Question } from 'survey-core';
import type { CatalogueItem, ItemKind } from '../catalogue/types.js';
import type { QuestionKind } from './kind.js';
import { multipleChoice } from './multiple-choice.js';
import { open } from './open.js';
import { ranking } from './ranking.js';
import { scored } from './scored.js';
import { segment } from './segment.js';

const KINDS: Record<ItemKind, QuestionKind> = { scored, open, segment, multiple: multipleChoice, ranking };

/** What an item's kind does with it: its answers, tallies, export columns. */
export const kindOf = (item: Pick<CatalogueItem, 'kind'>): QuestionKind => KINDS[item.kind];

/** The kind that reads this SurveyJS question, if the platform supports it. */
export const kindClaiming = (question: Question): QuestionKind | undefined => Object.values(KINDS).find((kind) => kind.claims(question));
