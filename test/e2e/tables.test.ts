import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, makeDataDir, openExampleSession, type HostProcess } from './harness';
import { ConfidentialityModel, MinutesPageModel, screenshot } from './pages';

/**
 * A table pasted into the minutes (HTML, as Word, LibreOffice or a web page put it on the clipboard) is a real table
 * in the editor, in the live preview and in the exported public summary; a flag inside a cell is redacted there;
 * a pasted image leaves no placeholder in the public summary. And an edited document convention of the body (Settings
 * → Body and documents) appears in the live preview and in the export.
 */
describe('tables and document conventions in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  let meetingId = '';
  const dataDir = makeDataDir();
  const SECRET = 'pending board approval of 40M';
  const HTML =
    '<meta charset="utf-8"><p>Positions <img src="https://example.org/chart.png" alt="chart"></p>' +
    '<table style="width:500px"><thead><tr><th>Signatory</th><th>Position</th></tr></thead>' +
    `<tbody><tr><td>Acme AI</td><td>Supports, ${SECRET}</td></tr><tr><td>Beta Labs</td><td>Opposes</td></tr></tbody></table>`;

  beforeAll(async () => {
    ({ browser, host, page, meetingId } = await openExampleSession(dataDir, 1440, 900));
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  async function exportPublicSummary(): Promise<string> {
    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    const outDir = fs.mkdtempSync(path.join(dataDir, 'downloads-'));
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Export the public summary' }).click();
    await page.getByRole('alertdialog', { name: 'Export a draft public summary?' }).getByRole('button', { name: 'Export as draft' }).click();
    const d = await download;
    const file = path.join(outDir, d.suggestedFilename());
    await d.saveAs(file);
    return strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!);
  }

  it('a pasted HTML table is a table in the editor, the preview and the public summary DOCX; a flagged cell is redacted', async () => {
    const m = new MinutesPageModel(page);
    const c = new ConfidentialityModel(page);
    await m.open(host.origin, meetingId);
    const section = m.section('opening');
    const editor = m.editor(section);
    await editor.click();
    await page.keyboard.press('Control+End');
    // A paste as the browser delivers it: a ClipboardEvent carrying text/html.
    await editor.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Signatory Position');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, HTML);
    const table = editor.locator('table');
    await table.waitFor();
    expect(await table.locator('tr').count()).toBe(3);
    expect(await table.locator('th').allInnerTexts()).toEqual(['Signatory', 'Position']);
    expect(await table.locator('td').allInnerTexts()).toEqual(['Acme AI', `Supports, ${SECRET}`, 'Beta Labs', 'Opposes']);
    await m.waitSaved();

    // Flag the passage inside the cell.
    await c.select(editor, SECRET);
    await page.keyboard.press('Alt+Shift+F');
    await c.flagDialog().waitFor();
    await page.keyboard.press('Enter');
    await c.flagDialog().waitFor({ state: 'detached' });
    await table.locator('mark.tfs-flag', { hasText: SECRET }).waitFor();
    await m.waitSaved();

    await c.openTab('Public preview');
    await c.waitPreview((t) => t.includes('Beta Labs'), 'the pasted table');
    const pvTable = c.preview().locator('table.pv-table');
    expect(await pvTable.locator('thead th').allInnerTexts()).toEqual(['Signatory', 'Position']);
    expect(await pvTable.locator('tbody td').allInnerTexts()).toEqual(['Acme AI', 'Supports, […]', 'Beta Labs', 'Opposes']);
    const preview = await c.preview().innerText();
    expect(preview).not.toContain(SECRET);
    expect(preview).not.toContain('image omitted');
    await pvTable.scrollIntoViewIfNeeded();
    await screenshot(page, 'table-paste');

    const xml = await exportPublicSummary();
    expect(xml).not.toContain('board approval');
    expect(xml).not.toContain('image omitted');
    const tbl = /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*Beta Labs[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? '';
    expect(tbl, 'a real table holding the pasted rows').not.toBe('');
    expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
    expect(tbl).toContain('<w:tblHeader/>');
    expect(tbl).toContain('Supports, ');
    expect(tbl).toContain('[…]');
  });

  it('an edited convention of the body (Settings → Body and documents) is in the live preview and the export', async () => {
    await page.goto(`${host.origin}/#/settings`);
    const form = page.getByRole('group', { name: 'Body and documents' });
    await form.waitFor();
    // Clear errors, nothing saved while one is wrong.
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByLabel('Place of issue').fill('Luxembourg');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await form.getByRole('alert').filter({ hasText: 'Time zone is not a known time zone.' }).waitFor();
    await form.getByLabel('Time zone').fill('Europe/Luxembourg');
    await form.getByLabel('Reference prefix').fill('AIO/TEST');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);

    const m = new MinutesPageModel(page);
    const c = new ConfidentialityModel(page);
    await m.open(host.origin, meetingId);
    await c.openTab('Public preview');
    const text = await c.waitPreview((t) => t.includes('Luxembourg,'), 'the new place of issue');
    expect(text).toContain('AIO/TEST/');
    const xml = await exportPublicSummary();
    expect(xml).toMatch(/Luxembourg, \d{1,2} \w+ \d{4}/);
    expect(xml).toContain('AIO/TEST/');
  });
});
