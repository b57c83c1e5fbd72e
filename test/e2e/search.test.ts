import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, closeSession, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { screenshot } from './pages';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const para = (t: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text(t)] });
const docOf = (...ps: string[]) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: ps.map(para) } });

/** Search from the top bar finds a phrase in an old meeting's minutes and opens the editor at it. */
describe('search in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();
  let oldId = '';
  let itemKey = '';

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    const call = async (name: string, input: unknown) => {
      const r = await apiCall(host, name, input);
      if (!r.json.ok) throw new Error(`${name}: ${JSON.stringify(r.json.error)}`);
      return r.json.value as never;
    };
    // An old meeting with the phrase deep in an item's minutes, and a recent one with the same words apart.
    const old = (await call('meetings.create', { title: 'Plenary of March 2024', startsAt: '2024-03-12T10:00', endsAt: '2024-03-12T12:00' })) as { meeting: { id: string } };
    oldId = old.meeting.id;
    const agenda = (await call('agenda.add', { meetingId: oldId, title: 'Copyright chapter' })) as Array<{ id: string }>;
    itemKey = agenda[0]!.id;
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the discussion on transparency and documentation.`);
    await call('minutes.saveSection', { meetingId: oldId, sectionKey: itemKey, content: docOf(...filler, 'Members asked for a machine-readable opt-out registry before the summer.', 'End.') });
    const recent = (await call('meetings.create', { title: 'Plenary of 2026', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' })) as { meeting: { id: string } };
    await call('minutes.saveSection', { meetingId: recent.meeting.id, sectionKey: 'opening', content: docOf('The registry was mentioned; an opt-out was not.') });
    page = await openApp(browser, host);
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  it('finds the phrase from the old meeting and jumps to it in the editor', async () => {
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('global-search');
    await page.keyboard.type('"opt-out registry"');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await results.first().waitFor();
    expect(await results.count()).toBe(1);
    const result = results.first();
    expect(await result.innerText()).toContain('Plenary of March 2024');
    expect(await result.locator('mark').innerText()).toBe('opt-out registry');
    await screenshot(page, 'search');

    await result.getByRole('button').click();
    await page.waitForURL(new RegExp(`#/meetings/${oldId}/minutes`));
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? ''), { timeout: 15_000 }).toBe('opt-out registry');
    const inSection = await page.evaluate((key) => {
      const sel = window.getSelection();
      const node = sel?.anchorNode;
      const section = document.querySelector(`[data-section-key="${key}"]`);
      const el = node instanceof Element ? node : node?.parentElement;
      const r = el?.getBoundingClientRect();
      return { inside: !!section && !!node && section.contains(node), visible: !!r && r.top >= 0 && r.bottom <= window.innerHeight };
    }, itemKey);
    expect(inSection).toEqual({ inside: true, visible: true });
  });

  it('"/" outside the editor focuses the search box; diacritics and prefixes match', async () => {
    await page.goto(`${host.origin}/#/`);
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('global-search');
    await page.keyboard.type('régistr*');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(2);
  });

  it('a word in more passages than are ranked: the page says how many match, about, and which were ranked', async () => {
    // Its own state: a meeting whose minutes say "quorum" in 1,100 paragraphs (more than the 1,000 ranked).
    const m = (await apiCall(host, 'meetings.create', { title: 'Long plenary', startsAt: '2025-05-05T10:00', endsAt: '2025-05-05T12:00' })).json as { value: { meeting: { id: string } } };
    const many = Array.from({ length: 1_100 }, (_, i) => `Quorum confirmed at roll call ${i}.`);
    const saved = await apiCall(host, 'minutes.saveSection', { meetingId: m.value.meeting.id, sectionKey: 'opening', content: docOf(...many) });
    expect(saved.json.ok).toBe(true);
    await page.goto(`${host.origin}/#/`);
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('quorum');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(50);
    const status = page.getByRole('status').filter({ hasText: 'passages match' });
    expect(await status.innerText()).toBe('About 1,100 passages match quorum: showing the 50 most relevant of the latest 1,000. Add a word or a filter to narrow it down.');
  });
});
