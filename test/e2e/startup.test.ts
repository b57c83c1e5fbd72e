import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { MeetingsPage, MinutesPageModel } from './pages';

/**
 * Issue 16: the renderer is split by route. The meetings list (the first page) loads only its own chunk; the minutes
 * page (Lexical, suggestions with wink-nlp, preview and redaction) and the other pages load when first opened, and
 * work once loaded. Sizes are checked in test/packaging/bundle-budget.test.ts; this checks what the browser fetches.
 */
describe('start-up: the meetings list loads only what it runs', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const scripts: string[] = [];
  const dataDir = makeDataDir();

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    page = await openApp(browser, host);
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.replace(/^.*\//, ''));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the meetings list without fetching the minutes, meeting or members pages', async () => {
    scripts.length = 0;
    await page.reload();
    await new MeetingsPage(page).open(host.origin);
    await page.getByRole('button', { name: 'Load the example meeting' }).waitFor();
    expect(scripts.some((s) => /^index-.*\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => /^(MinutesPage|MeetingPage|MembersPage)-/.test(s))).toEqual([]);
    // No editor was mounted either.
    const lexical = await page.evaluate(() => document.querySelector('[data-lexical-editor]') !== null);
    expect(lexical).toBe(false);
  });

  it('loads the meeting page and then the minutes page on demand, and both work', async () => {
    await new MeetingsPage(page).loadExample();
    expect(scripts.some((s) => /^MeetingPage-/.test(s))).toBe(true);
    expect(scripts.some((s) => /^MinutesPage-/.test(s))).toBe(false);
    const meetingId = /#\/meetings\/([\w-]+)/.exec(page.url())![1]!;

    const minutes = new MinutesPageModel(page);
    await minutes.open(host.origin, meetingId);
    expect(scripts.some((s) => /^MinutesPage-/.test(s))).toBe(true);
    const editor = minutes.editor(minutes.section('opening'));
    await editor.click();
    await page.keyboard.type('Loaded on demand.');
    await expect.poll(() => editor.innerText()).toContain('Loaded on demand.');
  });
});
