import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

type AxeResult = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };

/** axe-core's violations on the page as shown, as "rule: selectors" lines; `minimum` leaves out the milder ones. */
export async function axeViolations(page: Page, minimum: 'minor' | 'serious' = 'minor'): Promise<string[]> {
  // Evaluated over the debugging protocol, which the page's CSP (no inline scripts) does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe.run());
  const counted = minimum === 'minor' ? result.violations : result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return counted.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
