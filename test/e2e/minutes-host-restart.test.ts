import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { caretAtEnd, saveBar, storedText, waitNotSaved } from './minutes-helpers';
import { MinutesPageModel } from './pages';
import { seedFiveItemMeeting } from './seed';

/**
 * The browser host restarted while the minutes are open (a new launch: a new token, the same port and data file). The
 * page's token is then refused; it used to say "it retries on its own" and never stored another word. Its own hosts and
 * data folder, so it can run alone.
 */
describe('the browser host restarted while the minutes are open', () => {
  it('keeps the words typed meanwhile, says what to do, and stores them all once the new launch is opened in the browser', async () => {
    const dataDir = makeDataDir();
    let host: HostProcess | undefined = await startHost(dataDir);
    const browser = await launchChromium();
    try {
      const meetingId = await seedFiveItemMeeting(host);
      const port = new URL(host.origin).port;
      const page = await openApp(browser, host);
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Before the restart.');
      await m.waitSaved();

      // The host stops, and starts again on the same port and data file: a new launch, with a new token.
      await host.kill();
      host = undefined;
      await page.keyboard.type(' While it was stopped.');
      await waitNotSaved(page);
      host = await startHost(dataDir, ['--port', port]);
      await page.keyboard.type(' After the restart.');
      // The page's token is refused now: the page says so plainly (not "it retries on its own"), and keeps the words.
      const said = m.section('opening').locator('.save-state');
      await expect.poll(() => said.innerText(), { timeout: 20_000 }).toMatch(/restarted/);
      expect(await said.innerText()).not.toMatch(/retries on its own/);
      expect(await said.innerText()).not.toMatch(/token|unauthori[sz]ed|Bearer/i);
      expect(await saveBar(page)).toMatch(/Not saved/);
      expect(await m.editor(m.section('opening')).innerText()).toContain('Before the restart. While it was stopped. After the restart.');

      // The officer opens the address the new launch printed, in the same browser: the old page goes on by itself.
      const fresh = await page.context().newPage();
      await fresh.goto(host.url);
      await fresh.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      await page.bringToFront();
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' Typed after the new launch was opened.');
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Before the restart. While it was stopped. After the restart. Typed after the new launch was opened.');
      await fresh.close();

      // Started again; this time the officer pastes the printed address into this very tab: the page stays (only the
      // address's fragment changes), takes the token and stores the words.
      await host.kill();
      host = await startHost(dataDir, ['--port', port]);
      await page.keyboard.type(' Third launch.');
      await expect.poll(() => said.innerText(), { timeout: 20_000 }).toMatch(/restarted/);
      await page.goto(host.url);
      expect(await page.evaluate(() => window.location.href)).toMatch(new RegExp(`#/meetings/${meetingId}/minutes$`));
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Before the restart. While it was stopped. After the restart. Typed after the new launch was opened. Third launch.');
    } finally {
      await browser.close();
      await host?.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
