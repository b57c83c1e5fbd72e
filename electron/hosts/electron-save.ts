import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChooseFileResult, SaveFileResult } from '../../shared/contract/bridge';
import type { Result } from '../../shared/errors';
import type { SettingsStore } from '../backend/settings';
import { isTrustedSender } from './electron-ipc';

/**
 * Saving an export in the desktop app: the native save dialog, opened in the folder used last time (remembered in
 * electron-store through the settings store), writing the bytes the backend produced and checked. The renderer only
 * proposes a file name; where the file goes is the user's choice in the dialog.
 */
export const SAVE_FILE_CHANNEL = 'tfs:save-file';

const SAFE_NAME = /^[^/\\:*?"<>|\u0000-\u001f]{1,200}\.docx$/u;

/** Exports hold internal documents (confidential minutes): readable by this account only, 0600 even when replacing a file. */
export async function writePrivateFile(file: string, bytes: Uint8Array): Promise<void> {
  await fs.writeFile(file, bytes, { mode: 0o600 });
  await fs.chmod(file, 0o600);
}

export function createSaveFileHandler(deps: {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  settings: SettingsStore;
  defaultFolder: () => string;
  writeFile?: (file: string, bytes: Uint8Array) => Promise<void>;
}) {
  const write = deps.writeFile ?? writePrivateFile;
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, fileName: unknown, bytesBase64: unknown): Promise<Result<SaveFileResult>> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app window.' } };
    if (typeof fileName !== 'string' || !SAFE_NAME.test(fileName) || typeof bytesBase64 !== 'string')
      return { ok: false, error: { code: 'bad_request', message: 'Only a .docx file with a plain file name can be saved.' } };
    const s = deps.settings.get();
    const folder = s.defaultExportFolder || s.lastExportFolder || deps.defaultFolder();
    const win = deps.window();
    const options = { title: 'Save the document', defaultPath: path.join(folder, fileName), filters: [{ name: 'Word document', extensions: ['docx'] }] };
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    try {
      await write(choice.filePath, Buffer.from(bytesBase64, 'base64'));
    } catch (err) {
      return { ok: false, error: { code: 'storage', message: `The file could not be written: ${(err as Error).message}` } };
    }
    deps.settings.update({ lastExportFolder: path.dirname(choice.filePath) });
    return { ok: true, value: { saved: true, where: choice.filePath } };
  };
}

export function registerSaveFile(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: ReturnType<typeof createSaveFileHandler>): () => void {
  ipcMain.handle(SAVE_FILE_CHANNEL, handler);
  return () => ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}

/**
 * "Back up to a file…" in the desktop app: the native save dialog chooses where; the backend writes the backup there
 * (backup.saveTo). Only the path crosses back to the renderer, which passes it to the contract call.
 */
export const CHOOSE_BACKUP_FILE_CHANNEL = 'tfs:choose-backup-file';

const BACKUP_NAME = /^[^/\\:*?"<>|\u0000-\u001f]{1,200}\.sqlite3$/u;

export function createChooseBackupFileHandler(deps: { dialog: Pick<Dialog, 'showSaveDialog'>; window: () => BrowserWindow | null; defaultFolder: () => string }) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, fileName: unknown): Promise<Result<ChooseFileResult>> => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app window.' } };
    if (typeof fileName !== 'string' || !BACKUP_NAME.test(fileName))
      return { ok: false, error: { code: 'bad_request', message: 'A backup file name ends in .sqlite3.' } };
    const win = deps.window();
    const options = {
      title: 'Back up to a file',
      defaultPath: path.join(deps.defaultFolder(), fileName),
      buttonLabel: 'Back up here',
      filters: [{ name: 'Taskforce Secretariat backup', extensions: ['sqlite3'] }],
    };
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { chosen: false } };
    return { ok: true, value: { chosen: true, path: choice.filePath } };
  };
}

export function registerChooseBackupFile(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handler: ReturnType<typeof createChooseBackupFileHandler>): () => void {
  ipcMain.handle(CHOOSE_BACKUP_FILE_CHANNEL, handler);
  return () => ipcMain.removeHandler(CHOOSE_BACKUP_FILE_CHANNEL);
}
