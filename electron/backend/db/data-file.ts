import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { nodeCrypto } from '../../node-crypto';

/**
 * Everything about the data file as a file: what can be wrong with it before SQLite touches it, who may read it,
 * and whether it is still the file the app opened. No SQL here (see connection.ts).
 */
export type DataFileProblem =
  | 'empty'
  | 'not_sqlite'
  | 'truncated'
  | 'corrupt'
  | 'changed_outside'
  | 'unreadable'
  | 'read_only'
  | 'in_use'
  | 'not_ours'
  | 'future'
  | 'wrong_key'
  | 'encrypted';

const WHAT_TO_DO: Record<DataFileProblem, string> = {
  empty: 'Restore a backup (Backups → Restore…), or move the empty file away to start with a new, empty database.',
  not_sqlite: 'Restore a backup (Backups → Restore…), or ask IT to recover the file.',
  truncated: 'Part of it is missing (was a copy interrupted?). Restore a backup (Backups → Restore…), or copy the complete file back.',
  corrupt: 'Restore a backup (Backups → Restore…), or ask IT to recover the file.',
  changed_outside:
    'Its content changed on disk since the app last closed it (damaged disk, sync tool or another program). Restore a backup (Backups → Restore…); if you changed it on purpose, delete the checksum file next to it.',
  unreadable: 'Give your account read and write permission on the file and its folder, then start again.',
  read_only: 'Give your account write permission on the file, its -wal file and its folder (or move it off a read-only disk), then start again.',
  in_use: 'Another Taskforce Secretariat (desktop app or browser host) is using this data folder. Close it first, or use another --data-dir.',
  not_ours: 'It is an SQLite file of another program. Choose another data folder.',
  future: 'Install the newer version to open it.',
  wrong_key:
    'Start again with the right passphrase or key file (the one it was encrypted with). If you are sure it is the right one, the file is damaged: restore a backup (Backups → Restore…).',
  encrypted: 'Start the app with its key (passphrase or --key-file).',
};

/** A data file that cannot be opened safely. The message names the file, what is wrong and what to do. */
export class DataFileError extends AppError {
  readonly problem: DataFileProblem;
  readonly file: string;
  constructor(problem: DataFileProblem, file: string, what: string, details?: Record<string, unknown>) {
    super('storage', `The data file ${file} ${what}. It has been left untouched. ${WHAT_TO_DO[problem]}`, {
      details: { problem, file, ...details },
    });
    this.name = 'DataFileError';
    this.problem = problem;
    this.file = file;
  }
}

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
export const sidecars = (file: string) => [`${file}-wal`, `${file}-shm`, `${file}-journal`];
export const checksumFile = (file: string) => `${file}.sha256`;

/**
 * The data folder, private to this account: created 0700 (an existing one is narrowed to 0700), the process umask
 * set to 077 before SQLite creates anything, and files already in it narrowed to 0600.
 */
export function preparePrivateFolder(dir: string): void {
  try {
    process.umask(0o077);
  } catch {
    /* worker threads cannot set the umask; the explicit modes below still apply */
  }
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  narrowMode(dir, DIR_MODE);
}

