import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { doc, flag, p, t } from '../fixtures/export-data';
import { apiCall, withExampleSession, type HostProcess } from './harness';
import { ConfidentialityModel, MinutesPageModel, screenshot } from './pages';

/**
 * Confidentiality on the live minutes page, end to end in Chromium against the browser host: flag by shortcut and by
 * context menu, the Flags panel and the live public preview follow, flags survive edits inside them and a reload,
 * a whole item is withheld, suggestions are accepted and dismissed. Each test starts its own host on its own data
 * folder with the example meeting and makes the flags it needs, so it can run alone.
 */
const ITEM = 'Logistics of the Taskforce, transparency and EU competition law';
const SENTENCE =
  'The chair welcomed everyone present. Mistral AI plans to hire 40 engineers by June 2026. Please write to camille.laurent@example.org for the list. The vademecum was presented by the AI Office.';

interface Ctx {
  page: Page;
  host: HostProcess;
  meetingId: string;
  m: MinutesPageModel;
  c: ConfidentialityModel;
  section: ReturnType<MinutesPageModel['sectionByTitle']>;
  editor: ReturnType<MinutesPageModel['editor']>;
}

function session(fn: (x: Ctx) => Promise<void>) {
  return withExampleSession(async ({ page, host, meetingId }) => {
    const m = new MinutesPageModel(page);
    const c = new ConfidentialityModel(page);
    const section = m.sectionByTitle(ITEM);
    await m.open(host.origin, meetingId);
    await fn({ page, host, meetingId, m, c, section, editor: m.editor(section) });
  });
}

/** The sentence typed into the item, with "welcomed everyone" flagged (default reason) and "vademecum was presented" (internal deliberation). */
async function typeAndFlagTwo({ page, c, section, editor }: Ctx) {
  await editor.click();
  await page.keyboard.type(SENTENCE);
  await c.select(editor, 'welcomed everyone');
  await page.keyboard.press('Alt+Shift+F');
  await c.flagDialog().waitFor();
  await page.keyboard.press('Enter');
  await c.flagDialog().waitFor({ state: 'detached' });
  await section.locator('mark.tfs-flag', { hasText: 'welcomed everyone' }).waitFor();
  await c.select(editor, 'vademecum was presented');
  await page.keyboard.press('Alt+Shift+F');
  await c.flagDialog().waitFor();
  await c.flagDialog().getByLabel('Reason').selectOption({ label: 'Internal deliberation' });
  await page.keyboard.press('Enter');
  await c.flagDialog().waitFor({ state: 'detached' });
  await section.locator('mark.tfs-flag', { hasText: 'vademecum was presented' }).waitFor();
}

