import type { Language } from '../../../db/schema/networks.js';

/** A post the editor refused: which form, why, and what was typed, so the form shows it again. */
export type Failure = { form: string; message: string; fields: Record<string, string>; values: Record<string, unknown> };

/** What every editor form needs: plain values, no request context. */
export type FormProps = { lang: Language; csrf: string; languages: Language[]; failure?: Failure | undefined };

/** The editor's addresses under a draft: /networks/1/questionnaires/7/edit/… */
export const editorHref = (networkId: number, ownedId: number, path = '') => `/networks/${networkId}/questionnaires/${ownedId}/edit${path}`;

export const questionHref = (networkId: number, ownedId: number, name: string) => editorHref(networkId, ownedId, `/questions/${encodeURIComponent(name)}`);

/** An element id from a page or question name, which an imported file may spell freely. */
export const idOf = (...parts: string[]) => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-');

/** The failure of this form, if the page is shown again after refusing it. */
export const failureOf = (failure: Failure | undefined, form: string) => (failure?.form === form ? failure : undefined);

/** The form of a question's own texts; a question page has one, whatever the kind. */
export const QUESTION_TEXTS_FORM = 'question-texts';
