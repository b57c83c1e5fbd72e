import { describe, expect, it } from 'vitest';
import { caretAtEnd, storedText, withMinutes } from './minutes-helpers';

/**
 * A save the host committed but whose answer never reached the page (the connection dropped on the way back): the
 * page's next save is one rev behind. It used to be refused as "changed in another window" for good, and nothing typed
 * in that section afterwards was stored, although no other window existed (found by an audit).
 */
describe('a save whose answer is lost', () => {
  it('does not stop the later words of the section from being saved', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('First words.');
      await m.waitSaved();
      let dropNext = true;
      await page.route('**/api/minutes.saveSection', async (r) => {
        if (!dropNext) return r.continue();
        dropNext = false;
        await r.fetch(); // the host commits it…
        await r.abort('connectionreset'); // …but the answer is lost on the way back
      });
      await page.keyboard.type(' Second words.');
      await expect.poll(() => storedText(host, meetingId, 'opening'), { timeout: 15_000 }).toBe('First words. Second words.');
      await page.keyboard.type(' Third words.');
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('First words. Second words. Third words.');
    }));
});
