// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

/**
 * A page of an earlier launch of the browser host takes the new launch's token from another tab of the app
 * (renderer/launch-renewal.ts, over a BroadcastChannel): only once its own token is refused, never a token the host
 * refused, and never when it had no token of its own (a window another site opened on the app's address).
 */
const OLD = 'o'.repeat(32);
const NEW = 'n'.repeat(32);
const STALE = 's'.repeat(32);

let otherTab: BroadcastChannel;
let heard: unknown[];

// Each test's page is a fresh module; the channels its earlier pages opened are closed after each test.
const opened: BroadcastChannel[] = [];
const Native = globalThis.BroadcastChannel;
globalThis.BroadcastChannel = class extends Native {
  constructor(name: string) {
    super(name);
    opened.push(this);
  }
};

async function page(token: string | null) {
  vi.resetModules();
  sessionStorage.clear();
  const transport = await import('../../renderer/transport');
  if (token) transport.keepToken(token);
  const renewal = await import('../../renderer/launch-renewal');
  let renewed = 0;
  transport.onTokenRenewed(() => renewed++);
  return { transport, renewal, renewed: () => renewed };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  heard = [];
  otherTab = new BroadcastChannel('tfs-launch-token');
  otherTab.onmessage = (e: MessageEvent) => heard.push(e.data);
});
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

describe('a new launch token passed between the app’s tabs', () => {
  it('is taken once the page’s own token is refused, and what failed is tried again', async () => {
    const p = await page(OLD);
    p.renewal.tokenRefused(OLD);
    await settle();
    expect(heard).toContainEqual({ ask: true });
    otherTab.postMessage({ token: NEW });
    await settle();
    expect(p.transport.launchToken()).toBe(NEW);
    expect(p.renewed()).toBe(1);
  });

  it('is kept aside while the page’s own token works, and taken at its refusal without asking', async () => {
    const p = await page(OLD);
    p.renewal.offerLaunchToken(NEW);
    expect(p.transport.launchToken()).toBe(OLD);
    p.renewal.tokenRefused(OLD);
    expect(p.transport.launchToken()).toBe(NEW);
    await settle();
    expect(heard).not.toContainEqual({ ask: true });
  });

  it('is never one the host refused', async () => {
    const p = await page(OLD);
    p.renewal.tokenRefused(OLD);
    otherTab.postMessage({ token: STALE });
    await settle();
    expect(p.transport.launchToken()).toBe(STALE);
    p.renewal.tokenRefused(STALE);
    otherTab.postMessage({ token: STALE });
    otherTab.postMessage({ token: OLD });
    await settle();
    expect(p.transport.launchToken()).toBe(STALE);
    otherTab.postMessage({ token: NEW });
    await settle();
    expect(p.transport.launchToken()).toBe(NEW);
  });

  it('is not given to a page that had no token of its own; a launch URL opened in it is taken', async () => {
    const p = await page(null);
    p.renewal.tokenRefused('');
    p.renewal.offerLaunchToken(NEW);
    otherTab.postMessage({ token: NEW });
    await settle();
    expect(p.transport.launchToken()).toBe('');
    p.renewal.offerLaunchToken(NEW, true);
    expect(p.transport.launchToken()).toBe(NEW);
  });

  it('is shared by a page whose token the host has not refused, on request', async () => {
    const p = await page(NEW);
    p.renewal.announceToken();
    await settle();
    expect(heard).toContainEqual({ token: NEW });
    heard = [];
    otherTab.postMessage({ ask: true });
    await settle();
    expect(heard).toContainEqual({ token: NEW });
    p.renewal.tokenRefused(NEW);
    heard = [];
    otherTab.postMessage({ ask: true });
    await settle();
    expect(heard).not.toContainEqual({ token: NEW });
  });
});

/**
 * As api.ts wires it, on a page whose host stopped before the page had used any of it: the page's first use of
 * launch-renewal.ts comes while nothing can be fetched, so none of it may be fetched then (it is part of the first
 * page's code: test/packaging/bundle-budget.test.ts). The host comes back as a new launch: a refused call asks for its
 * token, and a launch URL, opened in another tab or pasted in this one, gives it.
 */
describe('a page whose host stopped seconds after it opened', () => {
  const gone = () => Promise.reject(new TypeError('Failed to fetch'));
  const refusedAnswer = () => Promise.resolve(new Response(JSON.stringify({ ok: false, error: { code: 'unauthorised', message: 'refused' } }), { status: 401 }));

  async function launchedPage() {
    vi.resetModules();
    sessionStorage.clear();
    window.history.replaceState(null, '', `/#token=${OLD}`);
    const fetch = vi.fn<typeof globalThis.fetch>(gone);
    vi.stubGlobal('fetch', fetch);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    // Each test's page is a fresh module: its window listeners are removed after it (the window is the same).
    added = vi.spyOn(window, 'addEventListener');
    const api = await import('../../renderer/api');
    const transport = await import('../../renderer/transport');
    api.takeLaunchParams();
    api.watchLaunches();
    let renewed = 0;
    transport.onTokenRenewed(() => renewed++);
    // The host is gone before the page shares its token (api.ts, 5 s after the load): nothing is fetched for it.
    vi.advanceTimersByTime(6000);
    vi.useRealTimers();
    await settle();
    expect(heard).toContainEqual({ token: OLD });
    expect(fetch).not.toHaveBeenCalled();
    // A new launch answers: this page's token is refused.
    fetch.mockImplementation(refusedAnswer);
    await transport.rawCall('minutes.saveSection', {});
    return { transport, fetch, renewed: () => renewed };
  }

  let added: MockInstance<(type: string, fn: EventListenerOrEventListenerObject) => void> | null = null;
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    for (const [type, fn] of added?.mock.calls ?? []) window.removeEventListener(type, fn);
    added?.mockRestore();
    added = null;
  });

  it('asks for the new launch’s token at its refusal, and takes it from the tab that opened the new launch', async () => {
    const p = await launchedPage();
    await settle();
    expect(heard).toContainEqual({ ask: true });
    otherTab.postMessage({ token: NEW });
    await settle();
    expect(p.transport.launchToken()).toBe(NEW);
    expect(p.renewed()).toBe(1);
  });

  it('takes the new launch’s token from its URL pasted in this very tab', async () => {
    const p = await launchedPage();
    window.history.pushState(null, '', `/#token=${NEW}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(p.transport.launchToken()).toBe(NEW);
    expect(p.renewed()).toBe(1);
  });
});
