import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_KEY_MESSAGE } from '../../electron/start';
import { tempDir } from '../helpers/temp';

/**
 * `dist/electron/start.cjs` runs the bundled start (start-app.cjs) through node:vm with V8's code cache (issue 16). Code
 * run that way has no dynamic import() unless the loader gives it one: the start's `await import('node:…')` (node:tty
 * when no key file is given, node:child_process when `npm start` launches Electron) then failed with "A dynamic import
 * callback was not specified". These run the built loader the way `npm start` does.
 */
const START = path.resolve(__dirname, '../../dist/electron/start.cjs');
const built = fs.existsSync(START);

describe.skipIf(!built)('the built start loader', () => {
  it('lets the bundled start import on demand: with no key file and no terminal it says so, and changes nothing', () => {
    const dataDir = tempDir('tfs-start-');
    const r = spawnSync(process.execPath, [START, '--browser', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr + r.stdout).not.toMatch(/dynamic import/i);
    expect(r.stderr).toContain(NO_KEY_MESSAGE);
    expect(r.status).toBe(2);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('the bundled start has no dynamic import() left (each would fail under the loader), only require', () => {
    const app = fs.readFileSync(path.join(path.dirname(START), 'start-app.cjs'), 'utf8');
    expect(app.match(/\bimport\(\s*["'`]/g) ?? []).toEqual([]);
  });
});
