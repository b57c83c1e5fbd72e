import { TEST_KEY } from '../helpers/key';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import type { BackupInfo, BackupStatus, RestoreResult } from '../../shared/contract/backup';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { sha, snapshot } from './start-host';

const meeting = (title: string) => ({ title, startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('backups', () => {
  it('back up now: a checked, private copy in backups/; restore brings it back and keeps the current file aside', async () => {
    const dataDir = tempDir();
    const b = makeBackend({ dataDir });
    const kept = await call<MeetingDetail>(b, 'meetings.create', meeting('Before the backup'));
    const info = await call<BackupInfo>(b, 'backup.create', {});
    expect(info.kind).toBe('manual');
    const file = path.join(dataDir, 'backups', info.name);
    expect(mode(path.join(dataDir, 'backups'))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    await call(b, 'meetings.create', meeting('After the backup'));
    const r = await call<RestoreResult>(b, 'backup.restore', { name: info.name });
    expect(r.restored.name).toBe(info.name);
    expect(fs.existsSync(r.keptAside)).toBe(true);
    const titles = (await call<Array<{ title: string }>>(b, 'meetings.list', {})).map((m) => m.title);
    expect(titles).toEqual(['Before the backup']);
    expect((await call<MeetingDetail>(b, 'meetings.get', { id: kept.meeting.id })).meeting.title).toBe('Before the backup');
    // The file kept aside still has the later meeting.
    const status = await call<BackupStatus>(b, 'backup.status', {});
    expect(status.backups.map((x) => x.kind)).toEqual(expect.arrayContaining(['manual', 'before-restore']));
  });

  it('restore refuses a damaged or empty backup and changes nothing', async () => {
    const dataDir = tempDir();
    const b = makeBackend({ dataDir });
    await call(b, 'meetings.create', meeting('Current'));
    const good = await call<BackupInfo>(b, 'backup.create', {});
    const bad = await call<BackupInfo>(b, 'backup.create', {});
    const badFile = path.join(dataDir, 'backups', bad.name);
    const bytes = fs.readFileSync(badFile);
    fs.writeFileSync(badFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = sha(path.join(dataDir, DB_FILE_NAME));
    const r = await b.dispatch('backup.restore', { name: bad.name });
    // Encrypted, a cut at a page boundary shows as damage (the page count is encrypted); either way it is refused.
    expect(r).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/truncated|is damaged/) } });
    fs.writeFileSync(badFile, '');
    expect(await b.dispatch('backup.restore', { name: bad.name })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/empty/) } });
    expect(await b.dispatch('backup.restore', { name: '../taskforce-secretariat.sqlite3' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(sha(path.join(dataDir, DB_FILE_NAME))).toBe(before);
    expect((await call<unknown[]>(b, 'meetings.list', {})).length).toBe(1);
    expect(good.name).not.toBe(bad.name);
  });

  it('automatic: only when something changed, on close too, the last N kept, each passing integrity_check', async () => {
    const dataDir = tempDir();
    let t = Date.parse('2026-02-10T09:00:00Z');
    const b = new Backend({ key: TEST_KEY, dataDir, host: 'browser', autoBackup: true, log: { error: () => {} }, context: { now: () => new Date((t += 60_000)) } });
    expect(b.autoBackup()).toBeNull(); // nothing changed yet
    for (let i = 0; i < 13; i++) {
      await call(b, 'meetings.create', meeting(`Meeting ${i}`));
      expect(b.autoBackup()?.kind).toBe('auto');
      expect(b.autoBackup()).toBeNull();
    }
    expect(b.backups.list().filter((x) => x.kind === 'auto')).toHaveLength(10);
    await call(b, 'meetings.create', meeting('Just before quitting'));
    b.close();
    const newest = b.backups.list()[0]!;
    const check = new Backend({ key: TEST_KEY, dataDir: tempDir(), host: 'browser', log: { error: () => {} } });
    expect(() => check.backups.check(newest.name)).toThrow(); // another folder: no such backup
    check.close();
    for (const x of b.backups.list()) expect(() => b.backups.check(x.name)).not.toThrow();
    // The backup made on close has the last meeting.
    const restoreDir = tempDir();
    fs.copyFileSync(path.join(dataDir, 'backups', newest.name), path.join(restoreDir, DB_FILE_NAME));
    const r = new Backend({ key: TEST_KEY, dataDir: restoreDir, host: 'browser', log: { error: () => {} } });
    expect(r.services.meetings.list().map((m) => m.title)).toContain('Just before quitting');
    r.close();
  });

  it('a damaged data file at start with a good backup: recovery mode offers it; restore; everything there', async () => {
    const dataDir = tempDir();
    const b = new Backend({ key: TEST_KEY, dataDir, host: 'browser', autoBackup: true, log: { error: () => {} } });
    const m = await call<MeetingDetail>(b, 'meetings.create', meeting('Saved and backed up'));
    b.close(); // backup on close
    const file = path.join(dataDir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt16BE(1000, 16); // the page size (plain in the encrypted header too): not a power of two
    fs.writeFileSync(file, bytes);
    // Without the recovery option (or without a backup) it refuses to start, file untouched.
    const before = snapshot(dataDir);
    expect(() => new Backend({ key: TEST_KEY, dataDir, host: 'browser' })).toThrow(/header/);
    expect(snapshot(dataDir)).toEqual(before);
    const r = new Backend({ key: TEST_KEY, dataDir, host: 'browser', recoverFromBackup: true, log: { error: () => {} } });
    expect(snapshot(dataDir)).toEqual(before); // starting in recovery mode touches nothing either
    const status = await call<BackupStatus>(r, 'backup.status', {});
    expect(status.damaged?.message).toMatch(/header is (missing or )?damaged/);
    expect(await r.dispatch('meetings.list', {})).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/header/) } });
    await call(r, 'backup.restore', { name: status.backups[0]!.name });
    expect((await call<MeetingDetail>(r, 'meetings.get', { id: m.meeting.id })).meeting.title).toBe('Saved and backed up');
    expect((await call<BackupStatus>(r, 'backup.status', {})).damaged).toBeNull();
    r.close();
  });
});
