import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, closeSession, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { MeetingsPage } from './pages';

/** Loading the example never changes the real roster: its organisations are shown apart and removed in one step. */
describe('example data apart, in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    for (const name of ['Aleph Alpha GmbH', 'Mistral AI']) {
      const r = await apiCall(host, 'organisations.create', { name });
      expect(r.json.ok).toBe(true);
    }
    page = await openApp(browser, host);
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  const roster = async () => {
    await page.goto(`${host.origin}/#/members`);
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    const region = page.getByRole('region', { name: 'Roster', exact: true });
    await region.getByRole('article').first().waitFor();
    return (await region.getByRole('heading', { level: 2 }).allInnerTexts()).map((t) => t.trim()).sort();
  };

  it('loads the example; the real roster is unchanged and the example is removed in one step', async () => {
    const before = await roster();
    expect(before).toEqual(['Aleph Alpha GmbH', 'Mistral AI']);

    const meetings = new MeetingsPage(page);
    await meetings.open(host.origin);
    await meetings.loadExample();

    expect(await roster()).toEqual(before);
    const example = page.getByRole('region', { name: /Example data/ });
    await example.waitFor();
    const made = await example.getByRole('list', { name: 'Example organisations' }).getByRole('listitem').allInnerTexts();
    expect(made.some((t) => t.startsWith('Aleph Alpha'))).toBe(true);
    expect(made.some((t) => t.startsWith('Mistral AI'))).toBe(false); // the real one is used, not duplicated

    await example.getByRole('button', { name: 'Remove the example data' }).click();
    await page.getByRole('dialog', { name: 'Remove the example data?' }).getByRole('button', { name: 'Remove the example data' }).click();
    await example.waitFor({ state: 'detached' });
    expect(await roster()).toEqual(before);
    const list = (await apiCall(host, 'meetings.list', {})).json.value as unknown[];
    expect(list).toEqual([]);
  });
});
