import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { DataFileError, dropChecksum, FILE_MODE, inspectForOpen, narrowMode, preparePrivateFolder, sidecars, writeChecksum } from './data-file';
import type { FreshSchema } from './fresh-schema';
import { applyKey, encryptInPlace, type DataKey } from './key';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { addonOption } from './native';

export const DB_FILE_NAME = 'taskforce-secretariat.sqlite3';

/** Written into start-app.cjs by `npm run build` (fresh-schema.ts; null if the build could not make it); absent elsewhere (tests, main.cjs). */
declare const __TFS_FRESH_SCHEMA__: FreshSchema | null | undefined;
const bundledFreshSchema = (): FreshSchema | null => (typeof __TFS_FRESH_SCHEMA__ === 'undefined' ? null : __TFS_FRESH_SCHEMA__);

export class DatabaseFromTheFutureError extends AppError {
  constructor(file: string, found: number, known: number) {
    super(
      'storage',
      `The data file ${file} was written by a newer version of Taskforce Secretariat (schema ${found}; this version knows up to ${known}). ` +
        'It has been left untouched. Install the newer version to open it.',
      { details: { found, known } },
    );
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs the pending migrations up to `target`, each in its own transaction with its version bump — or, `together`,
 * all of them in one transaction (a new data file: its whole schema or nothing, and one commit instead of one per
 * migration, ~half the time of creating a data file; issue 16).
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = Infinity, together = false): number {
  const from = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  const run = (m: Migration) => {
    m.up(db);
    db.pragma(`user_version = ${m.version}`);
  };
  if (together) db.transaction(() => pending.forEach(run))();
  else for (const m of pending) db.transaction(() => run(m))();
  return pending[pending.length - 1]?.version ?? from;
}

/** The whole schema from the script, in one transaction; foreign keys are checked at its commit. */
function createFromScript(db: Database, fresh: FreshSchema): number {
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    db.exec(fresh.sql);
    db.pragma(`user_version = ${fresh.version}`);
  })();
  return fresh.version;
}

export interface OpenOptions {
  /** Stop at this schema version (tests of single migrations). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /**
   * The key of the encrypted data file. A new file is created encrypted; a plain file is encrypted in place (after
   * `beforeEncrypt`, which writes a verified backup of it). Without a key, an encrypted file is refused.
   */
  key?: DataKey | null;
  /** Called with the open plain database before it is encrypted in place; throws to leave it as it is. */
  beforeEncrypt?: (db: Database) => void;
  /**
   * A new data file is made from this script (fresh-schema.ts: what the migrations make of an empty database) when it
   * reaches the last migration's version, instead of running the migrations. Default: the one the build wrote into
   * start-app.cjs; none in tests and in main.cjs. null: the migrations run.
   */
  freshSchema?: FreshSchema | null;
}

