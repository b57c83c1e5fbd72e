import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import type { MeetingDetail } from '../../shared/contract/core';
import { TEST_KEY } from '../helpers/key';
import { call, tempDir } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';

/**
 * An audit of storage failures (2026-12-07), on a small disk of its own (a tmpfs; the tests need root to mount one and
 * are skipped where that is not possible): a backup restore refused for want of space left the app unable to save
 * until restarted (its data file closed, the session not reopened), or with no data file at all (moved aside before
 * the backup was copied into place), and the next start opened a new, empty database; a first start on a full disk
 * left a 0-byte data file, and every later start was refused. And a restore interrupted between moving the data file
 * aside and putting the backup in place (a crash) left no data file either.
 */
const mounts: string[] = [];
afterEach(() => {
  while (mounts.length) spawnSync('umount', ['-l', mounts.pop()!]);
});

function smallDisk(size: string): string | null {
  const dir = tempDir('tfs-small-disk-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const dir = smallDisk('1m');
  while (mounts.length) spawnSync('umount', ['-l', mounts.pop()!]);
  return dir !== null;
})();

/** Fills the disk; returns the filler's path (remove it to free the disk). */
function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(16 * 1024, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

const open = (dataDir: string) => new Backend({ dataDir, host: 'browser', key: TEST_KEY, log: { error: () => {} } });
const opening = (b: Backend, meetingId: string) => JSON.stringify(b.services.minutes.section(meetingId, 'opening').content);

/** A backend on `dataDir` with one meeting whose opening holds `words`, saved and acknowledged. */
async function saved(dataDir: string, words: string) {
  const b = open(dataDir);
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' })).meeting.id;
  await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t(words))), baseRev: 0 });
  return { b, m };
}

/** The recovery copy put in place of the data file, opened: the opening's words of meeting `m`. */
function openedFromCopy(dataDir: string, copy: string, m: string): string {
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  fs.rmSync(dbFile, { force: true });
  fs.copyFileSync(copy, dbFile);
  const again = open(dataDir);
  try {
    return opening(again, m);
  } finally {
    again.close();
  }
}

/** The disk freed: the next save (the page retries) is stored, and there after a restart. */
async function expectSavedOnceFreed(b: Backend, dataDir: string, m: string) {
  const after = await b.dispatch('minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t('Words typed after the disk was freed.'))), baseRev: 2 });
  expect(after.ok ? 'saved' : after.error.message).toBe('saved');
  b.close();
  const again = open(dataDir);
  try {
    expect(opening(again, m)).toContain('Words typed after the disk was freed.');
  } finally {
    again.close();
  }
}

async function withBackup(dataDir: string) {
  const { b, m } = await saved(dataDir, 'Words in the backup.');
  const backup = await call<{ name: string }>(b, 'backup.create', {});
  await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t('Words typed after the backup.'))), baseRev: 1 });
  return { b, m, backup: backup.name };
}

