import type { Context } from 'hono';
import type { z } from 'zod';
import { diffVersions } from '../catalogue/diff.js';
import { DraftEditError } from '../catalogue/draft-edit-error.js';
import { editContext, parentQuestion, type EditContext } from '../catalogue/draft-editing.js';
import { locate, type Json } from '../catalogue/draft-json.js';
import { missingTexts } from '../catalogue/draft-problems.js';
import { findOwnedVersion, NotADraftError, ownedVersionOf, saveDraft } from '../catalogue/owned-versions.js';
import { meaningOf } from '../catalogue/rewording.js';
import { CatalogueError } from '../catalogue/types.js';
import { draftProblemText, refusalText } from '../i18n/editor-problems.js';
import { editorText } from '../i18n/editor.js';
import { fill } from '../i18n/messages.js';
import { questionnaireText } from '../i18n/questionnaires.js';
import { editorHref, questionHref, type Failure } from '../views/questionnaires/editor/editor-props.js';
import { EditorPage } from '../views/questionnaires/editor/editor-page.js';
import { percentOf } from '../views/questionnaires/editor/meaning-form.js';
import { QuestionPage } from '../views/questionnaires/editor/question-page.js';
import { problemText } from '../views/questionnaires/problem-text.js';
import { DomainError, NotFoundError } from './errors.js';
import { parseId } from './ids.js';
import { parseInput, readInput } from './input.js';
import type { NetworkEnv } from './network-access.js';

/* What every endpoint of the questionnaire editor does around its one edit: find the draft, apply, save, and show a refusal. */

type Ctx = Context<NetworkEnv>;
const DONE = ['saved', 'added', 'removed', 'moved', 'reordered', 'decided'] as const;
type Done = (typeof DONE)[number] | 'proposed';

/** The draft being edited; a published version is refused, as it never changes. */
export async function draftOf(c: Ctx): Promise<EditContext> {
  const id = parseId(c.req.param('ownedId'));
  const row = id === null ? undefined : await findOwnedVersion(c.var.deps.db, c.var.network.id, id);
  if (!row) throw new NotFoundError(questionnaireText(c.var.lang).notFound);
  try {
    return await editContext(c.var.deps.db, c.var.deps.catalogue, row);
  } catch (error) {
    if (error instanceof NotADraftError) throw new DomainError(draftProblemText(c.var.lang).notADraft, 409);
    throw error;
  }
}

/** What the check says of the draft: missing texts in the coordinator's words, else the validator's finding; and the diff once it is valid. */
function checked(c: Ctx, context: EditContext) {
  const missing = missingTexts(context.row.json);
  try {
    const version = ownedVersionOf(context.row, c.var.deps.catalogue);
    const changes = context.parent ? { previous: context.parent, diff: diffVersions(context.parent, version) } : undefined;
    return { problems: { missing, other: undefined }, changes };
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    return { problems: { missing, other: missing.length > 0 ? undefined : problemText(error, c.var.lang) }, changes: undefined };
  }
}

export function overview(c: Ctx, context: EditContext, status: 200 | 409 | 422 = 200, failure?: Failure) {
  const done = DONE.find((d) => d === c.req.query('done'));
  return c.html(<EditorPage c={c} row={context.row} parent={context.parent} {...checked(c, context)} notice={done && editorText(c.var.lang)[done]} failure={failure} />, status);
}

export function questionPage(c: Ctx, context: EditContext, name: string, status: 200 | 409 | 422 = 200, failure?: Failure) {
  const t = editorText(c.var.lang);
  const question = locate(context.row.json, name)?.question;
  if (!question) throw new NotFoundError(refusalText(c.var.lang, 'no-such-question'));
  const parent = parentQuestion(context, name);
  const state = meaningOf(context.row.json, name, parent);
  const meaning = state && parent && context.parent ? { state, parent, parentVersion: context.parent } : undefined;
  const done = c.req.query('done');
  const proposed = done === 'proposed' && state ? fill(state.proposal === 'keep' ? t.proposedKeep : t.proposedNew, { percent: percentOf(state.change) }) : undefined;
  const notice = proposed ?? DONE.map((d) => (d === done ? t[d] : undefined)).find(Boolean);
  return c.html(<QuestionPage c={c} row={context.row} question={question} meaning={meaning} notice={notice} failure={failure} />, status);
}

class InputRefused extends Error {
  constructor(readonly fields: Record<string, string>) {
    super('input refused');
  }
}

export function parsed<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = parseInput(schema, input);
  if (!result.ok) throw new InputRefused(result.fields);
  return result.data;
}

export type Outcome = { json: Json; done: Done; at?: string };
/** Where a refused edit is shown again: the form, and the question page it is on (none: the overview). */
export type Place = { form: string; question?: string };

/** How often an edit is applied again to a draft that someone else saved meanwhile. */
const EDIT_ATTEMPTS = 10;

/**
 * One edit: read the input, apply the pure edit, save the draft, and go back
 * to where the coordinator was; a refused edit stores nothing and shows the
 * form again with the reason in the coordinator's language. When another
 * coordinator saved the draft in between, the edit is applied again to theirs.
 */
export async function edit(c: Ctx, place: Place, apply: (context: EditContext, input: Record<string, unknown>) => Outcome) {
  const input = await readInput(c);
  const lang = c.var.lang;
  for (let attempt = 1; attempt <= EDIT_ATTEMPTS; attempt++) {
    const context = await draftOf(c);
    let outcome: Outcome;
    try {
      outcome = apply(context, input);
    } catch (error) {
      if (!(error instanceof DraftEditError || error instanceof InputRefused)) throw error;
      const message = error instanceof DraftEditError ? refusalText(lang, error.problem) : Object.values(error.fields)[0]!;
      const failure = { form: place.form, message, fields: error instanceof InputRefused ? error.fields : {}, values: input };
      return place.question && locate(context.row.json, place.question) ? questionPage(c, context, place.question, 422, failure) : overview(c, context, 422, failure);
    }
    let saved: 'saved' | 'changed';
    try {
      saved = await saveDraft(c.var.deps.db, c.var.deps.clock, context.row, outcome.json);
    } catch (error) {
      if (error instanceof NotADraftError) throw new DomainError(draftProblemText(lang).notADraft, 409);
      throw error;
    }
    if (saved === 'changed') continue;
    const base = place.question ? questionHref(c.var.network.id, context.row.id, place.question) : editorHref(c.var.network.id, context.row.id);
    return c.redirect(`${base}?done=${outcome.done}${outcome.at ? `#${outcome.at}` : ''}`, 303);
  }
  throw new DomainError(draftProblemText(lang).editedMeanwhile, 409);
}
