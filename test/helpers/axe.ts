import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

type AxeResult = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };

/** The WCAG 2.1 A and AA rules, without axe's best-practice ones. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations on the page as shown, as "rule: selectors" lines; `minimum` leaves out the milder ones, `tags` limits the rules. */
export async function axeViolations(page: Page, minimum: 'minor' | 'serious' = 'minor', tags?: string[]): Promise<string[]> {
  // Evaluated over the debugging protocol, which the page's CSP (no inline scripts) does not govern.
  await page.evaluate(axeSource);
  type Axe = { run: (context: Document, options: object) => Promise<AxeResult> };
  const options = tags ? { runOnly: { type: 'tag', values: tags } } : {};
  const result = await page.evaluate((options) => (window as unknown as { axe: Axe }).axe.run(document, options), options);
  const counted = minimum === 'minor' ? result.violations : result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return counted.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
