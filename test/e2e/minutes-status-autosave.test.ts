import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { MinutesPageModel } from './pages';
import { seedFiveItemMeeting } from './seed';

/**
 * The minutes' status buttons (Circulate for comments, Back to draft, Approve, Reopen) and the autosave together: words
 * typed after a status change are saved, and a status change never goes ahead while some words are not stored. Each
 * test starts its own host on its own data folder with a five-item meeting, so it can run alone.
 */
interface Minutes {
  page: Page;
  m: MinutesPageModel;
  host: HostProcess;
  meetingId: string;
}

async function withMinutes(fn: (s: Minutes) => Promise<void>): Promise<void> {
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
async function storedText(host: HostProcess, meetingId: string, sectionKey: string): Promise<string> {
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
async function caretAtEnd(m: MinutesPageModel, key: string) {
  await m.editor(m.section(key)).click();
  await m.page.keyboard.press('Control+End');
}

describe('status changes of the minutes and the autosave', () => {
  it('saves the words typed after each status change (circulate, back to draft, approve and reopen)', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Before circulating.');
      await m.waitSaved();

      await page.getByRole('button', { name: 'Circulate for comments' }).click();
      await page.getByRole('button', { name: 'Back to draft' }).waitFor();
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' After circulating.');
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Before circulating. After circulating.');

      await page.getByRole('button', { name: 'Back to draft' }).click();
      await page.getByRole('button', { name: 'Circulate for comments' }).waitFor();
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' Back in draft.');
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Before circulating. After circulating. Back in draft.');

      // Approved, then reopened (asked in the app's own dialog, with a reason): typing goes on into the new version.
      await page.getByRole('button', { name: 'Circulate for comments' }).click();
      await page.getByRole('button', { name: 'Approve minutes' }).click();
      await page.getByRole('button', { name: 'Reopen (new version)' }).click();
      await page.getByRole('dialog').getByRole('textbox').fill('A correction to the opening');
      await page.getByRole('button', { name: 'Reopen as a new version' }).click();
      await page.getByRole('button', { name: 'Circulate for comments' }).waitFor();
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' Reopened.');
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Before circulating. After circulating. Back in draft. Reopened.');
    }));
});
