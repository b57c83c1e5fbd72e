// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../renderer/api';
import { dropBootCalls, takeBoot } from '../../renderer/app/boot-calls';
import { afterFirstKeys } from '../../renderer/features/minutes/firstKeys';
import { callKey, keepToken, launchToken, rawCalls, type BootCalls } from '../../renderer/transport';

/** Issue 16: what boot.js starts is handed to the app once, as the app's own call would answer; the rest waits for a key. */
const holder = window as unknown as { __tfsBoot?: BootCalls };

afterEach(() => {
  dropBootCalls();
  vi.useRealTimers();
  window.location.hash = '';
  sessionStorage.clear();
});

describe('calls started by boot.js', () => {
  it('are taken once, by name and input, as values or ApiErrors; then the app asks itself', async () => {
    holder.__tfsBoot = {
      [callKey('settings.get', {})]: Promise.resolve({ ok: true, value: { theme: 'dark' } }),
      [callKey('minutes.section', { meetingId: 'm1', sectionKey: 'opening' })]: Promise.resolve({ ok: false, error: { code: 'not_found', message: 'No such meeting.' } }),
    };
    expect(await takeBoot('settings.get', {})).toEqual({ theme: 'dark' });
    expect(takeBoot('settings.get', {})).toBeUndefined();
    // Another input is another call.
    expect(takeBoot('minutes.section', { meetingId: 'm2', sectionKey: 'opening' })).toBeUndefined();
    const failed = takeBoot('minutes.section', { meetingId: 'm1', sectionKey: 'opening' });
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toThrow('No such meeting.');
  });

  it('not taken while the app starts: dropped', () => {
    holder.__tfsBoot = { [callKey('body.get', {})]: Promise.resolve({ ok: true, value: {} }) };
    dropBootCalls();
    expect(takeBoot('body.get', {})).toBeUndefined();
    expect(holder.__tfsBoot).toBeUndefined();
  });

  it('boot.js reads the launch token from the URL the host printed, else the one kept for this tab', () => {
    sessionStorage.setItem('tfs-token', 'kept-token-0123456789');
    expect(launchToken()).toBe('kept-token-0123456789');
    window.location.hash = '#token=fresh-token-0123456789&meeting=abc';
    expect(launchToken()).toBe('fresh-token-0123456789');
  });
});

describe('the launch token is kept for the tab off the start path', () => {
  it('is used from memory at once, written to sessionStorage only when the tab is left or hidden, or after 5 s', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    keepToken('memory-token-0123456789');
    expect(launchToken()).toBe('memory-token-0123456789');
    expect(sessionStorage.getItem('tfs-token')).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem('tfs-token')).toBe('memory-token-0123456789');
    sessionStorage.clear();
    keepToken('second-token-0123456789');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sessionStorage.getItem('tfs-token')).toBe('second-token-0123456789');
    sessionStorage.clear();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    vi.advanceTimersByTime(5000);
    expect(sessionStorage.getItem('tfs-token')).toBe('second-token-0123456789');
    // The launch URL's own token comes first.
    window.location.hash = '#token=fresh-token-0123456789';
    expect(launchToken()).toBe('fresh-token-0123456789');
  });
});

