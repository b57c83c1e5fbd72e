import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { withSeededMeeting } from './minutes-helpers';
import { seedFiveItemMeeting } from './seed';

/** What an officer must never read: a call name, a code name, the token, a browser's words for a failed import. */
const NOT_PLAIN = /meetings\.create|agenda\.add|was not valid|token|launch\b|\bURL\b|dynamically imported|Failed to fetch|TypeError/i;

/**
 * The app's local server stops (or starts again, a new launch) while a page is open. The page of a link whose code
 * has not come yet says so in plain words, inside the app (the header and the navigation stay), and comes when the
 * officer tries again or goes to it again once the server answers; a refused call says what happened in plain words.
 */
describe('pages while the local server is stopped or was started again', () => {
  it('a page whose code did not come: a plain note in the frame, "Try again" and another visit recover', async () => {
    const dataDir = makeDataDir();
    let host: HostProcess = await startHost(dataDir);
    const browser = await launchChromium();
    try {
      const port = new URL(host.origin).port;
      const page = await openApp(browser, host);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      await host.kill('SIGKILL');

      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Members' }).click();
      const note = page.locator('main [role=alert]');
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/This page could not be opened: the app’s local server is not answering/);
      expect(await note.innerText()).not.toMatch(NOT_PLAIN);
      // The frame stays: the navigation can still be used.
      expect(await nav.isVisible()).toBe(true);

      // Still stopped: trying again says the same, and the app stays.
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/could not be opened/);

      // Another page, of code already loaded, opens; a third page's code does not come either.
      await nav.getByRole('link', { name: 'Meetings' }).click();
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      await nav.getByRole('link', { name: 'Trash' }).click();
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/could not be opened/);

      // The server answers again: "Try again" opens the page (the browser kept the failed fetch: the page is loaded
      // again at the same address, which fetches its code afresh).
      host = await startHost(dataDir, ['--port', port]);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor({ timeout: 15_000 });

      // Stopped again: a page's code does not come; once the server answers, a new visit to it opens it.
      await host.kill('SIGKILL');
      await nav.getByRole('link', { name: 'Register' }).click();
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/could not be opened/);
      host = await startHost(dataDir, ['--port', port]);
      await nav.getByRole('link', { name: 'Meetings' }).click();
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      await nav.getByRole('link', { name: 'Register' }).click();
      await page.getByRole('heading', { name: 'Register of meetings', level: 1 }).waitFor({ timeout: 15_000 });
      // The Members page, which failed first, opens too.
      await nav.getByRole('link', { name: 'Members' }).click();
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor({ timeout: 15_000 });
      expect(errors.filter((e) => !/fetch|import/i.test(e))).toEqual([]);
    } finally {
      await browser.close();
      await host.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the minutes page whose code did not come: the same words, and "Try again" opens it once its code comes', async () => {
    await withSeededMeeting(async ({ page, meetingId }) => {
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      // The page's code does not come (the calls still do, with this launch's token).
      const refuse = (route: import('playwright-core').Route) => route.abort('connectionrefused');
      await page.route('**/assets/**', refuse);
      await page.evaluate((id) => (window.location.hash = `#/meetings/${id}/minutes`), meetingId);
      const note = page.locator('main [role=alert]');
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/This page could not be opened: the app’s local server is not answering/);
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
      await page.unroute('**/assets/**', refuse);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.locator('.minutes-section').first().waitFor({ timeout: 15_000 });
      expect(page.url()).toMatch(new RegExp(`#/meetings/${meetingId}/minutes$`));
    });
  });

  it('after the server started again: plain words on the agenda, and no false counts on the members page', async () => {
    const dataDir = makeDataDir();
    let host: HostProcess = await startHost(dataDir);
    const browser = await launchChromium();
    try {
      const meetingId = await seedFiveItemMeeting(host);
      const port = new URL(host.origin).port;
      const page = await openApp(browser, host);
      // Both pages' code is loaded before the restart (what the officer met is the refused token, not missing code).
      await page.goto(`${host.origin}/#/members`);
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
      await page.goto(`${host.origin}/#/meetings/${meetingId}`);
      const form = page.getByRole('form', { name: 'New agenda item' });
      await form.waitFor();
      await host.kill();
      host = await startHost(dataDir, ['--port', port]);

      await form.getByLabel('Item title').fill('Added after the restart');
      await form.getByRole('button', { name: 'Add item' }).click();
      const alert = page.locator('main [role=alert]').filter({ hasText: /started again/ });
      await alert.first().waitFor({ timeout: 15_000 });
      const said = (await page.locator('main [role=alert]').allInnerTexts()).join(' | ');
      expect(said).toMatch(/The app was started again, so this page of its earlier start can no longer reach it\. Open the address the app printed when it restarted/);
      expect(said).not.toMatch(NOT_PLAIN);
      expect(await form.getByLabel('Item title').inputValue()).toBe('Added after the restart');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
      await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
      await page.locator('main [role=alert]').first().waitFor({ timeout: 15_000 });
      const members = await page.locator('main').innerText();
      expect(members).not.toMatch(/\b0 Taskforce member organisations|\b0 representatives/);
      expect(members).not.toMatch(NOT_PLAIN);
    } finally {
      await browser.close();
      await host.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