/** Makes a file written before a rename private (0600) and durable (fsync): called just before the rename. */
export function settlePrivateFile(file: string): void {
  fs.chmodSync(file, FILE_MODE);
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** chmod to `mode` when the current mode grants more (never widens; ignores files that vanished). */
export function narrowMode(p: string, mode: number): void {
  try {
    const st = fs.statSync(p);
    if ((st.mode & 0o777 & ~mode) !== 0) fs.chmodSync(p, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

export function sha256File(file: string): string {
  const h = nodeCrypto().createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

const canAccess = (p: string, mode: number) => {
  try {
    fs.accessSync(p, mode);
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks the file before SQLite opens it, reading only: returns 'new' when there is no file yet, 'plain' for an
 * unencrypted SQLite file and 'encrypted' for an encrypted one, else throws a DataFileError for an empty,
 * unreadable, read-only, header-damaged, truncated or outside-changed file. SQLite3MultipleCiphers keeps bytes 16–23
 * of the header plain (page size, format bytes), so the page-size and truncation checks work for both; the magic
 * string (bytes 0–15, the cipher's salt when encrypted) and the page count (byte 28, encrypted) only for plain files.
 * The owner bits are checked as well as access(): root may write anywhere, but a file marked read-only stays so.
 */
export function inspectDataFile(file: string): 'new' | 'plain' | 'encrypted' {
  return inspectForOpen(file).state;
}

/**
 * inspectDataFile, and whether the file is, byte for byte, one that passed SQLite's integrity check when the app last
 * closed it cleanly (its checksum matches and says so; closeDatabase). Such a file need not be checked again at open:
 * the check reads every page (~0.2 s for a 40 MB file here), and the checksum has just proved that none changed.
 */
export function inspectForOpen(file: string): { state: 'new' | 'plain' | 'encrypted'; checkedAtClose: boolean } {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'new', checkedAtClose: false };
    throw new DataFileError('unreadable', file, `cannot be read (${code})`);
  }
  if (!st.isFile()) throw new DataFileError('unreadable', file, 'is not a regular file');
  if ((st.mode & 0o400) === 0 || !canAccess(file, fs.constants.R_OK)) throw new DataFileError('unreadable', file, 'cannot be read (no read permission)');
  if (st.size === 0) throw new DataFileError('empty', file, 'is empty (0 bytes)');

  const header = Buffer.alloc(100);
  let got: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      got = fs.readSync(fd, header, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new DataFileError('unreadable', file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (got < 100) throw new DataFileError('not_sqlite', file, 'is not a readable database (its header is missing or damaged)');
  const plain = header.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
  const rawPage = header.readUInt16BE(16);
  const pageSize = rawPage === 1 ? 65536 : rawPage;
  const pageSizeOk = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (!pageSizeOk || header[21] !== 64 || header[22] !== 32 || header[23] !== 32 || ![1, 2].includes(header[18]!) || ![1, 2].includes(header[19]!))
    throw new DataFileError('not_sqlite', file, 'is not a readable database (its header is damaged)');

  const wal = `${file}-wal`;
  const walSize = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  // Without WAL frames to replay, the file must hold every page its header counts.
  const pages = plain ? header.readUInt32BE(28) : 0;
  const countValid = plain && pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (walSize === 0 && (st.size % pageSize !== 0 || (countValid && st.size < pages * pageSize)))
    throw new DataFileError('truncated', file, `is truncated (${st.size} bytes where ${countValid ? pages * pageSize : 'a whole number of pages'} were expected)`, {
      size: st.size,
    });

  const dir = path.dirname(file);
  const writable = (p: string, s: fs.Stats) => (s.mode & 0o200) !== 0 && canAccess(p, fs.constants.W_OK);
  const leftover = walSize > 0 ? ' and has unsaved changes in its -wal file' : '';
  if (!writable(file, st)) throw new DataFileError('read_only', file, `is read-only${leftover}`);
  if (fs.existsSync(wal) && !writable(wal, fs.statSync(wal))) throw new DataFileError('read_only', file, `has a read-only -wal file${leftover}`);
  if (!writable(dir, fs.statSync(dir))) throw new DataFileError('read_only', file, `is in a read-only folder${leftover}`);

  // After a clean close the app wrote the file's SHA-256 beside it: any byte changed since then is named here.
  const sumFile = checksumFile(file);
  let checkedAtClose = false;
  if (walSize === 0 && fs.existsSync(sumFile)) {
    let expected: { sha256?: unknown; size?: unknown; integrity?: unknown } = {};
    try {
      expected = JSON.parse(fs.readFileSync(sumFile, 'utf8')) as typeof expected;
    } catch {
      /* an unreadable checksum file proves nothing either way */
    }
    if (typeof expected.sha256 === 'string') {
      // Shorter than at the last close: truncated (for an encrypted file the header's page count is encrypted, so
      // this is how a cut at a page boundary is named).
      if (typeof expected.size === 'number' && st.size < expected.size)
        throw new DataFileError('truncated', file, `is truncated (${st.size} bytes where ${expected.size} were written when the app last closed it)`, { size: st.size });
      const actual = sha256File(file);
      if (actual !== expected.sha256)
        throw new DataFileError(
          'changed_outside',
          file,
          `is damaged: its content differs from what the app wrote when it last closed it (${typeof expected.size === 'number' && expected.size !== st.size ? `size ${st.size} instead of ${expected.size}` : 'same size, different bytes'})`,
        );
      checkedAtClose = expected.integrity === 'ok';
    }
  }
  return { state: plain ? 'plain' : 'encrypted', checkedAtClose };
}

/** True when the file exists and is an encrypted database (by its header; nothing else is checked). */
export function looksEncrypted(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(16);
      return fs.readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') !== 'SQLite format 3\u0000';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Written after a clean close (WAL checkpointed and removed): the file's SHA-256, checked at the next open, and
 * `integrity: 'ok'` when SQLite's integrity check passed on these very bytes just before (closeDatabase): the next
 * open then skips that check (inspectForOpen).
 */
export function writeChecksum(file: string, integrityOk = false): void {
  if (!fs.existsSync(file) || (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0)) return;
  const sum = { sha256: sha256File(file), size: fs.statSync(file).size, closedAt: new Date().toISOString(), ...(integrityOk ? { integrity: 'ok' } : {}) };
  const tmp = `${checksumFile(file)}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(sum), { mode: FILE_MODE });
    fs.renameSync(tmp, checksumFile(file));
  } catch (err) {
    // A full disk: no half-written file left beside the data file (an audit, 2026-12-07).
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * While the app runs the file changes, so the checksum of the last close no longer applies. unlinkSync, not
 * rmSync({ force }): the same for a file, without rmSync's option handling (~0.5 ms the first time, at every start).
 */
export function dropChecksum(file: string): void {
  try {
    fs.unlinkSync(checksumFile(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Which file on disk this is (device and inode): a deleted or replaced data file no longer matches. */
export function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}
