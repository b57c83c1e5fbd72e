import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, closeSession, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { screenshot } from './pages';

const docxText = (file: string) =>
  strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!)
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');

/** The register page lists meetings (filter, sort) and exports the public register and the member list as DOCX. */
describe('register in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();
  const call = async (name: string, input: unknown) => {
    const r = await apiCall(host, name, input);
    if (!r.json.ok) throw new Error(`${name}: ${JSON.stringify(r.json.error)}`);
    return r.json.value as never;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    const a = (await call('meetings.create', { title: 'Second plenary', startsAt: '2026-03-12T10:00', endsAt: '2026-03-12T12:00' })) as { meeting: { id: string } };
    for (const status of ['agenda_circulated', 'held']) await call('meetings.setStatus', { id: a.meeting.id, status });
    await call('meetings.create', { title: 'Working group on safety', kind: 'ad_hoc_group', groupName: 'Safety', startsAt: '2026-06-02T14:00', endsAt: '2026-06-02T16:00' });
    const org = (await call('organisations.create', { name: 'Northwind AI SE', shortName: 'Northwind' })) as { id: string };
    await call('representatives.create', { organisationId: org.id, name: 'Lena Vogt', role: 'Head of policy', email: 'lena@northwind.example' });
    page = await openApp(browser, host);
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  it('filters and sorts the register, then exports the public register and the member list', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Register of meetings', level: 1 }).waitFor();
    const titles = () => page.locator('table.register tbody tr td:nth-child(2) a').allInnerTexts();
    await expect.poll(titles).toEqual(['Working group on safety', 'Second plenary']);
    await page.getByRole('columnheader', { name: /Date/ }).getByRole('button').click();
    await expect.poll(titles).toEqual(['Second plenary', 'Working group on safety']);
    await page.getByLabel('Kind').selectOption({ label: 'Ad hoc group' });
    await expect.poll(titles).toEqual(['Working group on safety']);
    await page.getByLabel('Kind').selectOption({ label: 'Any' });

    const outDir = fs.mkdtempSync(path.join(dataDir, 'downloads-'));
    const download = async (button: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const file = path.join(outDir, d.suggestedFilename());
      await d.saveAs(file);
      return { name: d.suggestedFilename(), file };
    };
    const register = await download('Export public register of meetings (DOCX)');
    expect(register.name).toMatch(/Public register of meetings\.docx$/);
    await page.getByRole('status').filter({ hasText: 'passed the redaction check' }).waitFor();
    const rtext = docxText(register.file);
    expect(rtext).toContain('Register of meetings');
    expect(rtext).toContain('Second plenary');
    expect(rtext).not.toContain('Working group on safety'); // planned, not held

    const members = await download('Export list of member organisations (DOCX)');
    expect(members.name).toMatch(/List of member organisations\.docx$/);
    await screenshot(page, 'register');
    const mtext = docxText(members.file);
    expect(mtext).toContain('Northwind AI SE (Northwind)');
    expect(mtext).toContain('Lena Vogt');
    expect(mtext).not.toContain('lena@northwind.example');
  });

  it('exports a meeting package with a passphrase and imports it back after the meeting was deleted for good', async () => {
    await page.goto(`${host.origin}/#/register`);
    await page.getByRole('heading', { name: 'Register of meetings', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Export Second plenary as a package' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a meeting package' });
    await dialog.getByLabel(/Passphrase/).fill('a long passphrase');
    const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export encrypted package' }).click()]);
    const file = path.join(dataDir, d.suggestedFilename());
    await d.saveAs(file);
    expect(d.suggestedFilename()).toBe('2026-03-12 Second plenary.tfsmeeting');

    const list = (await call('register.list', {})) as Array<{ meetingId: string; title: string }>;
    const id = list.find((m) => m.title === 'Second plenary')!.meetingId;
    await call('meetings.delete', { id });
    await call('trash.empty', { confirm: true });
    await page.reload();
    await page.getByRole('heading', { name: 'Register of meetings', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Import a meeting package…' }).click();
    const imp = page.getByRole('dialog', { name: 'Import a meeting package' });
    await imp.getByLabel(/Package file/).setInputFiles(file);
    await imp.getByRole('button', { name: 'Import' }).click();
    await imp.getByRole('alert').filter({ hasText: 'encrypted: enter its passphrase' }).waitFor();
    await imp.getByLabel('Passphrase').fill('a wrong passphrase');
    await imp.getByRole('button', { name: 'Import' }).click();
    await imp.getByRole('alert').filter({ hasText: 'passphrase is wrong' }).waitFor();
    await imp.getByLabel('Passphrase').fill('a long passphrase');
    await imp.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Second plenary', level: 1 }).waitFor();
  });
});
