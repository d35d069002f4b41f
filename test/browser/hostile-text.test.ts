import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../../src/agenda/actions.js';
import { createReportLink } from '../../src/reports/report-links.js';
import type { TestApp } from '../helpers/app.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;
beforeAll(async () => {
  ({ t, server, browser } = await openBrowserWorld('results.js'));
});
afterAll(() => closeBrowserWorld({ browser, server, t }));

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '"><img src=x onerror="window.__pwned = 2">',
  "'; DROP TABLE responses; --",
  '<svg onload="window.__pwned = 3">',
];

describe('hostile text stored through valid submissions', () => {
  it('is shown escaped on every page that shows it, and no script runs', async () => {
    const { network, coordinator } = await networkWithPeople(t);
    const answers = [1, 2, 3, 4, 5].map((v, i) => uniformAnswers(t, v, { r1_comment: `${HOSTILE[i % HOSTILE.length]} kommentti ${i}` }));
    const round = await roundWithResponses(t, network.id, answers);
    await createAction(t.deps.db, t.deps.clock, network.id, { roundId: round.id, measure: 'rule:1', description: HOSTILE[1]!, owner: HOSTILE[0]!, dueOn: null, status: 'planned' });
    const { token } = await createReportLink(t.deps.db, t.deps.clock, t.deps.secretKey, network.id, coordinator.userId, { label: HOSTILE[3]!, expiresOn: '2026-12-31', roundIds: null });

    const context = await browser.newContext();
    const split = coordinator.cookie.indexOf('=');
    await context.addCookies([{ name: coordinator.cookie.slice(0, split), value: coordinator.cookie.slice(split + 1), url: server.url }]);
    const dialogs: string[] = [];
    const pages = [
      `/networks/${network.id}/results/rounds/${round.id}/open-answers`,
      `/networks/${network.id}/agenda`,
      `/networks/${network.id}/reports`,
      `/r/${token}`,
    ];
    for (const path of pages) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
      expect(await page.locator('img[src="x"], svg[onload]').count(), path).toBe(0);
      await page.close();
    }
    const answersPage = await context.newPage();
    await answersPage.goto(`${server.url}${pages[0]}`);
    expect(await answersPage.textContent('main')).toContain('<script>window.__pwned = 1</script> kommentti 0');
    const agenda = await context.newPage();
    await agenda.goto(`${server.url}${pages[1]}`);
    expect(await agenda.textContent('main')).toContain('"><img src=x onerror="window.__pwned = 2">');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
