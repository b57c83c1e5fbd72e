import { keepToken, launchToken, TOKEN_RENEWED } from './transport';

/**
 * A new launch of the browser host (it was stopped and started again on the same port and data folder) has a new
 * token: a page of the earlier launch still open has its calls refused ('unauthorised'), and used to retry for good
 * with words typed in it never stored. The host does not hand its token to anyone who asks: any program on this
 * machine can reach 127.0.0.1 and send whatever Host and Origin it likes, so only the launch URL, which the officer
 * opens, carries it. What the page does instead: it tells the officer (features/minutes/saveState.ts) to open the
 * address the new launch printed, in this browser, and keeps the words; the tab that opens it shares its token with
 * the app's other tabs over a BroadcastChannel — same origin only, in memory, nothing stored or sent to the host — and
 * the page whose token was refused takes it, and saves (onTokenRenewed). A launch URL opened in the page's own tab
 * (api.ts watchLaunches) is taken the same way. A token is taken only by a page whose own token was
 * refused, and never one the host has refused. None of this runs under Electron (no token there). Part of the first
 * page's code (api.ts imports it), not fetched when first needed: it is first needed when the host is gone, and a
 * fetch that failed then was never made again (api.ts watchLaunches).
 */
const LAUNCH_CHANNEL = 'tfs-launch-token';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;
let channel: BroadcastChannel | null = null;
/** Tokens the host refused (an earlier launch's). */
const refused = new Set<string>();
/** Tokens offered while this page's own still worked: tried, in order, once it is refused. */
const offered: string[] = [];

function launchChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel !== 'function') return channel;
  const c = new BroadcastChannel(LAUNCH_CHANNEL);
  c.onmessage = (e: MessageEvent) => {
    const data = e.data as { ask?: unknown; token?: unknown } | null;
    if (data?.ask === true) announceToken();
    else if (typeof data?.token === 'string') offerLaunchToken(data.token);
  };
  channel = c;
  return c;
}

/** Shares this page's token with the app's other tabs, unless the host has refused it. */
export function announceToken(): void {
  const token = launchToken();
  if (token && !refused.has(token)) launchChannel()?.postMessage({ token });
}

/**
 * A token another tab of the app has, or (`inAddress`) one in a launch URL opened in this tab after it started: taken
 * only once this page's own is refused, and never one the host refused. (A page of another site that can navigate this
 * tab could put any token in its address: it must not replace one that works.) A page with no token of its own was
 * not opened from a launch URL (a window another site opened on the app's address, static-files.ts): no other tab
 * gives it one; only a launch URL opened in it does, as at a first load.
 */
export function offerLaunchToken(token: string, inAddress = false): void {
  const mine = launchToken();
  if (!TOKEN_SHAPE.test(token) || token === mine || refused.has(token)) return;
  if (mine === '') {
    if (inAddress) takeLaunchToken(token);
    return;
  }
  if (refused.has(mine)) takeLaunchToken(token);
  else if (!offered.includes(token)) offered.push(token);
}

/** From now on the page calls with `token`; what failed for want of it is tried again (onTokenRenewed). */
function takeLaunchToken(token: string): void {
  keepToken(token);
  window.dispatchEvent(new Event(TOKEN_RENEWED));
}

/** The host refused `token` (api.ts watchLaunches): remembered, and another token tried or asked for. */
export function tokenRefused(token: string): void {
  if (token === '' || token !== launchToken()) return;
  refused.add(token);
  const next = offered.find((t) => !refused.has(t));
  if (next !== undefined) return takeLaunchToken(next);
  // Asked at each refusal (the autosave's retries): the tab of the new launch may have been opened since.
  launchChannel()?.postMessage({ ask: true });
}
