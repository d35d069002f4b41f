import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue, shippedVersion } from '../../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../../src/catalogue/types.js';
import { fill } from '../../src/i18n/messages.js';
import { resultsText } from '../../src/i18n/results.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { networkWithPeople, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const fi = resultsText('fi');

/** The page's <main>, where the results are; the header and navigation are the same on every page. */
async function page(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  const html = await response.text();
  return { status: response.status, main: html.slice(html.indexOf('<main'), html.indexOf('</main>')), html };
}

/** Answers 2, 3, 4, 5, 2, … to every statement, half from comprehensive schools and half from vocational ones. */
const answers = (count: number) =>
  Array.from({ length: count }, (_, i) => uniformAnswers(t, 2 + (i % 4), { r1_comment: `Kommentti ${i}`, organisation_type: i % 2 ? 'vocational' : 'comprehensive_school' }));

async function setup(overrides: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp(overrides);
  const people = await networkWithPeople(t);
  const earlier = await roundWithResponses(t, people.network.id, answers(10), { closesAt: '2025-09-20T14:00:00.000Z' });
  const latest = await roundWithResponses(t, people.network.id, answers(12), { closesAt: '2026-02-20T14:00:00.000Z' });
  return { ...people, earlier, latest, base: `/networks/${people.network.id}/results` };
}

