import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/db/schema/index.js';
import { closeBrowserWorld } from '../helpers/browser.js';
import { findings, openSweepWorld, type SweepWorld } from '../helpers/page-sweep.js';

/*
 * Reflow at the narrowest width WCAG 1.4.10 names (320 CSS px, i.e. 1280 px
 * at 400 % zoom) with the text spacing of WCAG 1.4.12: long Finnish and
 * Swedish compounds and addresses must wrap, never push the page sideways.
 * Axe already ran on every page in the other sweep.
 */

let sweep: SweepWorld;
beforeAll(async () => {
  sweep = await openSweepWorld();
}, 120_000);
afterAll(() => closeBrowserWorld(sweep?.world ?? {}));

describe('every page at 320 px with wider text spacing', { timeout: 180_000 }, () => {
  for (const lang of ['fi', 'sv', 'en'] as Language[]) {
    it(`reflows without sideways scrolling (${lang})`, async () => {
      expect(await findings(sweep, lang, sweep.sweepIn(lang), { viewport: { width: 320, height: 640 }, textSpacing: true, axe: false })).toEqual([]);
    });
  }
});
