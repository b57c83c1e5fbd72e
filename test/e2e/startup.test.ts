import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { ConfidentialityModel, MeetingsPage, MinutesPageModel } from './pages';

/**
 * Issue 16: the renderer is split by route. The meetings list (the first page) loads only its own chunk; the minutes
 * page (Lexical, suggestions with wink-nlp, preview and redaction) and the other pages load when first opened, and
 * work once loaded. Sizes are checked in test/packaging/bundle-budget.test.ts; this checks what the browser fetches.
 */
describe('start-up: the meetings list loads only what it runs', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const scripts: string[] = [];
  const dataDir = makeDataDir();

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    page = await openApp(browser, host);
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.replace(/^.*\//, ''));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the launch token off the start path, and a reload right after the launch still has it', async () => {
    const fresh = await openApp(browser, host);
    try {
      await fresh.getByRole('button', { name: 'New meeting' }).waitFor();
      // In memory only: the first use of sessionStorage (tens of ms) is not on the first page's path...
      expect(await fresh.evaluate(() => sessionStorage.getItem('tfs-token'))).toBeNull();
      expect(fresh.url()).not.toMatch(/token=/);
      // ...but leaving the page writes it, so the reloaded page can still call the host.
      await fresh.reload();
      await fresh.getByRole('button', { name: 'New meeting' }).waitFor();
      await fresh.getByRole('heading', { name: 'Meetings' }).waitFor();
      expect(await fresh.getByText(/token of the current launch/).count()).toBe(0);
      expect(await fresh.evaluate(() => sessionStorage.getItem('tfs-token'))).toBe(host.token);
    } finally {
      await fresh.context().close();
    }
  });

  it('runs the boot script inline under the page\'s policy (allowed by its hash): it starts the first calls, the app takes them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      await context.addInitScript(() => {
        const w = window as unknown as { __violations: string[]; __bootCalls: string[] };
        w.__violations = [];
        w.__bootCalls = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        // What the boot script leaves for the app (renderer/transport.ts bootHandover), seen as it is left.
        Object.defineProperty(window, '__tfsBoot', {
          configurable: true,
          set(v: Record<string, unknown>) {
            w.__bootCalls = Object.keys(v).map((k) => k.split(' ')[0]!);
            Object.defineProperty(window, '__tfsBoot', { value: v, writable: true, configurable: true });
          },
        });
      });
      const fresh = await context.newPage();
      const batches: string[][] = [];
      fresh.on('request', (r) => {
        if (r.url().endsWith('/api-batch')) batches.push((r.postDataJSON() as Array<[string, unknown]>).map(([n]) => n));
      });
      await fresh.goto(host.url);
      await fresh.getByRole('button', { name: 'New meeting' }).waitFor();
      const seen = await fresh.evaluate(() => {
        const w = window as unknown as { __violations: string[]; __bootCalls: string[]; __tfsBoot?: unknown };
        return { violations: w.__violations, bootCalls: w.__bootCalls, left: w.__tfsBoot !== undefined };
      });
      expect(seen.violations).toEqual([]);
      expect(seen.bootCalls).toEqual(['backup.status', 'body.get', 'settings.get', 'meetings.list']);
      // Taken by the app (app/boot-calls.ts), and asked for once, in the boot script's one request.
      expect(seen.left).toBe(false);
      expect(batches[0]).toEqual(['backup.status', 'body.get', 'settings.get', 'meetings.list']);
      expect(batches.flat().filter((n) => n === 'meetings.list')).toHaveLength(1);
      // The page holds no script file for it any more: it is in the page.
      const html = await (await fetch(host.origin + '/')).text();
      expect(html).toMatch(/<script>"use strict";/);
      expect(html).not.toMatch(/boot-[\w-]{8}\.js/);
    } finally {
      await context.close();
    }
  });

  it('shows the meetings list without fetching the minutes, meeting or members pages', async () => {
    scripts.length = 0;
    await page.reload();
    await new MeetingsPage(page).open(host.origin);
    await page.getByRole('button', { name: 'Load the example meeting' }).waitFor();
    expect(scripts.some((s) => /^index-.*\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => /^(MinutesPage|MeetingPage|MembersPage)-/.test(s))).toEqual([]);
    // No editor was mounted either.
    const lexical = await page.evaluate(() => document.querySelector('[data-lexical-editor]') !== null);
    expect(lexical).toBe(false);
  });

  it("opens the new meeting's form with date and time pickers whose icons are drawn without an SVG image", async () => {
    // Chromium's own picker icons are SVG images: each built an SVG document as the form opened (~5 ms apiece of the
    // click, issue 16). The pickers stay; their icons are gradients now, and the browser's icons return with forced colours.
    await new MeetingsPage(page).open(host.origin);
    await page.getByRole('button', { name: 'New meeting' }).click();
    const form = page.getByRole('form', { name: 'Create meeting' });
    await form.waitFor();
    const icons = await pickerIcons(page);
    expect(icons.length).toBe(3); // date, starts, ends
    for (const image of icons) {
      expect(image).toMatch(/gradient\(/);
      expect(image).not.toMatch(/url\(/);
    }
    // With forced colours (high contrast), the browser's own icons, drawn in the system's colours.
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const forced = await pickerIcons(page);
      expect(forced.length).toBe(3);
      for (const image of forced) expect(image).toMatch(/^url\("data:image\/svg/);
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it("opens the new meeting's form focused on its title, and empty again after a cancel", async () => {
    await new MeetingsPage(page).open(host.origin);
    const form = page.getByRole('form', { name: 'Create meeting' });
    await page.getByRole('button', { name: 'New meeting' }).click();
    await form.waitFor();
    const title = form.getByLabel('Title');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await title.fill('Typed, then cancelled');
    await form.getByLabel('Location').fill('Room 12');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'hidden' });
    // Opened again: a new form, not the cancelled one's words.
    await page.getByRole('button', { name: 'New meeting' }).click();
    await form.waitFor();
    expect(await title.inputValue()).toBe('');
    expect(await form.getByLabel('Location').inputValue()).toBe('');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('loads the meeting page and then the minutes page on demand, and both work', async () => {
    await new MeetingsPage(page).loadExample();
    expect(scripts.some((s) => /^MeetingPage-/.test(s))).toBe(true);
    expect(scripts.some((s) => /^MinutesPage-/.test(s))).toBe(false);
    const meetingId = /#\/meetings\/([\w-]+)/.exec(page.url())![1]!;

    const minutes = new MinutesPageModel(page);
    await minutes.open(host.origin, meetingId);
    expect(scripts.some((s) => /^MinutesPage-/.test(s))).toBe(true);
    const editor = minutes.editor(minutes.section('opening'));
    await editor.click();
    await page.keyboard.type('Loaded on demand.');
    await expect.poll(() => editor.innerText()).toContain('Loaded on demand.');
  });

  it('opened directly: body.get is asked once, and the suggestion engine (winkNLP, in its worker) loads only after the first editor is editable', async () => {
    // Its own state: the example meeting (loaded here unless the test before loaded it).
    let meetingId = (await apiCall(host, 'meetings.list', {})).json.value as Array<{ id: string }>;
    if (meetingId.length === 0) meetingId = [((await apiCall(host, 'example.load', {})).json.value as { meeting: { id: string } }).meeting];
    // The engine's code: its Web Worker (or, where there is none, the same engine for the page).
    const ENGINE = /^(engine\.worker|engine-host)-.*\.js$/;
    const events: Array<{ what: string; at: number }> = [];
    const t0 = Date.now();
    const onRequest = (r: import('playwright-core').Request) => {
      const api = /\/api\/([\w.]+)$/.exec(r.url());
      const file = new URL(r.url()).pathname.replace(/^.*\//, '');
      // Calls started together go in one request (/api-batch): each counts as its call.
      if (file === 'api-batch') for (const [name] of r.postDataJSON() as Array<[string, unknown]>) events.push({ what: `call ${name}`, at: Date.now() - t0 });
      else events.push({ what: api ? `call ${api[1]}` : file, at: Date.now() - t0 });
    };
    const onWorker = (w: import('playwright-core').Worker) => events.push({ what: new URL(w.url()).pathname.replace(/^.*\//, ''), at: Date.now() - t0 });
    page.on('request', onRequest);
    page.on('worker', onWorker);
    try {
      // A fresh page on the minutes (its own start, as opened from a link).
      await page.goto('about:blank');
      events.length = 0;
      await page.goto(`${host.origin}/#/meetings/${meetingId[0]!.id}/minutes`);
      const minutes = new MinutesPageModel(page);
      const editor = minutes.editor(minutes.section('opening'));
      await editor.waitFor();
      const shown = Date.now() - t0;
      await editor.click();
      await page.keyboard.type('Typed before the engine.');
      await expect.poll(() => editor.innerText()).toContain('Typed before the engine.');
      const editable = Date.now() - t0;
      // The engine is not among what the page started to show its first editor …
      expect(events.filter((e) => ENGINE.test(e.what) && e.at <= shown)).toEqual([]);
      expect(editable).toBeGreaterThan(0);
      // … and starts afterwards (suggestions are on by default).
      await expect.poll(() => events.some((e) => ENGINE.test(e.what)), { timeout: 20_000 }).toBe(true);
      // One body.get for the whole page (the top bar and the preview share it).
      expect(events.filter((e) => e.what === 'call body.get')).toHaveLength(1);
    } finally {
      page.off('request', onRequest);
      page.off('worker', onWorker);
    }
  });

  it('opened directly: the first editor is there with the page, and does not move once shown (nothing appears above it later)', async () => {
    let meetings = (await apiCall(host, 'meetings.list', {})).json.value as Array<{ id: string }>;
    if (meetings.length === 0) meetings = [((await apiCall(host, 'example.load', {})).json.value as { meeting: { id: string } }).meeting];
    // The officer's name is not known yet: the prompt for it stands above the sections, from the first paint on.
    const settings = (await apiCall(host, 'settings.get', {})).json.value as { officerName?: string };
    expect(settings.officerName ?? '').toBe('');
    const context = page.context();
    const probe = await context.newPage();
    try {
      // Every frame from the first one: where the opening's editor is (its top), and whether the prompt is shown.
      await probe.addInitScript((token) => {
        sessionStorage.setItem('tfs-token', token); // this tab's launch token (openApp's tab got it from the launch URL)
        const frames: Array<[number, boolean]> = [];
        (window as unknown as { frames_: typeof frames }).frames_ = frames;
        const tick = () => {
          const el = document.querySelector('[data-section-key="opening"] [contenteditable="true"]');
          if (el) frames.push([Math.round(el.getBoundingClientRect().top), document.querySelector('form.officer-prompt') !== null]);
          if (frames.length < 30) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, host.token);
      await probe.goto(`${host.origin}/#/meetings/${meetings[0]!.id}/minutes`);
      await expect.poll(() => probe.evaluate(() => (window as unknown as { frames_: unknown[] }).frames_.length), { timeout: 20_000 }).toBe(30);
      const frames = await probe.evaluate(() => (window as unknown as { frames_: Array<[number, boolean]> }).frames_);
      expect(frames[0]![1]).toBe(true); // the prompt is in the first frame that shows the editor
      expect(new Set(frames.map(([top]) => top)).size).toBe(1); // and the editor never moved
    } finally {
      await probe.close();
    }
  });

  it('opened directly: the outline and the side panel come after the first editor (a second without keys), and at once when asked for', async () => {
    let meetings = (await apiCall(host, 'meetings.list', {})).json.value as Array<{ id: string }>;
    if (meetings.length === 0) meetings = [((await apiCall(host, 'example.load', {})).json.value as { meeting: { id: string } }).meeting];
    const url = `${host.origin}/#/meetings/${meetings[0]!.id}/minutes`;
    const context = page.context();
    const probe = await context.newPage();
    try {
      // Every frame that shows the opening's editor: whether the outline's items and the side panel's tabs are there.
      await probe.addInitScript((token) => {
        sessionStorage.setItem('tfs-token', token);
        const frames: Array<[boolean, boolean]> = [];
        (window as unknown as { frames_: typeof frames }).frames_ = frames;
        const tick = () => {
          if (document.querySelector('[data-section-key="opening"] [contenteditable="true"]'))
            frames.push([document.querySelector('.live-outline li') !== null, document.querySelector('#side-panel [role="tab"]') !== null]);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, host.token);
      await probe.goto(url);
      const minutes = new MinutesPageModel(probe);
      await minutes.editor(minutes.section('opening')).waitFor();
      // Not in the first frame of the editor: its first click and keys do not wait for them …
      await expect.poll(() => probe.evaluate(() => (window as unknown as { frames_: unknown[] }).frames_.length)).toBeGreaterThan(0);
      expect((await probe.evaluate(() => (window as unknown as { frames_: Array<[boolean, boolean]> }).frames_))[0]).toEqual([false, false]);
      // … and with no key at all they come by themselves, whole.
      await probe.getByRole('navigation', { name: 'Sections of the minutes' }).getByRole('button', { name: /^1\s*Opening and welcome$/ }).waitFor({ timeout: 10_000 });
      expect(await probe.getByRole('tab', { name: 'Attendance' }).getAttribute('aria-selected')).toBe('true');

      // Opened again, the officer asks for the attendance at once (Alt+Shift+C): the tab is there and has the focus.
      await probe.goto('about:blank');
      await probe.goto(url);
      await minutes.editor(minutes.section('opening')).waitFor();
      await probe.keyboard.press('Alt+Shift+C');
      await expect.poll(() => probe.evaluate(() => document.activeElement?.id)).toBe('side-tab-attendance');

      // Opened again, a press into the side panel's place brings it (and the outline) at once, with that press.
      await probe.goto('about:blank');
      await probe.goto(url);
      await minutes.editor(minutes.section('opening')).waitFor();
      const place = probe.locator('#side-panel[aria-busy="true"]');
      const box = (await place.boundingBox())!;
      await probe.mouse.move(box.x + box.width / 2, box.y + 40);
      await probe.mouse.down();
      expect(await probe.evaluate(() => [document.querySelector('.live-outline li') !== null, document.querySelector('#side-panel [role="tab"]') !== null])).toEqual([true, true]);
      await probe.mouse.up();
    } finally {
      await probe.close();
    }
  });
});

/**
 * Issue 16: a long meeting's minutes load per section (minutes.outline, then minutes.section one at a time, never
 * minutes.get) and an editor mounts only when its section comes near the viewport; a far section shows a placeholder
 * of about its height. Scrolling there, a search jump and typing all reach it, and what is typed is saved.
 */
describe('start-up: a long meeting loads per section and mounts editors near the viewport', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();
  let meetingId = '';
  const keys: string[] = [];
  const calls: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await apiCall(host, name, input);
      if (!r.json.ok) throw new Error(`${name}: ${JSON.stringify(r.json.error)}`);
      return r.json.value as T;
    };
    const m = await call<{ meeting: { id: string } }>('meetings.create', { title: 'A long plenary', startsAt: '2026-03-02T10:00', endsAt: '2026-03-02T18:00' });
    meetingId = m.meeting.id;
    for (let i = 0; i < 24; i++) {
      const agenda = await call<Array<{ id: string }>>('agenda.add', { meetingId, title: `Long item ${i + 1}` });
      keys.push(agenda.at(-1)!.id);
    }
    const para = (t: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 }] });
    for (const [i, key] of keys.entries()) {
      const texts = Array.from({ length: 70 }, (_, p) => `Item ${i + 1}, paragraph ${p + 1}: the members discussed the transparency template and the documentation form at some length.`);
      if (i === keys.length - 1) texts.push('The last item mentions a quokka registry once.');
      await call('minutes.saveSection', { meetingId, sectionKey: key, content: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: texts.map(para) } } });
    }
    page = await openApp(browser, host);
    page.on('request', (r) => {
      const m = /\/api\/([\w.]+)$/.exec(r.url());
      if (m) calls.push(m[1]!);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the outline then each section alone, and mounts only the editors near the viewport', async () => {
    calls.length = 0;
    const minutes = new MinutesPageModel(page);
    await minutes.open(host.origin, meetingId);
    await minutes.editor(minutes.section(keys[0]!)).waitFor();
    // Every section's content arrives (for the preview), one call each.
    await expect.poll(() => calls.filter((c) => c === 'minutes.section').length, { timeout: 30_000 }).toBe(keys.length + 2);
    expect(calls).toContain('minutes.outline');
    expect(calls).not.toContain('minutes.get');
    const last = minutes.section(keys.at(-1)!);
    expect(await last.locator('[contenteditable]').count()).toBe(0);
    expect(await last.locator('.section-placeholder').count()).toBe(1);
    const box = await last.locator('.section-placeholder').boundingBox();
    expect(box!.height).toBeGreaterThan(300); // about the height of its 70 paragraphs, so the scrollbar tells the truth
    const editors = await page.locator('[data-lexical-editor]').count();
    expect(editors).toBeGreaterThan(0);
    expect(editors).toBeLessThan(keys.length);

    // Scrolling there mounts it with its text; what is typed is saved.
    await last.scrollIntoViewIfNeeded();
    const editor = minutes.editor(last);
    await editor.waitFor();
    const shown = (await editor.textContent()) ?? ''; // not innerText: blocks out of view are not rendered (content-visibility)
    expect(shown).toContain('Item 24, paragraph 70');
    expect(shown).toContain('quokka registry');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Typed far down.');
    await minutes.waitSaved();
    const stored = await apiCall(host, 'minutes.section', { meetingId, sectionKey: keys.at(-1) });
    expect(JSON.stringify(stored.json.value)).toContain('Typed far down.');
  });

  it('far sections are held packed until needed: the public preview still shows every section, the last one included', async () => {
    const minutes = new MinutesPageModel(page);
    // A fresh page at the top. Not a reload: the test before scrolled to the last section, and a reload puts the page
    // back there (the browser restores the scroll), sometimes before the first section was seen near: no editor came.
    await page.goto('about:blank');
    await minutes.open(host.origin, meetingId);
    await minutes.editor(minutes.section(keys[0]!)).waitFor();
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
    // The last section is loaded but far away: no editor.
    expect(await minutes.section(keys.at(-1)!).locator('[contenteditable]').count()).toBe(0);
    const c = new ConfidentialityModel(page);
    await c.openTab('Public preview');
    await c.waitPreview((t) => t.includes('quokka registry') && t.includes('Item 12, paragraph 35'), 'the last and a middle section');
  });

  it('a search result in a section whose editor is not mounted opens it at the passage', async () => {
    await page.goto(`${host.origin}/#/`);
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('global-search');
    await page.keyboard.type('quokka');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await results.first().waitFor();
    await results.first().getByRole('button').click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? ''), { timeout: 20_000 }).toBe('quokka');
    const inLast = await page.evaluate((key) => {
      const node = window.getSelection()?.anchorNode;
      return !!node && !!document.querySelector(`[data-section-key="${key}"]`)?.contains(node);
    }, keys.at(-1)!);
    expect(inLast).toBe(true);
  });

  it('keys typed into a far section that failed to load, kept over a visit elsewhere, go into it and are saved when the minutes open again at the top', async () => {
    const minutes = new MinutesPageModel(page);
    const target = keys.at(-2)!;
    let failing = true;
    const which = await minutes.routeSection((route) => (failing ? route.abort('connectionfailed') : route.continue()));
    which.key = target;
    await page.goto('about:blank');
    await minutes.open(host.origin, meetingId);
    const section = minutes.section(target);
    const placeholder = section.locator('.section-placeholder');
    await placeholder.scrollIntoViewIfNeeded();
    await placeholder.click();
    await page.keyboard.type('Kept far down.');
    await placeholder.locator('.load-failed').waitFor();
    await page.goto(`${host.origin}/#/`);
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await minutes.open(host.origin, meetingId);
    // Open at the top, the section far below the window.
    expect((await section.boundingBox())!.y).toBeGreaterThan(3 * (page.viewportSize()?.height ?? 720));
    failing = false;
    await expect.poll(() => minutes.paragraphs(section).then((p) => p.at(-1)), { timeout: 30_000 }).toBe('Item 23, paragraph 70: the members discussed the transparency template and the documentation form at some length.Kept far down.');
    await minutes.waitSaved();
    const stored = await apiCall(host, 'minutes.section', { meetingId, sectionKey: target });
    expect(JSON.stringify(stored.json.value)).toContain('at some length.Kept far down.');
    await page.unroute('**/api/minutes.section');
  });
});

/** The computed background-image of every date or time picker's icon (an element of the input's own shadow tree: CDP). */
async function pickerIcons(page: Page): Promise<string[]> {
  type Node = { nodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const ids: number[] = [];
    const walk = (n: Node) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'pseudo' && a[i + 1] === '-webkit-calendar-picker-indicator') ids.push(n.nodeId);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    const images: string[] = [];
    for (const nodeId of ids) {
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId })) as { computedStyle: Array<{ name: string; value: string }> };
      images.push(computedStyle.find((p) => p.name === 'background-image')?.value ?? '');
    }
    return images;
  } finally {
    await cdp.detach();
  }
}
