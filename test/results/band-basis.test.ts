import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import { fill } from '../../src/i18n/messages.js';
import { networkText } from '../../src/i18n/networks.js';
import { resultsText } from '../../src/i18n/results.js';
import { formats } from '../../src/views/results/format.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const settings = { name: 'Testiverkosto', languages: ['fi', 'sv', 'en'], anonymityThreshold: '5', bandStrength: '4', bandConcern: '3' };

describe('bands on the mean or on the favourable share', () => {
  it('bands a rule whose mean is a strength but whose favourable share is not, by the basis the network chose', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    // Answers 3 and 5 in turn: mean 4.0 (a strength on the mean), half favourable.
    const round = await roundWithResponses(t, network.id, Array.from({ length: 10 }, (_, i) => uniformAnswers(t, i % 2 ? 5 : 3)));
    const band = async () => {
      const body = await (await t.app.request(`/api/networks/${network.id}/results/rounds/${round.id}`, sendJson(coordinator, 'GET'))).json();
      return body.measures.find((m: { measure: string }) => m.measure === 'rule:1').figures.band;
    };
    expect(await band()).toBe('strength');

    const saved = await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, { ...settings, bandBasis: 'favourable', favourableStrength: '70', favourableConcern: '55' }));
    expect(saved.status).toBe(200);
    expect((await t.deps.db.select().from(networks).where(eq(networks.id, network.id)))[0]).toMatchObject({ bandBasis: 'favourable', favourableStrength: 70, favourableConcern: 55 });
    expect(await band()).toBe('concern');
    await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, { ...settings, bandBasis: 'favourable', favourableStrength: '50', favourableConcern: '30' }));
    expect(await band()).toBe('strength');
    await t.app.request(`/networks/${network.id}/settings`, postForm(coordinator, { ...settings, bandBasis: 'favourable', favourableStrength: '60', favourableConcern: '50' }));
    expect(await band()).toBe('borderline');

    // The round page says what the bands are read from, and draws no mean limits on the profile.
    const page = await (await t.app.request(`/networks/${network.id}/results/rounds/${round.id}?lang=fi`, { headers: { cookie: coordinator.cookie } })).text();
    expect(page).toContain(fill(resultsText('fi').bandsOnFavourable, { strength: formats('fi').percent(0.6), concern: formats('fi').percent(0.5) }));
    expect(page).toContain('"marks":[]');
  });

  it('refuses an unknown basis and share limits out of order, in the writer’s language, and keeps the settings', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    const order = await t.app.request(`/networks/${network.id}/settings?lang=sv`, postForm(coordinator, { ...settings, bandBasis: 'favourable', favourableStrength: '40', favourableConcern: '60' }));
    expect(order.status).toBe(422);
    expect(await order.text()).toContain(networkText('sv').favourableOrder);
    const basis = await t.app.request(`/api/networks/${network.id}?lang=en`, sendJson(coordinator, 'PUT', { name: 'X', languages: ['fi'], bandBasis: 'median' }));
    expect(await basis.json()).toMatchObject({ fields: { bandBasis: networkText('en').bandBasisInvalid } });
    expect((await t.deps.db.select().from(networks).where(eq(networks.id, network.id)))[0]).toMatchObject({ bandBasis: 'mean', favourableStrength: 70, favourableConcern: 50 });
  });
});
