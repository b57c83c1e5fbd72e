import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { screenshot } from './pages';

/** The backups page and the recovery screen, as an officer uses them. */
class BackupsPage {
  constructor(readonly page: Page) {}
  async open(origin: string) {
    await this.page.goto(`${origin}/#/backups`);
    await this.page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
  }
  async backUpNow() {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Backed up and checked' }).waitFor();
  }
}

describe('backups in Chromium: back up, damage the data file, restart, the app offers the backup, restore', () => {
  const dataDir = makeDataDir();
  let browser: Browser | undefined;
  let host: HostProcess | undefined;
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('everything backed up is there after the restore, the damaged file was kept aside, and publication waits for the officer', async () => {
    browser = await launchChromium();
    host = await startHost(dataDir, ['--example']);
    const meetingId = /meeting=([\w-]+)/.exec(host.url)![1]!;
    let page = await openApp(browser, host);
    const backups = new BackupsPage(page);
    await backups.open(host.origin);
    // The list's answer is slow (as under load): "Backed up and checked" is said only once the list shows the backup.
    await page.route('**/api/backup.status', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await backups.backUpNow();
    expect(await page.getByRole('row').filter({ hasText: 'Backed up by hand' }).count()).toBe(1);
    await page.unroute('**/api/backup.status');
    const before = (await apiCall(host, 'meetings.get', { id: meetingId })).json.value as { agenda: unknown[]; meeting: { title: string } };
    await page.context().close();
    await host.kill('SIGKILL'); // no backup on quit: the restore must come from the backup made by hand

    const file = path.join(dataDir, 'taskforce-secretariat.sqlite3');
    const bytes = fs.readFileSync(file);
    // Inside the first page's encrypted, authenticated part (its first 16 bytes are the cipher's salt, which a raw key
    // does not use: damage there alone changes nothing that is read), and the WAL lost (else its newer copy of the
    // first page is read, not the damaged one).
    bytes.write('this is damaged!', 100, 'latin1');
    fs.writeFileSync(file, bytes);
    fs.rmSync(`${file}-wal`, { force: true });

    host = await startHost(dataDir);
    expect(host.output()).toMatch(/header is (missing or )?damaged/);
    expect(host.output()).toMatch(/open the page to restore it/);
    page = await openApp(browser, host);
    await page.getByRole('heading', { name: 'The data file is damaged', level: 1 }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(file);
    expect(await page.getByRole('link', { name: 'Meetings' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Restore the newest backup' }).click();
    const dialog = page.getByRole('dialog', { name: /Restore the backup of/ });
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    // The damaged file kept aside cannot be read: the flags set since the backup could not be kept, and the app says so.
    const restored = page.getByRole('dialog', { name: 'Backup restored' });
    expect(await restored.getByRole('status').innerText()).toMatch(/could not be read.*check the minutes/);
    await restored.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.getByRole('link', { name: before.meeting.title }).first().waitFor();

    const after = (await apiCall(host, 'meetings.get', { id: meetingId })).json;
    expect(after.ok).toBe(true);
    expect(JSON.stringify((after.value as typeof before).agenda)).toBe(JSON.stringify(before.agenda));
    const status = (await apiCall(host, 'backup.status', {})).json.value as { damaged: unknown; backups: Array<{ kind: string }> };
    expect(status.damaged).toBeNull();
    expect(status.backups.map((b) => b.kind)).toContain('before-restore');
    // The damaged file is kept aside byte for byte.
    const aside = fs.readdirSync(path.join(dataDir, 'backups')).find((n) => n.endsWith('-before-restore.sqlite3'))!;
    expect(fs.readFileSync(path.join(dataDir, 'backups', aside)).equals(bytes)).toBe(true);

    // Publication is on hold (services/publication-hold.ts): the flags set since the backup were in the unreadable
    // file only. Every page says so, public files are refused, and the officer releases it on the Backups page.
    const note = page.locator('.hold-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/Publication is on hold: the data was restored from the backup of .* could not be read/);
    const refused = (await apiCall(host, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true })).json;
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/on hold.*Backups page/s) } });
    // The minutes' public preview says so too, where the officer looks before an export.
    await page.goto(`${host.origin}/#/meetings/${meetingId}/minutes`);
    await page.getByRole('tab', { name: /^Public preview/ }).click();
    const previewHold = page.locator('.preview-panel .pv-hold');
    await previewHold.waitFor();
    expect(await previewHold.innerText()).toMatch(/Publication is on hold: this summary cannot be exported until .* the hold released/);
    await note.getByRole('link', { name: 'Open Backups' }).click();
    await page.getByRole('heading', { name: 'Publication is on hold', level: 2 }).waitFor();
    await screenshot(page, 'publication-hold');
    await page.getByRole('button', { name: 'Release the hold…' }).click();
    const release = page.getByRole('dialog', { name: 'Release the publication hold?' });
    expect(await release.innerText()).toMatch(/Release it only once you have checked/);
    // Cancel changes nothing.
    await release.getByRole('button', { name: 'Cancel' }).click();
    expect(((await apiCall(host, 'backup.status', {})).json.value as { publicationHold: unknown }).publicationHold).not.toBeNull();
    await page.getByRole('button', { name: 'Release the hold…' }).click();
    await release.getByRole('button', { name: 'I have checked: release the hold' }).click();
    await page.getByRole('heading', { name: 'Publication is on hold' }).waitFor({ state: 'detached' });
    await note.waitFor({ state: 'detached' });
    // Released, the preview no longer says it (the same page: no reload, no new start-up check).
    await page.goto(`${host.origin}/#/meetings/${meetingId}/minutes`);
    await page.getByRole('tab', { name: /^Public preview/ }).click();
    await page.getByTestId('public-preview').waitFor();
    expect(await previewHold.count()).toBe(0);
    expect(((await apiCall(host, 'backup.status', {})).json.value as { publicationHold: unknown }).publicationHold).toBeNull();
    expect((await apiCall(host, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true })).json.ok).toBe(true);
  });
});

