import { describe, expect, it } from 'vitest';
import { caretAtEnd, storedSection, withMinutes } from './minutes-helpers';

/**
 * A character the dispatcher refuses, typed other than by paste (an input method, a character picker: a beforeinput
 * insertText), becomes U+FFFD in the editor: it no longer makes every later save of the section refused, so what is
 * typed after it is saved (the audit's loss-forbidden-char).
 */
describe('a refused character typed into a section', () => {
  it('U+FFFE and U+FFFF typed (insertText) become U+FFFD; what is typed after them is saved', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Saved first.');
      await m.waitSaved();
      await page.keyboard.type(' Typed before it.');
      await page.keyboard.insertText('\uFFFE');
      await page.keyboard.insertText('x\uFFFFy');
      await page.keyboard.type(' And a whole paragraph typed after it.');
      await m.waitSaved();
      const { text } = await storedSection(host, meetingId, 'opening');
      expect(text).toContain('Typed before it.\uFFFDx\uFFFDy And a whole paragraph typed after it.');
    }));
});
