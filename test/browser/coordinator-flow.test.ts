import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/networks/networks.js';
import type { TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { signedInUser, TEST_PASSWORD } from '../helpers/people.js';

let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;

beforeAll(async () => {
  ({ t: t, server, browser } = await openBrowserWorld('answer.js'));
});
afterAll(() => closeBrowserWorld({ browser, server, t: t }));

const CSV = [
  'nimi;sähköposti;organisaatio;organisaatiotyyppi;kieli',
  'Aino Opettaja;aino@koulu.example;Järven koulu;perusopetus;fi',
  'Bertil Rektor;bertil@skola.example;Sjö skola;perusopetus;sv',
  'Cecilia Virkamies;cecilia@kunta.example;Sivistystoimi;Kunnan hallinto;fi',
].join('\n');

describe('a coordinator in Chromium', () => {
  it('signs in, imports members from CSV, opens a round, sends invitations, and a member opens the emailed link', async () => {
    const admin = await signedInUser(t, 'koordinaattori@kunta.example', { isAdmin: true });
    const network = await createNetwork(t.deps.db, t.deps.clock, admin.userId, { name: 'Järvenseudun verkosto', languages: ['fi', 'sv'], anonymityThreshold: 5, collectSegments: false, bandStrength: 4, bandConcern: 3 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fi-FI' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${server.url}/login`);
    await page.getByLabel('Sähköpostiosoite').fill('koordinaattori@kunta.example');
    await page.getByLabel('Salasana').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await page.waitForURL(`${server.url}/networks`);
    await expect.poll(() => page.textContent('main')).toContain('Järvenseudun verkosto');

    await page.goto(`${server.url}/networks/${network.id}/members/import`);
    await page.locator('#csv').fill(CSV);
    await page.getByRole('button', { name: 'Esikatsele' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Bertil Rektor');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Hyväksy ja tallenna' }).click()]);
    await page.goto(`${server.url}/networks/${network.id}/members`);
    for (const name of ['Aino Opettaja', 'Bertil Rektor', 'Cecilia Virkamies']) expect(await page.textContent('main')).toContain(name);

    await page.goto(`${server.url}/networks/${network.id}/rounds/new`);
    await page.getByLabel('Kierroksen nimi', { exact: true }).fill('Kevät 2026');
    await page.locator('#opensAt').fill('2026-03-02T10:30');
    await page.locator('#closesAt').fill('2026-03-16T16:00');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Luo kierros' }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Avaa nyt' }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Lähetä kutsut kaikille kutsumattomille' }).click()]);
    // The invitation as members get it, before anything is sent.
    await expect.poll(() => page.locator('.mail-preview').count()).toBeGreaterThan(0);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lähetä kutsut' }).click()]);
    await expect.poll(() => page.textContent('main')).toMatch(/Kutsuttu\D*3|3\D*kutsu/i);

    // The outbox page shows counts, never the mail; the links are read as the operator's npm run outbox would.
    await page.goto(`${server.url}/networks/${network.id}/outbox`);
    const outbox = (await page.textContent('main'))!;
    expect(outbox).toContain('npm run outbox');
    expect(outbox).not.toContain('/a/');
    const mail = (await openedMailRows(t.deps)).filter((row) => row.kind === 'invitation').map((row) => row.textBody!).join('\n');
    const links = [...mail.matchAll(/http:\/\/127\.0\.0\.1:3000(\/a\/[\w-]+)/g)].map((m) => m[1]!);
    expect(new Set(links).size).toBe(3);

    const member = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await member.goto(`${server.url}${links[0]}`);
    const first = t.deps.catalogue.find('network-rules', 1)!.items.find((i) => i.kind === 'scored')!;
    await expect.poll(() => member.textContent('body'), { timeout: 10_000 }).toContain(first.title.fi);
    expect(errors).toEqual([]);
  }, 60_000);
});
