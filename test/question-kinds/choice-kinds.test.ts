import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { validateAnswers } from '../../src/answering/validate-answers.js';
import { buildCatalogue, shippedVersion } from '../../src/catalogue/load.js';
import { itemTallies, rounds } from '../../src/db/schema/index.js';
import { rawResponses, responsesCsv } from '../../src/results/export-responses.js';
import { roundResults } from '../../src/results/round-results.js';
import { sealedPaddedLength } from '../../src/responses/sealed-responses.js';
import { storeResponses } from '../../src/responses/store.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { problemOf } from '../helpers/catalogue-problem.js';
import { openRound } from '../helpers/open-round.js';
import { grantRole, signedInUser } from '../helpers/people.js';

type Json = Record<string, any>;
const texts = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** Shipped rules v1 with a page of one multiple-choice (at most two picks) and one ranking (top two of three) question. */
function withChoicePage(change: (page: Json) => void = () => {}): Json {
  const json = JSON.parse(readFileSync('surveys/network-rules/v1.json', 'utf8')) as Json;
  const page = {
    name: 'priorities',
    title: texts('Painopisteet', 'Prioriteringar', 'Priorities'),
    elements: [
      {
        type: 'checkbox',
        name: 'topics',
        itemKey: 'own.topics',
        title: texts('Mistä aiheista haluatte koulutusta?', 'Vilka ämnen vill ni ha utbildning i?', 'Which topics do you want training in?'),
        maxSelectedChoices: 2,
        choices: [
          { value: 'digi', text: texts('Digitaidot', 'Digital kompetens', 'Digital skills') },
          { value: 'wellbeing', text: texts('Hyvinvointi', 'Välbefinnande', 'Wellbeing') },
          { value: 'assessment', text: texts('Arviointi', 'Bedömning', 'Assessment') },
        ],
      },
      {
        type: 'ranking',
        name: 'actions',
        itemKey: 'own.actions',
        title: texts('Mitkä toimet ovat tärkeimpiä?', 'Vilka åtgärder är viktigast?', 'Which actions matter most?'),
        selectToRankEnabled: true,
        maxSelectedChoices: 2,
        choices: [
          { value: 'meetings', text: texts('Säännölliset tapaamiset', 'Regelbundna möten', 'Regular meetings') },
          { value: 'newsletter', text: texts('Uutiskirje', 'Nyhetsbrev', 'Newsletter') },
          { value: 'mentoring', text: texts('Mentorointi', 'Mentorskap', 'Mentoring') },
        ],
      },
    ],
  };
  change(page);
  json.pages.push(page);
  return json;
}

async function coordinatorOf(app: TestApp, networkId: number): Promise<string> {
  const user = await signedInUser(app, 'koordinaattori@kunta.example');
  await grantRole(app, networkId, user.userId, 'coordinator');
  return user.cookie;
}

let t: TestApp | undefined;
afterEach(() => t?.database.dispose());

