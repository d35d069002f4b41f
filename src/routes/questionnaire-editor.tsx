import { Hono } from 'hono';
import { z } from 'zod';
import { addOpenQuestion, addStatement, moveQuestion, removeQuestion, reorder, retieOpenQuestion } from '../catalogue/draft-edits.js';
import { setLanguages, setScaleTexts, setTexts } from '../catalogue/draft-texts.js';
import { parentQuestion, type EditContext } from '../catalogue/draft-editing.js';
import { draftLanguages, kindOf, locate } from '../catalogue/draft-json.js';
import { choiceSchema, measureSchema, optionalMeasureSchema, textsFrom, textsSchema } from '../catalogue/editor-input.js';
import { decideMeaning, retitle } from '../catalogue/rewording.js';
import { draftOf, edit, overview, parsed, questionPage, type Outcome } from '../http/draft-edit-request.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { isLanguage } from '../i18n/language.js';
import { choicesOf } from '../views/questionnaires/editor/choice-question-form.js';
import { idOf, QUESTION_TEXTS_FORM } from '../views/questionnaires/editor/editor-props.js';

/** The editor of a network's draft, mounted at /networks/:networkId/questionnaires/:ownedId/edit; coordinators only. */
export const questionnaireEditorRoutes = new Hono<NetworkEnv>();
questionnaireEditorRoutes.use(coordinatorOnly);

const languagesOf = (context: EditContext) => draftLanguages(context.row.json);

// GET /networks/:networkId/questionnaires/:ownedId/edit
questionnaireEditorRoutes.get('/', async (c) => overview(c, await draftOf(c)));

// POST …/edit/survey — the questionnaire's title and description
questionnaireEditorRoutes.post('/survey', (c) =>
  edit(c, { form: 'survey-texts' }, (context, input) => {
    const languages = languagesOf(context);
    const data = parsed(textsSchema(['title', 'description'], languages, c.var.lang), input);
    const json = setTexts(context.row.json, { on: 'survey', field: 'title' }, textsFrom(data, 'title', languages));
    return { json: setTexts(json, { on: 'survey', field: 'description' }, textsFrom(data, 'description', languages)), done: 'saved', at: 'survey-texts' };
  }),
);

// POST …/edit/languages — the languages the version offers
questionnaireEditorRoutes.post('/languages', (c) =>
  edit(c, { form: 'languages' }, (context, input) => {
    const chosen = [input.languages ?? []].flat().filter(isLanguage);
    return { json: setLanguages(context.row.json, chosen), done: 'saved', at: 'languages' };
  }),
);

// POST …/edit/scale — the texts of the answer scale every statement shares
questionnaireEditorRoutes.post('/scale', (c) =>
  edit(c, { form: 'scale' }, (context, input) => {
    const languages = languagesOf(context);
    const points = Object.keys(input).flatMap((field) => /^point_(\d+)_/.exec(field)?.[1] ?? []);
    const prefixes = [...new Set(points)].map((p) => `point_${p}`);
    const data = parsed(textsSchema([...prefixes, 'none'], languages, c.var.lang), input);
    let json = setScaleTexts(context.row.json, 'none', textsFrom(data, 'none', languages));
    for (const prefix of prefixes) json = setScaleTexts(json, Number(prefix.slice('point_'.length)), textsFrom(data, prefix, languages));
    return { json, done: 'saved', at: 'scale' };
  }),
);

const pageName = (c: { req: { param: (name: 'page') => string | undefined } }) => c.req.param('page') ?? '';

// POST …/edit/pages/:page — a page's title and description
questionnaireEditorRoutes.post('/pages/:page', (c) =>
  edit(c, { form: idOf('page', pageName(c)) }, (context, input) => {
    const languages = languagesOf(context);
    const data = parsed(textsSchema(['title', 'description'], languages, c.var.lang), input);
    const target = { on: 'page', page: pageName(c) } as const;
    const json = setTexts(context.row.json, { ...target, field: 'title' }, textsFrom(data, 'title', languages));
    return { json: setTexts(json, { ...target, field: 'description' }, textsFrom(data, 'description', languages)), done: 'saved', at: idOf('page', pageName(c)) };
  }),
);

// POST …/edit/pages/:page/statements — a network's own statement on that page
questionnaireEditorRoutes.post('/pages/:page/statements', (c) =>
  edit(c, { form: idOf('add-statement', pageName(c)) }, (context, input) => {
    const languages = languagesOf(context);
    const data = parsed(textsSchema(['title'], languages, c.var.lang), input);
    const { measure } = parsed(z.object({ measure: measureSchema(c.var.lang) }), input);
    const added = addStatement(context.row.json, { page: pageName(c), measure, title: textsFrom(data, 'title', languages), takenKeys: context.takenKeys });
    return { json: added.json, done: 'added', at: idOf('q', added.name) };
  }),
);

