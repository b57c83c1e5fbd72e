import path from 'node:path';
import fs from 'node:fs';
import type { Locator, Page, Route } from 'playwright-core';
import { ROOT } from './harness';

/** Page models: the tests speak of meetings and agenda items, not selectors. */
export class MeetingsPage {
  constructor(readonly page: Page) {}
  async open(origin: string) {
    await this.page.goto(`${origin}/#/`);
    await this.page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
  }
  async create(m: { title: string; date: string; start: string; end: string; location?: string }) {
    await this.page.getByRole('button', { name: 'New meeting' }).click();
    const form = this.page.getByRole('form', { name: 'Create meeting' });
    await form.getByLabel('Title').fill(m.title);
    await form.getByLabel('Date').fill(m.date);
    await form.getByLabel('Starts').fill(m.start);
    await form.getByLabel('Ends').fill(m.end);
    if (m.location) await form.getByLabel('Location').fill(m.location);
    await form.getByRole('button', { name: 'Create meeting' }).click();
    await this.page.getByRole('heading', { name: m.title, level: 1 }).waitFor();
  }
  async loadExample() {
    await this.page.getByRole('button', { name: 'Load the example meeting' }).click();
    await this.page.getByRole('heading', { name: 'Constitutive meeting of the Signatory Taskforce', level: 1 }).waitFor();
  }
}

export class AgendaPage {
  constructor(readonly page: Page) {}
  rows(): Locator {
    return this.page.locator('.agenda-row');
  }
  /** "1 Opening", "2.1 Sub" … in screen order. */
  async outline(): Promise<string[]> {
    const rows = this.rows();
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rows.nth(i);
      out.push(`${(await r.locator('.number').innerText()).trim()} ${(await r.locator('.title').innerText()).trim()}`);
    }
    return out;
  }
  async add(item: { title: string; kind?: string; presenter?: string; minutes?: number }) {
    const form = this.page.getByRole('form', { name: 'New agenda item' });
    await form.getByLabel('Item title').fill(item.title);
    if (item.kind) await form.getByLabel('Kind').selectOption({ label: item.kind });
    if (item.presenter) await form.getByLabel('Presenter').fill(item.presenter);
    if (item.minutes !== undefined) await form.getByLabel('Minutes').fill(String(item.minutes));
    const before = await this.rows().count();
    await form.getByRole('button', { name: 'Add item' }).click();
    await this.page.waitForFunction((n) => document.querySelectorAll('.agenda-row').length > n, before);
  }
  async addSubItem(parentNumber: string, title: string, minutes = 10) {
    await this.page.getByRole('button', { name: `Add a sub-item to item ${parentNumber}` }).click();
    const form = this.page.getByRole('form', { name: `New sub-item of item ${parentNumber}` });
    await form.getByLabel('Item title').fill(title);
    await form.getByLabel('Minutes').fill(String(minutes));
    const before = await this.rows().count();
    await form.getByRole('button', { name: 'Add sub-item' }).click();
    await this.page.waitForFunction((n) => document.querySelectorAll('.agenda-row').length > n, before);
  }
  handle(number: string, title: string): Locator {
    return this.page.getByRole('button', { name: `Move item ${number} ${title}` });
  }
  async waitForOutline(expected: string[]) {
    try {
      await this.waitForOutlineOnce(expected);
    } catch (e) {
      throw new Error(`Agenda is ${JSON.stringify(await this.outline())}, expected ${JSON.stringify(expected)}`, { cause: e });
    }
  }
  private async waitForOutlineOnce(expected: string[]) {
    await this.page.waitForFunction(
      (exp) => {
        const rows = [...document.querySelectorAll('.agenda-row')].map(
          (r) => `${r.querySelector('.number')?.textContent?.trim()} ${r.querySelector('.title')?.textContent?.trim()}`,
        );
        return JSON.stringify(rows) === JSON.stringify(exp);
      },
      expected,
      { timeout: 20_000 },
    );
  }
}

