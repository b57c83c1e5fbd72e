import path from 'node:path';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
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
    await this.page.waitForFunction(
      (exp) => {
        const rows = [...document.querySelectorAll('.agenda-row')].map(
          (r) => `${r.querySelector('.number')?.textContent?.trim()} ${r.querySelector('.title')?.textContent?.trim()}`,
        );
        return JSON.stringify(rows) === JSON.stringify(exp);
      },
      expected,
      { timeout: 10_000 },
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
export async function screenshot(page: Page, name: string) {
  const dir = process.env.TFS_SCREENSHOTS ? path.resolve(ROOT, process.env.TFS_SCREENSHOTS) : path.join(ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
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
  sectionByTitle(title: string): Locator {
    return this.page.locator('.minutes-section', { has: this.page.getByRole('heading', { name: title }) });
  }
  editor(section: Locator): Locator {
    return section.locator('[contenteditable="true"]');
  }
  async currentTitle(): Promise<string> {
    return (await this.page.locator('.minutes-section.current h2').innerText()).trim();
  }
  /** Waits until every change is acknowledged by the backend (after the SQLite commit). */
  async waitSaved() {
    await this.page.waitForFunction(() => /All changes saved/.test(document.querySelector('.saving-indicator')?.textContent ?? ''), undefined, { timeout: 15_000 });
  }
}
