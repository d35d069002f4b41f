import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';
import { openRound } from '../helpers/open-round.js';
import { networkWithPeople } from '../helpers/people.js';

/*
 * Tab walks through a form: focus reaches every control in document order
 * (one stop per radio group) and the focused control always shows it.
 */

let world: BrowserWorld;

beforeAll(async () => {
  world = await openBrowserWorld('answer.js');
}, 60_000);

afterAll(() => closeBrowserWorld(world ?? {}));

/** The controls of `scope` a Tab should stop on, in document order, as "tag#id" names. */
function expectedStops(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const seenGroups = new Set<string>();
    const controls = [...document.querySelectorAll<HTMLElement>(`${scope} :is(input:not([type=hidden]), select, textarea, button, a[href], [tabindex="0"])`)];
    return controls
      // SurveyJS hides its radio inputs behind drawn boxes; they still take focus.
      .filter((el) => (!(el as HTMLInputElement).disabled && el.getClientRects().length > 0) || (el instanceof HTMLInputElement && el.type === 'radio'))
      .filter((el) => {
        if (!(el instanceof HTMLInputElement && el.type === 'radio')) return true;
        if (seenGroups.has(el.name)) return false;
        seenGroups.add(el.name);
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}#${el.id || (el as HTMLInputElement).name || el.textContent?.trim()}`);
  }, scope);
}

type Stop = { name: string; inside: boolean; visible: boolean };

/** Where focus is now, whether it is inside `scope`, and whether the element (or the box SurveyJS draws for a hidden input) shows it. */
function focused(page: Page, scope: string): Promise<Stop> {
  return page.evaluate((scope) => {
    const el = document.activeElement as HTMLElement;
    const shows = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    const visible = shows(el) || shows(el.closest('.sd-item')?.querySelector('.sd-item__decorator') ?? null);
    const name = `${el.tagName.toLowerCase()}#${el.id || (el as HTMLInputElement).name || el.textContent?.trim()}`;
    return { name, inside: !!el.closest(scope), visible };
  }, scope);
}

/** Tabs from the top of the page into `scope` and through it; the stops met inside (a date field's day, month and year are stops of one control). */
async function tabThrough(page: Page, scope: string): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await focused(page, scope);
    if (stop.inside && stops.at(-1)?.name === stop.name) stops.at(-1)!.visible &&= stop.visible;
    else if (stop.inside) stops.push(stop);
    else if (stops.length > 0) break;
  }
  return stops;
}

async function walk(path: string, scope: string, cookie?: string, ready?: string) {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (cookie) await context.addCookies([{ name: 'vp_session', value: cookie.split('=')[1]!, domain: '127.0.0.1', path: '/' }]);
  const page = await context.newPage();
  await page.goto(`${world.server.url}${path}`);
  if (ready) await page.locator(ready).first().waitFor();
  const expected = await expectedStops(page, scope);
  const stops = await tabThrough(page, scope);
  await context.close();
  return { expected, stops };
}

describe('forms by keyboard alone', { timeout: 60_000 }, () => {
  it('the sign-in form: every control in order, focus always visible', async () => {
    const { expected, stops } = await walk('/login', 'main form');
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(stops.map((s) => s.name)).toEqual(expected);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
  });

  it('the new-round form: every control in order, focus always visible, the time-zone hint read with both dates', async () => {
    const { network, coordinator } = await networkWithPeople(world.t);
    const { expected, stops } = await walk(`/networks/${network.id}/rounds/new`, 'main form', coordinator.cookie);
    expect(expected).toContain('input#opensAt');
    expect(stops.map((s) => s.name)).toEqual(expected);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
    const form = await (await world.t.app.request(`/networks/${network.id}/rounds/new`, { headers: { cookie: coordinator.cookie } })).text();
    for (const name of ['opensAt', 'closesAt']) expect(form).toMatch(new RegExp(`id="${name}"[^>]*aria-describedby="times-hint"|aria-describedby="times-hint"[^>]*id="${name}"`));
    expect(form).toMatch(/id="times-hint"[^>]*>\s*Suomen aikaa/);
  });

  it('the answer page’s first page: every question and the next button in order, focus always visible', async () => {
    const { path } = await openRound(world.t, { collectSegments: true });
    const { expected, stops } = await walk(path, '.sd-root-modern', undefined, '.sd-root-modern .sd-question');
    expect(expected.filter((name) => name.startsWith('input')).length).toBeGreaterThanOrEqual(2);
    expect(stops.map((s) => s.name)).toEqual(expected);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
  });
});
