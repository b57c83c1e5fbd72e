import type { IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import type { Dispatch } from '../backend/dispatch';
import type { Result } from '../../shared/errors';
import { isAppUrl, isSafeExternalUrl } from './electron-security';

/**
 * The process boundary of the Electron host. `tfs:call` carries the whole contract (one dispatcher validates
 * name, input and output). `tfs:call-json` carries the same calls with their input as JSON bytes (a long section's save).
 * `tfs:open-external` is the only other thing that crosses: a link the user confirmed,
 * opened in the system browser when it is http(s). The preload (electron-preload.ts) uses the same names.
 */
export const CALL_CHANNEL = 'tfs:call';
/** The same calls, their input as UTF-8 JSON bytes (TaskforceBridge.callJson). */
export const CALL_JSON_CHANNEL = 'tfs:call-json';
export const OPEN_EXTERNAL_CHANNEL = 'tfs:open-external';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Only a frame showing the app's own page may call. A destroyed or navigated-away frame has no URL we trust. */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  let url: unknown;
  try {
    url = frame.url;
  } catch {
    return false;
  }
  return isAppUrl(url);
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Taskforce Secretariat window and was refused.' },
};

export function createCallHandler(dispatch: Dispatch) {
  return async (event: SenderEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return FORBIDDEN;
    // dispatch refuses unknown names (not_found) and invalid input (bad_request) before any service runs.
    return dispatch(typeof name === 'string' ? name : String(name), input);
  };
}

const UNREADABLE: Result<never> = {
  ok: false,
  error: { code: 'bad_request', message: 'The request could not be read (it was not valid JSON text).' },
};

export function createJsonCallHandler(dispatch: Dispatch) {
  const call = createCallHandler(dispatch);
  return async (event: SenderEvent, name: unknown, json: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return FORBIDDEN;
    if (!ArrayBuffer.isView(json)) return UNREADABLE;
    let input: unknown;
    try {
      input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    } catch {
      return UNREADABLE;
    }
    return call(event, name, input); // then exactly as a `tfs:call`
  };
}

export function createOpenExternalHandler(openExternal: Shell['openExternal']) {
  return async (event: SenderEvent, url: unknown): Promise<Result<null>> => {
    if (!isTrustedSender(event)) return FORBIDDEN;
    if (!isSafeExternalUrl(url)) {
      return { ok: false, error: { code: 'bad_request', message: 'Only web links (http or https) can be opened outside the app.' } };
    }
    try {
      await openExternal(url);
      return { ok: true, value: null };
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The system could not open the link in a browser.' } };
    }
  };
}

/** Registers the three handlers; returns a function that removes them (tests, and quitting cleanly). */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  deps: { dispatch: Dispatch; openExternal: Shell['openExternal'] },
): () => void {
  ipcMain.handle(CALL_CHANNEL, createCallHandler(deps.dispatch));
  ipcMain.handle(CALL_JSON_CHANNEL, createJsonCallHandler(deps.dispatch));
  ipcMain.handle(OPEN_EXTERNAL_CHANNEL, createOpenExternalHandler(deps.openExternal));
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    ipcMain.removeHandler(CALL_JSON_CHANNEL);
    ipcMain.removeHandler(OPEN_EXTERNAL_CHANNEL);
  };
}
