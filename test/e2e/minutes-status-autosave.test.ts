import { describe, expect, it } from 'vitest';
import { caretAtEnd, saveBar as bar, savesCutOff, storedText, waitNotSaved, withMinutes } from './minutes-helpers';

/**
 * The minutes' status buttons (Circulate for comments, Back to draft, Approve, Reopen) and the autosave together: words
 * typed after a status change are saved, and a status change never goes ahead while some words are not stored. Each
 * test starts its own host on its own data folder with a five-item meeting, so it can run alone.
 */
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

  it('does not change the status while a section is not saved: says so, keeps the words and saves them once it can', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      // The local server stops answering saves for a while.
      const outage = await savesCutOff(page, m, 'Saved words.', ' Words of the draft.');

      /** Clicks a status button whose change must be held back, and returns what the page said. */
      const heldBack = async (button: string) => {
        await page.getByRole('button', { name: button }).click();
        // Told in the page, in plain words (no browser dialog: openApp reports any as a bug).
        const note = page.getByRole('alert').filter({ hasText: 'not saved yet' });
        await note.waitFor();
        const said = await note.innerText();
        expect(said).not.toMatch(/minutes\.|saveSection|Error:|at \w+ \(/);
        expect(await bar(page)).toMatch(/Not saved/);
        return said;
      };

      expect(await heldBack('Circulate for comments')).toMatch(/not circulated/i);
      expect(await page.getByRole('button', { name: 'Back to draft' }).count()).toBe(0);
      expect(await m.editor(m.section('opening')).innerText()).toContain('Words of the draft.');
      // The server answers again: the kept words are saved by the autosave's own retries, no click needed.
      outage.failing = false;
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Saved words. Words of the draft.');

      // Circulated; then the last words of the meeting cannot be saved when the officer approves.
      await page.getByRole('button', { name: 'Circulate for comments' }).click();
      await page.getByRole('button', { name: 'Back to draft' }).waitFor();
      outage.failing = true;
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' Last words of the meeting.');
      await waitNotSaved(page);
      expect(await heldBack('Approve minutes')).toMatch(/not approved/i);
      expect(await page.getByRole('button', { name: 'Reopen (new version)' }).count()).toBe(0);
      outage.failing = false;
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Saved words. Words of the draft. Last words of the meeting.');

      // Now the approval goes ahead, with every word in it.
      await page.getByRole('button', { name: 'Approve minutes' }).click();
      await page.getByRole('button', { name: 'Reopen (new version)' }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'not saved yet' }).count()).toBe(0);
      expect(await storedText(host, meetingId, 'opening')).toBe('Saved words. Words of the draft. Last words of the meeting.');
    }));

  it('shows the note of a held status change where the officer is, though they typed far down the page', () =>
    withMinutes(async ({ page, m }) => {
      // Typing at the end of the minutes, low on the page; then saves are cut off.
      await caretAtEnd(m, 'closing');
      await page.keyboard.type('Closing words.');
      for (let i = 0; i < 12; i++) await page.keyboard.type(`\nParagraph ${i + 1} of the closing.`);
      await m.waitSaved();
      const outage = { failing: true };
      await page.route('**/api/minutes.saveSection', (r) => (outage.failing ? r.abort() : r.continue()));
      await page.keyboard.type(' Unsaved closing words.');
      await waitNotSaved(page);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(150);

      await page.getByRole('button', { name: 'Circulate for comments' }).click();
      const note = page.getByRole('alert').filter({ hasText: 'not saved yet' });
      await note.waitFor();
      // Within the viewport, below the meeting bar (not hidden under it), without the page jumping away from the text.
      const seen = await note.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const bar = document.querySelector('.meeting-bar')!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, barBottom: bar.bottom, height: window.innerHeight, scrollY: window.scrollY };
      });
      expect(seen.top, JSON.stringify(seen)).toBeGreaterThanOrEqual(seen.barBottom - 1);
      expect(seen.bottom, JSON.stringify(seen)).toBeLessThanOrEqual(seen.height);
      expect(seen.scrollY, 'the page stays where the officer was typing').toBeGreaterThan(150);
      outage.failing = false;
      await m.waitSaved();
    }));
});