export class MembersPage {
  constructor(readonly page: Page) {}
  async open(origin: string) {
    await this.page.goto(`${origin}/#/members`);
    await this.page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
  }
  async addOrganisation(name: string, shortName: string) {
    const form = this.page.getByRole('form', { name: 'Add an organisation' });
    await form.getByLabel('Organisation name').fill(name);
    await form.getByLabel('Short name').fill(shortName);
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await this.page.getByRole('article', { name }).waitFor();
  }
  async addRepresentative(org: string, rep: { name: string; email: string; role: string }) {
    const card = this.page.getByRole('article', { name: org });
    await card.getByRole('button', { name: `Add a representative of ${org}` }).click();
    const form = card.getByRole('form', { name: `Add a representative of ${org}` });
    await form.getByLabel('Name').fill(rep.name);
    await form.getByLabel('E-mail').fill(rep.email);
    await form.getByLabel('Role').fill(rep.role);
    await form.getByRole('button', { name: 'Add representative' }).click();
    await card.getByRole('cell', { name: rep.name, exact: true }).waitFor();
  }
}

/** Screenshots go to test-results/screenshots (or $TFS_SCREENSHOTS, e.g. docs/screenshots for the README). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const dir = process.env.TFS_SCREENSHOTS ? path.resolve(ROOT, process.env.TFS_SCREENSHOTS) : path.join(ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // The viewport by default: what the officer sees (a full-page capture paints the sticky top bar mid-page).
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}

export class MinutesPageModel {
  constructor(readonly page: Page) {}
  async open(origin: string, meetingId: string) {
    await this.page.goto(`${origin}/#/meetings/${meetingId}/minutes`);
    await this.page.locator('.minutes-section').first().waitFor();
  }
  section(key: string): Locator {
    return this.page.locator(`[data-section-key="${key}"]`);
  }
  /**
   * Restores, from the History of the item titled `title` (as its history button names it: "Opening", "3 Incident
   * reporting"), the words a save refused and kept ("not saved: changed in another window"), and waits until the
   * dialog has closed.
   */
  async restoreKeptCopy(title: string) {
    await this.page.getByRole('button', { name: `Revision history of ${title}` }).click();
    const dialog = this.page.getByRole('dialog', { name: /History of/ });
    await dialog.locator('.rev-list button', { hasText: 'not saved: changed in another window' }).click();
    await dialog.getByRole('button', { name: 'Restore this revision' }).click();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  /**
   * Sends the host's answers for one section (`which.key`, set once known) through `handle`, to hold them back or fail
   * them; every other call goes through.
   */
  async routeSection(handle: (route: Route) => Promise<void>): Promise<{ key: string }> {
    const which = { key: '' };
    await this.page.route('**/api/minutes.section', async (route) => {
      if ((JSON.parse(route.request().postData() ?? '{}') as { sectionKey?: string }).sectionKey === which.key) return handle(route);
      await route.continue();
    });
    return which;
  }
  /**
   * Opens the minutes with the host's answers for the section titled `title` sent through `handle` (routeSection),
   * and returns that section with its key.
   */
  async openRoutingSection(origin: string, meetingId: string, title: string, handle: (route: Route) => Promise<void>): Promise<{ section: Locator; key: string }> {
    const which = await this.routeSection(handle);
    await this.open(origin, meetingId);
    const section = this.sectionByTitle(title);
    which.key = (await section.getAttribute('data-section-key'))!;
    return { section, key: which.key };
  }
  sectionByTitle(title: string): Locator {
    return this.page.locator('.minutes-section', { has: this.page.getByRole('heading', { name: title }) });
  }
  editor(section: Locator): Locator {
    return section.locator('[contenteditable="true"]');
  }
  /** The text of each paragraph of a section's editor, in order. */
  paragraphs(section: Locator): Promise<Array<string | null>> {
    return this.editor(section).evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.textContent));
  }
  /** Starts the meeting from the bar's button. */
  async startMeeting() {
    await this.page.getByRole('button', { name: 'Start meeting' }).click();
    await this.page.getByRole('button', { name: 'End meeting' }).waitFor();
  }
  /** Next item by shortcut, once the item titled `title` is marked current. */
  async nextItem(title: string) {
    await this.page.keyboard.press('Alt+Shift+N');
    await this.page.waitForFunction((t) => document.querySelector('.minutes-section.current h2')?.textContent?.includes(t), title);
  }
  /** Waits until the caret is in the current section's editor. */
  async caretInCurrent() {
    await this.page.waitForFunction(() => document.querySelector('.minutes-section.current [contenteditable]') === document.activeElement);
  }
  async currentTitle(): Promise<string> {
    return (await this.page.locator('.minutes-section.current h2').innerText()).trim();
  }
  /**
   * Waits until every change is acknowledged by the backend (after the SQLite commit).
   *
   * The indicator is rendered as a React transition (useAutosave: not to hold back a key's paint), so for a moment
   * after a change it still says "All changes saved" of the words before it (seen: the mark a Redo brought back was on
   * screen while the bar still said so, and a check of the records straight after read the state before the Redo).
   * So the words must stand through several turns of rendering, each with a task after its frame, where a pending
   * transition renders; "Saving…" meanwhile starts the count again.
   */
  async waitSaved() {
    try {
      await this.page.waitForFunction(
        () => {
          const w = window as unknown as { __savedTurns?: number };
          const saved = /All changes saved/.test(document.querySelector('.saving-indicator')?.textContent ?? '');
          w.__savedTurns = saved ? (w.__savedTurns ?? 0) + 1 : 0;
          if (w.__savedTurns < 4) return false;
          w.__savedTurns = 0;
          return true;
        },
        undefined,
        { timeout: 15_000, polling: 25 },
      );
    } catch (e) {
      const shown = await this.page.locator('.saving-indicator').innerText().catch(() => '(no indicator)');
      const failed = await this.page.locator('.minutes-section').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-section-key')}: ${e.querySelector('.save-state')?.textContent}`).filter((t) => !t.endsWith('Saved')));
      throw new Error(`Not all saved: "${shown}" ${failed.join(' | ')}`, { cause: e });
    }
  }
}