describe('calls started together go in one request (the browser host\'s /api-batch)', () => {
  it('one POST carrying [name, input] pairs with the token; each call gets its own answer', async () => {
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      expect(url).toBe('./api-batch');
      expect((init.headers as Record<string, string>).Authorization).toBe('Bearer batch-token-0123456789');
      expect(JSON.parse(init.body as string)).toEqual([
        ['body.get', {}],
        ['meetings.get', { id: 'm1' }],
      ]);
      return new Response(JSON.stringify({ ok: true, value: [{ ok: true, value: { chair: 'AI Office' } }, { ok: false, error: { code: 'not_found', message: 'No such meeting.' } }] }));
    });
    vi.stubGlobal('fetch', fetchMock);
    try {
      const [a, b] = rawCalls(
        [
          ['body.get', {}],
          ['meetings.get', { id: 'm1' }],
        ],
        'batch-token-0123456789',
      );
      expect(await a).toEqual({ ok: true, value: { chair: 'AI Office' } });
      expect(await b).toEqual({ ok: false, error: { code: 'not_found', message: 'No such meeting.' } });
      expect(fetchMock).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('when the request fails or answers out of shape, every call answers that failure (never a wrong answer)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'busy', message: 'Busy.' } }), { status: 503 })));
    try {
      const answers = await Promise.all(rawCalls([['body.get', {}], ['settings.get', {}]], 't-0123456789abcdef'));
      expect(answers).toEqual([
        { ok: false, error: { code: 'busy', message: 'Busy.' } },
        { ok: false, error: { code: 'busy', message: 'Busy.' } },
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [{ ok: true, value: 1 }] }))));
    try {
      const answers = await Promise.all(rawCalls([['body.get', {}], ['settings.get', {}]], 't-0123456789abcdef'));
      expect(answers.every((a) => !a.ok)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    try {
      const [a] = await Promise.all(rawCalls([['body.get', {}]], 't-0123456789abcdef'));
      expect(a).toEqual({ ok: false, error: { code: 'storage', message: 'The app’s local server is not answering. Is it still running?' } });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('under Electron each call goes over the bridge on its own', async () => {
    const call = vi.fn(async (name: string) => ({ ok: true as const, value: name }));
    (window as unknown as { taskforce?: unknown }).taskforce = { call };
    try {
      const answers = await Promise.all(rawCalls([['body.get', {}], ['settings.get', {}]]));
      expect(answers).toEqual([
        { ok: true, value: 'body.get' },
        { ok: true, value: 'settings.get' },
      ]);
      expect(call).toHaveBeenCalledTimes(2);
    } finally {
      delete (window as unknown as { taskforce?: unknown }).taskforce;
    }
  });
});

describe('the minutes page waits for the first key before loading the other sections', () => {
  it('resolves once the officer pauses after the first keys, not before', async () => {
    let done = false;
    const p = afterFirstKeys(60_000, {}, 50).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    const key = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    key();
    expect(done).toBe(false);
    // Keys 30 ms apart: no pause of 50 ms yet.
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 30));
      expect(done).toBe(false);
      key();
    }
    await p;
    expect(done).toBe(true);
  });

  it('someone typing on without a pause gets the rest of the page at most maxMs after the first key', async () => {
    vi.useFakeTimers();
    let done = false;
    void afterFirstKeys(60_000, {}, 500, 3000).then(() => (done = true));
    for (let t = 0; t < 2900; t += 100) {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toBe(true);
  });

  it('resolves after the quiet time when no key comes, or at once when woken (a section was asked for)', async () => {
    vi.useFakeTimers();
    let quiet = false;
    void afterFirstKeys(1000, {}).then(() => (quiet = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(quiet).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(quiet).toBe(true);

    const signal: { wake?: () => void } = {};
    let woken = false;
    void afterFirstKeys(60_000, signal).then(() => (woken = true));
    signal.wake?.();
    await vi.advanceTimersByTimeAsync(1);
    expect(woken).toBe(true);
    expect(signal.wake).toBeUndefined();
  });
});

describe('answers that came before the first render', () => {
  it('are rendered in the first render (once), and the first render waits for them', async () => {
    const { startEarlyCalls, earlyAnswer, dropEarlyAnswers, takeEarly } = await import('../../renderer/app/early-calls');
    const list = [{ id: 'm1', title: 'Plenary' }];
    holder.__tfsBoot = {
      [callKey('backup.status', {})]: Promise.resolve({ ok: true, value: { backups: [], damaged: null } }),
      [callKey('meetings.list', {})]: Promise.resolve({ ok: true, value: list }),
      [callKey('body.get', {})]: Promise.resolve({ ok: true, value: { name: 'Taskforce' } }),
      [callKey('settings.get', {})]: Promise.resolve({ ok: true, value: { theme: 'dark' } }),
    };
    await startEarlyCalls({ name: 'meetings' });
    const { bodyNow } = await import('../../renderer/app/body');
    const { settingsNow } = await import('../../renderer/app/settings');
    expect(bodyNow()).toEqual({ name: 'Taskforce' });
    expect(settingsNow()).toEqual({ theme: 'dark' });
    expect(earlyAnswer('meetings.list')).toEqual(list);
    // The page that rendered it does not ask again; after the first render the answers are gone: a later mount asks.
    dropEarlyAnswers();
    expect(earlyAnswer('meetings.list')).toBeUndefined();
    expect(earlyAnswer('backup.status')).toEqual(undefined);
    await expect(takeEarly('backup.status')).resolves.toEqual({ backups: [], damaged: null });
  });

  it('an answer that does not come holds the first render back 60 ms at most; an error is not an early answer', async () => {
    vi.useFakeTimers();
    const { startEarlyCalls, earlyAnswer, dropEarlyAnswers } = await import('../../renderer/app/early-calls');
    dropEarlyAnswers();
    holder.__tfsBoot = {
      [callKey('backup.status', {})]: new Promise(() => undefined),
      [callKey('meetings.list', {})]: Promise.resolve({ ok: false, error: { code: 'storage', message: 'Disk full.' } }),
    };
    let rendered = false;
    void startEarlyCalls({ name: 'meetings' }).then(() => (rendered = true));
    await vi.advanceTimersByTimeAsync(59);
    expect(rendered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(rendered).toBe(true);
    expect(earlyAnswer('backup.status')).toBeUndefined();
    expect(earlyAnswer('meetings.list')).toBeUndefined();
  });
});

describe('the minutes page opened directly', () => {
  it('its first answers, once come, are there for its first render (not taken), for that meeting only', async () => {
    const { prefetchMinutes, minutesStartCame, minutesStartSettled, takeMinutesStart, dropMinutesPrefetch } = await import('../../renderer/features/minutes/prefetch');
    const section = { key: 'opening', content: { root: { type: 'root', children: [] } }, rev: 3, updatedAt: '2026-01-30T10:00:00Z' };
    holder.__tfsBoot = {
      [callKey('minutes.outline', { meetingId: 'm1' })]: Promise.resolve({ ok: true, value: { sections: [{ key: 'opening' }] } }),
      [callKey('meetings.get', { id: 'm1' })]: Promise.resolve({ ok: true, value: { meeting: { id: 'm1' }, agenda: [] } }),
      [callKey('members.list', {})]: Promise.resolve({ ok: true, value: [] }),
      [callKey('minutes.section', { meetingId: 'm1', sectionKey: 'opening' })]: Promise.resolve({ ok: true, value: section }),
    };
    prefetchMinutes('m1');
    expect(minutesStartCame('m1')).toBeNull(); // not come yet
    await minutesStartSettled();
    const came = minutesStartCame('m1');
    expect(came?.first).toEqual({ key: 'opening', section });
    expect(came?.page[1]).toEqual({ sections: [{ key: 'opening' }] });
    expect(minutesStartCame('m2')).toBeNull();
    // The page's effect takes the very start its first render showed.
    expect(takeMinutesStart('m1')).toBe(came?.start);
    expect(minutesStartCame('m1')).toBeNull();
    dropMinutesPrefetch();
  });
});

describe('boot.js', () => {
  const win = window as unknown as { __tfsBoot?: BootCalls; __tfsBootClosed?: boolean; taskforce?: unknown };
  const run = async () => {
    vi.resetModules();
    await import('../../renderer/boot');
  };
  // A new page: the app has not started yet (the file's afterEach drops the calls as a started app does).
  beforeEach(() => {
    delete win.__tfsBootClosed;
  });
  afterEach(() => {
    delete win.__tfsBootClosed;
    delete win.__tfsBoot;
    delete win.taskforce;
    delete (window as { __tfsDatesWarmed?: boolean }).__tfsDatesWarmed;
    vi.unstubAllGlobals();
  });

  it("readies the meeting form's date fields while the app arrives, on the meetings list only", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }))));
    const timers = vi.spyOn(window, 'setTimeout');
    window.location.hash = '#token=boot-token-0123456789&meeting=m-1';
    await run();
    expect((window as { __tfsDatesWarmed?: boolean }).__tfsDatesWarmed).toBeUndefined();
    window.location.hash = '#token=boot-token-0123456789';
    await run();
    expect((window as { __tfsDatesWarmed?: boolean }).__tfsDatesWarmed).toBe(true);
    // In a task of its own (the next one), not in the head script's own run.
    expect(timers).toHaveBeenCalledWith(expect.any(Function), 0);
    expect(document.querySelectorAll('input')).toHaveLength(0);
    timers.mockRestore();
  });

  it("starts the meetings list's calls in one request, with the launch URL's token", async () => {
    window.location.hash = '#token=boot-token-0123456789';
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ ok: true, value: [1, 2, 3, 4].map((value) => ({ ok: true, value })) })));
    vi.stubGlobal('fetch', fetchMock);
    await run();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('./api-batch');
    expect((JSON.parse(fetchMock.mock.calls[0]![1].body as string) as Array<[string]>).map(([n]) => n)).toEqual(['backup.status', 'body.get', 'settings.get', 'meetings.list']);
    expect(await takeBoot('meetings.list', {})).toBe(4);
  });

  it('run after the app has started (it is async: it may arrive late), it starts nothing', async () => {
    window.location.hash = '#token=boot-token-0123456789';
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    dropBootCalls();
    await run();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(win.__tfsBoot).toBeUndefined();
  });

  it('without a launch token it starts nothing; under Electron it needs none (the bridge)', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    await run();
    expect(fetchMock).not.toHaveBeenCalled();
    const call = vi.fn(async () => ({ ok: true as const, value: null }));
    win.taskforce = { call };
    await run();
    expect(call).toHaveBeenCalledTimes(4);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
