import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import { fill } from '../../src/i18n/messages.js';
import { networkText } from '../../src/i18n/networks.js';
import { resultsText } from '../../src/i18n/results.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const fi = resultsText('fi');

/** Twelve responses: four comment on rule 1, six on rule 2, so a threshold of five shows only rule 2's comments. */
const answers = () =>
  Array.from({ length: 12 }, (_, i) =>
    uniformAnswers(t, 3, { ...(i < 4 ? { r1_comment: `Ykkösen kommentti ${i}` } : {}), ...(i < 6 ? { r2_comment: `Kakkosen kommentti ${i}` } : {}) }),
  );

describe('the open-answer threshold', () => {
  it('withholds a question’s answers when fewer than the round’s threshold wrote one, on the page and in the API, whatever the filter', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const round = await roundWithResponses(t, network.id, answers(), { anonymityThreshold: 3, openAnswerThreshold: 5 });
    const base = `/networks/${network.id}/results/rounds/${round.id}/open-answers`;
    const html = await (await t.app.request(`${base}?lang=fi`, { headers: { cookie: coordinator.cookie } })).text();
    expect(html).toContain(fill(fi.openWithheld, { k: 5 }));
    expect(html).toContain(fill(fi.openThresholdIntro, { k: 5 }));
    expect(html).not.toContain('Ykkösen kommentti');
    expect(html).toContain('Kakkosen kommentti 5');
    const searched = await (await t.app.request(`${base}?lang=fi&q=ykk`, { headers: { cookie: coordinator.cookie } })).text();
    expect(searched).not.toContain('Ykkösen kommentti');
    const api = await (await t.app.request(`/api/networks/${network.id}/results/rounds/${round.id}/open-answers?q=kommentti`, sendJson(coordinator, 'GET'))).json();
    const byKey = Object.fromEntries(api.items.map((item: { itemKey: string; withheld: boolean; answers: string[] }) => [item.itemKey, item]));
    expect(byKey['rule1.comment']).toMatchObject({ withheld: true, answers: [] });
    expect(byKey['rule2.comment'].answers).toHaveLength(6);
    expect(api.openThreshold).toBe(5);
  });

  it('is fixed for a round once it opened: raising or lowering the network’s setting later changes nothing', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const round = await roundWithResponses(t, network.id, answers(), { anonymityThreshold: 3, openAnswerThreshold: 4 });
    await t.deps.db.update(networks).set({ openAnswerThreshold: 10 }).where(eq(networks.id, network.id));
    const api = async () => (await t.app.request(`/api/networks/${network.id}/results/rounds/${round.id}/open-answers`, sendJson(coordinator, 'GET'))).json();
    expect((await api()).items.find((item: { itemKey: string }) => item.itemKey === 'rule1.comment').answers).toHaveLength(4);
    // A round from before the setting existed follows the network's current setting, never below its own k.
    const older = await roundWithResponses(t, network.id, answers(), { anonymityThreshold: 5 });
    await t.deps.db.update(networks).set({ openAnswerThreshold: 3 }).where(eq(networks.id, network.id));
    const olderAnswers = await (await t.app.request(`/api/networks/${network.id}/results/rounds/${older.id}/open-answers`, sendJson(coordinator, 'GET'))).json();
    expect(olderAnswers.openThreshold).toBe(5);
    expect(olderAnswers.items.find((item: { itemKey: string }) => item.itemKey === 'rule1.comment').withheld).toBe(true);
  });

  it('is set in the network’s settings, at least k, with a message in the writer’s language; left empty it is 5 or k', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const settings = { name: 'Testiverkosto', languages: ['fi'], anonymityThreshold: '6', bandStrength: '4', bandConcern: '3' };
    const low = await t.app.request(`/networks/${network.id}/settings?lang=sv`, postForm(coordinator, { ...settings, openAnswerThreshold: '4' }));
    expect(low.status).toBe(422);
    expect(await low.text()).toContain(networkText('sv').openThresholdBelowK);
    const stored = async () => (await t.deps.db.select().from(networks).where(eq(networks.id, network.id)))[0]!;
    expect((await stored()).openAnswerThreshold).toBe(5);
    expect((await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, { ...settings, openAnswerThreshold: '' }))).status).toBe(200);
    expect(await stored()).toMatchObject({ anonymityThreshold: 6, openAnswerThreshold: 6 });
    expect((await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, { ...settings, openAnswerThreshold: '8' }))).status).toBe(200);
    expect((await stored()).openAnswerThreshold).toBe(8);
    const bad = await t.app.request(`/api/networks/${network.id}?lang=en`, sendJson(coordinator, 'PUT', { name: 'X', languages: ['fi'], anonymityThreshold: 5, openAnswerThreshold: 'many' }));
    expect(await bad.json()).toMatchObject({ fields: { openAnswerThreshold: networkText('en').openThresholdInvalid } });
  });
});
