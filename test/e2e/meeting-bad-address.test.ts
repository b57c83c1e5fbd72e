import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchChromium, makeDataDir, openApp, startHost } from './harness';

/**
 * An address naming no meeting: one of an id that does not exist (a meeting deleted, a link of another data file), or
 * one no id could be (mistyped, or cut and pasted with quotes or markup). The meeting page and the minutes page say the
 * same plain sentence for both, with the way back to the meetings — not the backend's validation message ("The meeting
 * must be an id.") for the second. Its own host and data folder, so it can run alone.
 */
const SAID = 'That meeting does not exist (it may have been deleted).';
const NOT_PLAIN = /must be an id|record|bad_request|invalid|meetings\.get|minutes\.|%22|%3C|<b>/i;

describe('an address that names no meeting', () => {
  it('the meeting page and the minutes page say that meeting does not exist, with a link to the meetings', async () => {
    const dataDir = makeDataDir();
    const host = await startHost(dataDir);
    const browser = await launchChromium();
    try {
      const page = await openApp(browser, host);
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      const main = page.locator('main');
      for (const address of [`#/meetings/'"<b>/minutes`, `#/meetings/'"<b>`, '#/meetings/no-such-meeting/minutes', '#/meetings/no-such-meeting', `#/meetings/a%20b/minutes`]) {
        await page.goto(`${host.origin}/${address}`);
        const note = main.getByRole('alert');
        await expect.poll(() => note.innerText().catch(() => ''), { timeout: 15_000 }).toContain(SAID);
        const words = await main.innerText();
        expect(words, address).not.toMatch(NOT_PLAIN);
        // One note, nothing else of a page that could not be shown.
        expect(await main.getByRole('alert').count(), address).toBe(1);
        await note.getByRole('link', { name: /Meetings/ }).click();
        await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
        expect(await page.evaluate(() => window.location.hash), address).toBe('#/');
      }
    } finally {
      await browser.close();
      await host.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
