import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_DISABLED_FEATURES } from '../e2e/harness';

/**
 * The e2e harness passes its own `--disable-features` to Chromium, after Playwright's. It repeats Playwright's list so
 * that nothing Playwright turns off comes back on if Chromium keeps only one of the two switches. This test reads
 * Playwright's list from the installed playwright-core and fails when it gains a feature the harness lacks (after an
 * upgrade of playwright-core): add the feature to PLAYWRIGHT_DISABLED_FEATURES in test/e2e/harness.ts.
 */
function playwrightDisabledFeatures(): string[] {
  const lib = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'lib');
  const bundle = fs.readFileSync(path.join(lib, 'coreBundle.js'), 'utf8');
  const block = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle);
  if (!block) throw new Error("playwright-core's disabledFeatures list was not found in lib/coreBundle.js: read it there and update this test");
  // Its entries are string literals, one per line, between comments.
  return [...block[1]!.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
}

describe('the Chromium the tests launch', () => {
  it("keeps every feature Playwright turns off turned off (the harness's list holds Playwright's)", () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((f) => !PLAYWRIGHT_DISABLED_FEATURES.includes(f))).toEqual([]);
  });
});
