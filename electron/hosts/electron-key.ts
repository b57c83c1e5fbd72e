import type { Dialog, SafeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../backend/db/connection';
import { looksEncrypted } from '../backend/db/data-file';
import { KeyError, openKeyFile, openWrappedKey, WRAPPED_KEY_FILE, writePrivateFileSync, type DataKey } from '../backend/db/key';

/**
 * The desktop app's key of the encrypted data file (thin glue; the files and formats are in backend/db/key.ts).
 * - With the system keychain (Electron safeStorage: Keychain on macOS, DPAPI on Windows, the secret service on
 *   Linux): a random 32-byte key, wrapped by it and kept beside the data (0600).
 * - Without one (Linux with no secret service: safeStorage unavailable, or its "basic_text" fallback, which is a
 *   fixed password and no protection): the officer is told so plainly and chooses a key file (created with a random
 *   key when new; whoever can read it can read the data). The choice is remembered beside the data.
 */
export const KEY_FILE_CHOICE = 'key-file-location.json';

export interface DesktopKeyDeps {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;
  dialog: Pick<Dialog, 'showMessageBox' | 'showSaveDialog'>;
  dataDir: string;
  platform?: NodeJS.Platform;
}

export interface DesktopKey {
  key: DataKey;
  /** The key file this start created (removed again if the data could not be opened, so nothing is left behind). */
  created: string | null;
}

export function keychainAvailable(s: DesktopKeyDeps['safeStorage'], platform: NodeJS.Platform): boolean {
  if (!s.isEncryptionAvailable()) return false;
  return !(platform === 'linux' && s.getSelectedStorageBackend?.() === 'basic_text');
}

/** Resolves the key, asking the officer when there is no keychain; null when they chose to quit. */
export async function desktopKey(deps: DesktopKeyDeps): Promise<DesktopKey | null> {
  const platform = deps.platform ?? process.platform;
  const dataFile = path.join(deps.dataDir, DB_FILE_NAME);
  const encrypted = looksEncrypted(dataFile);
  const wrappedFile = path.join(deps.dataDir, WRAPPED_KEY_FILE);
  if (keychainAvailable(deps.safeStorage, platform)) {
    const r = openWrappedKey(deps.dataDir, { encrypt: (t) => deps.safeStorage.encryptString(t), decrypt: (b) => deps.safeStorage.decryptString(b) }, encrypted);
    return { key: r.key, created: r.created ? r.file : null };
  }
  if (fs.existsSync(wrappedFile))
    throw new KeyError(
      `The data is encrypted with a key kept by the system keychain (${wrappedFile}), but the keychain is not available now. Nothing was changed. Unlock or start the keychain (on Linux: the secret service, e.g. GNOME Keyring or KWallet), then start again.`,
    );

  const choiceFile = path.join(deps.dataDir, KEY_FILE_CHOICE);
  let remembered: string | null = null;
  try {
    const v = JSON.parse(fs.readFileSync(choiceFile, 'utf8')) as { keyFile?: unknown };
    if (typeof v.keyFile === 'string' && path.isAbsolute(v.keyFile)) remembered = v.keyFile;
  } catch {
    /* nothing chosen yet */
  }
  const buttons = [...(remembered ? [`Use ${path.basename(remembered)}`] : []), 'Choose a key file…', 'Quit'];
  const answer = await deps.dialog.showMessageBox({
    type: 'warning',
    title: 'No system keychain',
    message: 'This computer has no system keychain that Taskforce Secretariat can use, so the key of the encrypted data cannot be kept in it.',
    detail:
      'The data can be encrypted with a key file you choose instead. Whoever can read that file can read the data: keep it where only you can read it (ideally a removable drive), and keep a copy somewhere safe — without it the data cannot be opened.' +
      (remembered ? `\n\nThe key file chosen last time: ${remembered}` : ''),
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const picked = buttons[answer.response];
  if (picked === undefined || picked === 'Quit') return null;
  let keyFile = remembered;
  if (picked === 'Choose a key file…') {
    const choice = await deps.dialog.showSaveDialog({
      title: 'Key file of the data (an existing one, or a new name to create one)',
      defaultPath: path.join(path.dirname(deps.dataDir), 'taskforce-secretariat.key'),
      buttonLabel: 'Use this key file',
    });
    if (choice.canceled || !choice.filePath) return null;
    keyFile = choice.filePath;
  }
  const { key, created } = openKeyFile(keyFile!, encrypted);
  fs.mkdirSync(deps.dataDir, { recursive: true, mode: 0o700 });
  writePrivateFileSync(choiceFile, JSON.stringify({ keyFile }), true);
  return { key, created: created ? keyFile : null };
}
