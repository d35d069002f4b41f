import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { newToken } from '../../src/accounts/tokens.js';
import { members, rounds } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { addCoordinator, openRound } from '../helpers/open-round.js';
import { markAnswered } from '../helpers/receipts.js';
import { assetUrl } from '../../src/http/assets.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** The test clock says 2026-03-02 09:00 UTC; the round closes two weeks later, 11.00 in Helsinki. */
const CLOSES = '16.3.2026 klo 11.00';

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(path, { headers });
  return { response, html: await response.text() };
}

/** The survey JSON the page hands to the browser script. */
function embeddedSurvey(html: string): unknown {
  const json = /<script type="application\/json" id="survey-json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}

/** A second member and a second round in the same network, whose details must never show on this member's pages. */
async function neighbours(networkId: number) {
  const created = t.deps.clock.now().toISOString();
  await t.deps.db.insert(members).values({ networkId, name: 'Ville Naapuri', email: 'ville@koulu.example', createdAt: created, updatedAt: created });
  await t.deps.db.insert(rounds).values({
    networkId,
    questionnaireKey: 'network-strategy',
    questionnaireVersion: 1,
    title: 'Syksyn salainen kierros',
    status: 'open',
    opensAt: created,
    closesAt: '2026-12-01T00:00:00.000Z',
    createdAt: created,
  });
}

function expectNoNeighbours(html: string) {
  for (const secret of ['Ville Naapuri', 'ville@koulu.example', 'Syksyn salainen kierros', 'Maija Meikäläinen']) expect(html).not.toContain(secret);
}

describe('GET /a/:token', () => {
  it('opens the survey with an intro: who runs it, how long it takes, when it closes and how anonymity works', async () => {
    t = await createTestApp();
    const { network, version, path } = await openRound(t, { anonymityThreshold: 7 });
    await addCoordinator(t, network.id, 'Aino Apulainen');
    await neighbours(network.id);
    const { response, html } = await page(path);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('<h1>Verkoston pelisääntöjen arviointi</h1>');
    expect(html).toContain('Kuntien koulut -verkosto');
    expect(html).toContain('Koordinaattorit: Aino Apulainen ja Kaisa Koordinaattori');
    expect(html).toContain('noin 10 minuuttia');
    expect(html).toContain(CLOSES);
    expect(html).toContain('Mitään ei näytetä ryhmistä, joissa on alle 7 vastaajaa.');
    expect(html).toContain('enintään 2000 merkkiä');
    expect(html).toContain(`src="${assetUrl('/static/build/answer.js')}"`);
    expect(html).toContain(`href="${assetUrl('/static/build/survey-core.css')}"`);
    expect((embeddedSurvey(html) as { pages: unknown[] }).pages).toHaveLength((version.json.pages as unknown[]).length - 1);
    // The CSP forbids inline scripts: every script is a bundle or inert data.
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/type="(module" src="\/static\/build\/[A-Za-z0-9-]+\.js|application\/json)"/);
    expectNoNeighbours(html);
  });

  it('asks for background details only in a round that collects them', async () => {
    t = await createTestApp();
    const { round, version, path } = await openRound(t);
    const served = embeddedSurvey((await page(path)).html) as { pages: Array<{ name: string; elements: Array<{ name: string }> }> };
    const all = version.json as typeof served;
    expect(served.pages.map((p) => p.name)).toEqual(all.pages.map((p) => p.name).filter((name) => name !== 'background'));
    expect(served.pages.flatMap((p) => p.elements.map((e) => e.name))).not.toContain('organisation_type');
    expect(served.pages[0]).toEqual(all.pages[1]);
    await t.deps.db.update(rounds).set({ collectSegments: true }).where(eq(rounds.id, round.id));
    expect(embeddedSurvey((await page(path)).html)).toEqual(version.json);
  });

  it('preselects the member’s language and switches only among the network’s languages', async () => {
    t = await createTestApp();
    const { path } = await openRound(t, { memberLanguage: 'sv', networkLanguages: ['fi', 'sv'] });

    const swedish = (await page(path)).html;
    expect(swedish).toContain('<html lang="sv">');
    expect(swedish).toContain('Utvärdering av nätverkets spelregler');
    expect(swedish).toContain('Koordinator: Kaisa Koordinaattori');
    expect(swedish).toContain('16.3.2026 kl. 11.00');
    expect(swedish).toContain(`<a href="${path}?lang=sv" hreflang="sv" lang="sv" aria-current="true">Svenska</a>`);
    expect(swedish).toContain(`<a href="${path}?lang=fi" hreflang="fi" lang="fi">Suomi</a>`);
    expect(swedish).not.toContain('?lang=en');

    expect((await page(`${path}?lang=fi`)).html).toContain('<html lang="fi">');
    // English is not one of this network's languages, whatever the browser prefers.
    const english = await page(`${path}?lang=en`, { 'accept-language': 'en' });
    expect(english.html).toContain('<html lang="sv">');
  });

  it('falls back to the network’s first language when the member’s is not offered', async () => {
    t = await createTestApp();
    const { path } = await openRound(t, { memberLanguage: 'fi', networkLanguages: ['en'] });
    const { html } = await page(path);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('about 10 minutes');
    expect(html).toContain('16 March 2026 at 11:00');
    expect(html, 'one language needs no switcher').not.toContain('class="language-switch"');
  });

  it('says when a round that has not opened yet will open', async () => {
    t = await createTestApp();
    const { network, path } = await openRound(t, { status: 'draft', opensAt: '2026-03-09T06:00:00.000Z' });
    await neighbours(network.id);
    const { response, html } = await page(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<h1 id="state-heading">Kysely ei ole vielä avoinna</h1>');
    expect(html).toContain('Kysely avautuu 9.3.2026 klo 8.00.');
    expect(html).not.toContain('survey-json');
    expectNoNeighbours(html);
  });

  it('promises no date for a draft round whose opening time has passed', async () => {
    t = await createTestApp();
    const { path } = await openRound(t, { status: 'draft' });
    expect((await page(path)).html).toContain('Kysely avautuu myöhemmin.');
  });

  it('tells a member who answered on which day, without the survey', async () => {
    t = await createTestApp();
    const { network, round, token, path } = await openRound(t, { memberLanguage: 'sv' });
    await neighbours(network.id);
    await markAnswered(t.deps, round.id, token, '2026-03-01');
    const { response, html } = await page(path);
    expect(response.status).toBe(200);
    expect(html).toContain('<h1 id="state-heading">Du har redan svarat på den här enkäten</h1>');
    expect(html).toContain('Du svarade 1.3.2026. Tack!');
    expect(html).toContain('Ditt svar kan inte längre ändras och kan inte kopplas till dig.');
    expect(html).not.toContain('survey-json');
    expectNoNeighbours(html);
  });

  it('says a round has closed and when', async () => {
    t = await createTestApp();
    const { network, path } = await openRound(t, { closesAt: '2026-03-01T16:00:00.000Z' });
    await neighbours(network.id);
    const { response, html } = await page(`${path}?lang=sv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<h1 id="state-heading">Enkäten har stängts</h1>');
    expect(html).toContain('Svarstiden gick ut 1.3.2026 kl. 18.00');
    expect(html).not.toContain('survey-json');
    expectNoNeighbours(html);
  });

  it.each([
    ['an unknown link', () => newToken(16)],
    ['a malformed link', () => 'lyhyt'],
  ])('answers %s with 404 and names no network', async (_, badToken) => {
    t = await createTestApp();
    const { network } = await openRound(t);
    await neighbours(network.id);
    const { response, html } = await page(`/a/${badToken()}?lang=sv`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<h1 id="state-heading">Länken känns inte igen</h1>');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    for (const secret of [network.name, 'Kaisa Koordinaattori', 'Kevät 2026', 'spelregler']) expect(html).not.toContain(secret);
    expectNoNeighbours(html);
  });
});