describe('confidentiality flags in Chromium', () => {
  it('flags the word just clicked when the shortcut comes before the browser has told the editor where the caret went', () =>
    session(async ({ page, c, editor }) => {
      await editor.click();
      await page.keyboard.type(SENTENCE);
      await page.keyboard.press('Home');
      // The race, made certain: the caret is put into a word and the shortcut's keydown is dispatched in the same
      // task, so the browser's selectionchange (a task of its own) has not reached the editor yet — as when an
      // officer clicks a word and presses Alt+Shift+F at once, which Chromium may deliver in that order.
      for (const word of ['engineers', 'vademecum', 'welcomed', 'presented']) {
        await page.evaluate((w) => {
          const root = document.querySelector('[contenteditable="true"]:focus') as HTMLElement;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = (n.textContent ?? '').indexOf(w);
            if (i < 0) continue;
            window.getSelection()!.collapse(n, i + 2);
            root.dispatchEvent(new KeyboardEvent('keydown', { key: 'F', code: 'KeyF', altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
            return;
          }
          throw new Error(`no ${w}`);
        }, word);
        await c.flagDialog().waitFor();
        expect(await c.flagDialog().innerText()).toContain(word);
        await page.keyboard.press('Escape');
        await c.flagDialog().waitFor({ state: 'detached' });
        await editor.focus();
      }
    }));

  it('flags one passage by shortcut and one by the context menu; the panel and the preview follow', () =>
    session(async ({ page, c, section, editor }) => {
      await editor.click();
      await page.keyboard.type(SENTENCE);

      // Shortcut: Alt+Shift+F → the dialog → Enter confirms the default reason.
      await c.select(editor, 'welcomed everyone');
      await page.keyboard.press('Alt+Shift+F');
      await c.flagDialog().waitFor();
      await page.keyboard.press('Enter');
      await c.flagDialog().waitFor({ state: 'detached' });
      await section.locator('mark.tfs-flag', { hasText: 'welcomed everyone' }).waitFor();
      // The caret is back in the text: typing goes on at once.
      await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');

      // Context menu: right-click on the selection → "Flag as not for publication…" → the same dialog.
      await c.select(editor, 'vademecum was presented');
      await c.rightClickSelection();
      await page.getByRole('menuitem', { name: 'Flag as not for publication…' }).click();
      await c.flagDialog().waitFor();
      await c.flagDialog().getByLabel('Reason').selectOption({ label: 'Internal deliberation' });
      await page.keyboard.press('Enter');
      await c.flagDialog().waitFor({ state: 'detached' });
      await section.locator('mark.tfs-flag', { hasText: 'vademecum was presented' }).waitFor();

      const marks = await c.marks(section);
      expect(marks.map((x) => x.text)).toEqual(['welcomed everyone', 'vademecum was presented']);
      expect(new Set(marks.map((x) => x.ids)).size).toBe(2);

      await c.openTab('Flags');
      await page.waitForFunction(() => document.querySelectorAll('.flags-panel .flag-item').length === 2);
      expect(await c.counts()).toEqual(['Commercially confidential: 1', 'Internal deliberation: 1']);
      expect(await c.flagsPanel().innerText()).toContain('▨ hatched = not for publication');
      expect(await c.flagsPanel().locator('.flag-item').first().innerText()).toContain(`2 ${ITEM}`);
      // Set today: the time alone (a flag of another day says its date: zoned-dates.test.ts).
      expect(await c.flagsPanel().locator('.flag-item .flag-who').first().innerText()).toMatch(/^Flagged (by .+ )?at \d\d:\d\d$/);

      await c.openTab('Public preview');
      const text = await c.waitPreview((t) => t.includes('Mistral AI plans'), 'the typed sentence');
      expect(text).toContain('The chair […] present.');
      expect(text).toContain('The […] by the AI Office.');
      expect(text).not.toContain('welcomed');
      expect(text).not.toContain('vademecum');
      expect(await c.preview().locator('.pv-redacted').count()).toBe(2);
    }));

  it('keeps a flag over text typed inside it, and over both halves when a paragraph is split inside it', () =>
    session(async (x) => {
      const { page, m, c, section, editor } = x;
      await typeAndFlagTwo(x);
      await c.caretIn(editor, 'welcomed everyone', 'welcomed'.length);
      await page.keyboard.type(' warmly');
      await page.waitForFunction(() => [...document.querySelectorAll('mark.tfs-flag')].some((e) => e.textContent === 'welcomed warmly everyone'));

      await c.caretIn(editor, 'vademecum was presented', 'vademecum'.length);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => [...document.querySelectorAll('mark.tfs-flag')].some((e) => e.textContent === ' was presented'));
      const marks = await c.marks(section);
      const vademecum = marks.filter((x) => x.text === 'vademecum' || x.text === ' was presented');
      expect(vademecum.map((x) => x.text)).toEqual(['vademecum', ' was presented']);
      expect(vademecum[0]!.ids).toBe(vademecum[1]!.ids);
      // The two halves are in two paragraphs.
      expect(await section.locator('p', { has: page.locator('mark.tfs-flag', { hasText: 'vademecum' }) }).count()).toBe(1);
      expect(await section.locator('p', { has: page.locator('mark.tfs-flag', { hasText: 'was presented' }) }).count()).toBe(1);

      await c.openTab('Public preview');
      const text = await c.waitPreview((t) => !t.includes('warmly') && /The chair \[…\] present\./.test(t) && /^\[…\] by the AI Office\.$/m.test(t), 'both halves redacted');
      expect(text).not.toMatch(/vademecum|presented|warmly/);
      await m.waitSaved();
    }));

  it('keeps a flag over words typed over the end or the start of its passage (a correction of flagged words is flagged)', () =>
    session(async (x) => {
      const { page, m, c, section, editor } = x;
      await typeAndFlagTwo(x);
      // The last word of the first passage, selected and typed over: Lexical alone put the new words after the mark.
      await c.select(editor, 'everyone');
      await page.keyboard.type('all the members');
      await page.waitForFunction(() => [...document.querySelectorAll('mark.tfs-flag')].some((e) => e.textContent === 'welcomed all the members'));
      // The first word of the second passage, and a selection from before the mark into it.
      await c.select(editor, 'vademecum');
      await page.keyboard.type('draft vademecum');
      await page.waitForFunction(() => [...document.querySelectorAll('mark.tfs-flag')].some((e) => e.textContent === 'draft vademecum was presented'));
      await m.waitSaved();
      await c.openTab('Public preview');
      const text = await c.waitPreview((t) => /The chair \[…\]/.test(t) && !t.includes('all the members') && !t.includes('draft vademecum'), 'the new words redacted');
      expect(text).not.toMatch(/all the members|draft vademecum/);
      expect((await c.marks(section)).map((x) => x.text)).toEqual(['welcomed all the members', 'draft vademecum was presented']);
    }));

  it('words dragged out of a flagged passage into another item stay flagged there', () =>
    session(async (x) => {
      const { page, m, c, editor } = x;
      await typeAndFlagTwo(x);
      const other = m.sectionByTitle('Adoption of the rules');
      const target = m.editor(other);
      await target.click();
      await page.keyboard.type('Moved here: ');
      // Part of the first flagged passage, dragged with the mouse (a native drag in Chromium) to the end of the other item.
      await c.select(editor, 'everyone');
      const from = await page.evaluate(() => {
        const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      const to = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.right - 8, y: r.bottom - 8 };
      });
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 10, from.y + 4, { steps: 3 });
      await page.mouse.move(to.x, to.y, { steps: 12 });
      await page.mouse.up();
      await expect.poll(() => target.innerText(), { timeout: 10_000 }).toContain('everyone');
      await m.waitSaved();
      // Wherever the words went, they are flagged there (or the preview does not show them).
      expect((await c.marks(other)).map((k) => k.text).join(' ')).toContain('everyone');
      await c.openTab('Public preview');
      const text = await c.waitPreview((t) => t.includes('Moved here'), 'the other item');
      expect(text).not.toContain('everyone');
    }));

  it('after a reload, the flags, the panel and the preview are still right', () =>
    session(async (x) => {
      const { page, host, meetingId, m, c, section } = x;
      await typeAndFlagTwo(x);
      await m.waitSaved();
      const before = await c.marks(section);
      await m.open(host.origin, meetingId);
      await section.locator('mark.tfs-flag').first().waitFor();
      expect(await c.marks(section)).toEqual(before);

      await c.openTab('Flags');
      await page.waitForFunction(() => document.querySelectorAll('.flags-panel .flag-item').length === 2);
      expect(await c.counts()).toEqual(['Commercially confidential: 1', 'Internal deliberation: 1']);
      // The excerpts follow the text as it is now (sync after each save).
      await page.waitForFunction(() => document.querySelector('.flags-panel')?.textContent?.includes('welcomed everyone'));

      // Jump to a flag: its text is selected in the editor.
      await c.flagsPanel().getByRole('button', { name: /^Go to the flagged passage “welcomed/ }).click();
      await page.waitForFunction(() => window.getSelection()?.toString() === 'welcomed everyone');

      await c.openTab('Public preview');
      const text = await c.waitPreview((t) => t.includes('Mistral AI plans'), 'the minutes after reload');
      expect(text).not.toMatch(/welcomed|vademecum|presented/);
    }));

  it('a flag whose text was deleted and typed again stays in force; "Flag again" in the panel puts its mark back', () =>
    session(async (x) => {
      const { page, m, c, section, editor } = x;
      await typeAndFlagTwo(x);
      await m.waitSaved();
      // The flagged words deleted, then typed again: the mark is gone, the text is back. (Typed or pasted over flagged
      // words, the new text would stay flagged: see the case above.)
      await c.select(editor, 'welcomed everyone');
      await page.keyboard.press('Backspace');
      await section.locator('mark.tfs-flag', { hasText: 'welcomed everyone' }).waitFor({ state: 'detached' });
      await page.keyboard.type('welcomed everyone');
      await section.locator('mark.tfs-flag', { hasText: 'welcomed everyone' }).waitFor({ state: 'detached' });
      await m.waitSaved();
      await page.getByTestId('flag-notice').getByText('A flagged passage lost its mark').waitFor();
      await c.openTab('Flags');
      await c.flagsPanel().getByRole('button', { name: 'Flag again “welcomed everyone”' }).click();
      await section.locator('mark.tfs-flag', { hasText: 'welcomed everyone' }).waitFor();
      await m.waitSaved();
      await c.flagsPanel().getByRole('button', { name: /^Flag again/ }).waitFor({ state: 'detached' });
      await c.openTab('Public preview');
      const text = await c.waitPreview((t) => t.includes('Mistral AI plans'), 'the minutes');
      expect(text).not.toMatch(/welcomed|vademecum/);
    }));

  it('a flagged passage pasted from another meeting becomes a flag of this meeting (its own record, under a new id)', () =>
    session(async ({ host, meetingId, m, c, section, editor }) => {
      // Another meeting with a flag: its passage is copied from there (the clipboard carries that flag's id).
      const other = (await apiCall(host, 'meetings.create', { title: 'Other meeting', startsAt: '2026-05-05T10:00', endsAt: '2026-05-05T12:00' })).json.value as { meeting: { id: string } };
      const foreign = (await apiCall(host, 'flags.create', { meetingId: other.meeting.id, sectionKey: 'opening', excerpt: 'Gamma Corp pays 9M' })).json.value as { id: string };
      const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
      const payload = { namespace: 'tfs-minutes', nodes: [{ type: 'paragraph', version: 1, children: [t('Noted: '), { type: 'flag', version: 1, ids: [foreign.id], children: [t('Gamma Corp pays 9M')] }] }] };
      await editor.click();
      await editor.evaluate(
        (el, [json, id]) => {
          const data = new DataTransfer();
          data.setData('application/x-lexical-editor', json);
          data.setData('text/html', `<p>Noted: <mark data-flag-ids="${id}">Gamma Corp pays 9M</mark></p>`);
          data.setData('text/plain', 'Noted: Gamma Corp pays 9M');
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        },
        [JSON.stringify(payload), foreign.id] as const,
      );
      await section.locator('mark.tfs-flag', { hasText: 'Gamma Corp pays 9M' }).waitFor();
      const [mark] = (await c.marks(section)).filter((x) => x.text === 'Gamma Corp pays 9M');
      expect(mark!.ids).not.toBe(foreign.id);
      await m.waitSaved();
      // The save adopted it: a record of this meeting, in force, listed in the Flags panel; the other meeting's is untouched.
      const flags = (await apiCall(host, 'flags.list', { meetingId })).json.value as { flags: Array<{ id: string; excerpt: string; retiredAt: string | null }> };
      expect(flags.flags.filter((f) => f.excerpt === 'Gamma Corp pays 9M').map((f) => [f.id, f.retiredAt])).toEqual([[mark!.ids, null]]);
      const theirs = (await apiCall(host, 'flags.list', { meetingId: other.meeting.id })).json.value as { flags: Array<{ id: string; sectionKey: string; retiredAt: string | null }> };
      expect(theirs.flags.map((f) => [f.id, f.sectionKey, f.retiredAt])).toEqual([[foreign.id, 'opening', null]]);
      await c.openTab('Flags');
      await c.flagsPanel().getByText('Gamma Corp pays 9M').first().waitFor();
      await c.openTab('Public preview');
      const text = await c.waitPreview((x) => x.includes('Noted:'), 'the pasted passage');
      expect(text).not.toContain('Gamma Corp');
    }));

  it("a passage saved by an older page under another meeting's flag id shows as this meeting's flag: its own id, listed, hidden in the preview", () =>
    session(async ({ page, host, meetingId, m, c }) => {
      const other = (await apiCall(host, 'meetings.create', { title: 'Other meeting', startsAt: '2026-05-05T10:00', endsAt: '2026-05-05T12:00' })).json.value as { meeting: { id: string } };
      const foreign = (await apiCall(host, 'flags.create', { meetingId: other.meeting.id, sectionKey: 'opening', excerpt: 'Delta Corp pays 7M', reason: 'personal_data' })).json.value as { id: string };
      const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
      const doc = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [t('Recorded: '), { type: 'flag', version: 1, ids: [foreign.id], children: [t('Delta Corp pays 7M')] }] }] } };
      // As a page from before sent it (this page re-keys what is pasted from another meeting).
      expect((await apiCall(host, 'minutes.saveSection', { meetingId, sectionKey: 'closing', content: doc })).json.ok).toBe(true);
      await page.reload();
      const closing = m.section('closing');
      await closing.locator('mark.tfs-flag', { hasText: 'Delta Corp pays 7M' }).waitFor();
      const [mark] = (await c.marks(closing)).filter((x) => x.text === 'Delta Corp pays 7M');
      expect(mark!.ids).not.toBe(foreign.id);
      const flags = (await apiCall(host, 'flags.list', { meetingId })).json.value as { flags: Array<{ id: string; excerpt: string; reason: string; retiredAt: string | null }> };
      expect(flags.flags.filter((f) => f.excerpt === 'Delta Corp pays 7M').map((f) => [f.id, f.reason, f.retiredAt])).toEqual([[mark!.ids, 'personal_data', null]]);
      await c.openTab('Flags');
      await c.flagsPanel().getByText('Delta Corp pays 7M').first().waitFor();
      await c.openTab('Public preview');
      const text = await c.waitPreview((x) => x.includes('Recorded:'), 'the passage');
      expect(text).not.toContain('Delta Corp');
    }));

  it('accepts one suggestion (it becomes a flag) and dismisses another (it stays dismissed)', () =>
    session(async (x) => {
      const { page, host, meetingId, c, section } = x;
      await typeAndFlagTwo(x);
      const email = c.suggestion(section, 'camille.laurent@example.org');
      const mistral = c.suggestion(section, 'Mistral AI plans');
      await email.waitFor();
      await mistral.waitFor();
      // The underline is drawn by the CSS Custom Highlight API, over the editor's text, not in the document.
      // (Drawn after the next frame, once the page knows where the text is: hence a poll.)
      await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('tfs-suggestion')?.size ?? 0)).toBeGreaterThanOrEqual(2);
      expect(await section.locator('[contenteditable] .tfs-suggestion, [contenteditable] [data-suggestion]').count()).toBe(0);

      await c.openTab('Flags');
      await screenshot(page, 'flags');

      await email.getByRole('button', { name: /^Flag/ }).click();
      await section.locator('mark.tfs-flag', { hasText: 'camille.laurent@example.org' }).waitFor();
      expect((await c.marks(section)).find((x) => x.text === 'camille.laurent@example.org')).toBeTruthy();
      await email.waitFor({ state: 'detached' });

      await mistral.getByRole('button', { name: /^Dismiss/ }).click();
      await mistral.waitFor({ state: 'detached' });
      // The list drops it at once; the dismissal is stored by the call that follows.
      await expect
        .poll(async () => ((await apiCall(host, 'flags.dismissedSuggestions', { meetingId })).json.value as { texts: string[] }).texts.join('\n'))
        .toContain('Mistral AI plans to hire 40 engineers by June 2026.');

      await c.openTab('Flags');
      await page.waitForFunction(() => document.querySelectorAll('.flags-panel .flag-item').length === 3);
      // An accepted e-mail suggestion is flagged as personal data (the reason follows what was found).
      expect(await c.counts()).toEqual(['Commercially confidential: 1', 'Personal data: 1', 'Internal deliberation: 1']);
      await c.openTab('Public preview');
      await c.waitPreview((t) => !t.includes('camille.laurent') && t.includes('Please write to […] for the list.'), 'the e-mail redacted');
      await screenshot(page, 'flags-preview');
    }));

  it('withholds a whole item: the preview shows its title with "Not published." and nothing of its text', () =>
    session(async ({ page, host, meetingId, m, c, section, editor }) => {
      await editor.click();
      await page.keyboard.type(SENTENCE);
      await c.openTab('Public preview');
      await section.getByRole('button', { name: `Withhold from publication — item 2 ${ITEM}` }).click();
      await section.getByTestId('publication').getByText('Withheld from publication').waitFor();
      const text = await c.waitPreview((t) => !t.includes('Mistral'), 'the item withheld');
      expect(text).toMatch(new RegExp(`2\\. ${ITEM}\\n+Not published\\.\\n+3\\. Rules of procedure`));
      expect(text).not.toMatch(/Mistral|Please write|AI Office\.|\[…\]/);
      const detail = await apiCall(host, 'meetings.get', { id: meetingId });
      expect((detail.json.value as { agenda: Array<{ title: string; forPublication: boolean }> }).agenda.find((a) => a.title === ITEM)!.forPublication).toBe(false);
      await screenshot(page, 'flags-withheld');

      await section.getByRole('button', { name: `Publish this item — item 2 ${ITEM}` }).click();
      await c.waitPreview((t) => t.includes('Mistral AI plans'), 'the item published again');
      await m.waitSaved();
    }));

  it('edits a flag’s reason and lifts another from the panel', () =>
    session(async (x) => {
      const { page, host, meetingId, m, c, section, editor } = x;
      await typeAndFlagTwo(x);
      await c.select(editor, 'camille.laurent@example.org');
      await page.keyboard.press('Alt+Shift+F');
      await c.flagDialog().waitFor();
      await page.keyboard.press('Enter');
      await c.flagDialog().waitFor({ state: 'detached' });
      await section.locator('mark.tfs-flag', { hasText: 'camille.laurent@example.org' }).waitFor();
      await c.openTab('Flags');
      const item = c.flagsPanel().locator('.flag-item', { hasText: 'camille.laurent@example.org' });
      await item.getByRole('button', { name: /^Edit/ }).click();
      await item.getByLabel('Reason').selectOption({ label: 'Personal data' });
      await item.getByLabel('Note').fill('Private address');
      await item.getByRole('button', { name: 'Save' }).click();
      await item.getByText('Note: Private address').waitFor();
      expect(await c.counts()).toEqual(['Commercially confidential: 1', 'Personal data: 1', 'Internal deliberation: 1']);

      const warm = c.flagsPanel().locator('.flag-item', { hasText: 'welcomed everyone' });
      // Lifting asks in place (no browser dialog), then the passage leaves the list for the history.
      await warm.getByRole('button', { name: /^Lift the flag/ }).click();
      await warm.getByRole('button', { name: 'Lift flag and publish' }).click();
      await warm.waitFor({ state: 'detached' });
      await page.waitForFunction(() => ![...document.querySelectorAll('mark.tfs-flag')].some((e) => e.textContent?.includes('welcomed')));
      expect(await c.counts()).toEqual(['Personal data: 1', 'Internal deliberation: 1']);
      await m.waitSaved();
      const list = await apiCall(host, 'flags.list', { meetingId });
      const v = list.json.value as { countsByReason: Record<string, number> };
      expect(v.countsByReason).toMatchObject({ commercially_confidential: 0, personal_data: 1, internal_deliberation: 1 });
      expect(await section.locator('mark.tfs-flag').count()).toBe(2);
    }));

  it('a flag whose text was deleted can be lifted from the history, after a question in place', () =>
    withExampleSession(async ({ page, host, meetingId }) => {
      // Set up through the API: a passage flagged, then deleted (the record is retired as "text removed", and every copy
      // of its text stays kept out of public files until a person lifts it).
      const detail = await apiCall(host, 'meetings.get', { id: meetingId });
      const item = (detail.json.value as { agenda: Array<{ id: string; title: string }> }).agenda.find((a) => a.title === ITEM)!;
      const save = async (content: unknown) => expect((await apiCall(host, 'minutes.saveSection', { meetingId, sectionKey: item.id, content })).json.ok).toBe(true);
      await save(doc(p(t('Then: '), flag(['f-removed'], t('Mistral AI plans to hire 40 engineers')), t('.'))));
      await save(doc(p(t('Then: nothing more.'))));
      const state = async () => ((await apiCall(host, 'flags.list', { meetingId })).json.value as { flags: Array<{ id: string; retiredReason: string | null }> }).flags.find((f) => f.id === 'f-removed')!.retiredReason;
      expect(await state()).toBe('text_removed');

      const m = new MinutesPageModel(page);
      const c = new ConfidentialityModel(page);
      await m.open(host.origin, meetingId);
      await c.openTab('Flags');
      // The header says the flag still guards copies; the panel does not say "No flags yet".
      const glance = c.flagsPanel().locator('.glance');
      await glance.getByText(/1 flag whose text was deleted still keeps any copy of it out of public files/).waitFor();
      expect(await c.flagsPanel().getByText('No flags yet').count()).toBe(0);
      const history = c.flagsPanel().locator('details.flag-history');
      await history.locator('summary').click();
      const entry = history.locator('li[data-state="text_removed"]', { hasText: 'Mistral AI plans' });
      await entry.getByRole('button', { name: /^Lift the flag on/ }).click();
      await entry.getByRole('group', { name: 'Lift this flag?' }).getByText(/any copy of it left in the meeting is still kept out of public files/).waitFor();
      await screenshot(page, 'flags-lift-text-removed');
      await entry.getByRole('button', { name: 'Keep flag' }).click();
      expect(await state()).toBe('text_removed');
      await entry.getByRole('button', { name: /^Lift the flag on/ }).click();
      await entry.getByRole('button', { name: 'Lift flag and publish' }).click();
      await history.locator('li[data-state="lifted"]', { hasText: 'Mistral AI plans' }).waitFor();
      expect(await state()).toBe('unflagged');
      expect((await glance.textContent())!.replace(/\s+/g, ' ').trim()).toBe('0 flags in force');
    }));
});
