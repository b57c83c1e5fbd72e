import type { Api, CallInput, CallName, CallOutput } from '../shared/contract/index';
import type { ChooseFileResult, SaveFileResult } from '../shared/contract/bridge';
import type { Result, WireError } from '../shared/errors';
import { announceToken, offerLaunchToken, tokenRefused } from './launch-renewal';
import { bridge, keepToken, PreparedJson, rawCall, watchAnswers } from './transport';
import { announceCall } from './window-changes';

export { onTokenRenewed } from './transport';

/**
 * The renderer's one way to the backend. Under Electron the sandboxed preload exposes `window.taskforce.call`;
 * in the browser host the same calls go over HTTP with the launch token. Same contract, same envelopes.
 */
export class ApiError extends Error {
  readonly code: WireError['code'];
  readonly issues: WireError['issues'];
  readonly details: unknown;
  constructor(e: WireError) {
    super(e.message);
    this.name = 'ApiError';
    this.code = e.code;
    this.issues = e.issues;
    this.details = e.details;
  }
}

/** Reads `#token=…&meeting=…` from the URL the browser host printed; keeps the token for this tab only. */
export function takeLaunchParams(): { meetingId?: string } {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash.includes('token=')) return {};
  const params = new URLSearchParams(hash);
  const token = params.get('token');
  if (token) {
    keepToken(token);
    // Other tabs of the app may be pages of an earlier launch of the host, waiting for this token (launch-renewal.ts).
    setTimeout(announceToken, SHARE_TOKEN_AFTER_MS);
  }
  const meetingId = params.get('meeting') ?? undefined;
  history.replaceState(null, '', window.location.pathname + (meetingId ? `#/meetings/${meetingId}` : '#/'));
  return meetingId ? { meetingId } : {};
}

/** Not at once: the channel opens off the first page's start path; a page waiting for the token asks at each retry. */
const SHARE_TOKEN_AFTER_MS = 5000;

/**
 * The browser host started again while this page is open (launch-renewal.ts): a call refused for want of the new
 * launch's token asks for it. A launch URL opened in this tab after the page started (the officer pastes the address
 * the restarted host printed) only changes the fragment, so the page stays, with its unsaved words: the address goes
 * back to the page shown (or the URL's meeting) before the router reads it — the page is not left for the list — and
 * its token is offered (taken once the page's own is refused). Nothing of it under Electron.
 *
 * launch-renewal.ts is imported here, in the first page's code, not fetched when first needed: it is needed once the
 * host is gone, when nothing can be fetched, and Chromium keeps a module whose fetch failed for the document's life
 * (ui/codeLoad.ts). Fetched on demand, a page whose host died before its first fetch of it (the 5 s announce above)
 * could never take the new launch's token, and its words were never saved. It is under 1 KB (0.2 KB gzip more), and
 * does nothing at start: its channel opens at first use. A retry under a fresh URL would need the built chunk's name,
 * and a reload (codeLoad.ts's way) would lose the words it is there to save.
 */
export function watchLaunches(): void {
  if (bridge()) return;
  watchAnswers((token, r) => {
    if (!r.ok && r.error.code === 'unauthorised') tokenRefused(token);
  });
  let shown = window.location.hash;
  window.addEventListener('hashchange', () => (shown = window.location.hash));
  window.addEventListener('popstate', () => {
    const hash = window.location.hash;
    if (!/(?:^#|&)token=/.test(hash)) return;
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const meetingId = params.get('meeting');
    history.replaceState(history.state, '', meetingId ? `#/meetings/${encodeURIComponent(meetingId)}` : shown || '#/');
    const token = params.get('token');
    if (token) offerLaunchToken(token, true);
  });
}

export const api: Api = {
  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const r = await rawCall(name, input);
    if (!r.ok) throw new ApiError(r.error);
    announceCall(name);
    return r.value as CallOutput<K>;
  },
};

/**
 * `api.call` with the input's JSON already made by the caller (`json`: exactly `JSON.stringify(input)`'s document):
 * a long section's save, whose JSON is made a few blocks per task. The input is the contract's as ever; only how
 * it travels to the browser host differs (see PreparedJson).
 */
export async function callPrepared<K extends CallName>(name: K, input: CallInput<K>, json: Blob): Promise<CallOutput<K>> {
  const value = await valueOf<K>(rawCall(name, input, undefined, new PreparedJson(json)));
  announceCall(name);
  return value;
}

/** A call's answer as `api.call` gives it: the value, or an ApiError. */
export async function valueOf<K extends CallName>(answer: Promise<Result<unknown>>): Promise<CallOutput<K>> {
  const r = await answer;
  if (!r.ok) throw new ApiError(r.error);
  return r.value as CallOutput<K>;
}

/** Opens a link outside the app, only after the caller has asked the user. */
export async function openExternal(url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return;
  const b = bridge();
  if (b?.openExternal) return b.openExternal(url);
  window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * Hands a produced file to the user: the native save dialog in the desktop app (opened in the last export folder),
 * a download in the browser host (the browser chooses the folder).
 */
export async function saveFile(fileName: string, bytesBase64: string): Promise<SaveFileResult> {
  const b = bridge();
  if (b?.saveFile) return b.saveFile(fileName, bytesBase64);
  const bytes = Uint8Array.from(atob(bytesBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, where: 'your browser’s downloads' };
}

/**
 * Where "Back up to a file…" writes: the desktop app asks with the native save dialog (a result), the browser host
 * has none (undefined: the page asks with its own dialog and a path field).
 */
export async function chooseBackupFile(fileName: string): Promise<ChooseFileResult | undefined> {
  const b = bridge();
  return b?.chooseBackupFile ? b.chooseBackupFile(fileName) : undefined;
}
