import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/db/schema/index.js';
import { closeBrowserWorld } from '../helpers/browser.js';
import { findings, openSweepWorld, type SweepWorld } from '../helpers/page-sweep.js';

/*
 * Every page type in each language at a desktop and a phone size: no serious
 * or critical axe finding (WCAG 2.1 A and AA) and no horizontal scrolling
 * (reflow, WCAG 1.4.10).
 */
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;

let sweep: SweepWorld;
beforeAll(async () => {
  sweep = await openSweepWorld();
}, 120_000);
afterAll(() => closeBrowserWorld(sweep?.world ?? {}));

describe('every page in Chromium', { timeout: 180_000 }, () => {
  for (const lang of ['fi', 'sv', 'en'] as Language[]) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`has no serious accessibility finding and no sideways scrolling (${lang}, ${SIZES[size].width}×${SIZES[size].height})`, async () => {
        expect(await findings(sweep, lang, sweep.sweepIn(lang), { viewport: SIZES[size] })).toEqual([]);
      });
    }
  }
});
