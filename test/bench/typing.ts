import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiCall, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from '../e2e/harness';
import { paragraphsDoc, prng, sentence } from './gen';
import { ms, percentileDiffInterval, summarise, type PartOptions, type PartResult, type Summary, type Target } from './report';
import { measureEngineCost } from './suggestions-cost';

/**
 * Typing latency in Chromium: the real renderer (browser host, a meeting whose one section holds N paragraphs)
 * beside a bare contenteditable holding the same paragraphs (the floor), same browser, same run, interleaved.
 *
 * Method (the same on both pages), installed by `installProbe`:
 *   t0 = performance.now() in a capturing keydown listener on window;
 *   "paint" = the time at which a MessageChannel message posted from the next requestAnimationFrame callback runs,
 *   i.e. after the main thread has produced the frame that shows the keystroke (rAF → style → layout → paint →
 *   commit; the message task runs after that). It includes the wait for the next frame (0–16.7 ms at 60 Hz),
 *   which the floor pays too. It does not include raster/compositing on other threads.
 *   "script" = the time at which a microtask queued by a beforeinput/input listener on window (bubbling, so after the
 *   editor's own listeners and the microtasks they queued, e.g. Lexical's update) runs: the key has been handled.
 */

const FRAME_MS = 1000 / 60;

interface Sample {
  paint: number;
  script: number;
  queued: number;
  /** The keystroke's window on the page's clock: from the event's time stamp to the frame after it. */
  from: number;
  to: number;
}

/**
 * After the suggestions' own work the page repaints their underlines (the CSS Custom Highlight API repaints the whole
 * page: 25–55 ms at 10,000 paragraphs, measured alone); a key whose window meets the work or this much after it counts
 * as touched by the suggestions.
 */
const REPAINT_AFTER_MS = 60;

/** How many of `samples` have a window that meets one of `spans` (each widened by the repaint after it). */
function touched(samples: readonly Sample[], spans: ReadonlyArray<readonly [number, number]>): number {
  return samples.filter((k) => spans.some(([start, end]) => start <= k.to && end + REPAINT_AFTER_MS >= k.from)).length;
}

interface CaseResult {
  size: number;
  position: 'end' | 'middle';
  page: 'floor' | 'app' | 'app, suggestions on' | 'app, suggestions off';
  paint: Summary;
  script: Summary;
  queued: Summary;
  typedOk: boolean;
  /** Durations of the long tasks (≥ 50 ms) seen while the case was typed. */
  longTasks: number[];
  /** Every key's keydown → next frame (for the interval of a difference of p95s). */
  paintSamples?: number[];
}

