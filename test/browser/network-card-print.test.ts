import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCard, saveCard } from '../../src/cards/actions.js';
import { createNetwork } from '../../src/networks/networks.js';
import { fixedClock, type TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { grantRole, signedInUser, type SignedIn } from '../helpers/people.js';
import { GOALS, MEMBERS, strategyRound } from '../cards/fixture.js';

let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;
let leader: SignedIn;
let cardPath: string;

const HEADINGS = ['Keitä verkostoomme kuuluu?', 'Minkälaisia yhteisiä tavoitteita verkostollamme on?', 'Miten verkostomme toiminta on organisoitu?', 'Millaisena verkostomme näyttäytyy ulkopuolisille?'];
/** Near the form's limit of 600 characters each, so that the sheet is as full as a card gets. */
const long = (sentence: string) => Array.from({ length: 8 }, () => sentence).join(' ').slice(0, 590);

beforeAll(async () => {
  ({ t, server, browser } = await openBrowserWorld('report.js', { clock: fixedClock('2026-11-01T09:00:00.000Z') }));
  const { db, clock, catalogue } = t.deps;
  const coordinator = await signedInUser(t, 'koordinaattori@kunta.example');
  leader = await signedInUser(t, 'rehtori@kunta.example');
  const network = await createNetwork(db, clock, coordinator.userId, { name: 'Järvenseudun koulujen verkosto', languages: ['fi'], anonymityThreshold: 5, collectSegments: false, bandStrength: 4, bandConcern: 3 });
  await grantRole(t, network.id, leader.userId, 'leader');
  const round = await strategyRound(t, network.id, '2026-09-20T14:00:00.000Z');
  const texts = {
    members: long('Verkostoon kuuluu kahdeksan koulua, kolmen kunnan sivistystoimi ja seudun kirjastot.'),
    goals: long('Tavoitteena on yhteinen oppimisen kulttuuri ja osaamisen jakaminen yli kuntarajojen.'),
    organisation: long('Ohjausryhmä kokoontuu kuukausittain, ja kolme tiimiä vastaa omista teemoistaan.'),
    image: long('Ulospäin verkosto näkyy avoimena ja helposti lähestyttävänä kumppanina.'),
  };
  const quotes = [...GOALS.slice(0, 2).map((text) => ({ itemKey: 'reflection.goals', text })), ...MEMBERS.slice(0, 2).map((text) => ({ itemKey: 'reflection.members', text }))];
  const actor = { userId: coordinator.userId, name: 'Koordinaattori' };
  await saveCard({ db, clock, catalogue }, network, round, { texts, quotes }, actor);
  await publishCard({ db, clock, catalogue }, network, round, actor);
  cardPath = `/networks/${network.id}/card/rounds/${round.id}?lang=fi`;
}, 60_000);

afterAll(() => closeBrowserWorld({ browser, server, t }));

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe("the network's printed card", () => {
  it('prints on one A4 page with the four questions and a quote', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'vp_session', value: leader.cookie.split('=')[1]!, domain: new URL(server.url).hostname, path: '/' }]);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${cardPath}`);
    expect(response?.status()).toBe(200);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    // What prints: the text of every element that is displayed under print media.
    const printed = await page.evaluate(() => (document.querySelector('main') as HTMLElement).innerText);
    for (const heading of HEADINGS) expect(printed).toContain(heading);
    expect(printed).toContain(GOALS[0]);
    expect(printed).toContain('Toiminnan organisointi');
    // The site's frame does not print.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.network-nav')!).display)).toBe('none');
    await context.close();
  });
});
