import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, closeSession, makeDataDir, openExampleSession, type HostProcess } from './harness';
import { screenshot } from './pages';

/** The five documents of the example meeting, exported through the UI of the browser host (downloads). */
describe('exports in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  let meetingId = '';
  const dataDir = makeDataDir();

  beforeAll(async () => {
    ({ browser, host, page, meetingId } = await openExampleSession(dataDir, 1280, 860));
    // Minutes with a confidential passage, so the public summary has something to withhold.
    const state = (await apiCall(host, 'minutes.get', { meetingId })).json.value as { sections: Array<{ key: string }> };
    const flag = (await apiCall(host, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'Mistral AI will launch in Q3' })).json.value as { id: string };
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
    const para = (children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });
    const content = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          para([text('The chair opened the meeting. '), { type: 'flag', version: 1, ids: [flag.id], direction: null, format: '', indent: 0, children: [text('Mistral AI will launch in Q3')] }, text(' was noted.')]),
        ],
      },
    };
    const saved = await apiCall(host, 'minutes.saveSection', { meetingId, sectionKey: state.sections[0]!.key, content });
    expect(saved.status).toBe(200);
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  it('exports all five documents; the public summary holds the marker, not the flagged text', async () => {
    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    const downloads: Array<{ name: string; file: string }> = [];
    const outDir = fs.mkdtempSync(path.join(dataDir, 'downloads-'));
    page.on('download', (d) => {
      const file = path.join(outDir, d.suggestedFilename());
      downloads.push({ name: d.suggestedFilename(), file });
      void d.saveAs(file);
    });
    await page.getByRole('button', { name: 'Export all five' }).click();
    // The example's minutes are a draft: the public summary is asked about first.
    await page.getByRole('alertdialog', { name: 'Export a draft public summary?' }).getByRole('button', { name: 'Export as draft' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.outcomes li').length === 5 && !document.querySelector('.progress'), undefined, { timeout: 60_000 });
    const outcomes = await page.locator('.outcomes li').allInnerTexts();
    expect(outcomes.every((o) => o.startsWith('✓')), outcomes.join('\n')).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('table.history tbody tr').length === 5);
    await page.getByRole('heading', { name: 'Documents' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'exports');
    await expect.poll(() => downloads.length).toBe(5);
    await expect.poll(() => downloads.every((d) => fs.existsSync(d.file) && fs.statSync(d.file).size > 0)).toBe(true);

    expect(downloads.map((d) => d.name).sort()).toEqual(
      [expect.stringMatching(/^2026-01-30 .*agenda.*\.docx$/i), expect.stringMatching(/\.docx$/), expect.stringMatching(/\.docx$/), expect.stringMatching(/\.docx$/), expect.stringMatching(/\.docx$/)],
    );
    const xmlOf = (name: RegExp) => {
      const d = downloads.find((x) => name.test(x.name))!;
      const parts = unzipSync(new Uint8Array(fs.readFileSync(d.file)));
      return strFromU8(parts['word/document.xml']!);
    };
    const pub = xmlOf(/public summary/i);
    expect(pub).toContain('[…]');
    expect(pub).not.toContain('Mistral AI will launch');
    expect(pub).toContain('The chair opened the meeting.');
    const internal = xmlOf(/internal minutes/i);
    expect(internal).toContain('Mistral AI will launch in Q3');
    const history = (await apiCall(host, 'exports.history', { meetingId })).json.value as Array<{ kind: string; checkPassed: boolean | null }>;
    expect(history.find((h) => h.kind === 'public_summary')?.checkPassed).toBe(true);
    const header = (name: RegExp) => strFromU8(unzipSync(new Uint8Array(fs.readFileSync(downloads.find((x) => name.test(x.name))!.file)))['word/header1.xml']!);
    expect(header(/public summary/i)).toContain('DRAFT — minutes not approved (version 1, draft)');
    expect(header(/internal minutes/i)).toContain('Internal — not for publication');
  });

  it('asks before a draft public summary: Cancel exports nothing, Escape too', async () => {
    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    const before = ((await apiCall(host, 'exports.history', { meetingId })).json.value as unknown[]).length;
    let downloaded = 0;
    page.on('download', () => void downloaded++);
    const dialog = page.getByRole('alertdialog', { name: 'Export a draft public summary?' });
    await page.getByRole('button', { name: 'Export the public summary' }).click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('version 1, draft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel'); // Cancel is the default
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('.outcomes li', { hasText: 'not exported' }).waitFor();
    await page.getByRole('button', { name: 'Export the public summary' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.outcomes li', { hasText: 'not exported' }).waitFor();
    expect(((await apiCall(host, 'exports.history', { meetingId })).json.value as unknown[]).length).toBe(before);
    expect(downloaded).toBe(0);
  });

  it('refuses an agenda that holds a passage flagged in another meeting: no download, the item named, the history says so', async () => {
    const created = (await apiCall(host, 'meetings.create', { title: 'Follow-up plenary', startsAt: '2026-03-03T10:00', endsAt: '2026-03-03T12:00', timeZone: 'Europe/Brussels' }))
      .json.value as { meeting: { id: string } };
    const other = created.meeting.id;
    await apiCall(host, 'agenda.add', { meetingId: other, title: 'Market update' });
    await apiCall(host, 'agenda.add', { meetingId: other, title: 'Launch plans', description: 'Members will hear that Mistral AI will launch in Q3.' });
    await page.goto(`${host.origin}/#/meetings/${other}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    let downloaded = 0;
    page.on('download', () => void downloaded++);
    await page.getByRole('button', { name: 'Export the agenda (convening notice)' }).click();
    const outcome = page.locator('.outcomes li.failed');
    await outcome.waitFor();
    const said = await outcome.innerText();
    expect(said).toContain('The agenda was not produced');
    expect(said).toContain('Mistral AI will launch in Q3');
    expect(said).toContain('is in item 2 “Launch plans”, in its description');
    expect(said).not.toMatch(/word\/|\.xml|exports\.create|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Said once (it was also repeated in an alert above the outcome, the same words twice), and read out at once.
    const documents = await page.locator('section.exports').innerText();
    expect(documents.split('The agenda was not produced').length - 1).toBe(1);
    expect(await page.locator('.outcomes').getAttribute('aria-live')).toBe('assertive');
    await page.locator('table.history tbody tr', { hasText: 'Blocked — not written' }).waitFor();
    await page.getByRole('heading', { name: 'Documents' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'agenda-refused');
    expect(downloaded).toBe(0);
  });
});

