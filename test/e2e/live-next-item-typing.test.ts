import { describe, expect, it } from 'vitest';
import { storedText, withMinutes } from './minutes-helpers';

/**
 * Next item while typing (an audit, 2026-12-07): the caret used to stay in the item left until its words were saved
 * (a round trip), so a fast typist's first words after Alt+Shift+N landed in the item left, cut mid-word ("Words of
 * the opening.W" / "ords of item one."), and were stored there: possibly a public item's words in a withheld one, or
 * the reverse. Now the caret moves at the press: every key typed after it is the next item's, however slow the saves.
 */
describe('Next item while typing', () => {
  for (const delay of [0, 250]) {
    it(`every key typed after Alt+Shift+N goes to the next item (saves taking ${delay} ms more)`, async () => {
      await withMinutes(async ({ page, m, host, meetingId }) => {
        const keys = await page.locator('.minutes-section').evaluateAll((els) => els.map((e) => e.getAttribute('data-section-key')!));
        await m.startMeeting();
        await m.caretInCurrent();
        if (delay)
          await page.route('**/api/minutes.saveSection', async (r) => {
            await new Promise((res) => setTimeout(res, delay));
            await r.continue();
          });
        await page.keyboard.type('Words of the opening.', { delay: 20 });
        await page.keyboard.press('Alt+Shift+N');
        await page.keyboard.type('Words of item one.', { delay: 20 });
        await page.keyboard.press('Alt+Shift+N');
        await page.keyboard.type('Words of item two.', { delay: 20 });
        await m.waitSaved();
        expect(await m.editor(m.section(keys[0]!)).innerText()).toBe('Words of the opening.');
        expect(await m.editor(m.section(keys[1]!)).innerText()).toBe('Words of item one.');
        expect(await m.editor(m.section(keys[2]!)).innerText()).toBe('Words of item two.');
        // Stored so, and the meeting is at the item the caret is in.
        expect(await storedText(host, meetingId, keys[1]!)).toBe('Words of item one.');
        expect(await storedText(host, meetingId, keys[2]!)).toBe('Words of item two.');
        await expect.poll(() => page.locator('.minutes-section.current').getAttribute('data-section-key')).toBe(keys[2]);
      });
    });
  }
});