describe('multiple-choice and ranking questions', () => {
  const version = shippedVersion('network-rules', 3, withChoicePage());
  const scoredAnswers = Object.fromEntries(version.items.filter((i) => i.kind === 'scored').map((i) => [i.name, 4]));

  it('are read from SurveyJS checkbox and ranking questions with their choices and pick limits', () => {
    const topics = version.items.find((i) => i.name === 'topics')!;
    const actions = version.items.find((i) => i.name === 'actions')!;
    expect(topics).toMatchObject({ kind: 'multiple', maxPicks: 2, choices: [{ value: 'digi' }, { value: 'wellbeing' }, { value: 'assessment' }] });
    expect(actions).toMatchObject({ kind: 'ranking', maxPicks: 2 });
    expect(actions.choices?.[2]?.text.sv).toBe('Mentorskap');
  });

  it('refuse an "other" choice, repeated values, a single choice and untranslated choices', () => {
    expect(problemOf(withChoicePage((page) => (page.elements[0].showOtherItem = true)))).toMatch(/only its own choices/);
    expect(problemOf(withChoicePage((page) => (page.elements[1].choices[1].value = 'meetings')))).toMatch(/Two choices have the same value/);
    expect(problemOf(withChoicePage((page) => page.elements[0].choices.splice(1)))).toMatch(/at least two choices/);
    expect(problemOf(withChoicePage((page) => delete page.elements[1].choices[0].text.sv))).toMatch(/has no text in Swedish/);
  });

  it('accept distinct known picks up to the limit, and say what is wrong otherwise', () => {
    const problems = (topics: unknown, actions: unknown) => validateAnswers(version, { ...scoredAnswers, topics, actions }).map((p) => `${'question' in p ? p.question : ''}:${p.code}`);
    expect(problems(['digi', 'assessment'], ['mentoring', 'meetings'])).toEqual([]);
    expect(problems(['digi', 'wellbeing', 'assessment'], ['mentoring'])).toEqual(['topics:too_many']);
    expect(problems(['digi', 'digi'], ['mentoring', 'newsletter', 'meetings'])).toEqual(['topics:not_a_choice', 'actions:too_many']);
    expect(problems('digi', ['coffee'])).toEqual(['topics:not_a_choice', 'actions:not_a_choice']);
  });

  it('pad sealed responses to the longest valid pick lists', () => {
    const longest = { ...scoredAnswers, topics: ['assessment', 'wellbeing'], actions: ['newsletter', 'mentoring'] };
    expect(serialize(longest).length).toBeLessThan(sealedPaddedLength(version));
  });

  it('are tallied per choice and shown with shares and places only when at least k answered them', async () => {
    t = await createTestApp({ catalogue: buildCatalogue([...realCatalogue().versions, version]) });
    const opened = await openRound(t, { questionnaireVersion: 3, networkLanguages: ['fi', 'sv', 'en'], anonymityThreshold: 3 });
    const picks = [
      { topics: ['digi', 'wellbeing'], actions: ['mentoring', 'meetings'] },
      { topics: ['digi'], actions: ['mentoring'] },
      { topics: ['assessment', 'digi'], actions: ['meetings', 'mentoring'] },
      { topics: ['digi'] },
    ];
    await storeResponses(
      t.deps.db,
      picks.map((answers) => ({ roundId: opened.round.id, version, answers: { ...scoredAnswers, ...answers }, collectSegments: false })),
    );
    const cells = await t.deps.db.select().from(itemTallies).where(eq(itemTallies.roundId, opened.round.id));
    const cell = (itemKey: string, value: number) => cells.find((row) => row.itemKey === itemKey && row.value === value)?.count;
    expect([cell('own.topics', 0), cell('own.topics#1', 1), cell('own.topics#2', 1), cell('own.topics#3', 1)]).toEqual([4, 4, 1, 1]);
    expect([cell('own.actions', 0), cell('own.actions#3', 1), cell('own.actions#3', 2), cell('own.actions#1', 1), cell('own.actions#2', 1)]).toEqual([3, 2, 1, 1, 0]);

    await t.deps.db.update(rounds).set({ status: 'closed', closedAt: t.deps.clock.now().toISOString() }).where(eq(rounds.id, opened.round.id));
    const [round] = await t.deps.db.select().from(rounds).where(eq(rounds.id, opened.round.id));
    const results = await roundResults(t.deps.db, t.deps.catalogue, opened.network, round!);
    const topics = results.choices.find((c) => c.itemKey === 'own.topics')!;
    expect(topics.choices?.map((c) => [c.picks, c.share])).toEqual([[4, 1], [1, 0.25], [1, 0.25]]);
    const actions = results.choices.find((c) => c.itemKey === 'own.actions')!;
    // Most chosen first: mentoring (3), meetings (2), newsletter (none).
    expect(actions.choices?.map((c) => [c.value, c.picks, c.meanPlace])).toEqual([['mentoring', 3, (1 + 1 + 2) / 3], ['meetings', 2, 1.5], ['newsletter', 0, null]]);
    // 4 of 4 (Wilson 51–100 %) and 1 of 4 (5–70 %) overlap: too close to call with only four answers.
    expect(topics.choices?.map((c) => c.tooClose)).toEqual([true, true, true]);
    expect(topics.choices![0]!.interval.low).toBeCloseTo(0.5101, 3);

    // The raw export gives each choice its own column: 1/0 for picks, the place for a ranking.
    const csv = responsesCsv(await rawResponses(t.deps.db, t.deps.catalogue, opened.network, round!), 'fi');
    expect(csv).toContain('Mistä aiheista haluatte koulutusta? – Digitaidot');
    expect(csv).toContain('Mitkä toimet ovat tärkeimpiä? – Mentorointi');

    // With a threshold of 4, the ranking (3 answered) is withheld; the multiple choice (4 answered) is not.
    await t.deps.db.update(rounds).set({ anonymityThreshold: 4 }).where(eq(rounds.id, opened.round.id));
    const [stricter] = await t.deps.db.select().from(rounds).where(eq(rounds.id, opened.round.id));
    const withheld = await roundResults(t.deps.db, t.deps.catalogue, { ...opened.network, anonymityThreshold: 4 }, stricter!);
    expect(withheld.choices.map((c) => c.choices === null)).toEqual([false, true]);

    const page = await (await t.app.request(`/networks/${opened.network.id}/results/rounds/${opened.round.id}`, { headers: { cookie: await coordinatorOf(t, opened.network.id) } })).text();
    expect(page).toContain('Valinnat ja järjestykset');
    expect(page).toContain('Digitaidot');
    expect(page).toContain('Kysymykseen vastasi alle 4, joten sen tuloksia ei näytetä.');
    expect(page).not.toContain('Mentorointi');
  });
});
