import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, startHost, withExampleSession, type HostProcess } from './harness';
import { paragraphsDoc } from '../bench/gen';
import { ConfidentialityModel, MinutesPageModel, screenshot } from './pages';

/**
 * Live minutes, end to end: typing with formatting and lists in three items, every meeting and editor shortcut,
 * timers, check-in, then a SIGKILL of the browser host mid-session: after a restart every acknowledged word is there.
 * Each test starts its own host on its own data folder with the example meeting, so it can run alone.
 */
interface Session {
  page: Page;
  host: HostProcess;
  meetingId: string;
  dataDir: string;
}

const session = (fn: (s: Session) => Promise<void>) => withExampleSession(fn);

/** The stored text of a section, a string per top-level block, as the backend holds it now. */
async function storedBlocks(host: HostProcess, meetingId: string, sectionKey: string): Promise<string[]> {
  const r = await apiCall(host, 'minutes.section', { meetingId, sectionKey });
  const blocks = (r.json.value as { content: { root: { children: Array<{ children?: Array<{ text?: string }> }> } } }).content.root.children;
  return blocks.map((b) => (b.children ?? []).map((c) => c.text ?? '').join(''));
}

/** Leaves the minutes at once, by the top bar's "Meetings" link. */
async function leaveForMeetings(page: Page) {
  await page.getByRole('link', { name: 'Meetings', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
}

describe('live minutes in Chromium', () => {
  it('types minutes into three items with formatting, lists, timestamps, decisions and actions', () =>
    session(async ({ page, host, meetingId }) => {
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      await page.getByRole('button', { name: 'Start meeting' }).click();
      await page.waitForFunction(() => document.querySelector('.minutes-section.current [contenteditable]') === document.activeElement);
      expect(await m.currentTitle()).toBe('Opening');

      // Opening: bold text, a timestamp, a decision.
      await page.keyboard.press('Control+b');
      await page.keyboard.type('Welcome.');
      await page.keyboard.press('Control+b');
      await page.keyboard.type(' The chair opened the meeting ');
      await page.keyboard.press('Alt+Shift+T');
      await page.keyboard.press('Enter');
      await page.keyboard.type('The agenda was adopted without changes.');
      await page.keyboard.press('Alt+Shift+D');
      await page.locator('[data-section-key="opening"] .tfs-decision, [data-section-key="opening"] [data-record-kind="decision"]').first().waitFor();

      // Next item by shortcut: its timer starts, the previous one stops.
      await page.keyboard.press('Alt+Shift+N');
      await page.waitForFunction(() => document.querySelector('.minutes-section.current h2')?.textContent?.includes('Opening and welcome'));
      await m.editor(m.sectionByTitle('Opening and welcome')).click();
      await page.keyboard.type('Members introduced themselves:');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Shift+8');
      await page.keyboard.type('Aleph Alpha');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Mistral AI');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+i');
      await page.keyboard.type('Round of introductions closed.');
      await page.keyboard.press('Control+i');

      await page.keyboard.press('Alt+Shift+N');
      await page.waitForFunction(() => document.querySelector('.minutes-section.current h2')?.textContent?.includes('Logistics'));
      await m.editor(m.sectionByTitle('Logistics of the Taskforce')).click();
      await page.keyboard.press('Control+Alt+2');
      await page.keyboard.type('Competition law');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Shift+7');
      await page.keyboard.type('No exchange of prices');
      await page.keyboard.press('Enter');
      await page.keyboard.type('No exchange of customer lists');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('The AI Office will circulate the vademecum.');
      await page.keyboard.press('Alt+Shift+A');
      await page.locator('[data-section-key] [data-record-kind="action"], .tfs-action').first().waitFor();

      // Previous item, then back; timer stop/start by shortcut; help overlay.
      await page.keyboard.press('Alt+Shift+P');
      await page.waitForFunction(() => document.querySelector('.minutes-section.current h2')?.textContent?.includes('Opening and welcome'));
      await page.keyboard.press('Alt+Shift+N');
      await page.waitForFunction(() => document.querySelector('.minutes-section.current h2')?.textContent?.includes('Logistics'));
      await page.keyboard.press('Alt+Shift+S');
      await page.waitForFunction(() => !document.querySelector('.live-outline .timer.running'));
      await page.keyboard.press('Alt+Shift+S');
      await page.waitForFunction(() => !!document.querySelector('.live-outline li.current .timer.running'));
      await page.keyboard.press('Alt+Shift+H');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).innerText()).toMatch(/Next agenda item[\s\S]*Insert timestamp/);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

      // The remaining editor shortcuts, in the closing section: headings, normal text, quote, underline, link, undo/redo.
      await page.keyboard.press('Alt+PageDown');
      await page.waitForFunction(() => document.querySelector('.minutes-section.current h2')?.textContent?.includes('Rules of procedure'));
      await page.keyboard.press('Alt+PageUp');
      await page.waitForFunction(() => document.querySelector('.minutes-section.current h2')?.textContent?.includes('Logistics'));
      const closing = m.section('closing');
      await m.editor(closing).click();
      await page.keyboard.press('Control+Alt+1');
      await page.keyboard.type('Closing remarks');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Alt+3');
      await page.keyboard.type('Next meeting');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Alt+0');
      await page.keyboard.press('Control+u');
      await page.keyboard.type('Date to be confirmed');
      await page.keyboard.press('Control+u');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Shift+9');
      await page.keyboard.type('We look forward to the next exchange.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('See the public page');
      for (let i = 0; i < 'See the public page'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('See the public page');
      await page.keyboard.press('Control+k');
      await closing.getByLabel('Link address').fill('https://digital-strategy.ec.europa.eu');
      await closing.getByRole('button', { name: 'Apply' }).click();
      await closing.locator('[contenteditable] a').waitFor();
      await m.editor(closing).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' TYPO');
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => !document.querySelector('[data-section-key="closing"] [contenteditable]')?.textContent?.includes('TYPO'));
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction(() => !!document.querySelector('[data-section-key="closing"] [contenteditable]')?.textContent?.includes('TYPO'));
      await page.keyboard.press('Control+z');
      const closingEditor = m.editor(closing);
      expect(await closingEditor.locator('h1').innerText()).toBe('Closing remarks');
      expect(await closingEditor.locator('h3').innerText()).toBe('Next meeting');
      expect(await closingEditor.locator('blockquote').innerText()).toBe('We look forward to the next exchange.');
      expect(await closingEditor.locator('.tfs-underline, u').first().innerText()).toBe('Date to be confirmed');
      expect(await closingEditor.locator('a').getAttribute('href')).toBe('https://digital-strategy.ec.europa.eu');
      await page.keyboard.press('F1');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');

      await m.waitSaved();
      const opening = await m.section('opening').innerText();
      expect(opening).toMatch(/Welcome\. The chair opened the meeting \[\d\d:\d\d\]/);
      expect(await m.section('opening').locator('[contenteditable] .tfs-bold').first().innerText()).toBe('Welcome.');
    }));

  it('checks in three participants with timed arrivals', () =>
    session(async ({ page, host, meetingId }) => {
      await new MinutesPageModel(page).open(host.origin, meetingId);
      for (const name of ['Jonas Weber', 'Sarah Okafor', 'Camille Laurent']) {
        await page.getByRole('button', { name: `${name} arrives now` }).click();
        await page.getByRole('button', { name: `${name} leaves now` }).waitFor();
      }
      await page.getByLabel('Status of Sarah Okafor').selectOption('remote');
      await page.waitForFunction(() => /3 members present from 3 organisations · 2 in person · 1 remote/.test(document.querySelector('.glance')?.textContent ?? ''));
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'minutes');
    }));

  it('loses no acknowledged word when the backend is killed with SIGKILL mid-session', () =>
    session(async (s) => {
      const { page, meetingId } = s;
      const m = new MinutesPageModel(page);
      // Its own session: the meeting started, one arrival, a decision, an action and a list in three items.
      await m.open(s.host.origin, meetingId);
      await page.getByRole('button', { name: 'Start meeting' }).click();
      await page.waitForFunction(() => document.querySelector('.minutes-section.current [contenteditable]') === document.activeElement);
      await page.keyboard.type('The agenda was adopted without changes.');
      await page.keyboard.press('Alt+Shift+D');
      await page.locator('[data-section-key="opening"] [data-record-kind="decision"], [data-section-key="opening"] .tfs-decision').first().waitFor();
      await page.getByRole('button', { name: 'Jonas Weber arrives now' }).click();
      await page.getByRole('button', { name: 'Jonas Weber leaves now' }).waitFor();
      await m.editor(m.sectionByTitle('Opening and welcome')).click();
      await page.keyboard.type('Members introduced themselves:');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+Shift+8');
      await page.keyboard.type('Aleph Alpha');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Mistral AI');
      const logistics = m.sectionByTitle('Logistics of the Taskforce');
      await m.editor(logistics).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('The AI Office will circulate the vademecum.');
      await page.keyboard.press('Alt+Shift+A');
      await page.locator('[data-section-key] [data-record-kind="action"], .tfs-action').first().waitFor();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Acknowledged before the crash.');
      await m.waitSaved();
      const before = {
        opening: await m.section('opening').locator('[contenteditable]').innerText(),
        welcome: await m.editor(m.sectionByTitle('Opening and welcome')).innerText(),
        logistics: await m.editor(logistics).innerText(),
      };
      const timing = await apiCall(s.host, 'live.get', { meetingId });
      await s.host.kill('SIGKILL');

      s.host = await startHost(s.dataDir);
      const host = s.host;
      await page.goto(host.url);
      await m.open(host.origin, meetingId);
      // Sections load one after the other and an editor shows its text once mounted: wait for each (a missing word
      // would never come, so the poll fails on its timeout).
      await expect.poll(() => m.section('opening').locator('[contenteditable]').innerText(), { timeout: 15_000 }).toBe(before.opening);
      await expect.poll(() => m.editor(m.sectionByTitle('Opening and welcome')).innerText(), { timeout: 15_000 }).toBe(before.welcome);
      await expect.poll(() => m.editor(m.sectionByTitle('Logistics of the Taskforce')).innerText(), { timeout: 15_000 }).toBe(before.logistics);
      expect(before.logistics).toContain('Acknowledged before the crash.');
      expect(before.welcome).toMatch(/Aleph Alpha\s*\n\s*Mistral AI/);

      // Timers and records survived too.
      const after = await apiCall(host, 'live.get', { meetingId });
      expect((after.json.value as { startedAt: string }).startedAt).toBe((timing.json.value as { startedAt: string }).startedAt);
      const state = await apiCall(host, 'minutes.get', { meetingId });
      const v = state.json.value as { decisions: unknown[]; actions: unknown[]; attendance: { participants: unknown[] } };
      expect(v.decisions).toHaveLength(1);
      expect(v.actions).toHaveLength(1);
      expect(v.attendance.participants).toHaveLength(1);
    }));
});

