import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, DataFileError, DatabaseFromTheFutureError, LATEST_SCHEMA_VERSION, migrate, openDatabase, schemaVersion } from '../../electron/backend/db/connection';
import type { Migration } from '../../electron/backend/db/migrations/index';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { openTestDb, tempDir } from '../helpers/temp';
import { TEST_KEY } from '../helpers/key';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the data file', () => {
  it('sets WAL, synchronous=FULL and foreign keys, and migrates to the latest version', () => {
    const { db } = openTestDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('has numbered migrations in strictly increasing order, starting at 1 (numbers are assigned per branch: gaps are fine)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!)).toBe(true);
  });

  it('refuses a database from a newer version with a clear message and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me');`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    raw.close();
    const before = sha(file);
    const siblingsBefore = fs.readdirSync(path.dirname(file)).sort();

    let error: unknown;
    try {
      openDatabase(file, { key: TEST_KEY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseFromTheFutureError);
    expect((error as Error).message).toMatch(/newer version of Taskforce Secretariat/);
    expect((error as Error).message).toMatch(/left untouched/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(siblingsBefore); // no -wal or -shm left behind either
  });

  it('refuses a damaged file without writing to it', () => {
    const { file, db } = openTestDb();
    db.close();
    const bytes = fs.readFileSync(file);
    // Overwrite the middle of page 2 onwards with garbage, keeping the header (and so the schema version) intact.
    for (let i = 4096 + 100; i < Math.min(bytes.length, 4096 * 3); i++) bytes[i] = 0x5a;
    fs.writeFileSync(file, bytes);
    const before = sha(file);
    expect(() => openDatabase(file, { key: TEST_KEY })).toThrow(/integrity|malformed|not a database|damaged/i);
    expect(sha(file)).toBe(before);
  });

  it('migrates an older file forward and keeps its data', () => {
    const { file, db } = openTestDb({ targetVersion: 1 });
    db.prepare(`INSERT INTO organisations (id, name, short_name, is_member, created_at) VALUES ('o1', 'Kept', '', 1, 'x')`).run();
    db.close();
    const again = openDatabase(file, { key: TEST_KEY });
    try {
      expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
      expect(again.prepare(`SELECT name FROM organisations`).all()).toEqual([{ name: 'Kept' }]);
    } finally {
      again.close();
    }
  });

  it('refuses a database one version newer than it knows, with both versions in the error; opens its own latest', () => {
    const file = path.join(tempDir(), 'next.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE t (x TEXT)`);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseFromTheFutureError);
    expect((error as DatabaseFromTheFutureError).details).toEqual({ found: LATEST_SCHEMA_VERSION + 1, known: LATEST_SCHEMA_VERSION });
    expect((error as Error).message).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}; this version knows up to ${LATEST_SCHEMA_VERSION}`);
    expect(sha(file)).toBe(before);
    // Its own latest version opens (closed cleanly, reopened).
    const { file: own, db } = openTestDb();
    closeDatabase(db, own);
    const again = openDatabase(own, { key: TEST_KEY });
    expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });

  it('the newest version it knows is the last migration it is given', () => {
    const file = path.join(tempDir(), 'two.sqlite3');
    const ms: Migration[] = [
      { version: 1, name: 'one', up: (db) => db.exec(`CREATE TABLE one (x)`) },
      { version: 2, name: 'two', up: (db) => db.exec(`CREATE TABLE two (x)`) },
    ];
    const db = openDatabase(file, { migrations: ms });
    expect(schemaVersion(db)).toBe(2);
    db.close();
    expect(() => openDatabase(file, { migrations: ms.slice(0, 1) })).toThrow(DatabaseFromTheFutureError);
    expect(() => openDatabase(file, { migrations: [] })).toThrow(/schema 2; this version knows up to 0/);
  });

  it('a migration and its version bump are one transaction: a failing migration leaves the previous version and no trace', () => {
    const file = path.join(tempDir(), 'fail.sqlite3');
    const ok: Migration = { version: 1, name: 'one', up: (db) => db.exec(`CREATE TABLE one (x)`) };
    const bad: Migration = {
      version: 2,
      name: 'two',
      up: (db) => {
        db.exec(`CREATE TABLE two (x)`);
        throw new Error('migration 2 failed halfway');
      },
    };
    expect(() => openDatabase(file, { migrations: [ok, bad] })).toThrow(/migration 2 failed halfway/);
    const raw = new BetterSqlite3(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all()).toEqual([{ name: 'one' }]);
    raw.close();
  });

  it('migrate runs each pending migration once, in order, up to the target, and reports the version reached', () => {
    const raw = new BetterSqlite3(':memory:');
    const ran: number[] = [];
    const seen: number[] = [];
    const ms: Migration[] = [1, 2, 4, 7].map((v) => ({
      version: v,
      name: `m${v}`,
      up: (db) => {
        ran.push(v);
        seen.push(db.pragma('user_version', { simple: true }) as number);
      },
    }));
    expect(migrate(raw, ms, 2)).toBe(2);
    expect(ran).toEqual([1, 2]);
    expect(schemaVersion(raw)).toBe(2);
    expect(migrate(raw, ms, 4)).toBe(4);
    expect(migrate(raw, ms)).toBe(7);
    expect(ran).toEqual([1, 2, 4, 7]);
    // Each migration sees the version before it, and is never run again.
    expect(seen).toEqual([0, 1, 2, 4]);
    expect(migrate(raw, ms)).toBe(7);
    expect(ran).toEqual([1, 2, 4, 7]);
    expect(migrate(raw, [])).toBe(7);
    raw.close();
  });

  it('stops at targetVersion when asked', () => {
    const { db } = openTestDb({ targetVersion: 3 });
    expect(schemaVersion(db)).toBe(3);
  });

  it('sets the safety pragmas: secure_delete, cell_size_check, busy timeout, exclusive locking', () => {
    const { db } = openTestDb();
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('cell_size_check', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
  });

  it('a second opening of the same file is refused at once as in use', () => {
    const { file } = openTestDb();
    let error: unknown;
    const t0 = Date.now();
    try {
      openDatabase(file, { key: TEST_KEY }).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problem).toBe('in_use');
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('refuses a SQLite file that is not ours (tables, version 0) without changing it', () => {
    const file = path.join(tempDir(), 'other.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE someone_elses (x TEXT)`);
    raw.close();
    const before = sha(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problem).toBe('not_ours');
    expect(sha(file)).toBe(before);
  });

  it('an empty SQLite file of version 0 is taken and migrated', () => {
    const file = path.join(tempDir(), 'empty.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 0');
    raw.exec('VACUUM');
    raw.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('the file and its sidecars are private (0600) once open', () => {
    const { file, db } = openTestDb();
    db.prepare(`INSERT INTO organisations (id, name, short_name, is_member, created_at) VALUES ('o1', 'A', '', 1, 'x')`).run();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a clean close writes the checksum and removes the WAL; opening drops the checksum', () => {
    const { file, db } = openTestDb();
    closeDatabase(db, file);
    closeDatabase(db, file); // twice: nothing happens
    const dir = path.dirname(file);
    const sidecarsAfterClose = fs.readdirSync(dir).filter((n) => n !== path.basename(file));
    expect(sidecarsAfterClose.some((n) => n.endsWith('-wal'))).toBe(false);
    expect(sidecarsAfterClose.length).toBe(1);
    const again = openDatabase(file, { key: TEST_KEY });
    expect(fs.readdirSync(dir).filter((n) => sidecarsAfterClose.includes(n))).toEqual([]);
    again.close();
  });
});