describe.skipIf(!canMount)('storage: a full disk', () => {
  it('a restore refused at its checkpoint: nothing changed, and the next save is stored once there is room', async () => {
    const disk = smallDisk('6m')!;
    const dataDir = path.join(disk, 'data');
    const { b, m, backup } = await withBackup(dataDir);
    const filler = fill(disk);
    expect(await b.dispatch('backup.restore', { name: backup })).toMatchObject({ ok: false, error: { code: 'storage' } });
    fs.rmSync(filler);
    await expectSavedOnceFreed(b, dataDir, m);
  });

  it('a restore whose copy of the backup fails for want of space: the data file stays in place and in use', async () => {
    const disk = smallDisk('6m')!;
    const dataDir = path.join(disk, 'data');
    const { b, m, backup } = await withBackup(dataDir);
    b.db.pragma('wal_checkpoint(TRUNCATE)'); // closing then needs no space: the copy is what fails
    const filler = fill(disk);
    expect(await b.dispatch('backup.restore', { name: backup })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(true);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.restoring'))).toEqual([]);
    fs.rmSync(filler);
    await expectSavedOnceFreed(b, dataDir, m);
  });

  it('a first start on a full disk leaves no empty data file: once there is room, the app starts', () => {
    const disk = smallDisk('4m')!;
    const dataDir = path.join(disk, 'data');
    fs.mkdirSync(dataDir);
    const filler = fill(disk);
    expect(() => open(dataDir)).toThrow(/full/);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.rmSync(filler);
    open(dataDir).close();
    expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(true);
  });
});

describe('storage: a restore interrupted', () => {
  it('between moving the data file aside and putting the backup in place: the next start puts the data file back', async () => {
    const dataDir = path.join(tempDir('tfs-interrupted-'), 'data');
    const { b, m, backup } = await withBackup(dataDir);
    b.close();
    // As Backend.restore leaves it at that instant: the backup copied beside the data file, the data file aside.
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    fs.copyFileSync(path.join(dataDir, 'backups', backup), `${dbFile}.restoring`);
    fs.renameSync(dbFile, path.join(dataDir, 'backups', 'backup-2026-02-10T12-00-00-000Z-before-restore.sqlite3'));
    const again = open(dataDir);
    try {
      expect(opening(again, m)).toContain('Words typed after the backup.');
      expect(fs.existsSync(`${dbFile}.restoring`)).toBe(false);
    } finally {
      again.close();
    }
  });
});

describe('storage: the data file deleted after the last save, then the app closed', () => {
  it('the close writes the recovery copy: the acknowledged words are in a file', async () => {
    const dataDir = path.join(tempDir('tfs-deleted-quit-'), 'data');
    const { b, m } = await saved(dataDir, 'The last acknowledged words.');
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    fs.rmSync(dbFile);
    fs.rmSync(`${dbFile}-wal`, { force: true });
    b.close(); // no call came between: the officer quit
    const copies = fs.readdirSync(dataDir).filter((f) => /^recovery-.*\.sqlite3$/.test(f));
    expect(copies).toHaveLength(1);
    expect(openedFromCopy(dataDir, path.join(dataDir, copies[0]!), m)).toContain('The last acknowledged words.');
  });
});

describe('storage: the data file’s log (-wal) deleted under the running app', () => {
  it('is taken as the data file lost: the next save is refused, and the recovery copy holds every acknowledged word', async () => {
    const dataDir = path.join(tempDir('tfs-wal-gone-'), 'data');
    const { b, m } = await saved(dataDir, 'Acknowledged before the log went.');
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
    fs.rmSync(`${dbFile}-wal`);
    const r = await b.dispatch('minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t('Typed after.'))), baseRev: 1 });
    b.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'storage', details: { problem: 'lost', recoveryFile: expect.any(String) } } });
    expect(openedFromCopy(dataDir, (r as { error: { details: { recoveryFile: string } } }).error.details.recoveryFile, m)).toContain('Acknowledged before the log went.');
  });
});

describe('storage: the data folder deleted under the running app', () => {
  it('the recovery copy is written all the same (the folder made again), and holds every acknowledged word', async () => {
    const dataDir = path.join(tempDir('tfs-folder-gone-'), 'data');
    const { b, m } = await saved(dataDir, 'Acknowledged before the folder went.');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const r = await b.dispatch('minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t('Typed after.'))), baseRev: 1 });
    b.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'storage', details: { problem: 'lost', recoveryFile: expect.any(String) } } });
    expect(openedFromCopy(dataDir, (r as { error: { details: { recoveryFile: string } } }).error.details.recoveryFile, m)).toContain('Acknowledged before the folder went.');
  });
});

describe.skipIf(!canMount)('storage: a full disk at the close', () => {
  it('a close whose checkpoint cannot be written does not throw (no stack trace at quit); the words are there at the next start', async () => {
    const disk = smallDisk('6m')!;
    const dataDir = path.join(disk, 'data');
    const { b, m } = await saved(dataDir, 'Words.');
    // Many pages in the log, none yet in the file: the checkpoint must grow the file.
    const long = doc(...Array.from({ length: 400 }, (_, i) => p(t(`Paragraph ${i} of the words kept in the log until the close. `.repeat(4)))));
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: long, baseRev: 1 });
    const filler = fill(disk);
    expect(() => b.close()).not.toThrow();
    fs.rmSync(filler);
    const again = open(dataDir);
    try {
      expect(opening(again, m)).toContain('Paragraph 399 of the words');
    } finally {
      again.close();
    }
  });

  it('the checksum that cannot be written leaves no file behind', async () => {
    const disk = smallDisk('6m')!;
    const dataDir = path.join(disk, 'data');
    const { b } = await saved(dataDir, 'Words.');
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const filler = fill(disk);
    try {
      b.close();
    } catch {
      /* the close may say the disk is full: the point is what it leaves */
    }
    fs.rmSync(filler);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
