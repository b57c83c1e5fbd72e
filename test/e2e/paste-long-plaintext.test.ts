import { describe, expect, it } from 'vitest';
import { caretAtEnd, storedSection, withMinutes } from './minutes-helpers';

/**
 * A long plain-text paste (a .txt transcript) becomes one paragraph per line, not one paragraph of line breaks past the
 * stored schema's 10,000 children: the section is saved, with the words typed around the paste (the audit's
 * loss-plaintext-paste).
 */
describe('pasting a long plain-text transcript', () => {
  it('a 6,000-line plain-text transcript pasted: one paragraph per line, saved with the words typed around it', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Saved first.');
      await m.waitSaved();
      await page.keyboard.type(' Typed just before the paste.');
      await page.keyboard.press('Enter');
      const lines = Array.from({ length: 6000 }, (_, i) => `Speaker ${i % 7}: line ${i} of the call transcript.`);
      await m.editor(m.section('opening')).evaluate((el, text) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, lines.join('\n'));
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Typed after the paste.');
      await m.waitSaved();
      const { text, blocks } = await storedSection(host, meetingId, 'opening');
      expect(text).toContain('Typed just before the paste.');
      expect(text).toContain(`${lines[5999]} Typed after the paste.`);
      expect(blocks).toBeGreaterThanOrEqual(6000);
    }));
});
