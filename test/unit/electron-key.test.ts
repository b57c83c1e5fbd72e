import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import { WRAPPED_KEY_FILE } from '../../electron/backend/db/key';
import { desktopKey, KEY_FILE_CHOICE, keychainAvailable } from '../../electron/hosts/electron-key';
import { createChooseBackupFileHandler } from '../../electron/hosts/electron-save';
import { makeBackend, tempDir } from '../helpers/temp';
import * as fake from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const deps = (dataDir: string) => ({ safeStorage: fake.safeStorage as never, dialog: fake.dialog as never, dataDir, platform: 'linux' as const });
const mode = (p: string) => fs.statSync(p).mode & 0o777;

beforeEach(() => fake.resetFakeElectron());

describe('the desktop key (system keychain through safeStorage)', () => {
  it('first start: a random 32-byte key, wrapped by the keychain, kept beside the data 0600; the same key at the next start', async () => {
    const dataDir = tempDir();
    const first = await desktopKey(deps(dataDir));
    expect(first?.key.kind).toBe('key');
    const file = path.join(dataDir, WRAPPED_KEY_FILE);
    expect(first?.created).toBe(file);
    expect(mode(file)).toBe(0o600);
    const bytes = first!.key.kind === 'key' ? first!.key.bytes : Buffer.alloc(0);
    expect(bytes).toHaveLength(32);
    // On disk only the wrapped form: not the key's hex.
    expect(fs.readFileSync(file, 'utf8')).not.toContain(bytes.toString('hex'));
    expect(fake.safeStorage.encryptString).toHaveBeenCalledTimes(1);
    const second = await desktopKey(deps(dataDir));
    expect(second?.created).toBeNull();
    expect(second!.key.kind === 'key' && second!.key.bytes.equals(bytes)).toBe(true);
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('a wrapped key the keychain cannot unwrap (copied from another account) is refused, plainly; nothing written', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, WRAPPED_KEY_FILE), 'not wrapped by this keychain');
    await expect(desktopKey(deps(dataDir))).rejects.toThrow(/cannot be unlocked by this account's system keychain/);
  });

  it('an encrypted data file whose wrapped key is missing: refused, no new key made', async () => {
    const dataDir = tempDir();
    makeBackend({ dataDir }).close(); // encrypted with the test key
    await expect(desktopKey(deps(dataDir))).rejects.toThrow(/encrypted but its key file .* is missing/);
    expect(fs.existsSync(path.join(dataDir, WRAPPED_KEY_FILE))).toBe(false);
  });

  it("Linux's basic_text fallback is a fixed password: treated as no keychain", () => {
    fake.safeStorage.backend = 'basic_text';
    expect(keychainAvailable(fake.safeStorage as never, 'linux')).toBe(false);
    expect(keychainAvailable(fake.safeStorage as never, 'win32')).toBe(true);
    fake.safeStorage.available = false;
    expect(keychainAvailable(fake.safeStorage as never, 'win32')).toBe(false);
  });

  it('no keychain: says so plainly, the officer chooses a key file (created 0600), remembered for the next start', async () => {
    fake.safeStorage.available = false;
    const dataDir = tempDir();
    const keyFile = path.join(tempDir('tfs-keys-'), 'taskforce.key');
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false }); // "Choose a key file…"
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: keyFile });
    const first = await desktopKey(deps(dataDir));
    const box = fake.dialog.showMessageBox.mock.calls[0]![0] as { message: string; detail: string; buttons: string[] };
    expect(box.message).toMatch(/no system keychain/);
    expect(box.detail).toMatch(/Whoever can read that file can read the data/);
    expect(box.buttons).toEqual(['Choose a key file…', 'Quit']);
    expect(first?.created).toBe(keyFile);
    expect(mode(keyFile)).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, KEY_FILE_CHOICE), 'utf8'))).toEqual({ keyFile });
    expect(fake.safeStorage.encryptString).not.toHaveBeenCalled();

    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false }); // "Use taskforce.key"
    const second = await desktopKey(deps(dataDir));
    const box2 = fake.dialog.showMessageBox.mock.calls[1]![0] as { buttons: string[]; detail: string };
    expect(box2.buttons).toEqual(['Use taskforce.key', 'Choose a key file…', 'Quit']);
    expect(box2.detail).toContain(keyFile);
    expect(second?.created).toBeNull();
    expect(second!.key.kind === 'key' && first!.key.kind === 'key' && second!.key.bytes.equals(first!.key.bytes)).toBe(true);
  });

  it('no keychain and the officer quits (or cancels the file dialog): null, nothing written', async () => {
    fake.safeStorage.available = false;
    const dataDir = tempDir();
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false }); // Quit
    expect(await desktopKey(deps(dataDir))).toBeNull();
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await desktopKey(deps(dataDir))).toBeNull();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('data encrypted with the keychain, keychain not available now: refused with what to do', async () => {
    const dataDir = tempDir();
    await desktopKey(deps(dataDir));
    fake.safeStorage.available = false;
    await expect(desktopKey(deps(dataDir))).rejects.toThrow(/keychain is not available now.*Unlock or start the keychain/s);
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('"Back up to a file…" in the desktop app: the save dialog chooses the path', () => {
  const appFrame = { senderFrame: { url: 'app://renderer/index.html' } } as never;
  const foreignFrame = { senderFrame: { url: 'https://evil.example/' } } as never;
  const handler = (choice: { canceled: boolean; filePath?: string }) => {
    const asked: Array<Record<string, unknown>> = [];
    const h = createChooseBackupFileHandler({
      dialog: { showSaveDialog: (async (...args: unknown[]) => (asked.push(args.at(-1) as Record<string, unknown>), choice)) as never },
      window: () => null,
      defaultFolder: () => '/home/officer/Documents',
    });
    return { h, asked };
  };
  it('returns the chosen path, or chosen: false when cancelled', async () => {
    const a = handler({ canceled: false, filePath: '/media/usb/tfs.sqlite3' });
    expect(await a.h(appFrame, 'taskforce-secretariat-backup-2026-02-10.sqlite3')).toEqual({ ok: true, value: { chosen: true, path: '/media/usb/tfs.sqlite3' } });
    expect(a.asked[0]!.defaultPath).toBe('/home/officer/Documents/taskforce-secretariat-backup-2026-02-10.sqlite3');
    const b = handler({ canceled: true });
    expect(await b.h(appFrame, 'x.sqlite3')).toEqual({ ok: true, value: { chosen: false } });
  });
  it('refuses another frame and odd names without opening a dialog', async () => {
    const a = handler({ canceled: false, filePath: '/x.sqlite3' });
    expect(await a.h(foreignFrame, 'x.sqlite3')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a.h(appFrame, '../x.sqlite3')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await a.h(appFrame, 'x.docx')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(a.asked).toHaveLength(0);
  });
});

describe('the data file name the glue looks at', () => {
  it('is the backend one', () => expect(DB_FILE_NAME).toBe('taskforce-secretariat.sqlite3'));
});
