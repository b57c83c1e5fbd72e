import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { MinutesPageModel } from './pages';
import { seedFiveItemMeeting } from './seed';

/**
 * For the minutes tests that cut saves off: a test's own host and data folder with a five-item meeting (seed.ts), one
 * page on its minutes; the stored text of a section; the caret at the end of one.
 */
export interface Minutes {
  page: Page;
  m: MinutesPageModel;
  host: HostProcess;
  meetingId: string;
}

export async function withMinutes(fn: (s: Minutes) => Promise<void>): Promise<void> {
  const dataDir = makeDataDir();
  const host = await startHost(dataDir);
  const browser = await launchChromium();
  try {
    const meetingId = await seedFiveItemMeeting(host);
    const page = await openApp(browser, host);
    const m = new MinutesPageModel(page);
    await m.open(host.origin, meetingId);
    await fn({ page, m, host, meetingId });
  } finally {
    await browser.close();
    await host.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The stored plain text of a section (its text nodes joined), as the backend holds it now. */
export async function storedText(host: HostProcess, meetingId: string, sectionKey: string): Promise<string> {
  const r = await apiCall(host, 'minutes.section', { meetingId, sectionKey });
  if (!r.json.ok) throw new Error(JSON.stringify(r.json.error));
  const out: string[] = [];
  const walk = (n: { text?: string; children?: unknown[] }) => {
    if (typeof n.text === 'string') out.push(n.text);
    for (const c of (n.children ?? []) as Array<{ text?: string; children?: unknown[] }>) walk(c);
  };
  walk((r.json.value as { content: { root: { children: unknown[] } } }).content.root);
  return out.join('');
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
