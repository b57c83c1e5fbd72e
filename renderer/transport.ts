import type { Result } from '../shared/errors';

/**
 * How a call reaches the backend, and nothing else (no React, no contract schemas): under Electron the sandboxed
 * preload's `window.taskforce.call`; in the browser host `POST ./api/<name>` with the launch token. Shared by the app
 * (api.ts) and by boot.js (boot.ts), which starts the first page's calls before the app's code has arrived.
 */
export const TOKEN_KEY = 'tfs-token';

export interface Bridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  openExternal?(url: string): Promise<void>;
  saveFile?(fileName: string, bytesBase64: string): Promise<import('../shared/contract/bridge').SaveFileResult>;
  chooseBackupFile?(fileName: string): Promise<import('../shared/contract/bridge').ChooseFileResult>;
}

export function bridge(): Bridge | undefined {
  return (window as unknown as { taskforce?: Bridge }).taskforce;
}

/** The launch token: in the URL's fragment on the first load of a launch (`#token=…`), then kept for this tab. */
export function launchToken(): string {
  const m = /(?:^#|&)token=([^&]*)/.exec(window.location.hash);
  return m?.[1] ? decodeURIComponent(m[1]) : (sessionStorage.getItem(TOKEN_KEY) ?? '');
}

async function httpCall(name: string, input: unknown, token: string): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'storage', message: 'The app’s local server is not answering. Is it still running?' } };
  }
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The local server answered ${res.status} without a result.` } };
  }
}

/** One call, answered with its envelope (never throws). `token`: the browser host's (read from storage if omitted). */
export function rawCall(name: string, input: unknown, token?: string): Promise<Result<unknown>> {
  const b = bridge();
  return b ? b.call(name, input) : httpCall(name, input, token ?? sessionStorage.getItem(TOKEN_KEY) ?? '');
}

/** The key under which boot.js hands a call it started to the app: its name and input. */
export function callKey(name: string, input: unknown): string {
  return `${name} ${JSON.stringify(input)}`;
}

/** Where boot.js leaves the calls it started (window.__tfsBoot), until the app takes them (app/boot-calls.ts). */
export type BootCalls = Record<string, Promise<Result<unknown>>>;
