import { spawn, spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_KEY_MESSAGE } from '../../electron/start';
import { testKeyFile } from '../helpers/key';
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

  it('the bundled start is ASCII, so the loader reads it as one-byte text without decoding UTF-8', () => {
    // A character outside ASCII (an en dash in a regular expression, once) made the loader decode the whole 390 KB as
    // UTF-8 at every start; write such characters as escapes (\u2013).
    const bytes = fs.readFileSync(path.join(path.dirname(START), 'start-app.cjs'));
    expect(isAscii(bytes)).toBe(true);
  });

  it('the bundled start has no dynamic import() left (each would fail under the loader), only require', () => {
    const app = fs.readFileSync(path.join(path.dirname(START), 'start-app.cjs'), 'utf8');
    expect(app.match(/\bimport\(\s*["'`]/g) ?? []).toEqual([]);
  });

  it.each([
    ['with its key file', true],
    ['making a new key file (the first start with --key-file)', false],
  ])("answers its first call without loading what that answer does not need (fs/promises with Node's readline, tty, crypto), %s", async (_case, keyExists) => {
    // Node's list of what it has loaded, taken when the host ends its first HTTP answer.
    const dataDir = tempDir('tfs-start-');
    const snapshot = path.join(dataDir, 'loaded.txt');
    const preload = path.join(dataDir, 'snapshot.cjs');
    fs.writeFileSync(
      preload,
      `const http = require('node:http'); const fs = require('node:fs'); const end = http.ServerResponse.prototype.end;
       http.ServerResponse.prototype.end = function (...args) { if (!fs.existsSync(${JSON.stringify(snapshot)})) fs.writeFileSync(${JSON.stringify(snapshot)}, process.moduleLoadList.join('\\n')); return end.apply(this, args); };`,
    );
    const data = path.join(dataDir, 'data');
    const keyFile = keyExists ? testKeyFile(data) : path.join(dataDir, 'new.key');
    const proc = spawn(process.execPath, ['-r', preload, START, '--browser', '--port', '0', '--data-dir', data, '--key-file', keyFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        proc.on('exit', (code) => reject(new Error(`the host exited with ${code}: ${out}`)));
      });
      const token = /token=([^&]+)/.exec(url)![1]!;
      const res = await fetch(`${new URL(url).origin}/api/meetings.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      const loaded = fs.readFileSync(snapshot, 'utf8').split('\n');
      expect(loaded).toContain('NativeModule http');
      // (child_process is loaded by Node's own listen(), through cluster, for any server.)
      // node:crypto (~5 ms to load): taken on first use (electron/node-crypto.ts); the token and a new key come from
      // /dev/urandom here.
      for (const name of ['fs/promises', 'internal/fs/promises', 'internal/readline/interface', 'tty', 'crypto'])
        expect(loaded, name).not.toContain(`NativeModule ${name}`);
      if (!keyExists) expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    } finally {
      proc.kill('SIGKILL');
    }
  });
});
