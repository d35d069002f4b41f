import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appPath } from '../../src/app-root.js';
import { DraftEditError, type DraftEditProblem } from '../../src/catalogue/draft-edit-error.js';
import { addOpenQuestion, addStatement, moveQuestion, rekey, removeQuestion, reorder, retieOpenQuestion } from '../../src/catalogue/draft-edits.js';
import { setScaleTexts, setTexts } from '../../src/catalogue/draft-texts.js';
import { locate, pagesOf, questionsOf, type Json } from '../../src/catalogue/draft-json.js';
import { missingTexts } from '../../src/catalogue/draft-problems.js';
import { freshName, ownItemKey, rewordedItemKey, slugOf } from '../../src/catalogue/item-keys.js';
import { decideMeaning, meaningOf, proposeMeaning, retitle, wordChange } from '../../src/catalogue/rewording.js';
import { validateSurvey } from '../../src/catalogue/validate.js';

const read = (path: string): Json => JSON.parse(readFileSync(appPath(path), 'utf8'));
const rules = () => read('surveys/network-rules/v1.json');
const strategy = () => read('surveys/network-strategy/v1.json');
const names = (json: Json, page: string) => pagesOf(json).find((p) => p.name === page)!.elements.map((q) => q.name);
const question = (json: Json, name: string) => locate(json, name)!.question;
const none = new Set<string>();

function refused(edit: () => unknown, problem: DraftEditProblem) {
  try {
    edit();
  } catch (error) {
    expect(error).toBeInstanceOf(DraftEditError);
    expect((error as DraftEditError).problem).toBe(problem);
    return;
  }
  expect.fail(`expected the edit to be refused with ${problem}`);
}

