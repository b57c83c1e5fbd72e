import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Backend, type BackendOptions } from '../../electron/backend/backend';
import { openDatabase, type OpenOptions } from '../../electron/backend/db/connection';
import { TEST_KEY } from './key';

const made: string[] = [];
const closers: Array<() => void> = [];

afterEach(() => {
  while (closers.length) {
    try {
      closers.pop()!();
    } catch {
      /* already closed */
    }
  }
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'tfs-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A real SQLite file in a temp folder (encrypted with the test key), migrated to `targetVersion` (default: latest). */
export function openTestDb(opts: OpenOptions = {}) {
  const file = path.join(tempDir(), 'test.sqlite3');
  const db = openDatabase(file, { key: TEST_KEY, ...opts });
  closers.push(() => db.close());
  return { db, file };
}

/** A whole backend on a real SQLite file, with a fixed clock and predictable ids unless told otherwise. */
export function makeBackend(opts: Partial<BackendOptions> = {}) {
  let n = 0;
  let t = Date.parse('2026-01-30T09:00:00Z');
  const backend = new Backend({
    dataDir: opts.dataDir ?? tempDir(),
    host: 'browser',
    context: { now: () => new Date((t += 1000)), newId: () => `id${String(++n).padStart(6, '0')}`, user: 'test-officer' },
    log: { error: () => {} },
    key: TEST_KEY,
    ...opts,
  });
  closers.push(() => backend.close());
  return backend;
}

/** Calls through the dispatcher and unwraps, failing the test with the wire error otherwise. */
export async function call<T = unknown>(backend: Backend, name: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
