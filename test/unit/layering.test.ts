import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers, checked on every import of every source file:
 * - shared/ imports nothing from Node, Electron or the DOM (and nothing from electron/ or renderer/);
 * - electron/ code outside electron/hosts/{electron-main,preload,…electron glue} never imports 'electron';
 * - renderer/ never imports from electron/.
 */
const ROOT = path.resolve(__dirname, '../..');

/** shared/ must compile for any JavaScript host: ES library only, no DOM lib, no @types/node. */
const SHARED_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: [],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
};

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.(ts|tsx|mts|cts)$/.test(e.name)) out.push(rel);
  }
  return out;
}

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[^.\w])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of source.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

const NODE_BUILTINS = new Set(builtinModules);
const isNode = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!);
const VALUE_IMPORT_OF_CRYPTO = /(?:^|[^.\w])import\s+(?!type\s)[^'"`;]*?from\s*['"](?:node:)?crypto['"]|(?:^|[^.\w])import\s*['"](?:node:)?crypto['"]|require\s*\(\s*['"](?:node:)?crypto['"]\s*\)/m;
/** Files that are the Electron glue: the only ones allowed to import 'electron'. */
const ELECTRON_GLUE = /^electron\/hosts\/electron-/;

function resolveRel(from: string, spec: string): string {
  return path.normalize(path.join(path.dirname(from), spec));
}

interface SourceFile {
  path: string;
  source: string;
}

function checkFiles(all: SourceFile[]): string[] {
  const bad: string[] = [];
  for (const { path: f, source: src } of all.filter((x) => x.path.startsWith('shared/'))) {
    for (const s of importsOf(src)) {
      if (isNode(s)) bad.push(`${f}: shared/ imports Node module "${s}"`);
      if (s === 'electron' || s.startsWith('electron/')) bad.push(`${f}: shared/ imports Electron`);
      if (/^(react-dom|@lexical\/react)/.test(s)) bad.push(`${f}: shared/ imports a DOM library "${s}"`);
      if (s.startsWith('.')) {
        const target = resolveRel(f, s);
        if (!target.startsWith('shared')) bad.push(`${f}: shared/ imports ${target}`);
      }
    }
  }
  for (const { path: f, source: src } of all.filter((x) => x.path.startsWith('electron/'))) {
    for (const s of importsOf(src)) {
      if ((s === 'electron' || s.startsWith('electron/')) && !ELECTRON_GLUE.test(f)) bad.push(`${f}: backend code imports "electron"`);
      if (s === 'electron-store' && !ELECTRON_GLUE.test(f)) bad.push(`${f}: backend code imports "electron-store"`);
      if (s.startsWith('.') && resolveRel(f, s).startsWith('renderer')) bad.push(`${f}: electron/ imports the renderer`);
    }
    // node:crypto is taken on first use through electron/node-crypto.ts, so that the browser host answers its first
    // call without loading it (issue 16); a type-only import is erased and loads nothing.
    if (VALUE_IMPORT_OF_CRYPTO.test(src)) bad.push(`${f}: imports node:crypto at load (use nodeCrypto() from electron/node-crypto.ts)`);
  }
  for (const { path: f, source: src } of all.filter((x) => x.path.startsWith('renderer/'))) {
    for (const s of importsOf(src)) {
      if (s.startsWith('.') && resolveRel(f, s).startsWith('electron')) bad.push(`${f}: renderer/ imports from electron/`);
      if (s === 'electron' || isNode(s)) bad.push(`${f}: renderer/ imports "${s}"`);
    }
  }
  return bad;
}

const tree = (): SourceFile[] =>
  ['shared', 'electron', 'renderer'].flatMap((d) => files(d)).map((f) => ({ path: f.split(path.sep).join('/'), source: fs.readFileSync(path.join(ROOT, f), 'utf8') }));

describe('layering', () => {
  it('finds the imports it is meant to police', () => {
    expect(importsOf(`import fs from 'node:fs';\nimport { x } from "../electron/backend/y";\nconst e = require('electron');\nimport './side';`)).toEqual([
      'node:fs',
      '../electron/backend/y',
      'electron',
      './side',
    ]);
  });

  it('catches each kind of crossing when one is planted', () => {
    const planted: SourceFile[] = [
      { path: 'shared/a.ts', source: `import fs from 'node:fs';` },
      { path: 'shared/b.ts', source: `import { x } from '../electron/backend/backend';` },
      { path: 'shared/d.ts', source: `import { ipcRenderer } from 'electron';` },
      { path: 'electron/backend/e.ts', source: `import { app } from 'electron';` },
      { path: 'electron/backend/f.ts', source: `const Store = require('electron-store');` },
      { path: 'renderer/g.ts', source: `import { Backend } from '../electron/backend/backend';` },
      { path: 'renderer/h.ts', source: `import path from 'path';` },
      { path: 'electron/hosts/electron-main.ts', source: `import { app } from 'electron';` },
      { path: 'electron/backend/i.ts', source: `import { createHash } from 'node:crypto';` },
      { path: 'electron/backend/j.ts', source: `const c = require('crypto');` },
      { path: 'electron/backend/k.ts', source: `import type { Hash } from 'node:crypto';\nimport { nodeCrypto } from '../node-crypto';` },
      { path: 'shared/ok.ts', source: `import { z } from 'zod';\nimport { y } from './y';` },
    ];
    const found = checkFiles(planted);
    for (const f of ['shared/a.ts', 'shared/b.ts', 'shared/d.ts', 'electron/backend/e.ts', 'electron/backend/f.ts', 'renderer/g.ts', 'renderer/h.ts', 'electron/backend/i.ts', 'electron/backend/j.ts'])
      expect(found.some((v) => v.startsWith(f)), f).toBe(true);
    expect(found.some((v) => /^(electron\/hosts\/electron-main\.ts|shared\/ok\.ts|electron\/backend\/k\.ts)/.test(v))).toBe(false);
  });

  it('compiles shared/ with neither the DOM nor Node type libraries (so no DOM or Node global slips in)', () => {
    const program = ts.createProgram(
      files('shared').map((f) => path.join(ROOT, f)),
      { ...SHARED_OPTIONS, noEmit: true },
    );
    const diags = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${path.relative(ROOT, d.file.fileName)}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
    });
    expect(diags).toEqual([]);
  });

  it('the shared/ compile check fails on a DOM global', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layer-'));
    const file = path.join(dir, 'x.ts');
    fs.writeFileSync(file, 'export const w = () => window.innerWidth + document.title.length;');
    const program = ts.createProgram([file], { ...SHARED_OPTIONS, noEmit: true });
    expect(ts.getPreEmitDiagnostics(program).length).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true });
  });

  it('has no import across a layer the wrong way', () => {
    expect(checkFiles(tree())).toEqual([]);
  });
});