/**
 * While the caret is in an editor, every React commit anywhere on the page makes React save and restore the caret,
 * measuring its offset by walking the editor's DOM from its start: in a section of thousands of paragraphs that is a
 * walk of the whole section. So a typed key must not make the page commit; the toolbar used to, on every key, with
 * its state unchanged (issue 16). React's commits are counted through its devtools hook, set before the page loads.
 */
describe('typing and the rest of the page', () => {
  it('a click into an item of a meeting not started marks it current once the officer pauses', () =>
    session(async ({ page, host, meetingId }) => {
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      const closing = m.section('closing');
      await m.editor(closing).click();
      await page.keyboard.type('The chair closed the meeting.', { delay: 20 });
      // After the pause: the item, its line in the outline, and the bar follow the caret.
      await page.waitForFunction(() => document.querySelector('.minutes-section.current')?.getAttribute('data-section-key') === 'closing');
      expect(await page.locator('.live-outline li.current .ttl').innerText()).toBe(await closing.locator('h2').evaluate((h) => h.textContent?.replace(/^[\d.]+\s*/, '').trim()));
      expect(await page.locator('.minutes-section.current').count()).toBe(1);
    }));

  it('a typed key makes no React commit when nothing shown around the text changes', () =>
    session(async ({ page, host, meetingId }) => {
      await page.context().addInitScript(() => {
        const w = window as unknown as { __commits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
        w.__commits = 0;
        const none = () => undefined;
        w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { supportsFiber: true, inject: () => 1, onCommitFiberRoot: () => void (w.__commits += 1), onCommitFiberUnmount: none, onPostCommitFiberRoot: none, checkDCE: none };
      });
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      // A reload: the page (not only the route) starts again, with the hook (the tab keeps its token).
      await page.reload();
      await page.locator('.minutes-section').first().waitFor();
      const commits = () => page.evaluate(() => (window as unknown as { __commits: number }).__commits);
      expect(await commits(), 'the hook counts the page’s commits').toBeGreaterThan(0);
      await m.editor(m.section('opening')).click();
      // The first keys bring in the rest of the page (other sections, flags, suggestions) and a save: let all of it settle.
      await page.keyboard.type('The chair welcomed the members. ', { delay: 20 });
      await m.waitSaved();
      let last = -1;
      await expect
        .poll(
          async () => {
            const n = await commits();
            const still = n === last;
            last = n;
            return still;
          },
          { interval: 400, timeout: 10_000 },
        )
        .toBe(true);
      let saves = 0;
      page.on('request', (r) => void (r.url().includes('minutes.saveSection') && (saves += 1)));
      const before = await commits();
      const typed = 'The Office presented the draft measures.';
      await page.keyboard.type(typed, { delay: 15 });
      await page.waitForFunction((t) => document.querySelector('[data-section-key="opening"] [contenteditable]')?.textContent?.includes(t), typed);
      // The save state turning from "Saved" to "Unsaved" at the first key; on a slow machine a save during the typing
      // (every 2 s while typing) adds its own: "Saving…", "Saved", the flags it acknowledged, "Unsaved" again. One
      // spare: on a heavily loaded machine one more came once in a clean-clone run (2 for 41 keys, no save), from work
      // that had waited for an idle moment. A commit per key (41) or per word (6) still fails.
      expect((await commits()) - before, `React commits while typing ${typed.length} keys (${saves} saves)`).toBeLessThanOrEqual(2 + 4 * saves);
    }));
});

/**
 * Type, then leave the minutes at once (a click on "Meetings"). The editors unmount before the page's own clean-up
 * runs; the autosave used to read the editor only then, found none, and the words typed since the last save were
 * lost without a word. Now an editor that goes hands its unsaved words to the autosave as it goes.
 */
describe('leaving the minutes right after typing', () => {
  it('stores the words typed just before', () =>
    session(async ({ page, host, meetingId }) => {
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      await m.editor(m.section('opening')).click();
      const typed = 'The chair opened the meeting and the agenda was adopted.';
      await page.keyboard.type(typed);
      await leaveForMeetings(page);
      await expect.poll(async () => (await storedBlocks(host, meetingId, 'opening')).join('\n')).toContain(typed);
    }));
});

/**
 * A long section is read for saving a few blocks per task (issue 16), from a snapshot taken when the save starts: the
 * keys typed meanwhile go into the next save. Here every word typed at the end of a 3,000-paragraph section, across
 * saves made while typing, must be stored, with every paragraph before it, in order.
 */
describe('a long section', () => {
  it('keeps every key typed while its saves are read, and every paragraph before them', () =>
    session(async ({ page, host, meetingId }) => {
      const { doc, texts } = paragraphsDoc(3000, 7);
      expect((await apiCall(host, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc })).json.ok).toBe(true);
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      const editor = m.editor(m.section('opening'));
      await editor.getByText(texts.at(-1)!).waitFor();
      await editor.click();
      // The caret at the very end of the last paragraph (set through the DOM selection, which Lexical follows).
      await new ConfidentialityModel(page).caretIn(editor, texts.at(-1)!, texts.at(-1)!.length);
      await page.waitForFunction(() => getSelection()?.anchorNode?.parentElement?.closest('p') === document.querySelector('[data-section-key="opening"] [contenteditable] > p:last-child'));
      let saves = 0;
      page.on('request', (r) => void (r.url().includes('minutes.saveSection') && (saves += 1)));
      await page.keyboard.press('Enter');
      const typed = 'The chair closed the item after a long exchange of views on the draft measures.';
      await page.keyboard.type(typed, { delay: 50 });
      await m.waitSaved();
      expect(saves, 'saves made while typing (every 2 s), then the last').toBeGreaterThanOrEqual(2);
      const paras = await storedBlocks(host, meetingId, 'opening');
      expect(paras.length).toBe(texts.length + 1);
      const diff = paras.findIndex((p, i) => i < texts.length && p !== texts[i]);
      expect(diff, `first differing paragraph: ${JSON.stringify(paras[diff])} vs ${JSON.stringify(texts[diff])}`).toBe(-1);
      expect(paras[texts.length]).toBe(typed);

      // Typed, then the page left at once (a save may be running): the words are stored.
      const last = ' Adopted by consensus.';
      await page.keyboard.type(last);
      await leaveForMeetings(page);
      await expect.poll(async () => (await storedBlocks(host, meetingId, 'opening')).at(-1)).toBe(typed + last);
    }));
});
