import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { testKeyFile } from '../helpers/key';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Under `npm run mutate` (scripts/mutate.mjs sets MUTATE_GROUP) a spawned host runs the sandbox's code without
 * Stryker's switch of the active mutant, so it cannot tell mutants apart: the tests through a host process are
 * skipped there (the in-process tests of the same faults, in test/db/connection.test.ts, run instead).
 */
export const hostProcessesOff = process.env.MUTATE_GROUP !== undefined;

/** electron/start.ts bundled like `npm run build` does, into a temp folder (this test does not need the renderer). */
export async function bundleStart(): Promise<string> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-start-')), 'start.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/start.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

export interface HostRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the browser host on a data folder and waits until it exits (a fault) or says it runs (then `child`). */
export function startHost(bundle: string, dataDir: string, keyArgs: string[] = ['--key-file', testKeyFile(dataDir)]): Promise<HostRun & { child?: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, '--browser', '--port', '0', '--data-dir', dataDir, ...keyArgs], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: HostRun = { code: null, stdout: '', stderr: '' };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the host neither started nor exited: ${run.stderr}`));
    }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => (run.stderr += s));
    child.stdout.on('data', (s: string) => {
      run.stdout += s;
      if (/is running/.test(run.stdout) && /Data: /.test(run.stdout)) {
        clearTimeout(timer);
        resolve({ ...run, child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      run.code = code;
      resolve(run);
    });
  });
}

export function stopHost(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file of a folder with its hash: "untouched" means this is equal before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.statSync(p);
    out[name] = st.isFile() && (st.mode & 0o400) !== 0 ? sha(p) : `mode ${(st.mode & 0o777).toString(8)}`;
  }
  return out;
}
