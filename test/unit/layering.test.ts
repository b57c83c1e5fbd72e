import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, checked on every import of every source file:
 * - shared/ imports nothing from Node, Electron or the DOM (and nothing from electron/ or renderer/);
 * - electron/ code outside electron/hosts/{electron-main,preload,…electron glue} never imports 'electron';
 * - renderer/ never imports from electron/.
 */
const ROOT = path.resolve(__dirname, '../..');

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

const NODE_BUILTINS = new Set(require('node:module').builtinModules as string[]);
const isNode = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!);
/** Files that are the Electron glue: the only ones allowed to import 'electron'. */
const ELECTRON_GLUE = /^electron\/hosts\/electron-/;
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|HTMLElement|requestAnimationFrame)\s*[.([]/;

function resolveRel(from: string, spec: string): string {
  return path.normalize(path.join(path.dirname(from), spec));
}

function violations(): string[] {
  const bad: string[] = [];
  for (const f of files('shared')) {
    const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
    for (const s of importsOf(src)) {
      if (isNode(s)) bad.push(`${f}: shared/ imports Node module "${s}"`);
      if (s === 'electron' || s.startsWith('electron/')) bad.push(`${f}: shared/ imports Electron`);
      if (/^(react-dom|@lexical\/react)/.test(s)) bad.push(`${f}: shared/ imports a DOM library "${s}"`);
      if (s.startsWith('.')) {
        const target = resolveRel(f, s);
        if (!target.startsWith('shared')) bad.push(`${f}: shared/ imports ${target}`);
      }
    }
    if (DOM_GLOBALS.test(src.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) bad.push(`${f}: shared/ uses a DOM global`);
  }
  for (const f of files('electron')) {
    const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
    for (const s of importsOf(src)) {
      if ((s === 'electron' || s.startsWith('electron/')) && !ELECTRON_GLUE.test(f)) bad.push(`${f}: backend code imports "electron"`);
      if (s === 'electron-store' && !ELECTRON_GLUE.test(f)) bad.push(`${f}: backend code imports "electron-store"`);
      if (s.startsWith('.') && resolveRel(f, s).startsWith('renderer')) bad.push(`${f}: electron/ imports the renderer`);
    }
  }
  for (const f of files('renderer')) {
    const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
    for (const s of importsOf(src)) {
      if (s.startsWith('.') && resolveRel(f, s).startsWith('electron')) bad.push(`${f}: renderer/ imports from electron/`);
      if (s === 'electron' || isNode(s)) bad.push(`${f}: renderer/ imports "${s}"`);
    }
  }
  return bad;
}

describe('layering', () => {
  it('finds the imports it is meant to police', () => {
    expect(importsOf(`import fs from 'node:fs';\nimport { x } from "../electron/backend/y";\nconst e = require('electron');\nimport './side';`)).toEqual([
      'node:fs',
      '../electron/backend/y',
      'electron',
      './side',
    ]);
  });

  it('has no import across a layer the wrong way', () => {
    expect(violations()).toEqual([]);
  });
});