export async function runTyping(opts: PartOptions): Promise<PartResult> {
  const started = Date.now();
  // BENCH_TYPING=suggestions measures only the suggestions on/off comparison at the largest size (about 3 minutes).
  const onlySuggestions = process.env.BENCH_TYPING === 'suggestions';
  const sizes = opts.quick ? [2_500] : onlySuggestions ? [10_000] : [2_500, 10_000];
  // Characters typed per case: 200. At 10,000 paragraphs a key costs ~60–100 ms even in the floor on this 2-core
  // machine, and with 100 keys there the p95 of the same build moved by 20–40 ms from one run to the next (a handful of
  // keys that met a collection or an autosave make the tail): 200 keys, in four interleaved quarters, keep the run
  // near 8 minutes.
  const charsFor = (_size: number) => (opts.quick ? 80 : 200);
  const rounds = opts.quick ? 2 : 4; // each case is typed in interleaved parts: floor, app, floor, app, …
  const dataDir = makeDataDir();
  const notes: string[] = [];
  let host: HostProcess | null = null;
  let browser: Browser | null = null;
  const results: CaseResult[] = [];
  // The engine's own cost per sentence, in Node, before the browser starts (a few seconds).
  const engine = measureEngineCost(opts.quick ? 2 : 5);
  opts.log(`typing: ${engine.notes[0]}`);
  notes.push(...engine.notes);
  try {
    host = await startHost(dataDir);
    browser = await launchChromium();
    notes.push(`Chromium ${browser.version()}, headless, flags as test/e2e/harness.ts (--disable-gpu: software raster).`);
    const suggestionCode = rendererMentions(opts.root, /Suggested flags in/);
    let suggestionsCompared = false;
    let suggestionOwn: Summary | null = null;
    let suggestionTouched: { on: number; off: number; n: number } | null = null;
    let suggestionSamples: { on: number[]; off: number[] } | null = null;

    for (const size of sizes) {
      const { doc, texts } = paragraphsDoc(size, size);
      const { meetingId, sectionKey } = await makeMeeting(host, size, doc);
      const app = await openApp(browser, host);
      await app.goto(`${host.origin}/#/meetings/${meetingId}/minutes`);
      const loadStart = Date.now();
      const editorSel = `[data-section-key="${sectionKey}"] [contenteditable="true"]`;
      await app.waitForFunction(({ sel, n }) => (document.querySelector(sel)?.children.length ?? 0) >= n, { sel: editorSel, n: size }, { timeout: 180_000, polling: 500 });
      opts.log(`typing: app page with ${size} paragraphs ready in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);
      notes.push(`${size.toLocaleString('en')} paragraphs (${Math.round(JSON.stringify(doc).length / 1024)} KiB stored): the app page showed them ${((Date.now() - loadStart) / 1000).toFixed(1)} s after navigation.`);

      const floorCtx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const floor = await floorCtx.newPage();
      await floor.setContent(floorHtml(texts), { timeout: 120_000 });
      await installProbe(app);
      await installProbe(floor);

      const positions: Array<'end' | 'middle'> = onlySuggestions ? [] : ['end', 'middle'];
      for (const position of positions) {
        const rand = prng(size + (position === 'end' ? 1 : 2));
        const parts = Array.from({ length: rounds }, () => typedText(rand, Math.ceil(charsFor(size) / rounds)));
        const acc: Record<'floor' | 'app', { samples: Sample[]; ok: boolean; longTasks: number[] }> = {
          floor: { samples: [], ok: true, longTasks: [] },
          app: { samples: [], ok: true, longTasks: [] },
        };
        const typeIn = async (which: 'floor' | 'app', part: string, warm: string) => {
          const r = which === 'floor' ? await measure(floor, '#ed', position, part, warm) : await measure(app, editorSel, position, part, warm);
          acc[which].samples.push(...r.samples);
          acc[which].ok &&= r.typedOk;
          acc[which].longTasks.push(...r.longTasks);
        };
        // The order alternates from part to part (floor first, then the app first), so that neither page always types
        // right after the other.
        for (const [i, part] of parts.entries()) {
          const order = i % 2 === 0 ? (['floor', 'app'] as const) : (['app', 'floor'] as const);
          for (const which of order) await typeIn(which, part, sentence(rand, 3, 4));
          await waitSaved(app);
        }
        for (const page of ['floor', 'app'] as const) {
          const s = acc[page].samples;
          results.push({
            size,
            position,
            page,
            paint: summarise(s.map((x) => x.paint)),
            script: summarise(s.map((x) => x.script)),
            queued: summarise(s.map((x) => x.queued)),
            typedOk: acc[page].ok,
            longTasks: acc[page].longTasks,
            paintSamples: s.map((x) => x.paint),
          });
        }
        const [fl, ap] = results.slice(-2);
        opts.log(`typing ${size} ${position}: floor p95 ${ms(fl!.paint.p95)} ms, app p95 ${ms(ap!.paint.p95)} ms`);
      }

      // Suggestions on/off, if the page offers a switch for them.
      if (size === sizes[sizes.length - 1]) {
        const toggle = app.getByRole('checkbox', { name: /suggest/i }).or(app.getByRole('switch', { name: /suggest/i }));
        if ((await toggle.count()) === 1) {
          // Interleaved in short rounds (on, off, off, on, …) so that load from other work falls on both alike.
          const acc = { on: { samples: [] as Sample[], ok: true, longTasks: [] as number[] }, off: { samples: [] as Sample[], ok: true, longTasks: [] as number[] } };
          // Many short rounds: the p95 of ~100 keys per setting moved by ±10–20 ms between runs of the same build.
          const suggestionRounds = onlySuggestions ? 30 : 16;
          const rand = prng(size + 3);
          await app.evaluate(() => {
            const lat = (window as unknown as { __lat: { suggestions: number[]; spans: unknown[] } }).__lat;
            lat.suggestions.length = 0;
            lat.spans.length = 0;
          });
          for (let round = 0; round < suggestionRounds; round++) {
            const order = round % 2 === 0 ? [true, false] : [false, true];
            for (const on of order) {
              await toggle.setChecked(on);
              // Switching takes every underline down or puts them all back (one repaint of the whole page, 25–55 ms at
              // 10,000 paragraphs): the keys are typed once that has settled, so that both settings are measured as
              // they are used — typing with suggestions on or off, not typing right after the switch.
              await app.waitForTimeout(2000);
              const r = await measure(app, editorSel, 'end', typedText(rand, 10), sentence(rand, 3, 4));
              await waitSaved(app);
              const a = on ? acc.on : acc.off;
              a.samples.push(...r.samples);
              a.ok &&= r.typedOk;
              a.longTasks.push(...r.longTasks);
            }
          }
          const own = await app.evaluate(() => (window as unknown as { __lat: { suggestions: number[] } }).__lat.suggestions.slice());
          const spans = await app.evaluate(() => (window as unknown as { __lat: { spans: Array<[number, number]> } }).__lat.spans.slice());
          suggestionTouched = { on: touched(acc.on.samples, spans), off: touched(acc.off.samples, spans), n: acc.on.samples.length };
          notes.push(
            `Keys typed with suggestions on whose window (keydown's time stamp → the frame after it) met the suggestions' own main-thread work or the ${REPAINT_AFTER_MS} ms after it (the underlines' repaint): ` +
              `${suggestionTouched.on} of ${suggestionTouched.n}; with them off: ${suggestionTouched.off} (${spans.length} runs of that work in all the rounds).`,
          );
          if (own.length > 0) {
            const o = summarise(own);
            notes.push(
              `The page's own suggestions work on the main thread during the on/off rounds (reading the changed blocks of a section after a pause in typing, placing the engine's answer; the engine runs in a Web Worker), from User Timing: ` +
                `${own.length} runs, p50 ${ms(o.p50)} ms, p95 ${ms(o.p95)} ms, max ${ms(o.max)} ms.`,
            );
            suggestionOwn = o;
          }
          for (const on of [true, false]) {
            const a = on ? acc.on : acc.off;
            results.push({
              size,
              position: 'end',
              page: on ? 'app, suggestions on' : 'app, suggestions off',
              paint: summarise(a.samples.map((x) => x.paint)),
              script: summarise(a.samples.map((x) => x.script)),
              queued: summarise(a.samples.map((x) => x.queued)),
              typedOk: a.ok,
              longTasks: a.longTasks,
            });
          }
          notes.push(
            `Suggestions on/off: ${suggestionRounds * 10} characters each at ${size.toLocaleString('en')} ¶ (end), typed in ${suggestionRounds} rounds of 10 per setting, interleaved on/off/off/on… with the page's own switch. ` +
              'The difference of the p95s is given with a 95 % bootstrap interval (2,000 resamples of each setting\'s keys).',
          );
          suggestionSamples = { on: acc.on.samples.map((x) => x.paint), off: acc.off.samples.map((x) => x.paint) };
          suggestionsCompared = true;
        } else {
          notes.push(
            suggestionCode
              ? 'Suggestions on/off could not be compared: the built minutes page runs confidentiality suggestions (in idle time after each change) ' +
                  'and offers no switch (checkbox or switch named "suggest…") to turn them off, so every app figure above is with suggestions ON.'
              : 'Suggestions on/off could not be compared: the built renderer has no suggestions code yet, so every app figure above is without them.',
          );
        }
      }
      await app.context().close();
      await floorCtx.close();
    }

    const rows: Array<Array<string | number>> = [];
    for (const r of results) {
      const floorOf = results.find((x) => x.size === r.size && x.position === r.position && x.page === 'floor');
      rows.push([
        `${r.size.toLocaleString('en')} ¶, ${r.position}`,
        r.page + (r.typedOk ? '' : ' (text not where expected!)'),
        r.paint.n,
        ms(r.paint.p50),
        ms(r.paint.p95),
        ms(r.paint.p99),
        ms(r.paint.max),
        r.page === 'floor' || !floorOf ? '' : `${r.paint.p95 - floorOf.paint.p95 >= 0 ? '+' : ''}${ms(r.paint.p95 - floorOf.paint.p95)}`,
        ms(r.script.p50),
        ms(r.script.p95),
        ms(r.queued.p95),
        r.longTasks.length ? `${r.longTasks.length} (max ${Math.round(Math.max(...r.longTasks))})` : '0',
      ]);
    }
    const targets: Target[] = [];
    const big = Math.max(...sizes);
    for (const position of ['end', 'middle'] as const) {
      const app = results.find((x) => x.size === big && x.position === position && x.page === 'app');
      const fl = results.find((x) => x.size === big && x.position === position && x.page === 'floor');
      if (!app || !fl) continue;
      targets.push({ name: `p95 ≤ 16.7 ms at ${big.toLocaleString('en')} ¶ (${position})`, met: app.paint.p95 <= FRAME_MS, detail: `app p95 ${ms(app.paint.p95)} ms (floor ${ms(fl.paint.p95)} ms)` });
      const interval = app.paintSamples && fl.paintSamples ? `, 95 % interval ${intervalText(percentileDiffInterval(app.paintSamples, fl.paintSamples, 95))} ms` : '';
      targets.push({ name: `p95 within 4 ms of the floor at ${big.toLocaleString('en')} ¶ (${position})`, met: app.paint.p95 - fl.paint.p95 <= 4, detail: `Δp95 ${ms(app.paint.p95 - fl.paint.p95)} ms${interval}` });
    }
    if (!suggestionsCompared) targets.push({ name: 'suggestions on vs off', met: null, detail: 'could not be compared (see notes)' });
    else {
      const on = results.find((x) => x.size === big && x.page === 'app, suggestions on');
      const off = results.find((x) => x.size === big && x.page === 'app, suggestions off');
      if (on && off) {
        targets.push({
          name: `suggestions on within 1 ms p95 of off at ${big.toLocaleString('en')} ¶`,
          met: on.paint.p95 - off.paint.p95 <= 1,
          detail:
            `on p95 ${ms(on.paint.p95)} ms, off p95 ${ms(off.paint.p95)} ms (Δ ${ms(on.paint.p95 - off.paint.p95)} ms` +
            (suggestionSamples ? `, 95 % interval ${intervalText(percentileDiffInterval(suggestionSamples.on, suggestionSamples.off, 95))} ms` : '') +
            `; Δp50 ${ms(on.paint.p50 - off.paint.p50)} ms)` +
            (suggestionOwn ? `; the suggestions' own main-thread work per run: p95 ${ms(suggestionOwn.p95)} ms, max ${ms(suggestionOwn.max)} ms` : '') +
            (suggestionTouched ? `; keys whose frame met that work or its repaint: ${suggestionTouched.on} of ${suggestionTouched.n}` : ''),
        });
      }
    }
    if (results.some((r) => !r.typedOk)) notes.push('In at least one case the typed text was not found in the target paragraph: those figures are doubtful.');
    return {
      name: 'typing',
      title: 'Typing latency in Chromium (keydown → next frame)',
      method:
        `${sizes.map((n) => `${charsFor(n)} characters per case at ${n.toLocaleString('en')} ¶`).join(', ')}, typed with page.keyboard.type (delay 30 ms) after a 3–4-word warm-up, in ${rounds} parts interleaved floor/app. ` +
        'paint = performance.now() in a capturing keydown listener → a MessageChannel message posted from the next requestAnimationFrame callback ' +
        '(the frame holding the keystroke has been produced by the main thread; includes the wait for the frame). script = keydown → a microtask queued by the last ' +
        'beforeinput/input listener (on window, bubbling), i.e. the key and the editor\'s update handled (= paint if no input event came). queued = performance.now() − event.timeStamp at keydown (time the event waited to reach JS). ' +
        'long tasks = tasks of ≥ 50 ms (PerformanceObserver "longtask") while the case was typed: count and longest. ' +
        'Floor: a bare <div contenteditable> with the same paragraphs as <p>, via page.setContent. App: the minutes page of the browser host, the paragraphs ' +
        'in one section; its autosave runs while typing (as in use). page.keyboard.type sends a key only after Chromium acknowledged the previous one, ' +
        'so keys do not pile up behind long tasks as a fast typist\'s would: the tails are if anything understated. Times in ms.',
      tables: [
        { headers: ['case', 'page', 'n', 'p50', 'p95', 'p99', 'max', 'Δp95 vs floor', 'script p50', 'script p95', 'queued p95', 'long tasks'], rows },
        { caption: 'Suggestion engine cost (Node, median of runs after a warm-up)', ...engine.table },
      ],
      targets,
      notes,
      data: { cases: results.map(({ paintSamples: _samples, ...r }) => r), engine: engine.data },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await browser?.close().catch(() => {});
    await host?.kill().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function ok<T>(host: HostProcess, name: string, body: unknown): Promise<T> {
  const r = await apiCall(host, name, body);
  if (!r.json.ok) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.json.error)}`);
  return r.json.value as T;
}

/** A meeting with one agenda item whose minutes are `doc`, created through the host's API like the page would. */
async function makeMeeting(host: HostProcess, size: number, doc: unknown): Promise<{ meetingId: string; sectionKey: string }> {
  const m = await ok<{ meeting: { id: string } }>(host, 'meetings.create', {
    title: `Typing bench ${size}`,
    startsAt: '2026-02-10T10:00',
    endsAt: '2026-02-10T12:00',
    timeZone: 'Europe/Brussels',
  });
  const agenda = await ok<Array<{ id: string }>>(host, 'agenda.add', { meetingId: m.meeting.id, title: 'Long discussion' });
  const key = agenda[0]!.id;
  await ok(host, 'minutes.saveSection', { meetingId: m.meeting.id, sectionKey: key, content: doc });
  return { meetingId: m.meeting.id, sectionKey: key };
}

function floorHtml(texts: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body style="margin:0;font:16px/1.5 sans-serif">' +
    '<div id="ed" contenteditable="true" spellcheck="false" style="max-width:860px;margin:24px auto;outline:none">' +
    texts.map((t) => `<p>${esc(t)}</p>`).join('') +
    '</div></body></html>'
  );
}

/** Text typed in a case: sentences cut to `n` characters, never ending in a space. */
function typedText(rand: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += `${sentence(rand)} `;
  return s.slice(0, n).trimEnd() + 'x';
}

/** The latency probe; the same function is evaluated in both pages. */
async function installProbe(page: Page) {
  await page.evaluate(() => {
    type S = { paint: number; script: number; queued: number; from: number; to: number };
    const w = window as unknown as { __lat?: { armed: boolean; samples: S[]; longTasks: number[]; suggestions: number[]; spans: Array<[number, number]> } };
    if (w.__lat) return;
    const lat = { armed: false, samples: [] as S[], longTasks: [] as number[], suggestions: [] as number[], spans: [] as Array<[number, number]> };
    w.__lat = lat;
    // The page's own suggestions work on the main thread (User Timing measures the app names `tfs-suggestions`).
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name !== 'tfs-suggestions') continue;
          lat.suggestions.push(e.duration);
          lat.spans.push([e.startTime, e.startTime + e.duration]);
        }
      }).observe({ type: 'measure' });
    } catch {
      /* not supported: no figures */
    }
    let current: { t0: number; s: S } | null = null;
    // Long tasks (≥ 50 ms) while armed: what makes the tail (e.g. an autosave serialising the section).
    try {
      new PerformanceObserver((list) => {
        if (lat.armed) for (const e of list.getEntries()) lat.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    } catch {
      /* not supported: no long-task figures */
    }
    window.addEventListener(
      'keydown',
      (e) => {
        if (!lat.armed) return;
        const t0 = performance.now();
        const s: S = { paint: Number.NaN, script: Number.NaN, queued: t0 - e.timeStamp, from: e.timeStamp, to: Number.NaN };
        current = { t0, s };
        requestAnimationFrame(() => {
          const afterFrame = new MessageChannel();
          afterFrame.port1.onmessage = () => {
            s.to = performance.now();
            s.paint = s.to - t0;
            if (Number.isNaN(s.script)) s.script = s.paint;
            lat.samples.push(s);
          };
          afterFrame.port2.postMessage(0);
        });
      },
      true,
    );
    // The key has been handled when the last listener of beforeinput / input on window (bubbling: after the editor's
    // own listeners) has run and the microtasks queued before ours (the editor's update) are done.
    const handled = () => {
      const c = current;
      if (c) queueMicrotask(() => (c.s.script = performance.now() - c.t0));
    };
    window.addEventListener('beforeinput', handled);
    window.addEventListener('input', handled);
  });
}

/** Puts the caret at the end of the last (or middle) paragraph of the editor, focused and scrolled into view. */
async function placeCaret(page: Page, sel: string, position: 'end' | 'middle') {
  await page.evaluate(
    ({ sel, position }) => {
      const ed = document.querySelector(sel) as HTMLElement;
      const blocks = ed.children;
      const target = blocks[position === 'end' ? blocks.length - 1 : Math.floor(blocks.length / 2)] as HTMLElement;
      target.scrollIntoView({ block: 'center' });
      ed.focus({ preventScroll: true });
      let node: Node = target;
      while (node.lastChild) node = node.lastChild;
      const range = document.createRange();
      if (node.nodeType === Node.TEXT_NODE) range.setStart(node, (node.textContent ?? '').length);
      else {
        range.selectNodeContents(target);
        range.collapse(false);
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      (window as unknown as { __target?: HTMLElement }).__target = target;
    },
    { sel, position },
  );
  // Let the editor take the selection (Lexical reads it on selectionchange).
  await page.waitForTimeout(150);
}

async function measure(page: Page, sel: string, position: 'end' | 'middle', typed: string, warm: string): Promise<{ samples: Sample[]; typedOk: boolean; longTasks: number[] }> {
  await page.bringToFront();
  await placeCaret(page, sel, position);
  await page.keyboard.type(` ${warm}`, { delay: 30 });
  await page.evaluate(() => {
    const lat = (window as unknown as { __lat: { armed: boolean; samples: unknown[]; longTasks: number[] } }).__lat;
    lat.samples = [];
    lat.longTasks = [];
    lat.armed = true;
  });
  await page.keyboard.type(typed, { delay: 30 });
  await page.waitForFunction((n) => (window as unknown as { __lat: { samples: unknown[] } }).__lat.samples.length >= n, typed.length, { timeout: 30_000 });
  const { samples, longTasks } = await page.evaluate(() => {
    const lat = (window as unknown as { __lat: { armed: boolean; samples: Sample[]; longTasks: number[] } }).__lat;
    lat.armed = false;
    return { samples: lat.samples, longTasks: lat.longTasks };
  });
  // The text must have gone where we meant: the target paragraph (Lexical may have re-rendered it: look by content).
  const typedOk = await page.evaluate(
    ({ sel, position, typed }) => {
      const ed = document.querySelector(sel) as HTMLElement;
      const blocks = ed.children;
      const target = blocks[position === 'end' ? blocks.length - 1 : Math.floor(blocks.length / 2)] as HTMLElement;
      return (target.textContent ?? '').includes(typed);
    },
    { sel, position, typed },
  );
  return { samples, typedOk, longTasks };
}

async function waitSaved(page: Page) {
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('.saving-indicator')?.textContent ?? ''), undefined, { timeout: 60_000 });
}

/** Whether the built renderer's scripts mention `re` (to tell "no such feature yet" from "no switch for it"). */
function rendererMentions(root: string, re: RegExp): boolean {
  const dir = path.join(root, 'dist/renderer/assets');
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((f) => f.endsWith('.js') && re.test(fs.readFileSync(path.join(dir, f), 'utf8')));
}

function intervalText(i: { low: number; high: number }): string {
  return `${ms(i.low)} to ${ms(i.high)}`;
}
