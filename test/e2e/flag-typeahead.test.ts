import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall } from './harness';
import { caretAtEnd, storedText, withMinutes, type Minutes } from './minutes-helpers';
import { ConfidentialityModel } from './pages';

/**
 * Typing straight on after flagging (an audit, 2026-12-07): the officer selects a passage, Alt+Shift+F, Enter, and goes
 * on typing at once. The dialog used to stay open (busy) while the flag was recorded, the focus then sat on the page
 * until a timer gave it back to the editor, and the caret was put back at the flag's end: keys were lost, or landed
 * inside the flag ("42 millionbers agreed.."). Now the dialog goes and the caret is back where it was at the press;
 * the flag covers the passage as it stands when its record comes (words typed inside it too), nothing typed after it.
 */
const SENTENCE = 'The budget is 42 million.';
const PASSAGE = 'budget is 42 million';

/** flags.create held back until `release()`: what the officer types meanwhile is typed before the flag is recorded. */
async function holdFlagCreate(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/flags.create', async (r) => {
    await held;
    await r.continue();
  });
  return { release };
}

/** The opening holds SENTENCE, saved; its section, editor and the flags' page model. */
async function sentenceTyped({ page, m }: Pick<Minutes, 'page' | 'm'>) {
  const c = new ConfidentialityModel(page);
  const section = m.section('opening');
  const ed = m.editor(section);
  await caretAtEnd(m, 'opening');
  await page.keyboard.type(SENTENCE);
  await m.waitSaved();
  return { c, section, ed };
}

/** PASSAGE selected, Alt+Shift+F, Enter: flagged with the default reason in one keystroke. */
async function flagPassage(page: Page, c: ConfidentialityModel, ed: ReturnType<Minutes['m']['editor']>) {
  await c.select(ed, PASSAGE);
  await page.keyboard.press('Alt+Shift+F');
  await c.flagDialog().waitFor();
  await page.keyboard.press('Enter');
}

const flagRecords = async (host: Parameters<typeof apiCall>[0], meetingId: string) =>
  ((await apiCall(host, 'flags.list', { meetingId })).json.value as { flags: Array<{ excerpt: string; retiredAt: string | null }> }).flags;

describe('typing straight on after flagging', () => {
  for (const delay of [0, 150]) {
    it(`every key typed after Enter in the flag dialog reaches the minutes, where the caret is (flags.create ${delay} ms slower)`, () =>
      withMinutes(async ({ page, m, host, meetingId }) => {
        const { c, section, ed } = await sentenceTyped({ page, m });
        if (delay)
          await page.route('**/api/flags.create', async (r) => {
            await new Promise((res) => setTimeout(res, delay));
            await r.continue();
          });
        await flagPassage(page, c, ed);
        // At once: to the end of the text, a new paragraph, the next sentence.
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('Members agreed.', { delay: 60 });
        await section.locator('mark.tfs-flag').waitFor();
        await m.waitSaved();
        expect(await m.paragraphs(section)).toEqual([SENTENCE, 'Members agreed.']);
        expect((await c.marks(section)).map((x) => x.text)).toEqual([PASSAGE]);
        expect(await storedText(host, meetingId, 'opening')).toBe(`${SENTENCE}Members agreed.`);
        expect((await flagRecords(host, meetingId)).map((f) => [f.excerpt, f.retiredAt])).toEqual([[PASSAGE, null]]);
      }));
  }

  it('the dialog is gone and the caret is at the end of the passage at the press, before the flag is recorded', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const { c, section, ed } = await sentenceTyped({ page, m });
      const create = await holdFlagCreate(page);
      await flagPassage(page, c, ed);
      expect(await c.flagDialog().count()).toBe(0);
      expect(await ed.evaluate((e) => e === document.activeElement)).toBe(true);
      // Typed at the caret (the end of the passage, not over it): after the passage, so not flagged.
      await page.keyboard.type(' (approx.)');
      // Typed inside the passage before the record comes: flagged with it (fail-closed).
      for (let i = 0; i < ' (approx.)'.length + ' million'.length; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.type(' euro');
      // Typed before the passage: not flagged, and the passage is found where it now is.
      await page.keyboard.press('Home');
      await page.keyboard.type('So: ');
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.activeElement?.textContent === 'So: The budget is 42 euro million (approx.).');
      create.release();
      await section.locator('mark.tfs-flag').waitFor();
      // The caret stayed where the officer put it: the next words go there, outside the flag.
      await page.keyboard.type(' Next.');
      await m.waitSaved();
      expect(await m.paragraphs(section)).toEqual(['So: The budget is 42 euro million (approx.). Next.']);
      expect((await c.marks(section)).map((x) => x.text)).toEqual(['budget is 42 euro million']);
      expect(await storedText(host, meetingId, 'opening')).toBe('So: The budget is 42 euro million (approx.). Next.');
      expect((await flagRecords(host, meetingId)).map((f) => [f.excerpt, f.retiredAt])).toEqual([['budget is 42 euro million', null]]);
    }));

  it('a flag that cannot be recorded is said in a note; the words typed meanwhile are kept', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const { c, section, ed } = await sentenceTyped({ page, m });
      await page.route('**/api/flags.create', (r) => r.abort());
      await flagPassage(page, c, ed);
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Members agreed.', { delay: 30 });
      const note = page.getByRole('alert').filter({ hasText: 'Flagging the passage failed.' });
      await note.waitFor();
      await m.waitSaved();
      expect(await m.paragraphs(section)).toEqual([SENTENCE, 'Members agreed.']);
      expect(await c.marks(section)).toEqual([]);
      expect(await flagRecords(host, meetingId)).toEqual([]);
      expect(await ed.evaluate((e) => e === document.activeElement)).toBe(true);
    }));

  for (const [key, after] of [
    ['Enter', [SENTENCE, 'Members agreed.']],
    ['Backspace', [`${SENTENCE.slice(0, -1)}Members agreed.`]],
    ['Delete', [`${SENTENCE}Members agreed.`]],
  ] as const) {
    it(`${key} that comes before the browser has told the editor where the caret went acts where the caret is`, () =>
      withMinutes(async ({ page, m }) => {
        const section = m.section('opening');
        await caretAtEnd(m, 'opening');
        await page.keyboard.type(SENTENCE);
        await page.keyboard.press('Home');
        await page.waitForFunction(() => getSelection()?.anchorOffset === 0);
        // The race, made certain (Ctrl+End then the key at once, the page busy): the caret is moved and the key's
        // keydown is dispatched in the same task, before the browser's selectionchange (a task of its own) reaches the
        // editor. Before, Delete removed the "T" at the old caret, and Backspace nothing.
        await m.editor(section).evaluate((root, k) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const text = walker.nextNode() as Text;
          getSelection()!.collapse(text, text.data.length);
          root.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k, bubbles: true, cancelable: true }));
        }, key);
        await page.keyboard.type('Members agreed.');
        await m.waitSaved();
        expect(await m.paragraphs(section)).toEqual(after);
      }));
  }
});
