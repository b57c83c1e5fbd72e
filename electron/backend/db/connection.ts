import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export const DB_FILE_NAME = 'taskforce-secretariat.sqlite3';

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

/** Runs the pending migrations, each in its own transaction with the version bump, up to `target`. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = Infinity): number {
  let current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}

export interface OpenOptions {
  /** Stop at this schema version (tests of single migrations). */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the data file. Order matters: the version guard and the integrity check run before any
 * statement that writes, so a file from a newer app or a damaged file is never modified.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Database {
  const migrations = opts.migrations ?? MIGRATIONS;
  const known = migrations[migrations.length - 1]?.version ?? 0;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    const found = schemaVersion(db);
    if (found > known) throw new DatabaseFromTheFutureError(file, found, known);
    if (found > 0) {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length > 0)
        throw new AppError('storage', `The data file ${file} failed its integrity check and was not opened: ${problems.slice(0, 3).join('; ')}`);
    }
    db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL databases at NORMAL: an acknowledged save must survive power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, opts.targetVersion ?? Infinity);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export { LATEST_SCHEMA_VERSION };
