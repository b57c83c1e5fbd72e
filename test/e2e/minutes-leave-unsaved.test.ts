import { describe, expect, it } from 'vitest';
import { apiCall } from './harness';
import { caretAtEnd, savesCutOff, storedText, waitNotSaved, withMinutes } from './minutes-helpers';

/**
 * Leaving the minutes for another page of the app (a link) while a save fails: the page used to be left at once, its
 * clean-up tried the save once more, and the words were gone with the editor. Now the words are saved first, and if
 * that fails the officer is asked in the app's own dialog, and stays by default. Its own host and meeting, so it can run alone.
 */
describe('leaving the minutes while a save fails', () => {
  it('asks in the app before leaving words that are not stored, keeps them on "Stay", and lets the officer leave once saved', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      // The local server stops answering saves for a while.
      const outage = await savesCutOff(page, m, 'Saved words.', ' Words typed while the server hiccups.');

      const meetingsLink = page.getByRole('link', { name: 'Meetings', exact: true }).first();
      await meetingsLink.click();
      // Asked in the app's dialog (openApp reports any browser dialog as a bug); nothing left meanwhile.
      const dialog = page.getByRole('dialog', { name: 'Leave the minutes with words not saved?' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/could not be saved yet/);
      expect(await page.getByRole('heading', { name: 'Meetings', level: 1 }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Stay on the minutes' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await m.editor(m.section('opening')).innerText()).toContain('server hiccups');

      // The server answers again: the words are stored by the retries, and the page can be left without a question.
      outage.failing = false;
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Saved words. Words typed while the server hiccups.');

      // Unsaved again, the officer may still choose to leave (told the words are lost).
      outage.failing = true;
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' Not kept.');
      await waitNotSaved(page);
      await meetingsLink.click();
      await dialog.getByRole('button', { name: 'Leave without them' }).click();
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      outage.failing = false;
    }));

  it('asks the same way before leaving by the search box or by the browser\'s Back, and stays by default', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const outage = await savesCutOff(page, m, 'Saved words.', ' Words typed while the server hiccups.');
      const dialog = page.getByRole('dialog', { name: 'Leave the minutes with words not saved?' });
      const onMinutes = async () => {
        expect(page.url()).toMatch(new RegExp(`#/meetings/${meetingId}/minutes$`));
        expect(await m.editor(m.section('opening')).innerText()).toContain('server hiccups');
      };

      // The search box of the top bar: submitting a search used to open the results at once.
      await page.getByRole('searchbox', { name: 'Search all meetings' }).fill('hiccups');
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      expect(page.url()).not.toContain('#/search');
      await page.keyboard.press('Enter'); // "Stay on the minutes" has the focus
      await dialog.waitFor({ state: 'detached' });
      await onMinutes();

      // The browser's Back (the minutes were opened from the meetings list's launch page).
      await page.goBack();
      await dialog.waitFor();
      expect(await page.getByRole('heading', { name: 'Meetings', level: 1 }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Stay on the minutes' }).click();
      await dialog.waitFor({ state: 'detached' });
      await onMinutes();

      // Saves pass again: the words are stored, and both ways out go without a question.
      outage.failing = false;
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Saved words. Words typed while the server hiccups.');
      await page.getByRole('searchbox', { name: 'Search all meetings' }).fill('hiccups');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/search\/hiccups$/);
      expect(await dialog.count()).toBe(0);
      await page.goBack();
      await page.waitForURL(/\/minutes$/);
      await m.editor(m.section('opening')).waitFor();

      // Unsaved again, Back and "Leave without them" leaves.
      outage.failing = true;
      await caretAtEnd(m, 'opening');
      await page.keyboard.type(' Not kept.');
      await waitNotSaved(page);
      await page.goBack();
      await dialog.getByRole('button', { name: 'Leave without them' }).click();
      await page.waitForURL((u) => !u.hash.endsWith('/minutes'));
      expect(await dialog.count()).toBe(0);
      outage.failing = false;
    }));

  it('leaves at once, with the words stored, when the last words save on the way out', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Typed just before leaving.');
      await page.getByRole('link', { name: 'Meetings', exact: true }).first().click();
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await storedText(host, meetingId, 'opening')).toBe('Typed just before leaving.');
    }));
});

describe('the history of an item while a save of it fails', () => {
  it('neither restores a revision nor keeps one: says the words are not saved yet, keeps them, and restores once they are', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Version one.');
      await m.waitSaved();
      const history = page.getByRole('button', { name: 'Revision history of Opening' });
      const dialog = page.getByRole('dialog', { name: /History of/ });
      await history.click();
      await dialog.getByRole('button', { name: 'Keep a revision now' }).click();
      await dialog.locator('.rev-list button').first().waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      const outage = await savesCutOff(page, m, ' Version two.', ' Unsaved words.');

      await history.click();
      await dialog.locator('.rev-list button').last().click();
      await dialog.getByRole('button', { name: 'Restore this revision' }).click();
      await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
      // Nothing restored (the restore used to replace the text, and the unsaved words were in no revision).
      await dialog.getByRole('alert').filter({ hasText: 'Not restored: some words of this item are not saved yet' }).waitFor();
      await dialog.getByRole('button', { name: 'Keep a revision now' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'No revision kept: some words of this item are not saved yet' }).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(await m.editor(m.section('opening')).innerText()).toContain('Version two. Unsaved words.');

      // Once the server answers again, the words are stored, and the restore goes ahead (the current text kept first).
      outage.failing = false;
      await m.waitSaved();
      expect(await storedText(host, meetingId, 'opening')).toBe('Version one. Version two. Unsaved words.');
      await history.click();
      await dialog.locator('.rev-list button').last().click();
      await dialog.getByRole('button', { name: 'Restore this revision' }).click();
      await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => storedText(host, meetingId, 'opening')).not.toContain('Unsaved words');
      const revisions = (await apiCall(host, 'minutes.revisions', { meetingId, sectionKey: 'opening' })).json.value as Array<{ id: string }>;
      const kept = await Promise.all(revisions.map(async (r) => JSON.stringify((await apiCall(host, 'minutes.revision', { id: r.id })).json.value)));
      expect(kept.some((t) => t.includes('Unsaved words')), 'the text before the restore is kept as a revision').toBe(true);
    }));
});