/** The confidentiality side of the minutes page: selections, flags, the Flags panel, the public preview, suggestions. */
export class ConfidentialityModel {
  constructor(readonly page: Page) {}

  /** Selects the first occurrence of `text` (within one DOM text node) in an editor, as a mouse drag would. */
  async select(editor: Locator, text: string) {
    await editor.evaluate((root, t) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t);
        if (i >= 0) {
          (root as HTMLElement).focus();
          window.getSelection()!.setBaseAndExtent(n, i, n, i + t.length);
          return;
        }
      }
      throw new Error(`text not found: ${t}`);
    }, text);
    await this.page.waitForFunction((t) => window.getSelection()?.toString() === t, text);
    // Lexical reads the DOM selection on selectionchange: let that event run.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }

  /** Puts the caret `offset` characters into the first text node containing `text`. */
  async caretIn(editor: Locator, text: string, offset: number) {
    await editor.evaluate(
      (root, [t, o]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf(t);
          if (i >= 0) {
            (root as HTMLElement).focus();
            window.getSelection()!.setBaseAndExtent(n, i + (o), n, i + (o));
            return;
          }
        }
        throw new Error(`text not found: ${t}`);
      },
      [text, offset] as const,
    );
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }

  /** Right-clicks in the middle of the current selection. */
  async rightClickSelection() {
    const box = await this.page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await this.page.mouse.click(box.x, box.y, { button: 'right' });
  }

  flagDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Flag as not for publication' });
  }

  /** Flags `text` in `editor` as an officer does with the keyboard: selected, Alt+Shift+F, Enter (the default reason). */
  async flagByShortcut(editor: Locator, text: string) {
    await this.select(editor, text);
    await this.page.keyboard.press('Alt+Shift+F');
    await this.flagDialog().waitFor();
    await this.page.keyboard.press('Enter');
    await this.flagDialog().waitFor({ state: 'detached' });
  }

  /** The flag marks of a section, as [ids, text] pairs in document order. */
  async marks(section: Locator): Promise<Array<{ ids: string; text: string }>> {
    return section.locator('mark.tfs-flag').evaluateAll((els) => els.map((e) => ({ ids: e.getAttribute('data-flag-ids') ?? '', text: e.textContent ?? '' })));
  }

  async openTab(name: 'Flags' | 'Public preview' | 'Attendance') {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  flagsPanel(): Locator {
    return this.page.locator('.flags-panel');
  }

  /** "Reason: n" for each reason with flags in force. */
  async counts(): Promise<string[]> {
    return (await this.page.locator('.flag-counts li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  }

  preview(): Locator {
    return this.page.getByTestId('public-preview');
  }

  /** Waits until the preview's text satisfies `test` (it is rebuilt shortly after typing stops). */
  async waitPreview(test: (text: string) => boolean, what: string) {
    const deadline = Date.now() + 10_000;
    let last = '';
    while (Date.now() < deadline) {
      last = (await this.preview().innerText().catch(() => '')) ?? '';
      if (test(last)) return last;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`preview never showed ${what}; it says:\n${last}`);
  }

  suggestion(section: Locator, text: string): Locator {
    return section.locator('.suggestion').filter({ has: this.page.locator(`.sg-text`, { hasText: text }) });
  }
}