describe('results pages', () => {
  it('answers coordinators and leaders on every page, and outsiders with a 404', async () => {
    const { coordinator, leader, outsider, earlier, latest, base } = await setup();
    const paths = [base, `${base}/rounds/${latest.id}`, `${base}/rounds/${latest.id}/open-answers?q=kommentti`, `${base}/compare?before=${earlier.id}&after=${latest.id}`, `${base}/trend?questionnaire=network-rules`];
    for (const path of paths) {
      for (const user of [coordinator, leader]) expect((await page(user, path)).status, path).toBe(200);
      expect((await page(outsider, path)).status, path).toBe(404);
    }
    const forLeader = await page(leader, `${base}/rounds/${latest.id}?lang=fi`);
    expect(forLeader.html, 'the navigation offers leaders the results').toContain(`href="${base}"`);
    expect(forLeader.main).toContain('<canvas');
    expect(forLeader.main).toContain(fi.profileTitle);
    const csv = /href="([^"]+aggregates\.csv)"/.exec(forLeader.main)![1]!;
    const download = await t.app.request(csv, { headers: { cookie: leader.cookie } });
    expect(download.headers.get('content-type')).toContain('text/csv');
  });

  it('treats a round of another network, or an unknown questionnaire, as missing', async () => {
    const { coordinator, other, latest, base } = await setup();
    const foreign = await roundWithResponses(t, other.id, answers(6));
    for (const path of [`/rounds/${foreign.id}`, `/rounds/${foreign.id}/open-answers`, `/compare?before=${foreign.id}&after=${latest.id}`, '/rounds/abc', '/trend?questionnaire=nope']) {
      expect((await page(coordinator, `${base}${path}`)).status, path).toBe(404);
    }
  });

  it('explains a round below k and shows no figure, chart or comment of it', async () => {
    const { coordinator, network, latest, base } = await setup();
    const small = await roundWithResponses(t, network.id, answers(4), { closesAt: '2026-05-20T14:00:00.000Z' });
    const round = await page(coordinator, `${base}/rounds/${small.id}?lang=fi`);
    expect(round.main).toContain(fill(fi.withheldBelow, { n: 4, k: 5 }));
    for (const path of [`/rounds/${small.id}?lang=fi`, `/rounds/${small.id}/open-answers?lang=fi`, `/compare?before=${latest.id}&after=${small.id}&lang=fi`]) {
      const { main } = await page(coordinator, `${base}${path}`);
      expect(main, path).not.toContain('<canvas');
      expect(main, path).not.toContain(fi.meanAbbr);
      expect(main, path).not.toMatch(/\d,\d\d/);
      expect(main, path).not.toContain('Kommentti');
    }
  });

  it('says that an open round’s figures appear when it closes', async () => {
    const { coordinator, network, base } = await setup();
    const open = await roundWithResponses(t, network.id, answers(8), { status: 'open', closesAt: '2026-06-20T14:00:00.000Z' });
    for (const path of [`/rounds/${open.id}?lang=fi`, `/rounds/${open.id}/open-answers?lang=fi`]) {
      const { main } = await page(coordinator, `${base}${path}`);
      expect(main).toContain(fi.withheldNotClosedTitle);
      expect(main).toContain('20.6.2026');
      expect(main).not.toContain('<canvas');
      expect(main).not.toContain('Kommentti');
    }
  });

  it('writes decimals with a comma in Swedish and a point in English', async () => {
    const { coordinator, latest, base } = await setup();
    const sv = await page(coordinator, `${base}/rounds/${latest.id}?lang=sv`);
    expect(sv.main).toContain(resultsText('sv').profileTitle);
    expect(sv.main).toMatch(/\d,\d\d/);
    expect(sv.main).not.toMatch(/>\d\.\d\d/);
    const en = await page(coordinator, `${base}/rounds/${latest.id}?lang=en`);
    expect(en.main).toMatch(/>\d\.\d\d/);
  });

  it('shows background groups that segmentResults returns, and explains when there are too few', async () => {
    const { coordinator, latest, base } = await setup();
    const byType = await page(coordinator, `${base}/rounds/${latest.id}?lang=fi`);
    expect(byType.main).toContain('Perusopetus');
    expect(byType.main).toContain('Ammatillinen koulutus');
    expect(byType.main).toContain('n = 6');
    // Nobody told their role: everyone is in one group, which would simply be the totals.
    const byRole = await page(coordinator, `${base}/rounds/${latest.id}?lang=fi&segment=role`);
    expect(byRole.main).toContain(fill(fi.segmentTooFew, { k: 5 }));
  });

  it('lists open answers alphabetically with a filter, and a note on what the order means', async () => {
    const { coordinator, latest, base } = await setup();
    const { main } = await page(coordinator, `${base}/rounds/${latest.id}/open-answers?lang=fi&q=kommentti%201`);
    expect(main).toContain(fi.openIntro);
    expect(main).toContain(fill(fi.filterResult, { q: 'kommentti 1', count: 3 }));
    const shown = [...main.slice(main.indexOf('answer-list')).matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<\/?mark>/g, ''));
    expect(shown).toEqual(['Kommentti 1', 'Kommentti 10', 'Kommentti 11']);
  });

  it('compares rounds on different versions, lists statements of one version only, and marks the version change in the trend', async () => {
    const v1 = realCatalogue().find('network-rules', 1)!;
    const json = structuredClone(v1.json) as { pages: Array<{ elements: Array<Record<string, unknown>> }> };
    const removed = json.pages[1]!.elements.shift()!;
    const v2: QuestionnaireVersion = shippedVersion(v1.key, 3, json);
    const { coordinator, network, latest, base } = await setup({ catalogue: buildCatalogue([...realCatalogue().versions, v2]) });
    const next = await roundWithResponses(t, network.id, answers(8).map((a) => Object.fromEntries(Object.entries(a).filter(([name]) => name !== removed.name))), { version: 3, closesAt: '2026-08-20T14:00:00.000Z' });
    const compare = await page(coordinator, `${base}/compare?before=${next.id}&after=${latest.id}&lang=fi`);
    expect(compare.main).toContain(fill(fi.onlyFirst, { count: 1 }));
    expect(compare.main).toContain((removed.title as { fi: string }).fi);
    expect(compare.main).toContain('Welchin t-testi');
    expect(compare.main, 'the earlier round comes first whatever the order asked').toMatch(/Aiempi \(2\/2026\)/);
    const trend = await page(coordinator, `${base}/trend?questionnaire=network-rules&lang=fi`);
    expect(trend.main).toContain(fi.versionMarks);
    expect(trend.main).toContain('"label":"versio 3"');
  });
});