describe('back up to a chosen file in the browser host: an in-app dialog with a path field (no browser dialog)', () => {
  const dataDir = makeDataDir();
  const outDir = makeDataDir();
  let browser: Browser | undefined;
  let host: HostProcess | undefined;
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('the officer types a path; the file is written 0600, encrypted, and the page says where', async () => {
    browser = await launchChromium();
    host = await startHost(dataDir, ['--example']);
    const page = await openApp(browser, host);
    let nativeDialog = false;
    page.on('dialog', () => (nativeDialog = true));
    await new BackupsPage(page).open(host.origin);
    await page.getByRole('button', { name: 'Back up to a file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back up to a file' });
    const target = path.join(outDir, 'taskforce-backup.sqlite3');
    // A folder that does not exist: a clear error in the dialog, nothing written.
    await dialog.getByLabel('Save the backup as').fill(path.join(outDir, 'missing', 'x.sqlite3'));
    await dialog.getByRole('button', { name: 'Back up', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'does not exist' }).waitFor();
    await dialog.getByLabel('Save the backup as').fill(target);
    await dialog.getByRole('button', { name: 'Back up', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `saved as ${target}` }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const raw = fs.readFileSync(target);
    expect(raw.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000'); // encrypted
    expect(raw.toString('latin1')).not.toContain('Constitutive');
    expect(fs.readdirSync(outDir)).toEqual(['taskforce-backup.sqlite3']);
    expect(nativeDialog).toBe(false);
  });
});

describe('restore from the Backups page: what was made confidential since the backup is kept, and the app says so', () => {
  const dataDir = makeDataDir();
  let browser: Browser | undefined;
  let host: HostProcess | undefined;
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an item withheld after the backup stays withheld after the restore; the "Backup restored" dialog names it', async () => {
    browser = await launchChromium();
    host = await startHost(dataDir, ['--example']);
    const meetingId = /meeting=([\w-]+)/.exec(host.url)![1]!;
    const page = await openApp(browser, host);
    let nativeDialog = false;
    page.on('dialog', () => (nativeDialog = true));
    const backups = new BackupsPage(page);
    await backups.open(host.origin);
    await backups.backUpNow();
    // After the backup, the officer withholds an item of the example meeting.
    const agenda = (await apiCall(host, 'meetings.get', { id: meetingId })).json.value as { agenda: Array<{ id: string; title: string; parentId: string | null; forPublication: boolean }>; meeting: { title: string } };
    const item = agenda.agenda.find((i) => i.parentId === null && i.forPublication)!;
    expect((await apiCall(host, 'agenda.update', { id: item.id, forPublication: false })).json.ok).toBe(true);

    await page.reload();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Backed up by hand' }).getByRole('button', { name: /^Restore the backup of/ }).click();
    await page.getByRole('dialog', { name: /Restore the backup of/ }).getByRole('button', { name: 'Restore this backup' }).click();
    const restored = page.getByRole('dialog', { name: 'Backup restored' });
    const said = await restored.getByRole('status').innerText();
    expect(said).toMatch(/1 withheld item set since this backup was kept/);
    expect(said).toContain(agenda.meeting.title);
    await screenshot(page, 'restore-kept');
    await restored.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();

    const after = (await apiCall(host, 'meetings.get', { id: meetingId })).json.value as typeof agenda;
    expect(after.agenda.find((i) => i.id === item.id)!.forPublication).toBe(false);
    expect(nativeDialog).toBe(false);
  });
});
