import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { DataFileError, FILE_MODE, inspectDataFile, settlePrivateFile } from './data-file';
import { applyKey, encryptInPlace, type DataKey } from './key';
import { addonOption } from './native';

/**
 * Backup files: written with VACUUM INTO from the open connection (a consistent copy, deleted content not carried
 * over), checked with integrity_check before they count, and checked again before a restore.
 */

/** Changes made through this connection since it opened (SQLite's total_changes()). */
export function changeCount(db: Database): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/**
 * Copies the open database to `dest` (via a .partial file, renamed only once it passed its check). VACUUM INTO
 * writes the copy with the connection's cipher and key: with a key, a copy that came out plain is refused.
 */
export function writeBackupFile(db: Database, dest: string, knownVersion: number, key: DataKey | null = null): void {
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    settlePrivateFile(partial);
    if (key && inspectDataFile(partial) !== 'encrypted') throw new AppError('storage', 'The backup copy was not encrypted, so it was not kept.');
    checkBackupFile(partial, knownVersion, key);
    fs.renameSync(partial, dest);
    syncFolder(path.dirname(dest));
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not every platform can fsync a folder */
  }
}

/**
 * A backup fit to restore: a readable, whole SQLite file, passing integrity_check, of a schema this version knows,
 * holding the app's tables. Throws a DataFileError naming what is wrong otherwise. Opened read-only: never written.
 */
export function checkBackupFile(file: string, knownVersion: number, key: DataKey | null = null): { schemaVersion: number; encrypted: boolean } {
  const state = inspectDataFile(file);
  if (state === 'new') throw new DataFileError('unreadable', file, 'does not exist');
  if (state === 'encrypted' && !key) throw new DataFileError('encrypted', file, 'is encrypted and no key was given');
  let db: Database;
  try {
    db = new BetterSqlite3(file, { ...addonOption(), readonly: true, fileMustExist: true, timeout: 0 });
  } catch (err) {
    throw new DataFileError('corrupt', file, `cannot be opened (${(err as Error).message})`);
  }
  try {
    if (state === 'encrypted' && key) {
      applyKey(db, key);
      try {
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_NOTADB')
          throw new DataFileError('wrong_key', file, `cannot be opened with ${key.source}: it was encrypted with another key, or its first page is damaged`);
        throw err;
      }
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) throw new DataFileError('not_ours', file, 'is empty or not a Taskforce Secretariat backup');
    if (version > knownVersion) throw new DataFileError('future', file, `was written by a newer version (schema ${version})`);
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new DataFileError('corrupt', file, `failed its integrity check (${problems.slice(0, 3).join('; ')})`);
    const t = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'meetings'`).get() as { n: number };
    if (t.n !== 1) throw new DataFileError('not_ours', file, 'is not a Taskforce Secretariat backup');
    return { schemaVersion: version, encrypted: state === 'encrypted' };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new DataFileError('corrupt', file, `is damaged (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Reads a data file without ever changing it (the data kept aside by a restore): `read` gets a read-only connection to
 * a private copy of it (with its write-ahead log, if one was left), made beside it and removed afterwards with the
 * files SQLite adds next to it. SQLite opens even a read-only connection to a file in WAL mode by creating its -wal and
 * -shm files, so the file itself is never opened. The data file's key opens it when it is encrypted. Throws a
 * DataFileError when it cannot be opened.
 */
export function readUnchanged<T>(file: string, key: DataKey | null, read: (db: Database) => T): T {
  const state = inspectDataFile(file);
  if (state === 'new') throw new DataFileError('unreadable', file, 'does not exist');
  if (state === 'encrypted' && !key) throw new DataFileError('encrypted', file, 'is encrypted and no key was given');
  const copy = `${file}.reading`;
  const copies = [copy, `${copy}-wal`, `${copy}-shm`];
  const clear = () => copies.forEach((f) => fs.rmSync(f, { force: true }));
  clear();
  try {
    let db: Database;
    try {
      fs.copyFileSync(file, copy);
      fs.chmodSync(copy, FILE_MODE);
      if (fs.existsSync(`${file}-wal`)) {
        fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
        fs.chmodSync(`${copy}-wal`, FILE_MODE);
      }
      db = new BetterSqlite3(copy, { ...addonOption(), readonly: true, fileMustExist: true, timeout: 0 });
    } catch (err) {
      throw new DataFileError('unreadable', file, `cannot be opened (${(err as Error).message})`);
    }
    try {
      try {
        if (state === 'encrypted' && key) applyKey(db, key);
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
      } catch (err) {
        throw new DataFileError('unreadable', file, `cannot be read (${(err as Error).message})`);
      }
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    clear();
  }
}

/**
 * Encrypts a plain backup file in place (after the data file itself was encrypted, so no plain copy of the data
 * stays behind). Checked with the key afterwards; a file that fails its check is left as it was.
 */
export function encryptBackupFile(file: string, knownVersion: number, key: DataKey): boolean {
  if (inspectDataFile(file) !== 'plain') return false;
  checkBackupFile(file, knownVersion, null);
  const db = new BetterSqlite3(file, { ...addonOption(), fileMustExist: true, timeout: 0 });
  try {
    encryptInPlace(db, key);
    db.pragma('secure_delete = ON');
  } finally {
    db.close();
  }
  checkBackupFile(file, knownVersion, key);
  return true;
}
