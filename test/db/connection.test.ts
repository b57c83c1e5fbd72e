import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, DataFileError, DatabaseFromTheFutureError, DB_FILE_NAME, LATEST_SCHEMA_VERSION, migrate, openDatabase, problemOf, schemaVersion } from '../../electron/backend/db/connection';
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
    // An existing file at version 1 (a new file gets all its migrations in one transaction: the next test).
    closeDatabase(openDatabase(file, { migrations: [ok] }), file);
    expect(() => openDatabase(file, { migrations: [ok, bad] })).toThrow(/migration 2 failed halfway/);
    const raw = new BetterSqlite3(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all()).toEqual([{ name: 'one' }]);
    raw.close();
  });

  it('a new data file gets its whole schema in one transaction: a migration failing halfway leaves no table and version 0, and the file opens afterwards', () => {
    const file = path.join(tempDir(), 'new-fail.sqlite3');
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
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all()).toEqual([]);
    raw.close();
    const two: Migration = { version: 2, name: 'two', up: (db) => db.exec(`CREATE TABLE two (x)`) };
    const db = openDatabase(file, { migrations: [ok, two] });
    expect(schemaVersion(db)).toBe(2);
    closeDatabase(db, file);
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

describe('opening the data file: what is refused, and when the lock and encryption happen', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('not refused');
  };

  it('the data file keeps its name, and a file from the future is a storage error carrying both versions', () => {
    expect(DB_FILE_NAME).toBe('taskforce-secretariat.sqlite3'); // an existing data folder's file is found by it
    const file = path.join(tempDir(), 'future.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const e = refusal(() => openDatabase(file)) as DatabaseFromTheFutureError;
    expect(e).toBeInstanceOf(DatabaseFromTheFutureError);
    expect(e.code).toBe('storage');
    expect(e.details).toEqual({ found: LATEST_SCHEMA_VERSION + 1, known: LATEST_SCHEMA_VERSION });
  });

  it('an encrypted file opened without a key is refused as encrypted, untouched', () => {
    const { file, db } = openTestDb();
    db.close();
    const before = sha(file);
    const e = refusal(() => openDatabase(file)) as DataFileError;
    expect(e).toBeInstanceOf(DataFileError);
    expect(e.problem).toBe('encrypted');
    expect(e.message).toContain(`The data file ${file} is encrypted and no key was given.`);
    expect(sha(file)).toBe(before);
  });

  it('a file of another program names itself in the refusal', () => {
    const file = path.join(tempDir(), 'other.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE someone_elses (x TEXT)`);
    raw.close();
    expect((refusal(() => openDatabase(file)) as Error).message).toContain(`The data file ${file} is not a Taskforce Secretariat data file.`);
  });

  /**
   * A plain file of schema version 1 whose index page is edited behind SQLite's back: the index no longer matches its
   * table, which SQLite reads without complaint and integrity_check lists row by row.
   */
  function indexDamagedFile(): string {
    const file = path.join(tempDir(), 'index-damaged.sqlite3');
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE t (a TEXT); CREATE INDEX t_a ON t (a)`);
    const insert = raw.prepare(`INSERT INTO t VALUES (?)`);
    for (let i = 10; i < 40; i++) insert.run(`value-${i}`);
    raw.pragma('user_version = 1');
    const { rootpage } = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 't_a'`).get() as { rootpage: number };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = fs.readFileSync(file);
    const page = bytes.subarray((rootpage - 1) * pageSize, rootpage * pageSize);
    for (let i = page.indexOf('value-'); i >= 0; i = page.indexOf('value-', i + 1)) page[i] = 'V'.charCodeAt(0);
    fs.writeFileSync(file, bytes);
    return file;
  }
  it('a file whose integrity check lists problems is refused as damaged, naming the first three, untouched', () => {
    const file = indexDamagedFile();
    const before = sha(file);
    const e = refusal(() => openDatabase(file)) as DataFileError;
    expect(e).toBeInstanceOf(DataFileError);
    expect(e.problem).toBe('corrupt');
    const listed = /failed its integrity check \((.*)\)\. It has been left untouched/.exec(e.message)?.[1];
    expect(listed?.split('; ')).toHaveLength(3);
    expect(listed).toMatch(/t_a/);
    expect(sha(file)).toBe(before);
  });

  const checksumOf = (file: string) => JSON.parse(fs.readFileSync(`${file}.sha256`, 'utf8')) as { sha256: string; size: number; integrity?: string };

  it('the integrity check runs at a clean close; the next open skips it only for the very bytes that passed it', () => {
    // A clean close of a whole file records that it passed.
    const { file, db } = openTestDb();
    closeDatabase(db, file);
    expect(checksumOf(file).integrity).toBe('ok');
    openDatabase(file, { key: TEST_KEY }).close();

    // A damaged file closed cleanly: its checksum does not say it passed, so the next open checks it and refuses it.
    const damaged = indexDamagedFile();
    closeDatabase(new BetterSqlite3(damaged), damaged);
    expect(checksumOf(damaged).sha256).toBe(sha(damaged));
    expect(checksumOf(damaged).integrity).toBeUndefined();
    expect((refusal(() => openDatabase(damaged)) as DataFileError).problem).toBe('corrupt');

    // What the open trusts is the checksum's word on these bytes: the same damaged bytes with a checksum that says
    // they passed are not checked again (hence the check at close must be the real one), and one from before this
    // rule (no word on the check) is checked.
    const sum = { sha256: sha(damaged), size: fs.statSync(damaged).size };
    fs.writeFileSync(`${damaged}.sha256`, JSON.stringify(sum));
    expect((refusal(() => openDatabase(damaged)) as DataFileError).problem).toBe('corrupt');
    fs.writeFileSync(`${damaged}.sha256`, JSON.stringify({ ...sum, integrity: 'ok' }));
    let after: unknown = null;
    try {
      openDatabase(damaged).close();
    } catch (err) {
      after = err; // this toy file then fails its migration: what matters is that it got past the check
    }
    expect(String(after)).not.toMatch(/integrity check/);
  });

  it('the lock is taken at open even when nothing is migrated: a second opening of an up-to-date file is refused', () => {
    const { file, db } = openTestDb();
    closeDatabase(db, file);
    const first = openDatabase(file, { key: TEST_KEY }); // already at the latest version: no migration writes
    try {
      expect((refusal(() => openDatabase(file, { key: TEST_KEY }).close()) as DataFileError).problem).toBe('in_use');
    } finally {
      first.close();
    }
  });

  it('beforeEncrypt runs once, for a plain file being encrypted, never for a new or already encrypted file', () => {
    const seen: string[] = [];
    const beforeEncrypt = (db: { name: string }) => void seen.push(db.name);
    const dir = tempDir();
    const fresh = path.join(dir, 'new.sqlite3');
    openDatabase(fresh, { key: TEST_KEY, beforeEncrypt }).close();
    openDatabase(fresh, { key: TEST_KEY, beforeEncrypt }).close();
    expect(seen).toEqual([]);
    const plainFile = path.join(dir, 'plain.sqlite3');
    openDatabase(plainFile).close();
    openDatabase(plainFile, { key: TEST_KEY, beforeEncrypt }).close();
    expect(seen).toEqual([plainFile]);
    const e = refusal(() => openDatabase(plainFile)) as DataFileError;
    expect(e.problem).toBe('encrypted');
    // beforeEncrypt is optional: a plain file given a key without it is encrypted all the same.
    const other = path.join(dir, 'plain-2.sqlite3');
    openDatabase(other).close();
    openDatabase(other, { key: TEST_KEY }).close();
    expect((refusal(() => openDatabase(other)) as DataFileError).problem).toBe('encrypted');
  });

  it('an encrypted file opened with the wrong key is refused as the wrong key, not as a damaged header', () => {
    const { file, db } = openTestDb();
    db.close();
    const e = refusal(() => openDatabase(file, { key: { kind: 'passphrase', text: 'not it', source: 'the passphrase' } })) as DataFileError;
    expect(e.problem).toBe('wrong_key');
  });
});