// POST …/edit/pages/:page/open-questions — an open question at the end of that page
questionnaireEditorRoutes.post('/pages/:page/open-questions', (c) =>
  edit(c, { form: idOf('add-open', pageName(c)) }, (context, input) => {
    const languages = languagesOf(context);
    const data = parsed(textsSchema(['title'], languages, c.var.lang), input);
    const { measure } = parsed(z.object({ measure: optionalMeasureSchema(c.var.lang) }), input);
    const added = addOpenQuestion(context.row.json, { page: pageName(c), measure, title: textsFrom(data, 'title', languages), takenKeys: context.takenKeys });
    return { json: added.json, done: 'added', at: idOf('q', added.name) };
  }),
);

const questionName = (c: { req: { param: (name: 'name') => string | undefined } }) => c.req.param('name') ?? '';

// GET …/edit/questions/:name
questionnaireEditorRoutes.get('/questions/:name', async (c) => questionPage(c, await draftOf(c), questionName(c)));

// POST …/edit/questions/:name — the question's texts with the form of its kind; a statement's rewording may take a new key
questionnaireEditorRoutes.post('/questions/:name', (c) => {
  const name = questionName(c);
  return edit(c, { form: QUESTION_TEXTS_FORM, question: name }, (context, input): Outcome => {
    const languages = languagesOf(context);
    const question = locate(context.row.json, name)?.question;
    const kind = question ? kindOf(question) : 'other';
    const choices = kind === 'scored' || kind === 'open' ? [] : choicesOf(question ?? { name });
    const prefixes = ['title', 'description', ...choices.map((_, i) => `choice_${i}`)];
    const data = parsed(textsSchema(prefixes, languages, c.var.lang), input);
    const titled = retitle(context.row.json, name, textsFrom(data, 'title', languages), parentQuestion(context, name), context.takenKeys);
    let json = setTexts(titled.json, { on: 'question', name, field: 'description' }, textsFrom(data, 'description', languages));
    choices.forEach((choice, i) => {
      const value = String(typeof choice === 'object' && choice !== null ? (choice as { value?: unknown }).value : choice);
      json = setTexts(json, { on: 'choice', name, value }, textsFrom(data, `choice_${i}`, languages));
    });
    if (kind === 'open' && 'measure' in input) json = retieOpenQuestion(json, name, parsed(z.object({ measure: optionalMeasureSchema(c.var.lang) }), input).measure);
    return { json, done: titled.proposed ? 'proposed' : 'saved' };
  });
});

// POST …/edit/questions/:name/meaning — the coordinator's decision on a reworded statement: the same one, or a new one
questionnaireEditorRoutes.post('/questions/:name/meaning', (c) => {
  const name = questionName(c);
  return edit(c, { form: 'meaning', question: name }, (context, input) => {
    const { meaning } = parsed(z.object({ meaning: choiceSchema(['keep', 'new'], c.var.lang) }), input);
    return { json: decideMeaning(context.row.json, name, meaning, parentQuestion(context, name), context.takenKeys), done: 'decided', at: 'meaning' };
  });
});

// POST …/edit/questions/:name/move — a statement measures another rule or area
questionnaireEditorRoutes.post('/questions/:name/move', (c) => {
  const name = questionName(c);
  return edit(c, { form: 'move', question: name }, (context, input) => {
    const { measure } = parsed(z.object({ measure: measureSchema(c.var.lang) }), input);
    return { json: moveQuestion(context.row.json, name, measure), done: 'moved' };
  });
});

// POST …/edit/questions/:name/order — one step up or down on its page
questionnaireEditorRoutes.post('/questions/:name/order', (c) => {
  const name = questionName(c);
  return edit(c, { form: '' }, (context, input) => {
    const { direction } = parsed(z.object({ direction: choiceSchema(['up', 'down'], c.var.lang) }), input);
    return { json: reorder(context.row.json, name, direction === 'up' ? -1 : 1), done: 'reordered', at: idOf('q', name) };
  });
});

// POST …/edit/questions/:name/remove
questionnaireEditorRoutes.post('/questions/:name/remove', (c) => {
  const name = questionName(c);
  return edit(c, { form: '' }, (context) => {
    const page = locate(context.row.json, name)?.page.name ?? '';
    return { json: removeQuestion(context.row.json, name), done: 'removed', at: idOf('page', page) };
  });
});
