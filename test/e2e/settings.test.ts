import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';

/** Settings: a damaged file is reported (a copy kept); theme and the default redaction marker apply. */
describe('settings in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();

  beforeAll(async () => {
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"theme": "dark",');
    browser = await launchChromium();
    host = await startHost(dataDir);
    page = await openApp(browser, host);
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  it('reports the damaged file, then keeps theme and marker', async () => {
    const banner = page.getByRole('alert').filter({ hasText: 'settings file could not be read' });
    await banner.waitFor();
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('settings.invalid-'))).toBe(true);
    await banner.getByRole('link', { name: 'Open the settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    // The acknowledgement's answer is slow (as under load): a choice made meanwhile is kept, not reset by it.
    await page.route('**/api/settings.update', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Understood' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.locator('#main').getByRole('alert').filter({ hasText: 'settings file could not be read' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await page.unroute('**/api/settings.update');
    await page.getByLabel('Redaction marker for new meetings').fill('[withheld]');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(21, 25, 31)');
    await page.goto(`${host.origin}/#/`);
    await page.getByRole('button', { name: 'New meeting' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Create meeting' }).getByLabel(/marker/i).inputValue()).toBe('[withheld]');
  });
});
