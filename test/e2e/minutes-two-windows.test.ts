import { describe, expect, it } from 'vitest';
import { apiCall, launchChromium, openApp } from './harness';
import type { Page } from 'playwright-core';
import { caretAtEnd, otherWindow, saveBar, storedText, waitNotSaved, withMinutes, type Minutes } from './minutes-helpers';
import { AgendaPage, ConfidentialityModel, MinutesPageModel, screenshot } from './pages';

/**
 * Two windows on the same item of the minutes: the second one's save is refused (the item changed in the first), and
 * its words used to stay only on its screen — a reload or a closed window lost them. The backend now keeps them in the
 * item's History (migration 017); the window says so, and after a reload they can be restored from there.
 */
/**
 * A window of another launch of the browser (not told of this launch's saves, nor telling it of its own: no nudge
 * either way), open on the app of `host`; its browser closes after `fn`.
 */
async function inAnotherLaunch(host: Minutes['host'], fn: (other: Page) => Promise<void>) {
  const browser = await launchChromium();
  try {
    await fn(await openApp(browser, host));
  } finally {
    await browser.close();
  }
}

describe('two windows typing into the same item', () => {
  /**
   * The opening typed into here, then into a window of another launch of the browser (not told of this one's saves:
   * no nudge), whose save is refused. Its browser closes after `fn`.
   */
  async function refusedInAnotherLaunch(s: Minutes, fn: (other: Page, m2: MinutesPageModel) => Promise<void>) {
    await inAnotherLaunch(s.host, async (other) => {
      const m2 = new MinutesPageModel(other);
      await m2.open(s.host.origin, s.meetingId);
      await caretAtEnd(s.m, 'opening');
      await s.page.keyboard.type('Typed in the first window.');
      await s.m.waitSaved();
      await caretAtEnd(m2, 'opening');
      await other.keyboard.type('Typed in the second window.');
      await waitNotSaved(other);
      await fn(other, m2);
    });
  }

  it('keeps the refused window’s words in the item’s History, says so, and restores them after a reload', () =>
    withMinutes((s) =>
      refusedInAnotherLaunch(s, async (other, m2) => {
        const { host, meetingId } = s;
        const advice = m2.section('opening').locator('.save-advice');
        await expect.poll(() => advice.innerText()).toMatch(/changed in another window.*kept in this section’s History, as “not saved: changed in another window”/s);
        expect(await storedText(host, meetingId, 'opening')).toBe('Typed in the first window.');

        // The refused words are in the item's history before anything else happens to the window.
        const revisions = (await apiCall(host, 'minutes.revisions', { meetingId, sectionKey: 'opening' })).json.value as Array<{ reason: string; excerpt: string }>;
        expect(revisions.map((r) => [r.reason, r.excerpt])).toEqual([['conflict_copy', 'Typed in the second window.']]);

        // Reloaded, the second window shows the item as saved; its History holds the kept words, which restore.
        await other.reload();
        await m2.section('opening').waitFor();
        await expect.poll(() => m2.editor(m2.section('opening')).innerText()).toContain('Typed in the first window.');
        await m2.restoreKeptCopy('Opening');
        await expect.poll(() => storedText(host, meetingId, 'opening')).toBe('Typed in the second window.');
        await expect.poll(() => m2.editor(m2.section('opening')).innerText()).toContain('Typed in the second window.');
      }),
    ));

  it('shows, on request, the item as another window saved it after a refused save; the refused words stay in its History', () =>
    withMinutes((s) =>
      refusedInAnotherLaunch(s, async (other, m2) => {
        const { host, meetingId } = s;
        const show = m2.section('opening').getByRole('button', { name: 'Show the section as it now stands' });
        await show.waitFor();
        await screenshot(other, 'minutes-refused-show-stored');

        await show.click();
        await expect.poll(() => m2.editor(m2.section('opening')).innerText(), { timeout: 10_000 }).toBe('Typed in the first window.');
        await show.waitFor({ state: 'detached' });
        expect(await saveBar(other)).not.toMatch(/Not saved/);
        const revisions = (await apiCall(host, 'minutes.revisions', { meetingId, sectionKey: 'opening' })).json.value as Array<{ reason: string; excerpt: string }>;
        expect(revisions.map((r) => [r.reason, r.excerpt])).toEqual([['conflict_copy', 'Typed in the second window.']]);
        // Typing on in that window: saved after the other window's words, no conflict.
        await caretAtEnd(m2, 'opening');
        await other.keyboard.type(' More.');
        await expect.poll(() => storedText(host, meetingId, 'opening'), { timeout: 10_000 }).toBe('Typed in the first window. More.');
      }),
    ));

  it('keeps what a window typed into an item removed in another window; back with the item from the Trash', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const browser = await launchChromium();
      try {
        const section = m.sectionByTitle('Incident reporting');
        const key = (await section.getAttribute('data-section-key'))!;
        await m.editor(section).click();
        await page.keyboard.type('Incident reports were discussed.');
        await m.waitSaved();

        // Another window removes the item (its sub-item goes with it) from the agenda, with the app's own dialog.
        const other = await openApp(browser, host);
        await other.goto(`${host.origin}/#/meetings/${meetingId}`);
        await other.getByRole('button', { name: 'Remove item 3', exact: true }).click();
        await other.getByRole('dialog', { name: 'Remove this agenda item?' }).getByRole('button', { name: 'Move to trash' }).click();
        await other.getByRole('dialog', { name: 'Remove this agenda item?' }).waitFor({ state: 'detached' });

        // The first window, not knowing, goes on typing: refused, and told where its words are.
        await page.keyboard.type(' Two providers reported one each.');
        await waitNotSaved(page);
        const advice = section.locator('.save-advice');
        await expect.poll(() => advice.innerText()).toMatch(/removed from the agenda meanwhile.*kept in its History, as “not saved: changed in another window”.*restore the item from the Trash/s);
        await advice.scrollIntoViewIfNeeded();
        await screenshot(page, 'minutes-item-removed-meanwhile');
        const kept = (await apiCall(host, 'minutes.revisions', { meetingId, sectionKey: key })).json.value as Array<{ reason: string; excerpt: string }>;
        expect(kept.map((r) => [r.reason, r.excerpt])).toEqual([['conflict_copy', 'Incident reports were discussed. Two providers reported one each.']]);

        // The other window restores the item from the Trash; the first, reloaded, restores its words from the History.
        await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
        await other.getByRole('row', { name: /Incident reporting/ }).getByRole('button', { name: /^Restore/ }).click();
        await other.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Trash' }).waitFor();
        await page.reload();
        await section.waitFor();
        await m.restoreKeptCopy('3 Incident reporting');
        await expect.poll(() => storedText(host, meetingId, key)).toBe('Incident reports were discussed. Two providers reported one each.');
        await expect.poll(() => m.editor(section).innerText()).toContain('Two providers reported one each.');
      } finally {
        await browser.close();
      }
    }));

  it('keeps what a window typed into the minutes of a meeting deleted in another window; back with the meeting from the Trash', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const browser = await launchChromium();
      try {
        await caretAtEnd(m, 'opening');
        await page.keyboard.type('The chair opened the meeting.');
        await m.waitSaved();

        // Another window deletes the whole meeting, with the app's own dialog.
        const other = await openApp(browser, host);
        await other.goto(`${host.origin}/#/meetings/${meetingId}`);
        await other.getByRole('button', { name: 'Delete', exact: true }).click();
        await other.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Move to trash' }).click();
        await other.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();

        // The first window goes on typing: refused, and told where its words are.
        await page.keyboard.type(' Members agreed the agenda.');
        await waitNotSaved(page);
        const advice = m.section('opening').locator('.save-advice');
        await expect.poll(() => advice.innerText()).toMatch(/meeting was deleted.*kept with it in the Trash: restore the meeting from the Trash/s);

        // The Trash says the meeting holds those words, and asks with it before removing the meeting for good.
        await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
        const row = other.getByRole('row', { name: /Second plenary/ });
        await expect.poll(() => row.innerText()).toContain('1 copy of words a save refused, kept nowhere else');
        await row.getByRole('button', { name: /for good$/ }).click();
        const ask = other.getByRole('alertdialog', { name: 'Delete for good?' });
        expect(await ask.innerText()).toContain('with what it holds: 1 copy of words a save refused, kept nowhere else');
        await screenshot(other, 'trash-purge-kept-words');
        await ask.getByRole('button', { name: 'Cancel' }).click();
        await ask.waitFor({ state: 'detached' });
        // Emptying the whole trash names it too; Enter there cancels (the words are kept nowhere else).
        await other.getByRole('button', { name: 'Empty the trash' }).click();
        const askAll = other.getByRole('alertdialog', { name: 'Empty the trash?' });
        expect(await askAll.innerText()).toMatch(/It holds words a save refused, kept nowhere else: “Second plenary[^”]*”/);
        await screenshot(other, 'trash-empty-kept-words');
        await other.keyboard.press('Enter');
        await askAll.waitFor({ state: 'detached' });
        await row.waitFor();

        // Restored from the Trash in the other window; the first, reloaded, restores its words from the History.
        await row.getByRole('button', { name: /^Restore/ }).click();
        await other.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Trash' }).waitFor();
        await page.reload();
        await m.section('opening').waitFor();
        await m.restoreKeptCopy('Opening');
        await expect.poll(() => storedText(host, meetingId, 'opening')).toBe('The chair opened the meeting. Members agreed the agenda.');
      } finally {
        await browser.close();
      }
    }));

  it('tells a window, when the officer comes back to it, that its meeting was deleted or an item removed in another window', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await inAnotherLaunch(host, async (other) => {
        // Another window removes an item from the agenda; this window is not typing, so no save tells it.
        await other.goto(`${host.origin}/#/meetings/${meetingId}`);
        await other.getByRole('button', { name: 'Remove item 3', exact: true }).click();
        await other.getByRole('dialog', { name: 'Remove this agenda item?' }).getByRole('button', { name: 'Move to trash' }).click();
        await other.getByRole('dialog', { name: 'Remove this agenda item?' }).waitFor({ state: 'detached' });

        // The officer comes back to this window (it regains the focus).
        await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
        const note = page.locator('.changed-elsewhere');
        await expect.poll(() => note.innerText(), { timeout: 10_000 }).toMatch(/“3 Incident reporting”(, “[^”]+”)* (was|were) removed from the agenda in another window/);
        expect(await note.innerText()).toContain('Reload the page (Ctrl+R)');
        expect(await note.getAttribute('role')).toBe('alert');

        // Then the whole meeting is deleted there.
        await other.goto(`${host.origin}/#/meetings/${meetingId}`);
        await other.getByRole('button', { name: 'Delete', exact: true }).click();
        await other.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Move to trash' }).click();
        await other.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
        await page.evaluate(() => {
          document.dispatchEvent(new Event('visibilitychange'));
          window.dispatchEvent(new FocusEvent('focus'));
        });
        await expect.poll(() => note.innerText(), { timeout: 10_000 }).toMatch(/This meeting was deleted in another window.*kept with it in the Trash/s);
        await screenshot(page, 'minutes-meeting-deleted-elsewhere');
        await note.getByRole('button', { name: 'Dismiss' }).click();
        await note.waitFor({ state: 'detached' });
        // Typing on is still kept (the save is refused and its words go with the meeting to the Trash).
        await caretAtEnd(m, 'opening');
        await page.keyboard.type('Typed after the deletion.');
        await waitNotSaved(page);
      });
    }));
  it('tells a window side by side, without waiting for the focus, that an item was removed or the meeting deleted in another window of the app', () =>
    withMinutes(async ({ page, host, meetingId }) => {
      // The other window is one of the same app (the same browser profile, as the desktop app's windows are): it says
      // what it changed to the others, which look at once. This window is never focused again in this test.
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}`);
      try {
        await other.getByRole('button', { name: 'Remove item 3', exact: true }).click();
        await other.getByRole('dialog', { name: 'Remove this agenda item?' }).getByRole('button', { name: 'Move to trash' }).click();
        const note = page.locator('.changed-elsewhere');
        await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
        expect(await note.innerText()).toMatch(/“3 Incident reporting”(, “[^”]+”)* (was|were) removed from the agenda in another window/);

        // Restored there from the Trash: the note goes, for there is nothing left to say.
        await other.goto(`${host.origin}/#/trash`);
        await other.getByRole('button', { name: /^Restore/ }).first().click();
        await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(0);

        // The whole meeting deleted there: said here at once.
        await other.goto(`${host.origin}/#/meetings/${meetingId}`);
        await other.getByRole('button', { name: 'Delete', exact: true }).click();
        await other.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Move to trash' }).click();
        await expect.poll(() => note.innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/This meeting was deleted in another window/);
      } finally {
        await other.close();
      }
    }));
  it('shows at once an item withheld or published in another window of the app: its switch, and the public preview', () =>
    withMinutes(async ({ page, host, meetingId }) => {
      // Words in item 3, then this window opened again on them, with its public preview.
      const detail = await apiCall(host, 'meetings.get', { id: meetingId });
      const item3 = (detail.json.value as { agenda: Array<{ id: string; number: string }> }).agenda.find((a) => a.number === '3')!;
      const SECRET = 'Figures of the third item, published unless withheld.';
      const paragraph = { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: SECRET, format: 0, style: '', mode: 'normal', detail: 0 }] };
      expect((await apiCall(host, 'minutes.saveSection', { meetingId, sectionKey: item3.id, content: { root: { type: 'root', version: 1, children: [paragraph] } } })).json.ok).toBe(true);
      await page.reload();
      const c = new ConfidentialityModel(page);
      await c.openTab('Public preview');
      await c.waitPreview((t) => t.includes(SECRET), 'the item’s words');

      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        await other.getByRole('button', { name: /^Withhold from publication — item 3 / }).click();
        await other.getByRole('button', { name: /^Publish this item — item 3 / }).waitFor();
        // This window, never focused again, shows the item withheld: its switch says so, and its preview drops the words.
        await page.getByRole('button', { name: /^Publish this item — item 3 / }).waitFor({ timeout: 10_000 });
        await c.waitPreview((t) => !t.includes(SECRET), 'the item withheld');
        // And back: published there, published here.
        await other.getByRole('button', { name: /^Publish this item — item 3 / }).click();
        await page.getByRole('button', { name: /^Withhold from publication — item 3 / }).waitFor({ timeout: 10_000 });
        await c.waitPreview((t) => t.includes(SECRET), 'the item published again');
      } finally {
        await other.close();
      }
    }));

  it('shows at once an item added, moved or renamed in another window of the app, and keeps what is typed into the added one', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const order = () => page.locator('.minutes-section .section-title h2').evaluateAll((hs) => hs.map((h) => h.textContent ?? ''));
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}`);
      try {
        const agenda = new AgendaPage(other);
        await agenda.add({ title: 'Late item on energy reporting', minutes: 10 });

        // This window, never focused again: the added item has its section, numbered, with an editor to type into.
        const added = m.sectionByTitle('Late item on energy reporting');
        await added.waitFor({ timeout: 10_000 });
        expect(await added.locator('.section-title .num').innerText()).toBe('6');
        await m.editor(added).click();
        await page.keyboard.type('Energy figures were noted.');
        await m.waitSaved();
        const addedKey = (await added.getAttribute('data-section-key'))!;
        expect(await storedText(host, meetingId, addedKey)).toBe('Energy figures were noted.');
        await screenshot(page, 'minutes-item-added-elsewhere');

        // Moved there (Any other business up one, before the ad hoc group) and renamed: so here, in order and numbers.
        await agenda.handle('5', 'Any other business').focus();
        await other.keyboard.press('Alt+ArrowUp');
        await agenda.waitForOutline(['1 Opening', '2 Guidance on model documentation', '3 Incident reporting', '3.1 Reporting template', '4 Any other business', '5 Ad hoc group on open source', '6 Late item on energy reporting']);
        await expect.poll(order, { timeout: 10_000 }).toContain('4Any other business');
        const items = (await order()).filter((t) => /^\d/.test(t));
        expect(items).toEqual(['1Opening', '2Guidance on model documentation', '3Incident reporting', '3.1Reporting template', '4Any other business', '5Ad hoc group on open source', '6Late item on energy reporting']);
        // What was typed in this window stays in its section, wherever the section now stands.
        expect(await m.editor(added).innerText()).toContain('Energy figures were noted.');

        // Renamed there: its heading here.
        await other.getByRole('button', { name: 'Edit item 2', exact: true }).click();
        const form = other.getByRole('form', { name: 'Edit item 2' });
        await form.getByLabel('Item title').fill('Guidance on model documentation (second reading)');
        await form.getByRole('button', { name: 'Save item' }).click();
        await form.waitFor({ state: 'detached' });
        await expect.poll(order, { timeout: 10_000 }).toContain('2Guidance on model documentation (second reading)');
      } finally {
        await other.close();
      }
    }));

  it('turns read-only at once when the minutes are approved in another window of the app, and editable when reopened there', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await caretAtEnd(m, 'opening');
      await page.keyboard.type('Typed before the approval elsewhere.');
      await m.waitSaved();
      const editable = () => m.editor(m.section('opening')).count();
      const note = page.locator('.read-only-note');
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        await other.getByRole('button', { name: 'Circulate for comments' }).click();
        await other.getByRole('button', { name: 'Approve minutes' }).click();
        await other.getByRole('button', { name: 'Reopen (new version)' }).waitFor();
        // This window, never focused again: read-only, said, no editor to type into.
        await note.waitFor({ timeout: 10_000 });
        await expect.poll(editable, { timeout: 10_000 }).toBe(0);
        expect(await page.locator('.bar-title .meta').innerText()).toMatch(/Approved · version 1/);

        // Reopened there, with a reason: editable here again, in version 2, and what is typed is stored.
        await other.getByRole('button', { name: 'Reopen (new version)' }).click();
        const dialog = other.getByRole('dialog', { name: 'Reopen the approved minutes?' });
        await dialog.getByRole('textbox').fill('A correction from a member');
        await dialog.getByRole('button', { name: 'Reopen as a new version' }).click();
        await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(0);
        await expect.poll(() => page.locator('.bar-title .meta').innerText(), { timeout: 10_000 }).toMatch(/Draft · version 2/);
        await caretAtEnd(m, 'opening');
        await page.keyboard.type(' Corrected.');
        await m.waitSaved();
        expect(await storedText(host, meetingId, 'opening')).toBe('Typed before the approval elsewhere. Corrected.');
      } finally {
        await other.close();
      }
    }));

  it('follows the live meeting run from another window of the app: started, moved to another item, ended', () =>
    withMinutes(async ({ page, host, meetingId }) => {
      const current = () => page.locator('.bar-current').innerText();
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        const there = new MinutesPageModel(other);
        await there.section('opening').waitFor();
        await there.startMeeting();
        // This window, never focused again: running, with its own End meeting button and clock.
        await page.getByRole('button', { name: 'End meeting' }).waitFor({ timeout: 10_000 });
        await page.locator('.meeting-clock').waitFor();
        // Moved there to item 2 (its outline): so here, in the bar and the outline.
        await other.locator('.live-outline button.goto', { hasText: 'Guidance on model documentation' }).click();
        await expect.poll(current, { timeout: 10_000 }).toMatch(/Now:\s*2 Guidance on model documentation/);
        expect(await page.locator('.live-outline li.current').innerText()).toContain('Guidance on model documentation');
        // Ended there: ended here, and it can be resumed from here.
        await other.getByRole('button', { name: 'End meeting' }).click();
        await page.getByRole('button', { name: 'Resume meeting' }).waitFor({ timeout: 10_000 });
        expect(await page.locator('.meeting-clock').innerText()).toMatch(/\(ended\)/);
      } finally {
        await other.close();
      }
    }));

  it('follows the attendance taken in another window of the app: a person added there, leaving and coming back', () =>
    withMinutes(async ({ page, host, meetingId }) => {
      const here = page.locator('.attendance');
      const row = () => here.locator('tr', { hasText: 'Ines Duarte' });
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        const add = other.getByRole('form', { name: 'Add an observer, expert or AI Office staff member' });
        await add.getByLabel('Name').fill('Ines Duarte');
        await add.getByLabel('Organisation').fill('Joint Research Centre');
        await add.getByRole('button', { name: 'Add' }).click();
        await other.locator('.attendance tr', { hasText: 'Ines Duarte' }).waitFor();
        // This window, never focused again: the person is listed, present (added as attending), and counted.
        await row().waitFor({ timeout: 10_000 });
        expect(await row().getByRole('button', { name: 'Ines Duarte leaves now' }).count()).toBe(1);
        await expect.poll(() => here.locator('.glance').innerText()).toMatch(/1 observer, expert or staff present/);
        // Left there: left here, with the departure, and no longer counted as present.
        await other.getByRole('button', { name: 'Ines Duarte leaves now' }).click();
        await row().getByRole('button', { name: 'Ines Duarte arrives now' }).waitFor({ timeout: 10_000 });
        expect(await row().locator('.move.leave').count()).toBe(1);
        await expect.poll(() => here.locator('.glance').innerText()).toMatch(/0 observers, experts or staff present · 1 left/);
        // Back there: back here.
        await other.getByRole('button', { name: 'Ines Duarte arrives now' }).click();
        await row().getByRole('button', { name: 'Ines Duarte leaves now' }).waitFor({ timeout: 10_000 });
        expect(await row().locator('.move.arrive').count()).toBe(1);
      } finally {
        await other.close();
      }
    }));

  it('follows the decisions and action items recorded in another window of the app, and sends none of its older values back', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const records = page.locator('.records');
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        const there = new MinutesPageModel(other);
        await there.section('opening').waitFor();
        await page.getByRole('tab', { name: /^Decisions & actions/ }).click();
        await other.getByRole('tab', { name: /^Decisions & actions/ }).click();

        // An action captured here: listed there at once.
        await caretAtEnd(m, 'opening');
        await page.keyboard.type('The secretariat will circulate the draft.');
        await page.keyboard.press('Alt+Shift+A');
        await page.locator('.tfs-action').waitFor();
        await m.waitSaved();
        const thereAction = other.getByLabel(/^Owner of the action “The secretariat will circulate/);
        await thereAction.waitFor({ timeout: 10_000 });

        // Its owner set there: shown here (the field follows while not being typed into), stored.
        await thereAction.fill('Anthropic');
        await thereAction.press('Enter');
        const hereOwner = records.getByLabel(/^Owner of the action “The secretariat will circulate/);
        await expect.poll(() => hereOwner.inputValue(), { timeout: 10_000 }).toBe('Anthropic');

        // A decision captured there, in another item: listed here; its outcome set there: shown here.
        await there.editor(there.sectionByTitle('Incident reporting')).click();
        await other.keyboard.press('Control+End');
        await other.keyboard.type('The Taskforce agreed the work plan.');
        await other.keyboard.press('Alt+Shift+D');
        await other.locator('.tfs-decision').waitFor();
        const outcomeHere = records.getByLabel('Outcome of the decision “The Taskforce agreed the work plan.”');
        await outcomeHere.waitFor({ timeout: 10_000 });
        await other.getByLabel('Outcome of the decision “The Taskforce agreed the work plan.”').selectOption('postponed');
        await expect.poll(() => outcomeHere.inputValue(), { timeout: 10_000 }).toBe('postponed');
        await screenshot(page, 'minutes-records-followed');

        // Into the owner field here and out again: the owner followed is not sent back as something older. Typing on
        // into the action's block here: its text is this window's to send, and the owner stays.
        await hereOwner.focus();
        await page.keyboard.press('Tab');
        await caretAtEnd(m, 'opening');
        await page.keyboard.type(' More notes.');
        await m.waitSaved();
        await page.waitForTimeout(800);
        const actions = (await apiCall(host, 'actions.list', { meetingId })).json.value as Array<{ owner: string; text: string }>;
        expect(actions.map((a) => [a.text, a.owner])).toEqual([['The secretariat will circulate the draft. More notes.', 'Anthropic']]);
        const decisions = (await apiCall(host, 'decisions.list', { meetingId })).json.value as Array<{ outcome: string }>;
        expect(decisions.map((d) => d.outcome)).toEqual(['postponed']);
      } finally {
        await other.close();
      }
    }));

  it('follows the words and flags saved in another window of the app into an item it is not typing in; its public preview drops what is flagged there', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const c = new ConfidentialityModel(page);
      await c.openTab('Public preview');
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        const there = new MinutesPageModel(other);
        const cThere = new ConfidentialityModel(other);
        const SENTENCE = 'Vendor Kestrel reported a serious incident on 3 March.';
        const item = m.sectionByTitle('Incident reporting');
        const key = (await item.getAttribute('data-section-key'))!;

        // Words typed there: shown here, in the item's editor and in the public preview, without a reload.
        const editorThere = there.editor(there.sectionByTitle('Incident reporting'));
        await editorThere.click();
        await other.keyboard.press('Control+End');
        await other.keyboard.type(SENTENCE);
        await there.waitSaved();
        await expect.poll(() => m.editor(item).innerText(), { timeout: 10_000 }).toContain(SENTENCE);
        await c.waitPreview((t) => t.includes('Vendor Kestrel'), 'the words typed in the other window');

        // A passage flagged there: marked here, listed among the flags, and gone from this window's preview.
        await cThere.flagByShortcut(editorThere, 'Vendor Kestrel');
        await there.waitSaved();
        await item.locator('mark.tfs-flag', { hasText: 'Vendor Kestrel' }).waitFor({ timeout: 10_000 });
        await c.waitPreview((t) => !t.includes('Vendor Kestrel') && t.includes('reported a serious incident'), 'the passage flagged in the other window withheld');
        await c.openTab('Flags');
        await expect.poll(() => c.flagsPanel().innerText(), { timeout: 10_000 }).toContain('Vendor Kestrel');
        // The words shown anew are read again for suggestions: a passage flagged there is no longer suggested here.
        await expect.poll(() => c.suggestion(item, 'Vendor Kestrel').count(), { timeout: 10_000 }).toBe(0);
        await screenshot(page, 'minutes-followed-elsewhere');

        // Typing here on after them: stored after the other window's words, its flag kept, no conflict.
        await caretAtEnd(m, key);
        await page.keyboard.type(' Follow-up agreed.');
        await expect.poll(() => storedText(host, meetingId, key), { timeout: 10_000 }).toBe(`${SENTENCE} Follow-up agreed.`);

        // The other window's caret is still in the item: its words are not replaced under it, until the caret leaves.
        await page.waitForTimeout(1500);
        expect(await editorThere.innerText()).not.toContain('Follow-up agreed.');
        await caretAtEnd(there, 'opening');
        await expect.poll(() => editorThere.innerText(), { timeout: 10_000 }).toContain('Follow-up agreed.');
        await there.sectionByTitle('Incident reporting').locator('mark.tfs-flag', { hasText: 'Vendor Kestrel' }).waitFor();

        // The same here: an item this window's caret is in gets the newer words when the caret leaves it.
        await caretAtEnd(m, 'opening');
        await other.keyboard.type('Opening words from the other window.');
        await there.waitSaved();
        await page.waitForTimeout(1500);
        expect(await m.editor(m.section('opening')).innerText()).not.toContain('Opening words from the other window.');
        const note = m.section('opening').locator('.newer-elsewhere');
        expect(await note.innerText()).toMatch(/saved in another window: they show when the caret leaves the item/);
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, 'minutes-newer-elsewhere');
        await caretAtEnd(m, key);
        await expect.poll(() => m.editor(m.section('opening')).innerText(), { timeout: 10_000 }).toContain('Opening words from the other window.');
        await note.waitFor({ state: 'detached' });
        await page.keyboard.type(' Noted.');
        await expect.poll(() => storedText(host, meetingId, key), { timeout: 10_000 }).toBe(`${SENTENCE} Follow-up agreed. Noted.`);
        expect(await storedText(host, meetingId, 'opening')).toBe('Opening words from the other window.');
        expect(await saveBar(page)).not.toMatch(/Not saved/);
        expect(await saveBar(other)).not.toMatch(/Not saved/);
      } finally {
        await other.close();
      }
    }));

  it('leaves an item whose words here are not stored yet as it is when another window saves it: its words are kept in History', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      const other = await otherWindow(page, host, `/#/meetings/${meetingId}/minutes`);
      try {
        const there = new MinutesPageModel(other);
        await there.section('opening').waitFor();
        // Typed here while the local server does not take this window's saves: not stored.
        const outage = { failing: true };
        await page.route('**/api/minutes.saveSection', (r) => (outage.failing ? r.abort() : r.continue()));
        await caretAtEnd(m, 'opening');
        await page.keyboard.type('Words of this window.');
        await waitNotSaved(page);
        await m.editor(m.sectionByTitle('Incident reporting')).click(); // the caret leaves the item: it is not busy
        // Saved there: this window's words stay on its screen, with no note that newer words wait.
        await caretAtEnd(there, 'opening');
        await other.keyboard.type('Words of the other window.');
        await there.waitSaved();
        await page.waitForTimeout(2000);
        expect(await m.editor(m.section('opening')).innerText()).toContain('Words of this window.');
        expect(await m.section('opening').locator('.newer-elsewhere').count()).toBe(0);
        // The server answers again: this window's save is refused as a conflict and its words kept in the History.
        outage.failing = false;
        const advice = m.section('opening').locator('.save-advice');
        await expect.poll(() => advice.innerText().catch(() => ''), { timeout: 20_000 }).toMatch(/changed in another window/);
        expect(await storedText(host, meetingId, 'opening')).toBe('Words of the other window.');
        const revisions = (await apiCall(host, 'minutes.revisions', { meetingId, sectionKey: 'opening' })).json.value as Array<{ reason: string; excerpt: string }>;
        expect(revisions.map((r) => [r.reason, r.excerpt])).toContainEqual(['conflict_copy', 'Words of this window.']);
      } finally {
        await other.close();
      }
    }));

  it('follows, when the officer comes back to it, the words and flags saved in a window of another launch of the browser', () =>
    withMinutes(async ({ page, m, host, meetingId }) => {
      await inAnotherLaunch(host, async (other) => {
        const there = new MinutesPageModel(other);
        await there.open(host.origin, meetingId);
        const cThere = new ConfidentialityModel(other);
        const item = m.sectionByTitle('Incident reporting');
        const editorThere = there.editor(there.sectionByTitle('Incident reporting'));
        await editorThere.click();
        await other.keyboard.press('Control+End');
        await other.keyboard.type('Vendor Kestrel reported a serious incident on 3 March.');
        await cThere.flagByShortcut(editorThere, 'Vendor Kestrel');
        await there.waitSaved();
        await page.waitForTimeout(1500);
        expect(await m.editor(item).innerText()).not.toContain('Vendor Kestrel');

        // The officer comes back to this window (it regains the focus): the item shows the words, its flag marked.
        await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
        await expect.poll(() => m.editor(item).innerText(), { timeout: 10_000 }).toContain('Vendor Kestrel reported a serious incident');
        await item.locator('mark.tfs-flag', { hasText: 'Vendor Kestrel' }).waitFor({ timeout: 10_000 });
        // Typing on here: stored after them, no conflict.
        const key = (await item.getAttribute('data-section-key'))!;
        await caretAtEnd(m, key);
        await page.keyboard.type(' Follow-up agreed.');
        await expect.poll(() => storedText(host, meetingId, key), { timeout: 10_000 }).toBe('Vendor Kestrel reported a serious incident on 3 March. Follow-up agreed.');
        expect(await saveBar(page)).not.toMatch(/Not saved/);
      });
    }));
});
