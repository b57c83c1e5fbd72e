import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseFromTheFutureError, LATEST_SCHEMA_VERSION, openDatabase, schemaVersion } from '../../electron/backend/db/connection';
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
});
