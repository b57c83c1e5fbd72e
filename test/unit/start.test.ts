import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, parseArgs } from '../../electron/start';
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