describe("SQLite's result codes, turned into what is wrong with the data file (problemOf)", () => {
  const file = '/data/taskforce-secretariat.sqlite3';
  const err = (code: unknown, message = 'sqlite says no') => Object.assign(new Error(message), { code });
  const problem = (e: unknown, key?: Parameters<typeof problemOf>[2]) => {
    const p = problemOf(e, file, key);
    return p && { problem: p.problem, file: p.file, message: p.message };
  };
  const says = (what: string) => `The data file ${file} ${what}. It has been left untouched.`;

  it('a file SQLite cannot read as a database: the wrong key when one was given (its kind named), else a damaged header', () => {
    expect(problem(err('SQLITE_NOTADB'), { kind: 'passphrase', text: 'x', source: 'the passphrase' })).toMatchObject({
      problem: 'wrong_key',
      message: expect.stringContaining(says("cannot be opened with the passphrase given: the passphrase is wrong, or the file's first page is damaged")),
    });
    expect(problem(err('SQLITE_NOTADB'), { kind: 'key', bytes: Buffer.alloc(32), source: 'the key file /k/my.key' })).toMatchObject({
      problem: 'wrong_key',
      message: expect.stringContaining(says("cannot be opened with the key file /k/my.key: the key is wrong, or the file's first page is damaged")),
    });
    for (const key of [undefined, null])
      expect(problem(err('SQLITE_NOTADB'), key)).toMatchObject({ problem: 'not_sqlite', file, message: expect.stringContaining(says('is not a readable database (its header is damaged)')) });
  });

  it('each family of codes, extended codes included (matched by their start)', () => {
    const cases: Array<[string, string, string]> = [
      ['SQLITE_CORRUPT', 'corrupt', 'is damaged (SQLite: sqlite says no)'],
      ['SQLITE_CORRUPT_INDEX', 'corrupt', 'is damaged (SQLite: sqlite says no)'],
      ['SQLITE_BUSY', 'in_use', 'is in use by another Taskforce Secretariat'],
      ['SQLITE_BUSY_SNAPSHOT', 'in_use', 'is in use by another Taskforce Secretariat'],
      ['SQLITE_LOCKED', 'in_use', 'is in use by another Taskforce Secretariat'],
      ['SQLITE_LOCKED_SHAREDCACHE', 'in_use', 'is in use by another Taskforce Secretariat'],
      ['SQLITE_READONLY', 'read_only', 'cannot be written (read-only)'],
      ['SQLITE_READONLY_DBMOVED', 'read_only', 'cannot be written (read-only)'],
      ['SQLITE_CANTOPEN', 'unreadable', 'cannot be opened (SQLITE_CANTOPEN)'],
      ['SQLITE_CANTOPEN_ISDIR', 'unreadable', 'cannot be opened (SQLITE_CANTOPEN_ISDIR)'],
      ['SQLITE_PERM', 'unreadable', 'cannot be opened (SQLITE_PERM)'],
      ['SQLITE_AUTH_USER', 'unreadable', 'cannot be opened (SQLITE_AUTH_USER)'],
      ['SQLITE_IOERR', 'unreadable', 'cannot be read from the disk (SQLITE_IOERR)'],
      ['SQLITE_IOERR_SHORT_READ', 'unreadable', 'cannot be read from the disk (SQLITE_IOERR_SHORT_READ)'],
    ];
    for (const [code, kind, what] of cases) expect(problem(err(code)), code).toEqual({ problem: kind, file, message: expect.stringContaining(says(what)) });
    // A code given to a thrown non-Error: its text is the message.
    expect(problem({ code: 'SQLITE_CORRUPT', toString: () => 'raw text' })).toMatchObject({ problem: 'corrupt', message: expect.stringContaining('(SQLite: raw text)') });
  });

  it('anything else is not a data-file problem: other codes, codes that are not strings, no code, null', () => {
    for (const e of [err('SQLITE_FULL'), err('SQLITE_CONSTRAINT_UNIQUE'), err(11), err(undefined), new Error('SQLITE_CORRUPT'), null, 'SQLITE_BUSY', { code: ['SQLITE_BUSY'] }])
      expect(problem(e)).toBeNull();
    // The key is not consulted for any other code.
    expect(problem(err('SQLITE_CORRUPT'), { kind: 'passphrase', text: 'x', source: 'p' })?.problem).toBe('corrupt');
  });
});