describe('draft edits', () => {
  it('sets every kind of text in the languages given, leaves the input alone, and stays a valid questionnaire', () => {
    const v1 = rules();
    const original = structuredClone(v1);
    let json = setTexts(v1, { on: 'survey', field: 'title' }, { sv: 'Nätverkets spelregler i vår', fi: '  Pelisäännöt keväällä  ' });
    json = setTexts(json, { on: 'page', page: 'rule9', field: 'description' }, { en: 'Trust, and listening.' });
    json = setTexts(json, { on: 'question', name: 'r9_members_heard', field: 'description' }, { fi: 'Ohje', sv: 'Hjälp', en: 'Help' });
    json = setTexts(json, { on: 'choice', name: 'organisation_type', value: 'other' }, { en: 'Something else' });
    json = setScaleTexts(json, 'none', { fi: 'En tiedä' });
    json = setScaleTexts(json, 3, { en: 'Neutral' });
    expect(v1).toEqual(original);
    expect(json.title).toEqual({ fi: 'Pelisäännöt keväällä', sv: 'Nätverkets spelregler i vår', en: 'Network ground rules evaluation' });
    expect((pagesOf(json).find((p) => p.name === 'rule9')!.description as Json).en).toBe('Trust, and listening.');
    expect(question(json, 'r9_members_heard').description).toEqual({ fi: 'Ohje', sv: 'Hjälp', en: 'Help' });
    expect((question(json, 'organisation_type').choices as Json[]).at(-1)!.text).toMatchObject({ en: 'Something else', fi: 'Muu' });
    // The scale stays one scale: every scored question has the new texts.
    const scored = questionsOf(json).filter((q) => q.measures && Array.isArray(q.choices));
    expect(new Set(scored.map((q) => (q.noneText as Json).fi))).toEqual(new Set(['En tiedä']));
    expect(new Set(scored.map((q) => ((q.choices as Json[])[2]!.text as Json).en))).toEqual(new Set(['Neutral']));
    const validated = validateSurvey(json, 'edited');
    expect(validated.scale!.cannotSay.fi).toBe('En tiedä');
    expect(validated.title.fi).toBe('Pelisäännöt keväällä');
  });

  it('empties a language to a missing text that the problems list names, and a description wholly', () => {
    let json = setTexts(rules(), { on: 'question', name: 'r2_diverse', field: 'title' }, { sv: '   ' });
    json = setTexts(json, { on: 'page', page: 'rule3', field: 'description' }, { fi: '', sv: '', en: '' });
    expect(pagesOf(json).find((p) => p.name === 'rule3')!.description).toBeUndefined();
    expect(missingTexts(json)).toEqual([{ target: { on: 'question', name: 'r2_diverse', field: 'title' }, missing: ['sv'] }]);
    expect(() => validateSurvey(json, 'edited')).toThrow(/r2_diverse.*Swedish/);
    expect(missingTexts(rules())).toEqual([]);
    expect(missingTexts({ ...rules(), languages: ['fi', 'sv'], title: { fi: 'Vain suomeksi' } })).toEqual([{ target: { on: 'survey', field: 'title' }, missing: ['sv'] }]);
  });

  it('adds a network statement on the version’s scale after its rule’s statements, with a fresh own key', () => {
    const taken = new Set(['own.rule9.jasenet_luottavat_toisiinsa']);
    const { json, name, itemKey } = addStatement(rules(), { page: 'rule9', measure: 'rule:9', title: { fi: 'Jäsenet luottavat toisiinsa.', sv: 'Medlemmarna litar på varandra.', en: 'Members trust each other.' }, takenKeys: taken });
    expect(itemKey).toBe('own.rule9.jasenet_luottavat_toisiinsa_2');
    const page = names(json, 'rule9');
    expect(page.indexOf(name)).toBe(page.indexOf('r9_comment') - 1);
    const added = question(json, name);
    const model = question(json, 'r9_members_heard');
    expect(added).toMatchObject({ type: 'radiogroup', measures: 'rule:9', choices: model.choices, noneText: model.noneText, showNoneItem: true });
    const validated = validateSurvey(json, 'edited');
    expect(validated.items.find((i) => i.itemKey === itemKey)).toMatchObject({ kind: 'scored', measure: 'rule:9', page: 'rule9' });

    refused(() => addStatement(rules(), { page: 'rule9', measure: 'rule:3', title: { fi: 'x' }, takenKeys: none }), 'measure-not-on-page');
    refused(() => addStatement(rules(), { page: 'rule9', measure: 'rule:11', title: { fi: 'x' }, takenKeys: none }), 'unknown-measure');
    refused(() => addStatement(rules(), { page: 'background', measure: 'rule:1', title: { fi: 'x' }, takenKeys: none }), 'measure-not-on-page');
    refused(() => addStatement(rules(), { page: 'rule99', measure: 'rule:9', title: { fi: 'x' }, takenKeys: none }), 'no-such-page');
    refused(() => addStatement(rules(), { page: 'rule9', measure: 'rule:9', title: { fi: ' ', sv: '' }, takenKeys: none }), 'title-needed');
  });

  it('adds an open question at the end of a page, tied to a rule or to nothing, and reties it', () => {
    const { json, name, itemKey } = addOpenQuestion(rules(), { page: 'rule9', measure: 'rule:9', title: { fi: 'Mikä lisäisi luottamusta?', sv: 'Vad skulle öka förtroendet?', en: 'What would build trust?' }, takenKeys: none });
    expect(names(json, 'rule9').at(-1)).toBe(name);
    expect(itemKey).toMatch(/^own\.rule9\.[a-z0-9_]+$/);
    expect(validateSurvey(json, 'edited').items.find((i) => i.itemKey === itemKey)).toMatchObject({ kind: 'open', measure: 'rule:9' });
    const untied = retieOpenQuestion(json, name, undefined);
    expect(question(untied, name).measures).toBeUndefined();
    expect(validateSurvey(untied, 'edited').items.find((i) => i.itemKey === itemKey)!.measure).toBeUndefined();
    refused(() => retieOpenQuestion(json, 'r9_members_heard', 'rule:1'), 'not-open');
    const free = addOpenQuestion(strategy(), { page: 'reflection', title: { en: 'Anything else?' }, takenKeys: none });
    expect(free.itemKey).toBe('own.open.anything_else_comment');
  });

  it('removes and reorders within a page, refusing what cannot be done', () => {
    const removed = removeQuestion(rules(), 'r1_documented');
    expect(names(removed, 'rule1')).toEqual(['r1_benefits_visible', 'r1_participation_demands', 'r1_evolving', 'r1_jointly_planned', 'r1_comment']);
    expect(validateSurvey(removed, 'edited').items.some((i) => i.itemKey === 'goals.documented')).toBe(false);
    const up = reorder(rules(), 'r1_documented', -1);
    expect(names(up, 'rule1').slice(0, 3)).toEqual(['r1_benefits_visible', 'r1_documented', 'r1_participation_demands']);
    expect(names(reorder(up, 'r1_documented', 1), 'rule1')).toEqual(names(rules(), 'rule1'));
    refused(() => reorder(rules(), 'r1_benefits_visible', -1), 'at-edge');
    refused(() => reorder(rules(), 'r1_comment', 1), 'at-edge');
    refused(() => removeQuestion(rules(), 'nothing'), 'no-such-question');
    let single = rules();
    for (const name of names(single, 'rule4').slice(1)) single = removeQuestion(single, name);
    refused(() => removeQuestion(single, names(single, 'rule4')[0]!), 'last-on-page');
  });

  it('moves a statement to another rule’s page, or to another area on the same page', () => {
    const moved = moveQuestion(rules(), 'r1_documented', 'rule:10');
    expect(names(moved, 'rule1')).not.toContain('r1_documented');
    expect(names(moved, 'rule10').slice(-2)).toEqual(['r1_documented', 'r10_comment']);
    expect(validateSurvey(moved, 'edited').items.find((i) => i.itemKey === 'goals.documented')).toMatchObject({ measure: 'rule:10', page: 'rule10' });
    const area = moveQuestion(strategy(), 'actors_clear', 'area:evaluation');
    expect(names(area, 'areas').at(-1)).toBe('actors_clear');
    expect(question(area, 'actors_clear').measures).toBe('area:evaluation');
    refused(() => moveQuestion(rules(), 'r1_documented', 'area:goals'), 'no-page-for-measure');
    refused(() => moveQuestion(rules(), 'r1_comment', 'rule:2'), 'not-scored');
    refused(() => moveQuestion(rules(), 'r1_documented', 'rule:0'), 'unknown-measure');
  });

  it('re-keys a question, never onto a key another question has', () => {
    expect(question(rekey(rules(), 'r1_documented', 'goals.documented.r2'), 'r1_documented').itemKey).toBe('goals.documented.r2');
    refused(() => rekey(rules(), 'r1_documented', 'goals.evolving'), 'key-taken');
  });
});

