import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require_ = createRequire(__filename);
const AXE_PATH = require_.resolve('axe-core/axe.min.js');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core (WCAG 2.x A/AA rules and best practices) over the page as it is now, or over one part of it (a dialog).
 * Returns the serious and critical violations, each with the selectors of its nodes, for a readable failure.
 */
export async function seriousViolations(page: Page, context = 'body'): Promise<AxeFinding[]> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  const found = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document.querySelector(ctx) ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))) }));
  }, context);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Throws with every serious/critical violation listed (rule, help, first nodes) where `where` has any. */
export async function expectAccessible(page: Page, where: string, context = 'body') {
  const v = await seriousViolations(page, context);
  if (v.length > 0) throw new Error(`axe-core on ${where}: ${v.length} serious/critical violation(s)\n${v.map((x) => `- [${x.impact}] ${x.id}: ${x.help}\n    ${x.nodes.join('\n    ')}`).join('\n')}`);
}
