import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness';

/**
 * The Chromium the tests and the bench launch does not load its address bar's WebUI popup beside every page (see
 * ADDRESS_BAR_FEATURES in harness.ts): that work took 100–250 ms from some page loads and not others. If a Chromium
 * update renames the features that start it, this test sees its chrome:// requests again.
 */
describe('the Chromium the tests launch', () => {
  let browser: Browser;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>page under test</p>'));
  beforeAll(async () => {
    browser = await launchChromium();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    server.close();
  });

  it('loads no address-bar page beside the page under test', async () => {
    const requests: string[] = [];
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // Without the features turned off, about half of the windows loaded it: six loads all clean by chance ~1 time in 64.
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await browser.startTracing(page, { categories: ['loading', 'devtools.timeline'] });
      await page.goto(url);
      await page.waitForTimeout(300);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Array<{ name: string; args?: { data?: { url?: string } } }> };
      for (const e of trace.traceEvents) {
        const asked = e.args?.data?.url ?? '';
        if (e.name === 'ResourceSendRequest' && asked.startsWith('chrome://')) requests.push(asked);
      }
      await context.close();
    }
    expect(requests.slice(0, 3)).toEqual([]);
  });
});
