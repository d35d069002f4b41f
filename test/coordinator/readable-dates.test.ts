import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../../src/agenda/actions.js';
import { dailyResponseCounts, rounds } from '../../src/db/schema/index.js';
import { grantDemoAccess, seedDemo } from '../../src/demo/seed.js';
import { createReportLink } from '../../src/reports/report-links.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { signedInUser, type SignedIn } from '../helpers/people.js';

let t: TestApp;
let coordinator: SignedIn;
let pages: string[];
let roundPath: string;
let answerDay: string;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-01T09:00:00.000Z') });
  const { db, catalogue, clock, secretKey } = t.deps;
  coordinator = await signedInUser(t, 'koordinaattori@kunta.example', { isAdmin: true });
  const { networkId } = await seedDemo(db, catalogue, clock);
  await grantDemoAccess(db, networkId);
  const all = await db.select({ id: rounds.id, key: rounds.questionnaireKey }).from(rounds).orderBy(rounds.id);
  const [first, second] = all.filter((round) => round.key === 'network-rules');
  await createAction(db, clock, networkId, { roundId: all[0]!.id, measure: 'rule:3', description: 'Sovitaan resurssit kirjallisesti', owner: 'Ohjausryhmä', dueOn: '2026-12-02', status: 'in_progress' });
  await createReportLink(db, clock, secretKey, networkId, coordinator.userId, { label: 'Lautakunta', expiresOn: '2026-12-31', roundIds: null });
  const base = `/networks/${networkId}`;
  // A round whose first day of answers is not in May, the one month whose short English name is its full name.
  for (const round of all) {
    const [earliest] = await db.select({ day: dailyResponseCounts.day }).from(dailyResponseCounts).where(eq(dailyResponseCounts.roundId, round.id)).orderBy(dailyResponseCounts.day).limit(1);
    if (earliest && earliest.day.slice(5, 7) !== '05') [roundPath, answerDay] = [`${base}/rounds/${round.id}`, earliest.day];
  }
  pages = [
    base,
    `${base}/rounds`,
    ...all.flatMap(({ id }) => [`${base}/rounds/${id}`, `${base}/results/rounds/${id}`]),
    `${base}/results`,
    `${base}/results/trend`,
    `${base}/results/compare?before=${first!.id}&after=${second!.id}`,
    `${base}/agenda`,
    `${base}/reports`,
    `${base}/report`,
    `${base}/audit`,
  ];
}, 60_000);

afterAll(() => t?.database.dispose());

/** What a person reads on the page: text outside tags, scripts and embedded data. */
function readableText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

const withLang = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;

describe('dates a person reads', () => {
  it('are written as the reader writes them, never as ISO, on every page that shows one', async () => {
    const found: string[] = [];
    for (const lang of ['fi', 'sv', 'en'] as const) {
      for (const path of pages) {
        const response = await t.app.request(withLang(path, lang), { headers: { cookie: coordinator.cookie } });
        expect(response.status, path).toBe(200);
        for (const [iso] of readableText(await response.text()).matchAll(ISO_DAY)) found.push(`${withLang(path, lang)}: ${iso}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('write the action’s due day and the report link’s last day in the reader’s form', async () => {
    const [agenda] = pages.filter((path) => path.endsWith('/agenda'));
    const text = async (path: string, lang: string) => readableText(await (await t.app.request(withLang(path, lang), { headers: { cookie: coordinator.cookie } })).text());
    expect(await text(agenda!, 'fi')).toContain('2.12.2026');
    expect(await text(agenda!, 'sv')).toContain('2.12.2026');
    expect(await text(agenda!, 'en')).toContain('2 December 2026');
    const links = pages.find((path) => path.endsWith('/reports'))!;
    expect(await text(links, 'fi')).toContain('31.12.2026');
  });

  it('name the days of a round’s answering progress as every other page does', async () => {
    const [year, month, day] = answerDay.split('-').map(Number) as [number, number, number];
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const firstDay = async (lang: string) => {
      const html = await (await t.app.request(withLang(roundPath, lang), { headers: { cookie: coordinator.cookie } })).text();
      return html.match(/<tbody>\s*<tr>\s*<th scope="row">([^<]*)<\/th>/)?.[1];
    };
    expect(await firstDay('fi')).toBe(`${day}.${month}.${year}`);
    expect(await firstDay('en')).toBe(`${day} ${MONTHS[month - 1]} ${year}`);
  });
});
