import type { Result } from '../shared/errors';

/**
 * How a call reaches the backend, and nothing else (no React, no contract schemas): under Electron the sandboxed
 * preload's `window.taskforce.call`; in the browser host `POST ./api/<name>` with the launch token. Shared by the app
 * (api.ts) and by boot.js (boot.ts), which starts the first page's calls before the app's code has arrived.
 */
export const TOKEN_KEY = 'tfs-token';

export interface Bridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  callJson?(name: string, json: Uint8Array): Promise<Result<unknown>>;
  openExternal?(url: string): Promise<void>;
  saveFile?(fileName: string, bytesBase64: string): Promise<import('../shared/contract/bridge').SaveFileResult>;
  chooseBackupFile?(fileName: string): Promise<import('../shared/contract/bridge').ChooseFileResult>;
}

export function bridge(): Bridge | undefined {
  return (window as unknown as { taskforce?: Bridge }).taskforce;
}

/**
 * The launch token of this tab. It arrives in the URL's fragment on the first load of a launch (`#token=…`) and is
 * kept in memory; it is written to sessionStorage (so a reload of the tab still has it) off the start path (issue 16):
 * the page's first use of sessionStorage opens it, 8-23 ms of the main thread measured, which the first page used to
 * wait for. Written when the tab is hidden or left (`pagehide`: a reload writes it before the next page reads it), and
 * a few seconds after the start in any case. Read back from sessionStorage only when the page has no token of its own
 * (a reload).
 */
let kept: string | null = null;
let persistScheduled = false;
const KEEP_AFTER_MS = 5000;

function persistToken(): void {
  if (kept === null) return;
  try {
    if (sessionStorage.getItem(TOKEN_KEY) !== kept) sessionStorage.setItem(TOKEN_KEY, kept);
  } catch {
    // Storage refused (quota, privacy mode): the tab keeps the token in memory; a reload then needs the launch URL.
  }
}

/** Keeps `token` for this tab: in memory now, in sessionStorage off the start path (see above). */
export function keepToken(token: string): void {
  kept = token;
  if (persistScheduled) return;
  persistScheduled = true;
  window.addEventListener('pagehide', persistToken);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') persistToken();
  });
  setTimeout(persistToken, KEEP_AFTER_MS);
}

/** The launch token: the launch URL's (`#token=…`), else the one this page keeps, else the one kept for the tab. */
export function launchToken(): string {
  const m = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
  if (m?.[1]) return decodeURIComponent(m[1]);
  if (kept !== null) return kept;
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Fired when the page has taken a new launch's token (launch-renewal.ts). */
export const TOKEN_RENEWED = 'tfs-token-renewed';

/** Calls `fn` when the page has taken a new launch's token (what failed for want of it can be tried again now). */
export function onTokenRenewed(fn: () => void): () => void {
  window.addEventListener(TOKEN_RENEWED, fn);
  return () => window.removeEventListener(TOKEN_RENEWED, fn);
}

/**
 * Told of every answer of the browser host with the token its call carried (launch-renewal.ts: a token refused since
 * the host was started again). Set by the app, not by boot.js, which stays small.
 */
let answerWatch: ((token: string, r: Result<unknown>) => void) | null = null;

export function watchAnswers(fn: (token: string, r: Result<unknown>) => void): void {
  answerWatch = fn;
}

/**
 * A call's input already written as JSON by the caller (a long section's save, made a few blocks per task): the
 * browser host is sent the Blob as the request body, Electron its bytes (TaskforceBridge.callJson). Either way the
 * host parses it and the dispatcher validates it as any call's input.
 */
export class PreparedJson {
  constructor(readonly json: Blob) {}
}

async function httpPost(path: string, body: unknown, token: string): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      // A Blob is sent by reference: no copy of the whole text in this task, as a string body would make.
      body: body instanceof PreparedJson ? body.json : JSON.stringify(body ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'storage', message: 'The app’s local server is not answering. Is it still running?' } };
  }
  try {
    const r = (await res.json()) as Result<unknown>;
    answerWatch?.(token, r);
    return r;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The local server answered ${res.status} without a result.` } };
  }
}

/**
 * One call, answered with its envelope (never throws). `token`: the browser host's (`launchToken()` if omitted).
 * `prepared`: the input's JSON, made by the caller, sent as it is (`input` is then only its typed form).
 */
export function rawCall(name: string, input: unknown, token?: string, prepared?: PreparedJson): Promise<Result<unknown>> {
  const b = bridge();
  if (b?.callJson && prepared) {
    const callJson = b.callJson.bind(b);
    // A bridge that refuses the bytes before they cross (an older preload) must not cost the save: the plain call.
    return prepared.json
      .arrayBuffer()
      .then((bytes) => callJson(name, new Uint8Array(bytes)))
      .catch(() => b.call(name, input));
  }
  return b ? b.call(name, input) : httpPost(`./api/${encodeURIComponent(name)}`, prepared ?? input, token ?? launchToken());
}

/**
 * Several calls in one request (the browser host's `POST ./api-batch`, electron/hosts/browser-host.ts), answered each
 * with its own envelope, as `rawCall` would; under Electron each goes over IPC on its own. For the calls a page makes
 * at once as it opens (boot.js): one request instead of four to seven (issue 16). When the request itself fails,
 * every call answers that failure.
 */
export function rawCalls(calls: ReadonlyArray<readonly [string, unknown]>, token?: string): Array<Promise<Result<unknown>>> {
  const b = bridge();
  if (b) return calls.map(([name, input]) => b.call(name, input));
  const all = httpPost('./api-batch', calls, token ?? launchToken()).then((r): Array<Result<unknown>> => {
    if (r.ok && Array.isArray(r.value) && r.value.length === calls.length) return r.value as Array<Result<unknown>>;
    const failed: Result<unknown> = r.ok ? { ok: false, error: { code: 'internal', message: 'The local server answered without a result.' } } : r;
    return calls.map(() => failed);
  });
  return calls.map((_, i) => all.then((answers) => answers[i]!));
}

/** The key under which boot.js hands a call it started to the app: its name and input. */
export function callKey(name: string, input: unknown): string {
  return `${name} ${JSON.stringify(input)}`;
}

/** Where boot.js leaves the calls it started (window.__tfsBoot), until the app takes them (app/boot-calls.ts). */
export type BootCalls = Record<string, Promise<Result<unknown>>>;

/**
 * The handover between boot.js and the app, on the window (two scripts, no module shared at run time): the calls boot.js
 * started, and whether the app has closed the handover (a boot.js that runs after that starts nothing).
 */
export const bootHandover = (): { __tfsBoot?: BootCalls; __tfsBootClosed?: boolean } => window as never;
