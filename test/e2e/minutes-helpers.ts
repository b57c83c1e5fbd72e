import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { MinutesPageModel } from './pages';
import { seedFiveItemMeeting } from './seed';

/**
 * For the minutes tests that cut saves off or feed the editor what a save could refuse: a test's own host and data
 * folder with a five-item meeting (seed.ts), one page on its minutes; the stored text of a section; the caret at the
 * end of one.
 */
export interface Minutes {
  page: Page;
  m: MinutesPageModel;
  host: HostProcess;
  meetingId: string;
}

export async function withMinutes(fn: (s: Minutes) => Promise<void>): Promise<void> {
  await withSeededMeeting(async ({ page, host, meetingId }) => {
    const m = new MinutesPageModel(page);
    await m.open(host.origin, meetingId);
    await fn({ page, m, host, meetingId });
  });
}

/** A test's own host and data folder with a five-item meeting (seed.ts), and one page of the app, on no route yet. */
export async function withSeededMeeting(fn: (s: Omit<Minutes, 'm'>) => Promise<void>): Promise<void> {
  const dataDir = makeDataDir();
  const host = await startHost(dataDir);
  const browser = await launchChromium();
  try {
    const meetingId = await seedFiveItemMeeting(host);
    const page = await openApp(browser, host);
    await fn({ page, host, meetingId });
  } finally {
    await browser.close();
    await host.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Another window of the app beside `page` (same browser context, the same launch token), opened on `path` (`/#/…`). */
export async function otherWindow(page: Page, host: HostProcess, path: string): Promise<Page> {
  const other = await page.context().newPage();
  await other.goto(host.url); // the launch URL: the window keeps the token for the tab
  await other.goto(`${host.origin}${path}`);
  return other;
}

/** The stored text of a section (all its text nodes joined) and its number of top-level blocks, as the backend holds it now. */
export async function storedSection(host: HostProcess, meetingId: string, sectionKey: string): Promise<{ text: string; blocks: number }> {
  const r = await apiCall(host, 'minutes.section', { meetingId, sectionKey });
  if (!r.json.ok) throw new Error(JSON.stringify(r.json.error));
  type N = { text?: string; children?: N[] };
  const out: string[] = [];
  const walk = (n: N) => {
    if (typeof n.text === 'string') out.push(n.text);
    for (const c of n.children ?? []) walk(c);
  };
  const root = (r.json.value as { content: { root: N } }).content.root;
  walk(root);
  return { text: out.join(''), blocks: root.children?.length ?? 0 };
}

/** The stored plain text of a section (its text nodes joined), as the backend holds it now. */
export async function storedText(host: HostProcess, meetingId: string, sectionKey: string): Promise<string> {
  return (await storedSection(host, meetingId, sectionKey)).text;
}

/** Clicks into the section's editor and puts the caret at the end of it. */
export async function caretAtEnd(m: MinutesPageModel, key: string) {
  await m.editor(m.section(key)).click();
  await m.page.keyboard.press('Control+End');
}

/** The meeting bar's save indicator. */
export const saveBar = (page: Page) => page.locator('.saving-indicator').innerText();

/** Waits until the bar says a save failed. */
export const waitNotSaved = (page: Page) => page.waitForFunction(() => /Not saved/.test(document.querySelector('.saving-indicator')?.textContent ?? ''));

/**
 * Types `saved` into the opening section and waits until it is stored; then the local server stops answering saves
 * (the route aborts them) and `unsaved` is typed, until the bar says "Not saved". Returns the switch of the outage.
 */
export async function savesCutOff(page: Page, m: MinutesPageModel, saved: string, unsaved: string): Promise<{ failing: boolean }> {
  await caretAtEnd(m, 'opening');
  await page.keyboard.type(saved);
  await m.waitSaved();
  const outage = { failing: true };
  await page.route('**/api/minutes.saveSection', (r) => (outage.failing ? r.abort() : r.continue()));
  await page.keyboard.type(unsaved);
  await waitNotSaved(page);
  return outage;
}
