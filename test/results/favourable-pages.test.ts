import { afterEach, describe, expect, it } from 'vitest';
import { favourableText } from '../../src/i18n/favourable.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from './fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function main(user: SignedIn, path: string) {
  const response = await t.app.request(path, { headers: { cookie: user.cookie } });
  expect(response.status).toBe(200);
  const html = await response.text();
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

/** Answers 2, 3, 4, 5, 2, … to every statement: half of them favourable. */
const answers = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => uniformAnswers(t, 2 + ((i + offset) % 4)));

async function setup() {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  const earlier = await roundWithResponses(t, people.network.id, answers(10), { closesAt: '2025-09-20T14:00:00.000Z' });
  const latest = await roundWithResponses(t, people.network.id, answers(12), { closesAt: '2026-02-20T14:00:00.000Z' });
  return { ...people, earlier, latest, base: `/networks/${people.network.id}` };
}

// Intl writes a no-break space before the per cent sign in Finnish and Swedish.
const nbsp = '\u00a0';

describe('the favourable share on the pages', () => {
  it('stands beside every mean of the round, the comparison, the trend and the report, with the method in words', async () => {
    const { coordinator, earlier, latest, base } = await setup();
    const fi = favourableText('fi');
    // 6 of 12 favourable: Wilson 0.25378–0.74622; earlier 4 of 10 (2, 3, 4, 5, 2, 3, 4, 5, 2, 3): 0.16818–0.68733.
    const latestShare = `50${nbsp}% (25–75${nbsp}%)`;
    const earlierShare = `40${nbsp}% (17–69${nbsp}%)`;
    const round = await main(coordinator, `${base}/results/rounds/${latest.id}?lang=fi`);
    expect(round).toContain(`${fi.label}</abbr></dt><dd>${latestShare}`);
    expect(round).toContain('kahdessa ylimmässä kohdassa (4–5)');
    const compare = await main(coordinator, `${base}/results/compare?before=${earlier.id}&after=${latest.id}&lang=fi`);
    expect(compare).toContain(earlierShare);
    expect(compare).toContain(latestShare);
    expect(compare).toContain('Wilsonin menetelmällä');
    const trend = await main(coordinator, `${base}/results/trend?questionnaire=network-rules&lang=en`);
    expect(trend).toContain('40% (17–69%)');
    expect(trend).toContain('50% (25–75%)');
    expect(trend).toContain('by the Wilson method');
    const report = await main(coordinator, `${base}/report?lang=sv`);
    expect(report).toContain(favourableText('sv').column);
    expect(report).toContain(`<td>${latestShare}</td>`);
  });

  it('counts only the two highest points as favourable and leaves "cannot say" out', async () => {
    t = await createTestApp();
    const { network, coordinator } = await networkWithPeople(t);
    // 3, 4, 5, 5, 1 and two "cannot say": 3 of 5 scale answers favourable.
    const values = [3, 4, 5, 5, 1, 'none', 'none'] as const;
    const round = await roundWithResponses(t, network.id, values.map((v) => uniformAnswers(t, v)));
    const html = await main(coordinator, `/networks/${network.id}/results/rounds/${round.id}?lang=en`);
    // Wilson 3 of 5: 0.23072–0.88237.
    expect(html).toContain(`${favourableText('en').label}</abbr></dt><dd>60% (23–88%)`);
  });
});