/** SQLite's result codes, turned into what is wrong with the data file. */
export function problemOf(err: unknown, file: string, key?: DataKey | null): DataFileError | null {
  const rawCode = (err as { code?: unknown } | null)?.code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const msg = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' && key)
    return new DataFileError(
      'wrong_key',
      file,
      `cannot be opened with ${key.kind === 'passphrase' ? 'the passphrase given' : key.source}: the ${key.kind === 'passphrase' ? 'passphrase' : 'key'} is wrong, or the file's first page is damaged`,
    );
  if (code === 'SQLITE_NOTADB') return new DataFileError('not_sqlite', file, 'is not a readable database (its header is damaged)');
  if (code.startsWith('SQLITE_CORRUPT')) return new DataFileError('corrupt', file, `is damaged (SQLite: ${msg})`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new DataFileError('in_use', file, 'is in use by another Taskforce Secretariat');
  if (code.startsWith('SQLITE_READONLY')) return new DataFileError('read_only', file, 'cannot be written (read-only)');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return new DataFileError('unreadable', file, `cannot be opened (${code})`);
  if (code.startsWith('SQLITE_IOERR')) return new DataFileError('unreadable', file, `cannot be read from the disk (${code})`);
  return null;
}

/**
 * Opens (or creates) the data file. Order matters: the file is inspected (empty, header, truncation, permissions,
 * checksum of the last clean close) before SQLite opens it, and the version guard and the integrity check run
 * before any statement that writes, so a file from a newer app or a damaged file is never modified.
 *
 * The connection holds SQLite's lock exclusively (locking_mode = EXCLUSIVE, set before the first read): a second
 * instance on the same folder is refused at once, and the WAL index lives in memory (no -shm file).
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Database {
  const migrations = opts.migrations ?? MIGRATIONS;
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const key = opts.key ?? null;
  preparePrivateFolder(path.dirname(file));
  const { state, checkedAtClose } = inspectForOpen(file);
  if (state === 'encrypted' && !key) throw new DataFileError('encrypted', file, 'is encrypted and no key was given');
  let db: Database;
  try {
    db = new BetterSqlite3(file, { ...addonOption(), timeout: 0, fileMustExist: state !== 'new' });
  } catch (err) {
    throw problemOf(err, file) ?? err;
  }
  try {
    // Exclusive locking before the first read (applyKey reads once to tell a raw key from the earlier form).
    db.pragma('locking_mode = EXCLUSIVE');
    if (key && state !== 'plain') applyKey(db, key);
    const found = schemaVersion(db);
    if (found > known) throw new DatabaseFromTheFutureError(file, found, known);
    if (found === 0 && state !== 'new') {
      const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number };
      if (tables.n > 0) throw new DataFileError('not_ours', file, 'is not a Taskforce Secretariat data file');
    }
    // Not again for a file proven unchanged since it passed the check at its last clean close (closeDatabase).
    if (found > 0 && !checkedAtClose) {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length > 0) throw new DataFileError('corrupt', file, `failed its integrity check (${problems.slice(0, 3).join('; ')})`);
    }
    if (key && state === 'plain') {
      // An existing plain data file: a verified backup first, then encrypted in place (one transaction).
      opts.beforeEncrypt?.(db);
      encryptInPlace(db, key);
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      if (rows.some((r) => r.integrity_check !== 'ok')) throw new DataFileError('corrupt', file, 'failed its integrity check after it was encrypted');
    }
    db.pragma('journal_mode = WAL');
    const target = opts.targetVersion ?? Infinity;
    const pending = migrations.some((m) => m.version > found && m.version <= target);
    // better-sqlite3 leaves WAL databases at NORMAL: an acknowledged save must survive power loss, so FULL — except
    // while migrations run. They commit at NORMAL (a new data file: all of them in one commit; an existing one: each
    // atomic with its version bump — a crash loses whole migrations, never half of one, and they run again at the next
    // start), and one commit at FULL below syncs them all before the file is used: one fsync instead of ~20 (issue 16).
    db.pragma(`synchronous = ${pending ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    // Deleted content is overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('cell_size_check = ON');
    // The first write takes the exclusive lock now, not at the first save: a second instance is refused at start.
    db.exec('BEGIN IMMEDIATE; COMMIT');
    db.pragma('busy_timeout = 5000');
    // A new (or empty) data file gets its whole schema in one transaction; an existing one, migration by migration. A
    // new file is made from the build's script of the migrations' result when there is one for this version (the same
    // schema and rows, about half the time: no re-parse at each ALTER TABLE; test/db/fresh-schema.test.ts).
    const fresh = opts.freshSchema === undefined ? bundledFreshSchema() : opts.freshSchema;
    const fromScript = fresh !== null && state === 'new' && found === 0 && fresh.version === known && target >= known;
    const reached = fromScript ? createFromScript(db, fresh) : migrate(db, migrations, target, found === 0);
    if (pending) {
      db.pragma('synchronous = FULL');
      // A write committed at FULL: its fsync of the WAL makes every migration's commit before it durable too.
      db.transaction(() => db.pragma(`user_version = ${reached}`))();
    }
    for (const p of [file, ...sidecars(file)]) narrowMode(p, FILE_MODE);
    dropChecksum(file);
    return db;
  } catch (err) {
    if (db.open) db.close();
    // A data file this open created and could not write a byte into (a full disk): removed, so that the next start
    // makes it anew instead of refusing an empty file the app made itself (an audit, 2026-12-07). Only an empty one:
    // a file with its header was written by someone, and another start racing this one may hold it (a second audit).
    if (state === 'new' && emptyFile(file)) for (const p of [file, ...sidecars(file)]) fs.rmSync(p, { force: true });
    if (err instanceof AppError) throw err;
    throw problemOf(err, file, state === 'encrypted' ? key : null) ?? err;
  }
}

function emptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size === 0;
  } catch {
    return false;
  }
}

/**
 * A clean close: the WAL is checkpointed into the file and removed, SQLite's integrity check runs on the file as it
 * will stay, then the file's checksum is written beside it, saying whether the check passed. The next open notices
 * any byte changed in between, and runs the integrity check itself only when this one did not pass or did not run
 * (issue 16: the check reads every page, ~0.2 s for a 40 MB file, and was paid at every start; the officer waits
 * less for the app to close than to open, and the open still checks every byte against the checksum).
 */
export function closeDatabase(db: Database, file: string): void {
  if (!db.open) return;
  let integrityOk = false;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    try {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      integrityOk = rows.length > 0 && rows.every((r) => r.integrity_check === 'ok');
    } catch {
      /* not known to be whole: the next open checks it */
    }
  } finally {
    db.close();
  }
  try {
    writeChecksum(file, integrityOk);
  } catch {
    /* no checksum: the next open relies on the integrity check alone */
  }
}

export { DataFileError, LATEST_SCHEMA_VERSION };
export type { DataKey };
