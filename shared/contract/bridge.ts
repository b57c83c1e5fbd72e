import type { Result } from '../errors';

/**
 * What the Electron preload exposes on `window.taskforce` (contextBridge), and nothing more.
 * `call` carries one contract call (shared/contract/index.ts) and resolves with its Result envelope; a name that is
 * not a contract call rejects without crossing the process boundary. `saveFile` lets the user save an export
 * through the native dialog. `openExternal` asks the main process to open an
 * http(s) link in the system browser, after the renderer has asked the user; anything else rejects.
 */
export type SaveFileResult = { saved: false } | { saved: true; where: string };

export type ChooseFileResult = { chosen: false } | { chosen: true; path: string };

export interface TaskforceBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /**
   * The same call with its input already written as UTF-8 JSON by the page (a long section's save, made a few blocks
   * per task): the bytes cross as one buffer, with no structured clone of a large object graph on the page's thread.
   * The main process parses them and the dispatcher validates them exactly as `call`'s input.
   */
  callJson(name: string, json: Uint8Array): Promise<Result<unknown>>;
  openExternal(url: string): Promise<void>;
  /** Native save dialog (opened in the last export folder) for a DOCX the backend produced; `saved: false` if cancelled. */
  saveFile(fileName: string, bytesBase64: string): Promise<SaveFileResult>;
  /** Native save dialog for "Back up to a file…": where the backup goes (the backend writes it, backup.saveTo). */
  chooseBackupFile(fileName: string): Promise<ChooseFileResult>;
  host: 'electron';
}
