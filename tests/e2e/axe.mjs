// axe-core (the accessibility engine behind Lighthouse and Deque's tools) run inside a page of
// the extension. Its source is evaluated over CDP, which the page's CSP does not govern, so the
// extension's CSP stays as it ships.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA rules (axe's tags), as the issue asks. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on `page` and returns its violations as `[{ id, impact, help, targets }]`.
 * `only`: axe rule ids to run instead of every WCAG 2.1 AA rule.
 */
export async function audit(page, { only } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const runOnly = only ? { type: 'rule', values: only } : { type: 'tag', values: WCAG_AA };
  const result = await page.evaluate((options) => window.axe.run(document, { runOnly: options, resultTypes: ['violations'] }), runOnly);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
