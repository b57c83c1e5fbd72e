import { TEST_KEY } from '../helpers/key';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { DB_FILE_NAME, openDatabase } from '../../electron/backend/db/connection';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { bundleStart, hostProcessesOff, snapshot, startHost, stopHost } from './start-host';

/**
 * Each fault on a real data file, through the real browser host process: a clear message naming the file and what
 * to do, no stack trace, a non-zero exit, the folder byte-for-byte untouched, and (once the fault is undone) every
 * acknowledged save still there.
 */
let bundle: string;
beforeAll(async () => {
  if (!hostProcessesOff) bundle = await bundleStart();
});

const CANARY = 'Zephyrine quarterly compute figures';

/** A data folder holding one acknowledged meeting, closed cleanly (so its checksum is written). */
async function folderWithMeeting(opts: { keepOpen?: boolean } = {}) {
  const dataDir = tempDir('tfs-damage-');
  const backend = makeBackend({ dataDir });
  const m = await call<MeetingDetail>(backend, 'meetings.create', { title: CANARY, startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
  for (let i = 0; i < 40; i++) await call(backend, 'agenda.add', { meetingId: m.meeting.id, title: `Item ${i} ${'x'.repeat(200)}` });
  if (!opts.keepOpen) backend.close();
  return { dataDir, file: path.join(dataDir, DB_FILE_NAME), meetingId: m.meeting.id, backend };
}

function expectNamedFault(run: { code: number | null; stderr: string; stdout: string }, file: string, what: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/cannot start/);
  expect(run.stderr).toContain(file);
  expect(run.stderr).toMatch(what);
  expect(run.stderr).toMatch(/left untouched/);
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(run.stdout).not.toMatch(/is running/);
}

/** Undo the fault and open again: the acknowledged meeting is there. */
function expectMeetingKept(dataDir: string, meetingId: string) {
  const b = new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
  try {
    expect(b.services.meetings.get(meetingId).meeting.title).toBe(CANARY);
  } finally {
    b.close();
  }
}

describe.skipIf(hostProcessesOff)('a damaged data file is named, never hidden', () => {
  it('zero bytes', async () => {
    const { dataDir, file } = await folderWithMeeting();
    fs.writeFileSync(file, '');
    const before = snapshot(dataDir);
    expectNamedFault(await startHost(bundle, dataDir), file, /is empty \(0 bytes\).*Restore a backup/s);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('truncated to half its pages, and cut inside a page', async () => {
    const { dataDir, file, meetingId } = await folderWithMeeting();
    const whole = fs.readFileSync(file);
    for (const size of [Math.floor(whole.length / 4096 / 2) * 4096, whole.length - 1000]) {
      fs.writeFileSync(file, whole.subarray(0, size));
      const before = snapshot(dataDir);
      expectNamedFault(await startHost(bundle, dataDir), file, /is truncated/);
      expect(snapshot(dataDir)).toEqual(before);
    }
    fs.writeFileSync(file, whole);
    expectMeetingKept(dataDir, meetingId);
  });

  it('damaged header', async () => {
    const { dataDir, file, meetingId } = await folderWithMeeting();
    const whole = fs.readFileSync(file);
    const bad = Buffer.from(whole);
    bad.write('NotSQLite here!!', 0, 'latin1');
    fs.writeFileSync(file, bad);
    const before = snapshot(dataDir);
    // Encrypted, bytes 0–15 are the cipher's salt (no magic string to check): the checksum of the last close names it.
    expectNamedFault(await startHost(bundle, dataDir), file, /header is (missing or )?damaged|is damaged: its content differs/);
    // Without the checksum (a crash, an older copy), a changed salt cannot be told from a wrong key: both are said.
    const sum = fs.readFileSync(`${file}.sha256`);
    fs.rmSync(`${file}.sha256`);
    expectNamedFault(await startHost(bundle, dataDir), file, /the key is wrong, or the file's first page is damaged/);
    fs.writeFileSync(`${file}.sha256`, sum);
    expect(snapshot(dataDir)).toEqual(before);
    // Page size field broken, magic intact.
    const badPage = Buffer.from(whole);
    badPage.writeUInt16BE(1000, 16);
    fs.writeFileSync(file, badPage);
    expectNamedFault(await startHost(bundle, dataDir), file, /header is damaged/);
    fs.writeFileSync(file, whole);
    expectMeetingKept(dataDir, meetingId);
  });

  it('five flipped bytes inside stored text (which integrity_check alone does not see)', async () => {
    const { dataDir, file, meetingId } = await folderWithMeeting();
    const whole = fs.readFileSync(file);
    // The file is encrypted (the text cannot be found in it): flip bytes inside the last page, where the rows are.
    expect(whole.indexOf(Buffer.from(CANARY))).toBe(-1);
    const at = whole.length - 2000;
    expect(at).toBeGreaterThan(0);
    const bad = Buffer.from(whole);
    for (let i = 0; i < 5; i++) bad[at + i * 3]! ^= 0x20;
    fs.writeFileSync(file, bad);
    const before = snapshot(dataDir);
    expectNamedFault(await startHost(bundle, dataDir), file, /is damaged: its content differs/);
    expect(snapshot(dataDir)).toEqual(before);
    fs.writeFileSync(file, whole);
    expectMeetingKept(dataDir, meetingId);
  });

  it('unreadable (no read permission)', async () => {
    const { dataDir, file, meetingId } = await folderWithMeeting();
    fs.chmodSync(file, 0o000);
    const before = snapshot(dataDir);
    expectNamedFault(await startHost(bundle, dataDir), file, /cannot be read.*read and write permission/s);
    expect(snapshot(dataDir)).toEqual(before);
    fs.chmodSync(file, 0o600);
    expectMeetingKept(dataDir, meetingId);
  });

  it('read-only with a leftover WAL (a crash image): refused before any write, the WAL kept', async () => {
    const { dataDir, file, meetingId, backend } = await folderWithMeeting({ keepOpen: true });
    // Copy the open file and its WAL as a crash would leave them.
    const crashed = tempDir('tfs-crashed-');
    const crashFile = path.join(crashed, DB_FILE_NAME);
    fs.copyFileSync(file, crashFile);
    fs.copyFileSync(`${file}-wal`, `${crashFile}-wal`);
    backend.close();
    expect(fs.statSync(`${crashFile}-wal`).size).toBeGreaterThan(0);
    fs.chmodSync(crashFile, 0o444);
    const before = snapshot(crashed);
    expectNamedFault(await startHost(bundle, crashed), crashFile, /is read-only and has unsaved changes in its -wal file.*write permission/s);
    expect(snapshot(crashed)).toEqual(before);
    fs.chmodSync(crashFile, 0o600);
    expectMeetingKept(crashed, meetingId);
    expectMeetingKept(dataDir, meetingId);
  });

  it('a file of another program is not taken over', async () => {
    const dataDir = tempDir('tfs-foreign-');
    const file = path.join(dataDir, DB_FILE_NAME);
    const BetterSqlite3 = (await import('better-sqlite3-multiple-ciphers')).default;
    const raw = new BetterSqlite3(file);
    raw.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')`);
    raw.close();
    const before = snapshot(dataDir);
    expectNamedFault(await startHost(bundle, dataDir), file, /not a Taskforce Secretariat data file/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('one writer per data folder', () => {
  it.skipIf(hostProcessesOff)('a second browser host on the same folder refuses clearly; the first keeps working', async () => {
    const { dataDir, file, meetingId } = await folderWithMeeting();
    const first = await startHost(bundle, dataDir);
    expect(first.child).toBeDefined();
    try {
      const second = await startHost(bundle, dataDir);
      expectNamedFault(second, file, /in use by another Taskforce Secretariat.*Close it first/s);
    } finally {
      expect(await stopHost(first.child!)).toBe(0);
    }
    expectMeetingKept(dataDir, meetingId);
  });

  it('in one process too: a second open of the same file is refused at once', async () => {
    const { dataDir, file } = await folderWithMeeting({ keepOpen: true });
    const t0 = Date.now();
    expect(() => openDatabase(file, { key: TEST_KEY })).toThrow(/in use by another Taskforce Secretariat/);
    expect(Date.now() - t0).toBeLessThan(3000); // no busy wait
    expect(() => new Backend({ key: TEST_KEY, dataDir, host: 'browser' })).toThrow(/in use/);
  });
});

describe('a data file deleted or replaced while the app runs', () => {
  for (const how of ['deleted', 'replaced'] as const) {
    it(`${how}: the next save is refused, not acknowledged; everything is in the recovery files; the officer is told`, async () => {
      const { file, meetingId, backend } = await folderWithMeeting({ keepOpen: true });
      const { status: _s, createdAt: _c, updatedAt: _u, ...fields } = (await call<MeetingDetail>(backend, 'meetings.get', { id: meetingId })).meeting;
      await call(backend, 'meetings.update', { ...fields, location: 'Acknowledged room' });
      if (how === 'deleted') {
        fs.rmSync(file);
        fs.rmSync(`${file}-wal`, { force: true });
      } else {
        fs.rmSync(file);
        fs.writeFileSync(file, 'someone else put this here');
      }
      const current = (await call<MeetingDetail>(backend, 'meetings.get', { id: meetingId }).catch(() => null))?.meeting;
      expect(current).toBeUndefined(); // reads are refused too: the app says so instead of pretending
      const r = await backend.dispatch('agenda.add', { meetingId, title: 'Typed after the file went away' });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('storage');
      expect(r.error.message).toContain(file);
      expect(r.error.message).toMatch(/deleted or replaced while the app was running/);
      expect(r.error.message).toMatch(/NOT saved/);
      const { recoveryFile, changesFile } = r.error.details as { recoveryFile: string; changesFile: string };
      expect(fs.statSync(recoveryFile).mode & 0o777).toBe(0o600);
      // The unsaved change is kept verbatim, the acknowledged ones in the recovery database.
      expect(fs.readFileSync(changesFile, 'utf8')).toContain('Typed after the file went away');
      backend.close();
      const recovered = tempDir('tfs-recovered-');
      fs.copyFileSync(recoveryFile, path.join(recovered, DB_FILE_NAME));
      const b = new Backend({ key: TEST_KEY, dataDir: recovered, host: 'browser', log: { error: () => {} } });
      try {
        const got = b.services.meetings.get(meetingId);
        expect(got.meeting.title).toBe(CANARY);
        expect(got.meeting.location).toBe('Acknowledged room');
        expect(got.agenda).toHaveLength(40);
      } finally {
        b.close();
      }
      if (how === 'replaced') expect(fs.readFileSync(file, 'utf8')).toBe('someone else put this here');
    });
  }
});
