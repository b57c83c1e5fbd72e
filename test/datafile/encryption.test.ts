import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { checkBackupFile } from '../../electron/backend/db/backup';
import { DB_FILE_NAME, LATEST_SCHEMA_VERSION, openDatabase } from '../../electron/backend/db/connection';
import { checksumFile, DataFileError, dropChecksum, inspectDataFile } from '../../electron/backend/db/data-file';
import { applyKey, keyFileText, type DataKey } from '../../electron/backend/db/key';
import type { BackupInfo, BackupStatus, SavedBackup } from '../../shared/contract/backup';
import type { MeetingDetail } from '../../shared/contract/core';
import type { Flag } from '../../shared/domain/flags';
import { doc } from '../db/minutes-fixture';
import { TEST_KEY, testKeyFile } from '../helpers/key';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { bundleStart, hostProcessesOff, sha, snapshot, startHost, stopHost } from './start-host';

const CANARY = 'Zephyrion confidential acquisition of Marlowe Biotech';
const meeting = (title: string) => ({ title, startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
const hits = (file: string, needle: string) => (fs.existsSync(file) ? fs.readFileSync(file).toString('latin1').split(needle).length - 1 : 0);
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const OTHER_KEY: DataKey = { kind: 'key', bytes: Buffer.alloc(32, 0x42), source: 'another key file' };

/** A meeting whose minutes hold the canary many times, flagged confidential. */
async function meetingWithCanary(b: Backend) {
  const m = await call<MeetingDetail>(b, 'meetings.create', meeting('Confidential session'));
  const agenda = await call<MeetingDetail['agenda']>(b, 'agenda.add', { meetingId: m.meeting.id, title: 'Commercial matters' });
  const sectionKey = agenda[0]!.id;
  for (let i = 0; i < 4; i++) await call(b, 'minutes.saveSection', { meetingId: m.meeting.id, sectionKey, content: doc(`${CANARY} (${i})`, 'x'.repeat(2000)) });
  const flag = await call<Flag>(b, 'flags.create', { meetingId: m.meeting.id, sectionKey, excerpt: CANARY, reason: 'commercially_confidential' });
  return { meetingId: m.meeting.id, sectionKey, flag };
}

/** A plain (unencrypted) data file as an older version of the app left it, with the canary in it. */
async function plainDataFolder() {
  const dataDir = tempDir('tfs-plain-');
  const b = makeBackend({ dataDir, key: null });
  const c = await meetingWithCanary(b);
  await call(b, 'meetings.create', meeting('Second meeting'));
  b.close();
  return { dataDir, file: path.join(dataDir, DB_FILE_NAME), ...c };
}

describe('encryption at rest (ChaCha20-Poly1305)', () => {
  it('a flagged canary: 0 hits in the raw database, its WAL and every backup; with the key everything reads back', async () => {
    const dataDir = tempDir();
    const out = tempDir('tfs-chosen-');
    const b = makeBackend({ dataDir });
    const { meetingId, flag } = await meetingWithCanary(b);
    expect(flag.excerpt).toBe(CANARY);
    const file = path.join(dataDir, DB_FILE_NAME);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0); // saves are in the WAL right now
    const auto = await call<BackupInfo>(b, 'backup.create', {});
    const chosen = await call<SavedBackup>(b, 'backup.saveTo', { path: path.join(out, 'mine.sqlite3') });
    const backups = [path.join(dataDir, 'backups', auto.name), chosen.path];
    for (const f of [file, `${file}-wal`, ...backups]) {
      expect([f, hits(f, CANARY), hits(f, 'Zephyrion'), hits(f, 'SQLite format 3')]).toEqual([f, 0, 0, 0]);
    }
    // Each backup: encrypted, passes integrity_check with the key, refused without it.
    for (const f of backups) {
      expect(inspectDataFile(f)).toBe('encrypted');
      expect(checkBackupFile(f, LATEST_SCHEMA_VERSION, TEST_KEY)).toEqual({ schemaVersion: LATEST_SCHEMA_VERSION, encrypted: true });
      expect(() => checkBackupFile(f, LATEST_SCHEMA_VERSION, OTHER_KEY)).toThrow(/another key/);
    }
    b.close();
    expect(hits(file, CANARY)).toBe(0);
    const again = makeBackend({ dataDir });
    const text = JSON.stringify(await call(again, 'minutes.get', { meetingId }));
    expect(text).toContain(CANARY);
  });

  it("a deleted meeting's text: 0 hits in the encrypted file after a clean close, and gone from the data too", async () => {
    const dataDir = tempDir();
    const b = makeBackend({ dataDir });
    const { meetingId } = await meetingWithCanary(b);
    await call(b, 'meetings.delete', { id: meetingId });
    await call(b, 'trash.empty', { confirm: true });
    b.close();
    const file = path.join(dataDir, DB_FILE_NAME);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(hits(file, CANARY)).toBe(0);
    // Decrypted, it is not there either (secure_delete zeroes the freed cells before they are encrypted).
    const raw = new BetterSqlite3(file, { readonly: true });
    applyKey(raw, TEST_KEY);
    const dump = (raw.prepare(`SELECT group_concat(name) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: string }).n.split(',');
    for (const t of dump) {
      const rows = JSON.stringify(raw.prepare(`SELECT * FROM "${t}"`).all());
      expect([t, rows.includes('Zephyrion')]).toEqual([t, false]);
    }
    raw.close();
  });

  it('a wrong key is refused with a message naming the file; the file is untouched', async () => {
    const dataDir = tempDir();
    makeBackend({ dataDir }).close();
    const before = snapshot(dataDir);
    let error: unknown;
    try {
      new Backend({ dataDir, host: 'browser', key: OTHER_KEY, recoverFromBackup: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problem).toBe('wrong_key');
    expect((error as Error).message).toContain(path.join(dataDir, DB_FILE_NAME));
    expect((error as Error).message).toMatch(/cannot be opened with another key file: the key is wrong.*left untouched.*right passphrase or key file/s);
    expect(() => new Backend({ dataDir, host: 'browser' })).toThrow(/is encrypted and no key was given/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a tampered page is named as damage (the cipher authenticates every page), never read and never a stack trace', async () => {
    const dataDir = tempDir();
    const b = makeBackend({ dataDir });
    await meetingWithCanary(b);
    b.close();
    const file = path.join(dataDir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes[pageSize * 2 + 300] = bytes[pageSize * 2 + 300]! ^ 0x01; // one bit, inside page 3
    fs.writeFileSync(file, bytes);
    // With the checksum of the last clean close: named before SQLite even reads it.
    expect(() => openDatabase(file, { key: TEST_KEY })).toThrow(/is damaged: its content differs/);
    // Without it (e.g. an older file): the cipher's authentication tag fails, named as damage.
    fs.rmSync(checksumFile(file));
    const before = sha(file);
    let error: unknown;
    try {
      openDatabase(file, { key: TEST_KEY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).problem).toBe('corrupt');
    expect((error as Error).message).toMatch(new RegExp(`The data file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (is damaged|failed its integrity check)`));
    expect(sha(file)).toBe(before);
  });

  it('the checks before open work on encrypted files: zero bytes, truncated, damaged header, read-only', async () => {
    const dataDir = tempDir();
    makeBackend({ dataDir }).close();
    const file = path.join(dataDir, DB_FILE_NAME);
    fs.rmSync(checksumFile(file));
    expect(inspectDataFile(file)).toBe('encrypted');
    const good = fs.readFileSync(file);
    const pageSize = good.readUInt16BE(16);
    const expectFault = (bytes: Buffer, re: RegExp) => {
      fs.writeFileSync(file, bytes);
      expect(() => inspectDataFile(file)).toThrow(re);
    };
    expectFault(Buffer.alloc(0), /is empty \(0 bytes\)/);
    expectFault(good.subarray(0, good.length - 100), /is truncated/);
    expectFault(good.subarray(0, pageSize + 10), /is truncated/);
    const badHeader = Buffer.from(good);
    badHeader.writeUInt16BE(1000, 16); // not a power of two
    expectFault(badHeader, /header is damaged/);
    expectFault(good.subarray(0, 50), /header is missing or damaged/);
    fs.writeFileSync(file, good);
    fs.chmodSync(file, 0o400);
    expect(() => inspectDataFile(file)).toThrow(/is read-only/);
    fs.chmodSync(file, 0o600);
    expect(inspectDataFile(file)).toBe('encrypted');
  });

  it('an existing plain data file is encrypted in place after a verified backup: all data there, no canary left in any file', async () => {
    const { dataDir, file, meetingId } = await plainDataFolder();
    expect(inspectDataFile(file)).toBe('plain');
    expect(hits(file, CANARY)).toBeGreaterThan(0); // really plain before
    const b = makeBackend({ dataDir }); // with the key
    expect(inspectDataFile(file)).toBe('encrypted');
    expect(b.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(b.db.pragma('synchronous', { simple: true })).toBe(2);
    const titles = (await call<Array<{ title: string }>>(b, 'meetings.list', {})).map((m) => m.title).sort();
    expect(titles).toEqual(['Confidential session', 'Second meeting']);
    expect(JSON.stringify(await call(b, 'minutes.get', { meetingId }))).toContain(CANARY);
    expect((await call<{ flags: Flag[] }>(b, 'flags.list', { meetingId })).flags.map((f) => f.excerpt)).toEqual([CANARY]);
    // The verified backup made before: kept, and encrypted too once the data file was.
    const status = await call<BackupStatus>(b, 'backup.status', {});
    const before = status.backups.find((x) => x.kind === 'before-encryption')!;
    expect(before).toBeDefined();
    const beforeFile = path.join(dataDir, 'backups', before.name);
    expect(inspectDataFile(beforeFile)).toBe('encrypted');
    expect(checkBackupFile(beforeFile, LATEST_SCHEMA_VERSION, TEST_KEY).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    b.close();
    for (const f of [file, `${file}-wal`, ...fs.readdirSync(path.join(dataDir, 'backups')).map((n) => path.join(dataDir, 'backups', n))])
      expect([f, hits(f, CANARY), hits(f, 'Zephyrion')]).toEqual([f, 0, 0]);
    // And it opens again with the key, everything there.
    const again = makeBackend({ dataDir });
    expect((await call<unknown[]>(again, 'meetings.list', {})).length).toBe(2);
  });

  it('restore of an encrypted backup works with the key; back up to a chosen file is 0600, refuses to overwrite anything but a backup', async () => {
    const dataDir = tempDir();
    const out = tempDir('tfs-chosen-');
    const b = makeBackend({ dataDir });
    await call(b, 'meetings.create', meeting('In the backup'));
    const info = await call<BackupInfo>(b, 'backup.create', {});
    await call(b, 'meetings.create', meeting('After the backup'));
    await call(b, 'backup.restore', { name: info.name });
    expect((await call<Array<{ title: string }>>(b, 'meetings.list', {})).map((m) => m.title)).toEqual(['In the backup']);

    const target = path.join(out, 'taskforce-backup.sqlite3');
    const saved = await call<SavedBackup>(b, 'backup.saveTo', { path: target });
    expect(saved).toMatchObject({ path: target, mode: '0600' });
    expect(mode(target)).toBe(0o600);
    expect(fs.readdirSync(out)).toEqual(['taskforce-backup.sqlite3']); // no .partial left
    expect(await b.dispatch('backup.saveTo', { path: target })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already exists/) } });
    expect((await b.dispatch('backup.saveTo', { path: target, replace: true })).ok).toBe(true);
    const precious = path.join(out, 'notes.txt');
    fs.writeFileSync(precious, 'not a backup');
    expect(await b.dispatch('backup.saveTo', { path: precious, replace: true })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/not a backup/) } });
    expect(fs.readFileSync(precious, 'utf8')).toBe('not a backup');
    expect(await b.dispatch('backup.saveTo', { path: path.join(out, 'missing', 'x.sqlite3') })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/does not exist/) } });
    expect(await b.dispatch('backup.saveTo', { path: 'relative.sqlite3' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    // The chosen file restores too: put in a fresh folder, opened with the key.
    const restoreDir = tempDir();
    fs.copyFileSync(target, path.join(restoreDir, DB_FILE_NAME));
    const r = makeBackend({ dataDir: restoreDir });
    expect((await call<Array<{ title: string }>>(r, 'meetings.list', {})).map((m) => m.title)).toEqual(['In the backup']);
  });
});

describe('the key handed to the cipher (issue 16: no key derivation for a random key)', () => {
  const hex = TEST_KEY.kind === 'key' ? TEST_KEY.bytes.toString('hex') : '';
  /** Opens `file` read-only with exactly `material` (as SQLite3MultipleCiphers takes it); true if it reads. */
  const opensWith = (file: string, material: string) => {
    const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      raw.pragma("cipher = 'chacha20'");
      raw.key(Buffer.from(material));
      raw.prepare('SELECT count(*) FROM sqlite_schema').get();
      return true;
    } catch {
      return false;
    } finally {
      raw.close();
    }
  };

  it('a random key is given raw (its 32 bytes, no PBKDF2): a new data file opens with the raw key, not with the key text through the derivation', () => {
    const dataDir = tempDir();
    makeBackend({ dataDir }).close();
    const file = path.join(dataDir, DB_FILE_NAME);
    expect(inspectDataFile(file)).toBe('encrypted');
    expect(opensWith(file, `x'${hex}'`)).toBe(true);
    expect(opensWith(file, hex)).toBe(false);
  });

  it('a data file and a backup encrypted the earlier way (the key text through the derivation) still open with the same key; a wrong key is still refused', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    // A data file as the app wrote it before raw keys: made plain, then encrypted with the key's hex text.
    const plain = makeBackend({ dataDir: dir, key: null });
    const { meetingId } = await meetingWithCanary(plain);
    plain.close();
    const legacy = new BetterSqlite3(file);
    legacy.pragma('journal_mode = DELETE');
    legacy.pragma("cipher = 'chacha20'");
    legacy.rekey(Buffer.from(hex));
    legacy.close();
    dropChecksum(file); // the checksum of the plain file's last close
    expect(opensWith(file, hex)).toBe(true);
    expect(opensWith(file, `x'${hex}'`)).toBe(false);
    expect(checkBackupFile(file, LATEST_SCHEMA_VERSION, TEST_KEY)).toEqual({ schemaVersion: LATEST_SCHEMA_VERSION, encrypted: true });
    expect(() => checkBackupFile(file, LATEST_SCHEMA_VERSION, OTHER_KEY)).toThrow(/another key/);
    const b = makeBackend({ dataDir: dir });
    expect(JSON.stringify(await call(b, 'minutes.get', { meetingId }))).toContain(CANARY);
    b.close();
    expect(() => openDatabase(file, { key: OTHER_KEY })).toThrow(DataFileError);
  });
});

describe.skipIf(hostProcessesOff)('the browser host and its key', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = await bundleStart();
  });
  afterAll(() => fs.rmSync(path.dirname(bundle), { recursive: true, force: true }));

  it('--key-file: a new key file is created 0600 and the output says plainly who can read the data', async () => {
    const dataDir = tempDir();
    const keyFile = path.join(tempDir('tfs-keys-'), 'my.key');
    const run = await startHost(bundle, dataDir, ['--key-file', keyFile]);
    expect(run.child).toBeDefined();
    expect(run.stdout).toMatch(/A new key file was created: .*my\.key.*Whoever can read that file can read the data/s);
    expect(mode(keyFile)).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(await stopHost(run.child!)).toBe(0);
    expect(inspectDataFile(path.join(dataDir, DB_FILE_NAME))).toBe('encrypted');
    const again = await startHost(bundle, dataDir, ['--key-file', keyFile]);
    expect(again.stdout).toMatch(/Key file: .*my\.key\. Whoever can read that file can read the data/);
    expect(await stopHost(again.child!)).toBe(0);
  });

  it('a wrong key file: exit 2, a message naming the data file, no stack trace, the folder untouched', async () => {
    const dataDir = tempDir();
    const first = await startHost(bundle, dataDir);
    expect(await stopHost(first.child!)).toBe(0);
    const wrong = path.join(tempDir('tfs-keys-'), 'wrong.key');
    fs.writeFileSync(wrong, keyFileText(Buffer.alloc(32, 9)), { mode: 0o600 });
    const before = snapshot(dataDir);
    const run = await startHost(bundle, dataDir, ['--key-file', wrong]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path.join(dataDir, DB_FILE_NAME));
    expect(run.stderr).toMatch(/cannot be opened with the key file .*wrong\.key: the key is wrong/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dataDir)).toEqual(before);
    // A missing key file for an encrypted folder: no new key is made.
    const missing = path.join(tempDir('tfs-keys-'), 'lost.key');
    const run2 = await startHost(bundle, dataDir, ['--key-file', missing]);
    expect(run2.code).toBe(2);
    expect(run2.stderr).toMatch(/lost\.key does not exist, and the data file is already encrypted/);
    expect(fs.existsSync(missing)).toBe(false);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('no key file and no terminal: exit 2 naming the two ways to give the key; nothing created', async () => {
    const dataDir = path.join(tempDir(), 'never-made');
    const run = await startHost(bundle, dataDir, []);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/start it in a terminal \(the passphrase is asked, not shown\), or give a key file with --key-file PATH/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('a test host key file is what the harness uses (every e2e test runs encrypted)', () => {
    const dataDir = tempDir();
    expect(fs.readFileSync(testKeyFile(dataDir), 'utf8')).toBe(keyFileText(TEST_KEY.kind === 'key' ? TEST_KEY.bytes : Buffer.alloc(0)));
  });
});
