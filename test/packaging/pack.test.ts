import * as asar from '@electron/asar';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packs the app offline exactly as `npm run dist` does (scripts/dist.mjs: staging copy, electron-builder.yml), but
 * with a stub Electron, the `dir` target and no native rebuild (Electron's headers cannot be downloaded here), then
 * opens the produced app.asar and checks what a user would receive. Everything is written to a temp folder.
 */
const ROOT = path.resolve(__dirname, '../..');
const BUILT = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/export-documents.cjs', 'dist/renderer/index.html'];
const NATIVE = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses looks for this in the Electron binary
// Electron's shipped fuse defaults, in wire order: RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect,
// AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolExtraPrivileges.
const DEFAULT_FUSES = '10110001';

const haveBuildScript = fs.existsSync(path.join(ROOT, 'scripts/build.mjs'));
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let tmp = '';
let appOut = '';
let entries: string[] = [];
let packSeconds = 0;
let nativeBefore = '';
let releaseExistedBefore = false;
let distLog = '';

function makeStubElectron(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const wire = Buffer.from([1, DEFAULT_FUSES.length, ...Buffer.from(DEFAULT_FUSES, 'ascii')]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron"\n#'), Buffer.from(SENTINEL), wire, Buffer.from('\n')]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), '0.0.0-stub');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stub');
}

function runDist(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
}

describe.skipIf(!haveBuildScript)('packaging (electron-builder, offline, --dir)', () => {
  beforeAll(() => {
    if (BUILT.some((f) => !fs.existsSync(path.join(ROOT, f)))) {
      const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
      if (b.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${b.stdout}\n${b.stderr}`);
    }
    nativeBefore = sha(NATIVE);
    releaseExistedBefore = fs.existsSync(path.join(ROOT, 'release'));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-pack-'));
    makeStubElectron(path.join(tmp, 'electron-stub'));
    const t0 = Date.now();
    const r = runDist(['--dir', '--linux', '--out', path.join(tmp, 'out'), '--stage', path.join(tmp, 'stage'), '--electron-dist', path.join(tmp, 'electron-stub'), '--no-rebuild']);
    packSeconds = (Date.now() - t0) / 1000;
    distLog = `${r.stdout}\n${r.stderr}`;
    if (r.status !== 0) throw new Error(`scripts/dist.mjs failed (${r.status}):\n${distLog}`);
    console.log(`pack: scripts/dist.mjs --dir took ${packSeconds.toFixed(1)} s`);
    appOut = path.join(tmp, 'out', 'linux-unpacked');
    entries = asar.listPackage(path.join(appOut, 'resources', 'app.asar'), { isPack: false }).map((e) => e.replace(/\\/g, '/'));
  }, 300_000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('contains the built app and its package.json', () => {
    for (const f of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json']) expect(entries).toContain(f);
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    const asarFile = path.join(appOut, 'resources', 'app.asar');
    expect(asar.extractFile(asarFile, 'dist/electron/main.cjs').equals(fs.readFileSync(path.join(ROOT, 'dist/electron/main.cjs')))).toBe(true);
  });

  it('its package.json points at the main bundle and carries no dev setup', () => {
    const pkg = JSON.parse(asar.extractFile(path.join(appOut, 'resources', 'app.asar'), 'package.json').toString('utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.productName).toBe('Taskforce Secretariat');
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['better-sqlite3']);
  });

  it('contains no sources, tests, source maps or development files', () => {
    const top = new Set(entries.map((e) => e.split('/')[1]));
    expect([...top].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(entries.filter((e) => /^\/dist\/[^/]+$/.test(e)).sort()).toEqual(['/dist/electron', '/dist/renderer']);
    expect(entries.filter((e) => /^\/dist\/electron\/./.test(e)).sort()).toEqual(['/dist/electron/export-documents.cjs', '/dist/electron/main.cjs', '/dist/electron/preload.cjs']);
    expect(entries.filter((e) => /\.(ts|tsx|mts|cts|map)$/.test(e))).toEqual([]);
    expect(entries.filter((e) => /(^|\/)(test|tests|__tests__)\//.test(e) && !e.startsWith('/node_modules/'))).toEqual([]);
    expect(entries.filter((e) => /\/(electron|shared|renderer|scripts|resources)\/.*\.(ts|tsx)$/.test(e))).toEqual([]);
  });

  it('ships no devDependencies and nothing the bundles already contain', () => {
    const modules = new Set(entries.filter((e) => /^\/node_modules\/[^/]+$/.test(e) || /^\/node_modules\/@[^/]+\/[^/]+$/.test(e)).map((e) => e.slice('/node_modules/'.length)));
    for (const dev of ['vitest', 'typescript', 'playwright-core', 'electron', 'electron-builder', 'esbuild', 'vite', 'fast-check', 'jsdom', '@types/node']) {
      expect(modules.has(dev), dev).toBe(false);
    }
    for (const bundled of ['react', 'react-dom', 'lexical', 'docx', 'zod', 'fflate', 'saxes']) expect(modules.has(bundled), bundled).toBe(false);
    expect(modules.has('better-sqlite3')).toBe(true);
    expect(modules.has('bindings')).toBe(true);
  });

  it('keeps the native module outside the archive, and none of its C sources or build leftovers', () => {
    const unpacked = path.join(appOut, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    expect(fs.existsSync(path.join(unpacked, 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    for (const gone of ['deps', 'src', 'binding.gyp', 'build/Release/obj.target', 'build/Release/test_extension.node', 'build/config.gypi']) {
      expect(fs.existsSync(path.join(unpacked, gone)), gone).toBe(false);
      expect(entries).not.toContain(`/node_modules/better-sqlite3/${gone}`);
    }
  });

  it('the preload needs nothing but electron (a sandboxed preload can require nothing else)', () => {
    const preload = asar.extractFile(path.join(appOut, 'resources', 'app.asar'), 'dist/electron/preload.cjs').toString('utf8');
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('flips the Electron fuses of electron-builder.yml in the packaged executable', () => {
    const exe = fs.readFileSync(path.join(appOut, 'taskforce-secretariat'));
    const at = exe.indexOf(SENTINEL) + SENTINEL.length;
    const wire = exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('ascii');
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity validation on,
    // app only from asar, V8 snapshot as shipped, no extra file:// privileges.
    expect(wire).toBe('01001100');
  });

  it('left the project as it was: native module still built for Node, nothing staged in the project', () => {
    expect(sha(NATIVE)).toBe(nativeBefore);
    if (!releaseExistedBefore) expect(fs.existsSync(path.join(ROOT, 'release'))).toBe(false);
  });

  it('refuses to empty a folder it did not make', () => {
    const foreign = path.join(tmp, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'keep.txt'), 'mine');
    const r = runDist(['--dir', '--out', path.join(tmp, 'out2'), '--stage', foreign, '--electron-dist', path.join(tmp, 'electron-stub'), '--no-rebuild']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Refusing to empty/);
    expect(fs.readFileSync(path.join(foreign, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
