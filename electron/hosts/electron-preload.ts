import { contextBridge, ipcRenderer } from 'electron';
import type { ChooseFileResult, SaveFileResult, TaskforceBridge } from '../../shared/contract/bridge';
import { isListedCallName } from '../../shared/contract/call-names';
import type { Result } from '../../shared/errors';
import { CALL_CHANNEL, CALL_JSON_CHANNEL, OPEN_EXTERNAL_CHANNEL } from './electron-ipc';
import { CHOOSE_BACKUP_FILE_CHANNEL, SAVE_FILE_CHANNEL } from './electron-save';

/**
 * The sandboxed preload: the only code with ipcRenderer. It hands the page six things and nothing else — no
 * ipcRenderer, no generic send — so a compromised page can do no more than the contract allows.
 * Bundled to dist/electron/preload.cjs (a sandboxed preload may only require 'electron'). It checks names against the
 * plain list in shared/contract/call-names.ts, not the contract: no zod here, the preload stays a few KB
 * (test/packaging/bundle-budget.test.ts).
 */
type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** A name that is not a contract call never crosses the process boundary. */
const unknownCall = (name: unknown) => Promise.reject(new Error(`There is no call named "${String(name).slice(0, 80)}".`));

export function createBridge(invoke: Invoke): TaskforceBridge {
  return Object.freeze({
    call(name: string, input: unknown): Promise<Result<unknown>> {
      if (!isListedCallName(name)) return unknownCall(name);
      return invoke(CALL_CHANNEL, name, input) as Promise<Result<unknown>>;
    },
    callJson(name: string, json: Uint8Array): Promise<Result<unknown>> {
      if (!isListedCallName(name)) return unknownCall(name);
      // isView, not instanceof: the bytes come from the page's world (contextBridge copies them into this one).
      if (!ArrayBuffer.isView(json)) return Promise.reject(new Error('A call’s input must be JSON bytes.'));
      return invoke(CALL_JSON_CHANNEL, name, json) as Promise<Result<unknown>>;
    },
    async openExternal(url: string): Promise<void> {
      if (typeof url !== 'string') throw new Error('A link must be text.');
      const r = (await invoke(OPEN_EXTERNAL_CHANNEL, url)) as Result<null>;
      if (!r.ok) throw new Error(r.error.message);
    },
    async saveFile(fileName: string, bytesBase64: string): Promise<SaveFileResult> {
      const r = (await invoke(SAVE_FILE_CHANNEL, String(fileName), String(bytesBase64))) as Result<SaveFileResult>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    async chooseBackupFile(fileName: string): Promise<ChooseFileResult> {
      const r = (await invoke(CHOOSE_BACKUP_FILE_CHANNEL, String(fileName))) as Result<ChooseFileResult>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
    host: 'electron' as const,
  });
}

export const BRIDGE_KEY = 'taskforce';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)));