describe('item keys', () => {
  it('makes dotted lower-case keys from any language and keeps them unique', () => {
    expect(slugOf('Ålands skärgård är öppen för alla!')).toBe('alands_skargard_ar_oppen');
    expect(slugOf('!!!')).toBe('statement');
    expect(ownItemKey('area:goals', 'Tavoitteet näkyvät', none)).toBe('own.area_goals.tavoitteet_nakyvat');
    expect(rewordedItemKey('goals.documented', new Set(['goals.documented.r2']))).toBe('goals.documented.r3');
    expect(rewordedItemKey('goals.documented.r3', none)).toBe('goals.documented.r2');
    expect(freshName('a', new Set(['a', 'a_2']))).toBe('a_3');
    for (const key of [ownItemKey('rule:9', 'Äänestämme yhdessä – 100 %', none), rewordedItemKey('x.y', none)]) {
      expect(key).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/);
    }
  });
});

describe('rewording', () => {
  it('measures the change in words and proposes to keep the meaning of a small one', () => {
    expect(wordChange('Verkostomme tavoitteet on kirjattu.', 'Verkostomme tavoitteet on kirjattu selkeästi.')).toBeCloseTo(1 / 5);
    expect(wordChange('A b c d', 'w x y z')).toBe(1);
    expect(wordChange('Same words', 'same, WORDS!')).toBe(0);
    const small = proposeMeaning({ fi: 'Yksi kaksi kolme neljä', sv: 'Ett två tre fyra' }, { fi: 'Yksi kaksi kolme viisi', sv: 'Ett två tre fyra' }, ['fi', 'sv']);
    expect(small).toEqual({ change: 0.25, proposal: 'keep' });
    expect(proposeMeaning({ fi: 'Yksi kaksi kolme' }, { fi: 'Aivan muuta tekstiä' }, ['fi']).proposal).toBe('new');
  });

  it('takes the proposal at the first rewording, keeps the decision on later edits, and returns to the parent’s key with its words', () => {
    const parent = rules();
    const parentQ = question(parent, 'r1_documented');
    const texts = parentQ.title as Record<string, string>;
    // A small edit keeps the key.
    const kept = retitle(parent, 'r1_documented', { fi: `${texts.fi} selkeästi` }, parentQ, none);
    expect(question(kept.json, 'r1_documented').itemKey).toBe('goals.documented');
    expect(kept).toMatchObject({ proposed: true, meaning: { proposal: 'keep', current: 'keep' } });
    // A rewrite gets a fresh key at once, which the coordinator can turn back.
    const rewritten = retitle(parent, 'r1_documented', { fi: 'Tiedämme, mihin verkosto pyrkii seuraavaksi.' }, parentQ, new Set(['goals.documented.r2']));
    expect(question(rewritten.json, 'r1_documented').itemKey).toBe('goals.documented.r3');
    expect(rewritten.meaning).toMatchObject({ proposal: 'new', current: 'new', parentKey: 'goals.documented' });
    const turned = decideMeaning(rewritten.json, 'r1_documented', 'keep', parentQ, none);
    expect(question(turned, 'r1_documented').itemKey).toBe('goals.documented');
    // Once decided, a further large edit does not overrule the decision.
    const later = retitle(turned, 'r1_documented', { sv: 'Helt andra ord här nu' }, parentQ, none);
    expect(question(later.json, 'r1_documented').itemKey).toBe('goals.documented');
    expect(later).toMatchObject({ proposed: false, meaning: { proposal: 'new', current: 'keep' } });
    // The parent's own words again: the parent's statement, whatever was decided.
    const asNew = decideMeaning(later.json, 'r1_documented', 'new', parentQ, none);
    expect(question(asNew, 'r1_documented').itemKey).toBe('goals.documented.r2');
    const back = retitle(asNew, 'r1_documented', texts, parentQ, none);
    expect(question(back.json, 'r1_documented').itemKey).toBe('goals.documented');
    expect(meaningOf(back.json, 'r1_documented', parentQ)).toBeUndefined();
    refused(() => decideMeaning(parent, 'r1_documented', 'new', parentQ, none), 'not-reworded');
    // A key that differs from the parent's without a rewording (an imported file) is not touched by an edit of the words.
    const imported = rekey(parent, 'r1_documented', 'goals.documented_elsewhere');
    expect(question(retitle(imported, 'r1_documented', { fi: texts.fi! }, parentQ, none).json, 'r1_documented').itemKey).toBe('goals.documented_elsewhere');
    // An open question or a statement the parent does not have has no meaning to keep.
    expect(retitle(parent, 'r1_comment', { fi: 'Aivan uusi kysymys tähän' }, question(parent, 'r1_comment'), none).meaning).toBeUndefined();
    expect(retitle(parent, 'r1_documented', { fi: 'Aivan uusi kysymys tähän' }, undefined, none).meaning).toBeUndefined();
  });
});
