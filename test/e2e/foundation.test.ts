import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { AgendaPage, MeetingsPage, MembersPage, screenshot } from './pages';
import { call, FIVE_ITEMS_OUTLINE, seedFiveItemMeeting, seedMember } from './seed';

/**
 * The foundation, end to end: the real renderer in Debian's Chromium against the browser host on a real SQLite
 * file. One host and data folder for the file; each test makes the meeting it works on (through the UI when that is
 * what it tests, else through the contract in ./seed), so it can run alone.
 */
describe('meetings, agendas and members in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    page = await openApp(browser, host);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says on start that the desktop runtime is absent and prints the URL', () => {
    expect(host.output()).toMatch(/Electron desktop runtime is not installed/);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('adds a member organisation with a representative', async () => {
    const members = new MembersPage(page);
    await members.open(host.origin);
    await members.addOrganisation('Example Lab', 'ExLab');
    await members.addRepresentative('Example Lab', { name: 'Ada Byron', email: 'ada@example.org', role: 'Policy lead' });
    await page.getByRole('article', { name: 'Example Lab' }).getByRole('cell', { name: 'ada@example.org', exact: true }).waitFor();
    expect(await page.getByRole('article', { name: 'Example Lab' }).locator('.badge').innerText()).toBe('Member');
  });

  it('shows every choice of the new-meeting form in full, in a wide and in a narrow window', async () => {
    const meetings = new MeetingsPage(page);
    await meetings.open(host.origin);
    // An earlier meeting, so the form also offers to start from its agenda.
    const made = await apiCall(host, 'meetings.create', { title: 'A meeting to copy from', startsAt: '2027-01-12T10:00', endsAt: '2027-01-12T12:00' });
    expect(made.json.ok).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'New meeting' }).click();
    const form = page.getByRole('form', { name: 'Create meeting' });
    await form.waitFor();
    // Each select's chosen option, measured in the select's own font, against the room its box leaves for text
    // (its width less padding and the arrow, ~24 px in Chromium). Clipped text is what the officer cannot read.
    const clipped = () =>
      form.evaluate((f) => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        return [...f.querySelectorAll('select')].flatMap((s) => {
          const cs = getComputedStyle(s);
          ctx.font = cs.font;
          const text = s.selectedOptions[0]?.textContent ?? '';
          const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 24;
          const label = s.id ? (document.querySelector(`label[for="${s.id}"]`)?.textContent ?? '') : '';
          return ctx.measureText(text).width > room ? [`${label}: “${text}”`] : [];
        });
      });
    try {
      for (const width of [1280, 1024, 720]) {
        await page.setViewportSize({ width, height: 860 });
        await form.getByLabel('Kind').selectOption({ label: 'Ad hoc group' });
        for (const label of ['Withheld items in the public summary', 'Start from the agenda of', 'Convened', 'Format', 'Kind']) {
          const select = form.getByLabel(label);
          for (const value of await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
            await select.selectOption(value);
            expect(await clipped(), `at ${width} px`).toEqual([]);
          }
        }
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens "New meeting" ready to type its title, with the defaults of the day it opens, and empty again after Cancel', async () => {
    // The page's clock is the test's: the list is read on a Monday and the form opened three days later, as when the
    // app stays open over a week. The form's date is a week from the day it opens, not from the day the list showed.
    // (What a form made ahead of the click, to open it sooner, gets wrong: tried for issue 16 with React's <Activity>,
    // it also lost the cursor in the title, as autoFocus acts when a field is made; and it was no faster in all.)
    const fresh = await openApp(browser, host);
    try {
      await fresh.clock.install({ time: new Date('2027-03-01T09:00:00Z') });
      await new MeetingsPage(fresh).open(host.origin);
      const form = fresh.getByRole('form', { name: 'Create meeting' });
      expect(await form.count(), 'no form before the click').toBe(0);
      await fresh.clock.setSystemTime(new Date('2027-03-04T09:00:00Z'));
      await fresh.getByRole('button', { name: 'New meeting' }).click();
      await form.waitFor();
      expect(await form.getByLabel('Date').inputValue()).toBe('2027-03-11');
      // The cursor is in the title: the officer types at once.
      await fresh.keyboard.type('Bureau');
      expect(await form.getByLabel('Title').inputValue()).toBe('Bureau');
      await form.getByLabel('Location').fill('Room 2');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'detached' });
      // Cancel drops what was typed: the next form starts empty, the cursor in its title again.
      await fresh.getByRole('button', { name: 'New meeting' }).click();
      await form.waitFor();
      expect(await form.getByLabel('Location').inputValue()).toBe('');
      await fresh.keyboard.type('Plenary');
      expect(await form.getByLabel('Title').inputValue()).toBe('Plenary');
      await form.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await fresh.context().close();
    }
  });

  it('keeps every page of the main navigation in reach in a narrow window', async () => {
    const meetings = new MeetingsPage(page);
    await meetings.open(host.origin);
    try {
      for (const width of [1280, 900, 720, 560]) {
        await page.setViewportSize({ width, height: 860 });
        const nav = page.getByRole('navigation', { name: 'Main' });
        const outside = await nav.getByRole('link').evaluateAll((links, w) => links.filter((a) => a.getBoundingClientRect().right > w || a.getBoundingClientRect().left < 0).map((a) => a.textContent), width);
        expect(outside, `links cut off at ${width} px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling at ${width} px`).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('creates a meeting and builds an agenda of five items with a sub-item', async () => {
    const meetings = new MeetingsPage(page);
    await meetings.open(host.origin);
    await meetings.create({ title: 'Second plenary', date: '2027-03-12', start: '10:00', end: '12:00', location: 'Brussels' });
    const agenda = new AgendaPage(page);
    await agenda.add({ title: 'Opening', kind: 'Information', minutes: 5 });
    await agenda.add({ title: 'Guidance on model documentation', minutes: 30 });
    await agenda.add({ title: 'Incident reporting', kind: 'Decision', minutes: 25 });
    await agenda.add({ title: 'Ad hoc group on open source', minutes: 20 });
    await agenda.add({ title: 'Any other business', kind: 'Any other business', minutes: 10 });
    await agenda.addSubItem('3', 'Reporting template', 10);
    await agenda.waitForOutline([
      '1 Opening',
      '2 Guidance on model documentation',
      '3 Incident reporting',
      '3.1 Reporting template',
      '4 Ad hoc group on open source',
      '5 Any other business',
    ]);
    expect(await page.locator('.time-total').innerText()).toContain('Planned 1 h 30 min of 2 h');
  });

  it('"New meeting from this agenda" of a meeting that leaves withheld items out: the new one leaves them out too', async () => {
    // Audit (2026-12-07): the form started from "title only", so the copy printed titles that had never been public.
    const { meeting } = await call<{ meeting: { id: string } }>(host, 'meetings.create', { title: 'Closed plenary', startsAt: '2027-04-12T10:00', endsAt: '2027-04-12T12:00', withheldDisplay: 'omit' });
    await call(host, 'agenda.add', { meetingId: meeting.id, title: 'Terms of the Brightline deal', forPublication: false });
    await page.goto(`${host.origin}/#/meetings/${meeting.id}`);
    await page.getByRole('button', { name: 'New meeting from this agenda' }).click();
    const display = page.getByLabel('Withheld items in the public summary');
    expect(await display.inputValue()).toBe('omit');
    await page.getByLabel('Date').fill('2027-05-10');
    await page.getByRole('button', { name: 'Create meeting with this agenda' }).click();
    await page.waitForURL((u) => /#\/meetings\//.test(u.hash) && !u.hash.includes(meeting.id));
    const copyId = /#\/meetings\/([^/?&]+)/.exec(page.url())![1]!;
    const copy = await call<{ meeting: { withheldDisplay: string }; agenda: Array<{ title: string; forPublication: boolean }> }>(host, 'meetings.get', { id: copyId });
    expect({ display: copy.meeting.withheldDisplay, items: copy.agenda.map((i) => [i.title, i.forPublication]) }).toEqual({ display: 'omit', items: [['Terms of the Brightline deal', false]] });
  });

  /** Opens the agenda of a new meeting with the five items of the test above. */
  async function openFiveItemAgenda(title: string): Promise<AgendaPage> {
    const id = await seedFiveItemMeeting(host, title);
    await page.goto(`${host.origin}/#/meetings/${id}`);
    const agenda = new AgendaPage(page);
    await agenda.waitForOutline(FIVE_ITEMS_OUTLINE);
    return agenda;
  }

  it('reorders by keyboard: Alt+Down, Alt+Up, and Alt+Right makes a sub-item', async () => {
    const agenda = await openFiveItemAgenda('Keyboard reordering');
    await agenda.handle('2', 'Guidance on model documentation').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await agenda.waitForOutline([
      '1 Opening',
      '2 Incident reporting',
      '2.1 Reporting template',
      '3 Guidance on model documentation',
      '4 Ad hoc group on open source',
      '5 Any other business',
    ]);
    // Focus stays on the moved item's handle, so the officer can keep moving it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move item 3 Guidance on model documentation');
    await page.keyboard.press('Alt+ArrowRight');
    await agenda.waitForOutline([
      '1 Opening',
      '2 Incident reporting',
      '2.1 Reporting template',
      '2.2 Guidance on model documentation',
      '3 Ad hoc group on open source',
      '4 Any other business',
    ]);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowUp');
    await agenda.waitForOutline([
      '1 Opening',
      '2 Guidance on model documentation',
      '3 Incident reporting',
      '3.1 Reporting template',
      '4 Ad hoc group on open source',
      '5 Any other business',
    ]);
  });

  it('reorders by drag and drop', async () => {
    const agenda = await openFiveItemAgenda('Drag and drop');
    const from = page.getByTestId('agenda-item-5');
    const to = page.getByTestId('agenda-item-1');
    await from.dragTo(to, { targetPosition: { x: 40, y: 4 } });
    await agenda.waitForOutline([
      '1 Any other business',
      '2 Opening',
      '3 Guidance on model documentation',
      '4 Incident reporting',
      '4.1 Reporting template',
      '5 Ad hoc group on open source',
    ]);
    // and back to the end, dropped on the lower half of the last row
    await page.getByTestId('agenda-item-1').dragTo(page.getByTestId('agenda-item-5'), { targetPosition: { x: 40, y: 30 } });
    await agenda.waitForOutline([
      '1 Opening',
      '2 Guidance on model documentation',
      '3 Incident reporting',
      '3.1 Reporting template',
      '4 Ad hoc group on open source',
      '5 Any other business',
    ]);
  });

  it('shows it all again after a reload and after a restart of the host (from the SQLite file)', async () => {
    const expected = FIVE_ITEMS_OUTLINE;
    await seedMember(host, 'Reload Lab', 'RLab', { name: 'Grace Hopper', email: 'grace@example.org' });
    await openFiveItemAgenda('Reload and restart');
    const meetingUrl = page.url();
    await page.reload();
    await new AgendaPage(page).waitForOutline(expected);

    await host.kill();
    host = await startHost(dataDir);
    await page.goto(host.url);
    await page.goto(`${host.origin}/${new URL(meetingUrl).hash}`);
    await new AgendaPage(page).waitForOutline(expected);
    const members = new MembersPage(page);
    await members.open(host.origin);
    await page.getByRole('cell', { name: 'Grace Hopper', exact: true }).waitFor();
  });

  it('loads the example meeting and its agenda screen is what the README shows', async () => {
    const meetings = new MeetingsPage(page);
    await meetings.open(host.origin);
    await meetings.loadExample();
    await new AgendaPage(page).waitForOutline([
      '1 Opening and welcome',
      '2 Logistics of the Taskforce, transparency and EU competition law',
      '3 Rules of procedure',
      '3.1 Adoption of the rules of procedure by consensus',
      '3.2 Majority threshold for inviting external experts',
      '4 Ad hoc groups',
      '5 Future discussion topics',
      '6 Any other business',
    ]);
    const file = await screenshot(page, 'agenda');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    await meetings.open(host.origin);
    await screenshot(page, 'meetings');
  });

  it('refuses a call without the token, and a malformed payload with a clear 400 that changes nothing', async () => {
    const before = await apiCall(host, 'meetings.list', {});
    expect(before.status).toBe(200);

    const noToken = await apiCall(host, 'meetings.create', { title: 'x', startsAt: '2027-01-01T10:00', endsAt: '2027-01-01T11:00' }, { token: null });
    expect(noToken.status).toBe(401);
    expect(noToken.json.error?.code).toBe('unauthorised');

    const wrongToken = await apiCall(host, 'meetings.list', {}, { token: 'A'.repeat(32) });
    expect(wrongToken.status).toBe(401);

    const malformed = await apiCall(host, 'meetings.create', { title: 42, startsAt: 'tomorrow' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error?.code).toBe('bad_request');
    expect(malformed.json.error?.message).toMatch(/title/);

    const notJson = await apiCall(host, 'meetings.create', '{"title": ');
    expect(notJson.status).toBe(400);

    const foreignOrigin = await apiCall(host, 'meetings.list', {}, { headers: { Origin: 'http://evil.example' } });
    expect(foreignOrigin.status).toBe(403);

    const after = await apiCall(host, 'meetings.list', {});
    expect(after.json.value).toEqual(before.json.value);
  });
});
