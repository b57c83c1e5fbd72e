import { describe, expect, it } from 'vitest';
import { withSeededMeeting } from './minutes-helpers';
import { AgendaPage, screenshot } from './pages';

/**
 * A meeting page open in one window of the app while another changes the meeting (the desktop app's windows, one
 * launch's tabs): it shows the agenda as it now stands at once — but not under a form the officer is typing into, where
 * it says so and waits — and says when the meeting was deleted there.
 */
describe('a meeting page while another window changes the agenda', () => {
  it('shows items added elsewhere at once, holds them back under an open item form, and says when the meeting is deleted', () =>
    withSeededMeeting(async ({ page, host, meetingId }) => {
      await page.goto(`${host.origin}/#/meetings/${meetingId}`);
      const here = new AgendaPage(page);
      await here.rows().first().waitFor();
      const other = await page.context().newPage();
      await other.goto(host.url);
      await other.goto(`${host.origin}/#/meetings/${meetingId}`);
      const there = new AgendaPage(other);

      // Added there: listed here at once (this window is never focused again).
      await there.add({ title: 'Late item on energy reporting', minutes: 10 });
      await expect.poll(() => here.outline(), { timeout: 10_000 }).toContain('6 Late item on energy reporting');

      // An item's form open here, half typed: another addition there is held back and said; the words stay.
      await page.getByRole('button', { name: 'Edit item 1', exact: true }).click();
      const form = page.getByRole('form', { name: 'Edit item 1' });
      await form.getByLabel('Item title').fill('Opening and welcome');
      await there.add({ title: 'Second late item', minutes: 5 });
      const note = page.locator('.changed-elsewhere');
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/changed in another window/);
      expect(await here.rows().count()).toBe(7);
      expect(await form.getByLabel('Item title').inputValue()).toBe('Opening and welcome');
      await screenshot(page, 'meeting-changed-elsewhere');
      // Saved: the form closes and the agenda is shown as it now stands, with both changes.
      await form.getByRole('button', { name: 'Save item' }).click();
      await expect.poll(() => here.outline(), { timeout: 10_000 }).toEqual([
        '1 Opening and welcome',
        '2 Guidance on model documentation',
        '3 Incident reporting',
        '3.1 Reporting template',
        '4 Ad hoc group on open source',
        '5 Any other business',
        '6 Late item on energy reporting',
        '7 Second late item',
      ]);
      expect(await note.count()).toBe(0);

      // Deleted there: said here.
      await other.getByRole('button', { name: 'Delete', exact: true }).click();
      await other.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Move to trash' }).click();
      await expect.poll(() => note.innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/deleted in another window.*Trash/);
    }));
});
