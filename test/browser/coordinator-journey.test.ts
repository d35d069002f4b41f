import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rounds } from '../../src/db/schema/index.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { createSetupLink } from '../../src/setup/bootstrap.js';
import { fixedClock, type TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, watchProblems, type BrowserWorld } from '../helpers/browser.js';
import { grantRole, signedInUser } from '../helpers/people.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

/*
 * A new coordinator's first round, as issue 11's "done when" tells it: from the
 * setup link to the leaders' digest, in Chromium, with real SMTP on 127.0.0.1
 * and the scheduler's own pass for the reminders. The clock is moved by hand.
 */
const clock = fixedClock('2026-03-02T09:00:00.000Z'); // Monday 2 March, 11.00 in Helsinki
let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ t, server, browser } = await openBrowserWorld('results.js', { clock, mailer: createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>') }));
});
afterAll(async () => {
  await closeBrowserWorld({ browser, server, t });
  await sink.close();
});

const MEMBERS = [
  ['Aino Opettaja', 'aino@koulu.example', 'Järven koulu', 'perusopetus', 'fi'],
  ['Bertil Rektor', 'bertil@skola.example', 'Sjö skola', 'perusopetus', 'sv'],
  ['Cecilia Virkamies', 'cecilia@kunta.example', 'Sivistystoimi', 'Kunnan hallinto', 'fi'],
  ['Daniel Lärare', 'daniel@skola.example', 'Sjö skola', 'perusopetus', 'sv'],
  ['Eeva Kehittäjä', 'eeva@kunta.example', 'Kehittämisyksikkö', 'Kunnan hallinto', 'fi'],
  ['Frans Ohjaaja', 'frans@koulu.example', 'Järven koulu', 'perusopetus', 'fi'],
];
const CSV = ['nimi;sähköposti;organisaatio;organisaatiotyyppi;kieli', ...MEMBERS.map((m) => m.join(';')), 'Aino Toinen;AINO@koulu.example;Muu koulu;perusopetus;fi'].join('\n');

/** This server's path of an emailed link: mail carries the configured public address. */
const pathOf = (link: string) => new URL(link).pathname;
const linkIn = (text: string) => /https?:\/\/[^\s]+\/a\/[\w-]+/.exec(text)![0];
const mailTo = (address: string) => sink.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address));
const recipientsOf = (from: number) => sink.messages.slice(from).map((m) => (m.to as { text: string }).text).sort();
const main = (page: Page) => page.locator('main').innerText();
const submitAndWait = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

const PASSWORD = 'pitkä ja hyvä salasana 2026';

async function signIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Sähköpostiosoite').fill('kaisa@kunta.example');
  await page.getByLabel('Salasana').fill(PASSWORD);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Kirjaudu' }).click()]);
}

async function answerInBrowser(page: Page): Promise<void> {
  const shownPage = async () => {
    for (const [n, question] of (await page.locator('.sd-question').all()).entries()) {
      const labels = question.locator('.sd-selectbase__label');
      if ((await labels.count()) > 0) await labels.nth(n % (await labels.count())).click();
    }
  };
  await page.locator('.sd-question').first().waitFor();
  while (!(await page.locator('.sd-navigation__complete-btn').isVisible())) {
    await shownPage();
    await page.locator('.sd-navigation__next-btn').click();
  }
  await shownPage();
  await page.locator('.sd-navigation__complete-btn').click();
}

