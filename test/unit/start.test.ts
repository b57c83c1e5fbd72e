import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHostKey, electronBinary, NO_KEY_MESSAGE, parseArgs } from '../../electron/start';
import { defaultDataDir } from '../../electron/paths';
import { tempDir } from '../helpers/temp';

describe('npm start', () => {
  it('parses its options and refuses unknown ones', () => {
    expect(parseArgs(['--browser', '--port', '8123', '--data-dir', '/tmp/x', '--example'])).toEqual({ browser: true, port: 8123, dataDir: '/tmp/x', example: true });
    expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--delete-everything'])).toThrow(/Unknown option/);
  });

  it('finds no Electron runtime here without trying to download it, and finds one where it exists', () => {
    expect(electronBinary({})).toBeUndefined();
    const dist = tempDir();
    const pathTxt = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
    const pkgPath = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : 'electron';
    expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBeUndefined();
    fs.mkdirSync(path.dirname(path.join(dist, pkgPath)), { recursive: true });
    fs.writeFileSync(path.join(dist, pkgPath), '#!/bin/sh\n');
    expect(electronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, pkgPath));
  });

  it('keeps browser-host data in the platform user data folder', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/taskforce-secretariat');
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, 'linux')).toMatch(/\.local\/share\/taskforce-secretariat$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('taskforce-secretariat');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/taskforce-secretariat$/);
  });
});

describe('the browser host key', () => {
  const args = (dataDir: string, keyFile?: string) => ({ browser: true, port: 0, dataDir, example: false, ...(keyFile ? { keyFile } : {}) });

  it('no key file and no terminal: no key (the host exits 2 with a message naming both ways)', async () => {
    expect(await browserHostKey(args(tempDir()), { isTTY: () => false, ask: async () => 'x', say: () => {} })).toBeNull();
    expect(NO_KEY_MESSAGE).toMatch(/--key-file PATH/);
    expect(NO_KEY_MESSAGE).toMatch(/terminal/);
    expect(NO_KEY_MESSAGE).toMatch(/whoever can read that file can read the data/);
  });

  it('a new data folder on a terminal: the passphrase is asked twice, too short or different ones asked again', async () => {
    const answers = ['short', 'long enough one', 'different thing', 'long enough one', 'long enough one'];
    const said: string[] = [];
    const key = await browserHostKey(args(tempDir()), { isTTY: () => true, ask: async () => answers.shift()!, say: (l) => said.push(l) });
    expect(key).toEqual({ kind: 'passphrase', text: 'long enough one', source: 'the passphrase given' });
    expect(answers).toEqual([]);
    expect(said.join('\n')).toMatch(/at least 8 characters[\s\S]*differ[\s\S]*Remember it/);
  });

  it('cancelled at the prompt (Ctrl-C): a clear error, nothing created', async () => {
    const dataDir = path.join(tempDir(), 'x');
    await expect(browserHostKey(args(dataDir), { isTTY: () => true, ask: async () => null, say: () => {} })).rejects.toThrow(/No passphrase was given/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('--key-file wins over the terminal, and says who can read the data', async () => {
    const keyFile = path.join(tempDir(), 'k.key');
    const said: string[] = [];
    const key = await browserHostKey(args(tempDir(), keyFile), { isTTY: () => true, ask: async () => 'never asked', say: (l) => said.push(l) });
    expect(key?.kind).toBe('key');
    expect(said[0]).toMatch(/A new key file was created: .*k\.key.*Whoever can read that file can read the data/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('a key file that is not one (a document chosen by mistake) is refused, not used as a key', async () => {
    const keyFile = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(keyFile, 'my shopping list');
    await expect(browserHostKey(args(tempDir(), keyFile), { isTTY: () => false, ask: async () => null, say: () => {} })).rejects.toThrow(/is not a Taskforce Secretariat key file/);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe('my shopping list');
  });

  it('parses --key-file', () => {
    expect(parseArgs(['--key-file', '/tmp/k.key']).keyFile).toBe('/tmp/k.key');
  });
});
