import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm test` runs ESLint (eslint.config.mjs) and knip (knip.jsonc) over the whole project and stops on any finding.
 * These tests show that both gates close: each runs the project's own configuration over a small planted project in a
 * temporary folder (with the project's layout) and must report the planted problems. The real runs are in `npm test`.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const made: string[] = [];
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

function plant(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-gate-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', lib: ['ES2023', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, noEmit: true, types: [] },
  include: ['shared', 'renderer', 'electron'],
});

describe('the lint gate (ESLint with typescript-eslint type-checked rules and react-hooks)', () => {
  it('reports a floating promise, an `any` leaking out, and a ref written during render', async () => {
    const dir = plant({
      'tsconfig.json': TSCONFIG,
      'shared/save.ts': [
        'export async function save(): Promise<void> {}',
        'export function later(): void {',
        '  save();', // no-floating-promises: a save whose failure nobody sees
        '}',
        'export function parse(s: string): { id: string } {',
        '  const v = JSON.parse(s);', // no-unsafe-assignment
        '  return v;', // no-unsafe-return
        '}',
        '',
      ].join('\n'),
      'renderer/Planted.ts': [
        "import { useRef } from 'react';",
        'export function useLatestWrong(value: number) {',
        '  const ref = useRef(value);',
        '  ref.current = value;', // react-hooks/refs: written during render
        '  return ref;',
        '}',
        '',
      ].join('\n'),
    });
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
    const results = await eslint.lintFiles(['shared/save.ts', 'renderer/Planted.ts']);
    const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect([...rules]).toEqual(
      expect.arrayContaining(['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-unsafe-assignment', '@typescript-eslint/no-unsafe-return', 'react-hooks/refs']),
    );
    expect(results.every((r) => r.fatalErrorCount === 0)).toBe(true);
  });
});

describe('the dead-code gate (knip)', () => {
  it('reports an unused file, an unused export and an undeclared dependency', () => {
    const dir = plant({
      'package.json': JSON.stringify({ name: 'planted', version: '0.0.0', private: true, type: 'module', dependencies: {} }),
      'tsconfig.json': TSCONFIG,
      'electron/start.ts': "import { used } from '../shared/used';\nimport { z } from 'zod';\nconsole.log(used, z);\n",
      'shared/used.ts': 'export const used = 1;\nexport const planted = 2;\n',
      'shared/orphan.ts': 'export const nobody = 3;\n',
    });
    let out = '';
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'knip', 'bin', 'knip.js'), '--no-progress', '--config', path.join(root, 'knip.jsonc'), '--directory', dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? '');
    }
    expect(out).toMatch(/Unused files[\s\S]*shared\/orphan\.ts/);
    expect(out).toMatch(/Unused exports[\s\S]*planted/);
    expect(out).toMatch(/Unlisted dependencies[\s\S]*zod/);
  });
});