describe('a new coordinator’s first round, end to end', () => {
  it('setup → network → import → round opened by hand → SMTP invitations → answers → two scheduled reminders to non-answerers only → closed early → every page and the digest name the round by its real closing date', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
    const problems = await watchProblems(page);

    // Setup: the printed link creates the first account and signs it in.
    await page.goto(`${server.url}${pathOf(await createSetupLink(t.deps.db, clock, t.deps.secretKey, t.deps.baseUrl))}`);
    await page.locator('#name').fill('Kaisa Koordinaattori');
    await page.locator('#email').fill('kaisa@kunta.example');
    await page.locator('#newPassword').fill(PASSWORD);
    await page.locator('#newPasswordAgain').fill(PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await expect.poll(() => main(page)).toContain('Tili on luotu');
    expect(await page.getByRole('button', { name: 'Kirjaudu ulos' }).count()).toBe(1);

    // The network, created from the link the setup page gives.
    await page.getByRole('link', { name: 'Luo ensimmäinen verkosto' }).click();
    await page.waitForURL(`${server.url}/networks/new`);
    await page.locator('#name').fill('Järvenseudun verkosto');
    await page.locator('input[name=languages][value=sv]').check();
    await page.locator('#anonymityThreshold').fill('3');
    await page.locator('main form button[type=submit]').click();
    await page.waitForURL(/\/networks\/\d+$/);
    const networkId = Number(/\/networks\/(\d+)$/.exec(page.url())![1]);

    // A leader to receive the digest, and an earlier round that was planned to close later than this one will.
    const kaisa = (await t.deps.db.query.users.findFirst())!;
    const leader = await signedInUser(t, 'rehtori@kunta.example');
    await grantRole(t, networkId, leader.userId, 'leader');
    const earlier = await roundWithResponses(t, networkId, [3, 3, 4, 2].map((v) => uniformAnswers(t, v)), { closesAt: '2026-04-30T13:00:00.000Z' });
    await t.deps.db.update(rounds).set({ title: 'Syksy 2025', openedAt: '2026-01-12T08:00:00.000Z', closedAt: '2026-02-06T12:00:00.000Z' }).where(eq(rounds.id, earlier.id));
    expect(kaisa.email).toBe('kaisa@kunta.example');

    // Import with a duplicated address: the first row is kept and the second reported.
    await page.goto(`${server.url}/networks/${networkId}/members/import`);
    await page.locator('#csv').fill(CSV);
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    await expect.poll(() => main(page)).toContain('Frans Ohjaaja');
    expect(await main(page)).toContain('Rivi 8: Sähköpostiosoite aino@koulu.example on jo rivillä 2, joten tämä rivi jätetään pois.');
    await page.getByLabel('Ohita virheelliset rivit ja tallenna muut').check();
    await submitAndWait(page, 'Hyväksy ja tallenna');
    await page.goto(`${server.url}/networks/${networkId}/members`);
    const roster = await main(page);
    for (const [name] of MEMBERS) expect(roster).toContain(name);
    expect(roster).not.toContain('Aino Toinen');

    // A round with two scheduled reminders, opened by hand before its planned opening.
    await page.goto(`${server.url}/networks/${networkId}/rounds/new`);
    await page.getByLabel('Kierroksen nimi', { exact: true }).fill('Kevät 2026');
    await page.locator('#closesAt').fill('2026-03-20T16:00');
    await page.locator('#reminderDays').fill('7, 2');
    await submitAndWait(page, 'Luo kierros');
    const roundPath = new URL(page.url()).pathname;
    await submitAndWait(page, 'Avaa nyt');
    expect(await main(page)).toContain('13.3.2026 klo 16.00');
    expect(await main(page)).toContain('18.3.2026 klo 16.00');

    // Invitations through the confirmation page, delivered over SMTP.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Lähetä kutsut kaikille kutsumattomille' }).click()]);
    await submitAndWait(page, 'Lähetä kutsut');
    await expect.poll(() => sink.messages.length, { timeout: 10_000 }).toBe(MEMBERS.length);
    expect(mailTo('bertil@skola.example')[0]!.subject).toContain('Kevät 2026');
    const linkOf = (address: string) => pathOf(linkIn(mailTo(address)[0]!.text!));

    // Aino answers at once, on her phone.
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(`${server.url}${linkOf('aino@koulu.example')}`);
    await answerInBrowser(phone);
    await expect.poll(() => phone.locator('body').innerText(), { timeout: 10_000 }).toMatch(/Kiitos/);

    // The coordinator's overview draws the open round's rate: one answer of six on its first day.
    await page.goto(`${server.url}/networks/${networkId}`);
    expect(await page.locator('canvas[data-spec=chart-rate]').getAttribute('aria-label')).toContain('2.3.2026 mennessä 17\u00a0%');
    const inked = () => page.locator('canvas[data-spec=chart-rate]').evaluate((canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0));
    await expect.poll(inked).toBe(true);

    // The first scheduled reminder goes to the five who have not answered.
    clock.set('2026-03-13T14:05:00.000Z');
    const beforeFirst = sink.messages.length;
    await runDueWork(t.deps);
    expect(recipientsOf(beforeFirst)).toEqual(['bertil@skola.example', 'cecilia@kunta.example', 'daniel@skola.example', 'eeva@kunta.example', 'frans@koulu.example']);

    // Two more answer; the second reminder goes only to the remaining three.
    const version = t.deps.catalogue.find('network-rules', 1)!;
    for (const [i, address] of ['bertil@skola.example', 'cecilia@kunta.example'].entries()) {
      expect((await submit(t, linkOf(address).split('/a/')[1]!, { answers: fullAnswers(version, i + 1) })).status).toBe(201);
    }
    clock.set('2026-03-18T14:05:00.000Z');
    const beforeSecond = sink.messages.length;
    await runDueWork(t.deps);
    expect(recipientsOf(beforeSecond)).toEqual(['daniel@skola.example', 'eeva@kunta.example', 'frans@koulu.example']);
    // Days later the session has ended: the coordinator signs in again.
    await signIn(page);
    await page.goto(`${server.url}${roundPath}`);
    expect((await main(page)).match(/lähetetty/gi)?.length ?? 0).toBeGreaterThanOrEqual(2);

    // Closed early, on 19 March, two days before its planned closing.
    clock.set('2026-03-19T08:00:00.000Z');
    const beforeClose = sink.messages.length;
    await signIn(page);
    await page.goto(`${server.url}${roundPath}`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Sulje nyt' }).click()]);
    await submitAndWait(page, 'Sulje kierros');
    await runDueWork(t.deps);
    await expect.poll(() => sink.messages.slice(beforeClose).filter((m) => JSON.stringify(m.to).includes('rehtori@kunta.example')).length, { timeout: 15_000 }).toBe(1);
    const digest = sink.messages.slice(beforeClose).find((m) => JSON.stringify(m.to).includes('rehtori@kunta.example'))!;
    expect(`${digest.subject}\n${digest.text}`).toContain('Kevät 2026');
    expect(digest.text).toContain('19.3.2026');
    expect(digest.text).toContain('Kevät 2026 (päättyi 19.3.2026)');
    // Compared with the round that closed before it (its answers averaged 3.0), not with one planned to close later.
    expect(digest.text).toContain('(n = 3; edellinen 3,0)');
    expect(digest.text).not.toContain('20.3.2026');

    // Dashboard, results and comparison all take the round that just closed, dated by its real closing.
    await page.goto(`${server.url}/networks/${networkId}`);
    const dashboard = await main(page);
    expect(dashboard).toContain('”Kevät 2026” sulkeutui 19.3.2026. Vastauksia: 3.');
    expect(dashboard).toContain('2.3.2026 – 19.3.2026');
    await page.goto(`${server.url}/networks/${networkId}/results`);
    const results = await main(page);
    expect(results).toContain('Kevät 2026');
    expect(results).toContain('19.3.2026');
    expect(results).not.toContain('20.3.2026');
    // The comparison form's default: the round that just closed against the one closed before it.
    expect(await page.locator('#compare-after option:checked').innerText()).toBe('Kevät 2026 (19.3.2026)');
    expect(await page.locator('#compare-before option:checked').innerText()).toBe('Syksy 2025 (6.2.2026)');
    await Promise.all([page.waitForNavigation(), page.locator('.compare-form button[type=submit]').click()]);
    const comparison = await main(page);
    expect(comparison).toMatch(/Syksy 2025[\s\S]*Kevät 2026/);
    expect(comparison).not.toContain('30.4.2026');
    expect(problems).toEqual([]);
    expect(await phone.locator('body').innerText()).not.toContain('Kysely ei ole vielä avoinna');
  }, 120_000);
});
