import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, closeSession, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { screenshot } from './pages';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const docOf = (t: string) => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text(t)] }] },
});

/** Delete a meeting (in-app confirmation), find it in the trash, restore it with its agenda and minutes. */
describe('trash in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();
  let meetingId = '';
  const call = async (name: string, input: unknown) => {
    const r = await apiCall(host, name, input);
    if (!r.json.ok) throw new Error(`${name}: ${JSON.stringify(r.json.error)}`);
    return r.json.value as never;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    const m = (await call('meetings.create', { title: 'Ad hoc group on copyright', startsAt: '2026-03-05T14:00', endsAt: '2026-03-05T16:00' })) as { meeting: { id: string } };
    meetingId = m.meeting.id;
    const agenda = (await call('agenda.add', { meetingId, title: 'Opt-out protocols' })) as Array<{ id: string }>;
    await call('minutes.saveSection', { meetingId, sectionKey: agenda[0]!.id, content: docOf('The group compared three opt-out protocols.') });
    page = await openApp(browser, host);
    // A native dialog would fail the test: the app must ask in its own dialog.
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => {
      void d.dismiss();
      throw new Error(`unexpected native dialog: ${d.message()}`);
    });
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  it('deletes a meeting and restores it from the trash with its agenda and minutes', async () => {
    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    await page.getByRole('heading', { name: 'Ad hoc group on copyright', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this meeting?' });
    await dialog.waitFor();
    // Cancel is the default; cancelling keeps the meeting.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete this meeting?' }).getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.getByText('No meetings yet.').waitFor(); // the list has loaded, without the deleted meeting
    expect(await page.getByText('Ad hoc group on copyright').count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { name: 'Trash', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Ad hoc group on copyright/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('1 agenda item');
    expect(await row.innerText()).toContain('30 days');
    await screenshot(page, 'trash');
    await row.getByRole('button', { name: /^Restore/ }).click();
    await page.getByRole('heading', { name: 'Ad hoc group on copyright', level: 1 }).waitFor();
    await page.getByText('Opt-out protocols').first().waitFor();
    const state = (await call('minutes.get', { meetingId })) as { sections: Array<{ content: { root: { children: Array<{ children: Array<{ text: string }> }> } } }> };
    expect(JSON.stringify(state.sections)).toContain('The group compared three opt-out protocols.');
    await page.goto(`${host.origin}/#/trash`);
    await page.getByText('The trash is empty.').waitFor();
  });
});
