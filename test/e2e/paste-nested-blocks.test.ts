import { describe, expect, it } from 'vitest';
import { caretAtEnd, storedSection, withMinutes } from './minutes-helpers';

/**
 * Pasted HTML with blocks inside a line (an e-mail's or a web page's `<blockquote><p>…</p><p>…</p></blockquote>`)
 * becomes lines the one reader of stored minutes accepts (shared/redaction/walk.ts, run by every save for the search
 * index): before, the quote held paragraphs and every later save of the section was refused.
 */
describe('pasting quoted paragraphs', () => {
  it('a blockquote of paragraphs pastes as quotes; the section and what is typed after are saved', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Saved first.');
      await m.waitSaved();
      await page.keyboard.press('Enter');
      await m.editor(m.section('opening')).evaluate((el) => {
        const dt = new DataTransfer();
        dt.setData('text/html', '<blockquote><p>Quoted one.</p><p>Quoted two.</p><blockquote>Nested.</blockquote></blockquote>');
        dt.setData('text/plain', 'Quoted one.\nQuoted two.\nNested.');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Typed after the paste.');
      await m.waitSaved();
      const { text } = await storedSection(host, meetingId, 'opening');
      expect(text).toContain('Saved first.Quoted one.Quoted two.Nested. Typed after the paste.');
      expect(await m.section('opening').locator('blockquote').count()).toBe(3);
    }));
});
