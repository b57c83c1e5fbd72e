import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { MinutesPageModel } from './pages';
import { seedFiveItemMeeting } from './seed';

/** A test's own host, data folder and five-item meeting, with one page on its minutes (as the audit's tests ran). */
export async function withMinutes(fn: (x: { page: Page; m: MinutesPageModel; host: HostProcess; meetingId: string }) => Promise<void>) {
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

/** The stored text of a section (all text nodes joined) and its number of top-level blocks. */
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

/** Clicks into the section's editor and puts the caret at the end. */
export async function caretAtEnd(m: MinutesPageModel, key: string) {
  await m.editor(m.section(key)).click();
  await m.page.keyboard.press('Control+End');
}
