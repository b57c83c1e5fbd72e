import { TEST_KEY } from '../helpers/key';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import { writePrivateFile } from '../../electron/hosts/electron-save';
import type { MeetingDetail } from '../../shared/contract/core';
import { doc } from '../db/minutes-fixture';
import { call, tempDir } from '../helpers/temp';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
let umask = 0;
beforeEach(() => {
  umask = process.umask(0o022); // what a default desktop session has
});
afterEach(() => {
  process.umask(umask);
});

describe('private files', () => {
  it('a new data folder is 0700 and every file in it 0600 (database, WAL, settings)', async () => {
    const dataDir = path.join(tempDir(), 'new-folder');
    const b = new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
    await call(b, 'meetings.create', { title: 'Perms', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    await call(b, 'settings.update', { lastExportFolder: '/home/officer' });
    expect(mode(dataDir)).toBe(0o700);
    const names = fs.readdirSync(dataDir);
    expect(names).toEqual(expect.arrayContaining([DB_FILE_NAME, `${DB_FILE_NAME}-wal`, 'settings.json']));
    for (const n of names) expect([n, mode(path.join(dataDir, n))]).toEqual([n, 0o600]);
    b.close();
    for (const n of fs.readdirSync(dataDir)) expect([n, mode(path.join(dataDir, n))]).toEqual([n, 0o600]);
  });

  it('an existing folder of an older version (0755, files 0644) is narrowed at start', async () => {
    const dataDir = tempDir();
    const first = new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
    first.close();
    fs.chmodSync(dataDir, 0o755);
    for (const n of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, n), 0o644);
    const b = new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
    await call(b, 'meetings.create', { title: 'Perms', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, DB_FILE_NAME))).toBe(0o600);
    expect(mode(path.join(dataDir, `${DB_FILE_NAME}-wal`))).toBe(0o600);
    b.close();
  });

  it('exports saved by the desktop app are 0600, also when they replace a file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'internal-minutes.docx');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    await writePrivateFile(file, new Uint8Array([1, 2, 3]));
    expect(mode(file)).toBe(0o600);
    await writePrivateFile(path.join(dir, 'new.docx'), new Uint8Array([1]));
    expect(mode(path.join(dir, 'new.docx'))).toBe(0o600);
  });
});

describe('deleted content is gone from the files after a clean close', () => {
  // On a plain file, where the raw bytes can show it: secure_delete really overwrites the deleted content (the
  // encrypted file, as shipped, is tested in encryption.test.ts: 0 hits there is true of any text).
  it("a deleted meeting's title, agenda and minutes: 0 hits in the raw database and WAL (plain file)", async () => {
    const dataDir = tempDir();
    const CANARY = 'Quorvex undisclosed merger with Halbrand';
    const b = new Backend({ key: null, dataDir, host: 'browser', log: { error: () => {} } });
    const keep = await call<MeetingDetail>(b, 'meetings.create', { title: 'Kept meeting', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    const m = await call<MeetingDetail>(b, 'meetings.create', { title: CANARY, startsAt: '2026-02-11T10:00', endsAt: '2026-02-11T12:00' });
    const agenda = await call<MeetingDetail['agenda']>(b, 'agenda.add', { meetingId: m.meeting.id, title: `${CANARY} (item)` });
    for (let i = 0; i < 5; i++)
      await call(b, 'minutes.saveSection', { meetingId: m.meeting.id, sectionKey: agenda[0]!.id, content: doc(`${CANARY} paragraph ${i}`, 'x'.repeat(3000)) });
    await call(b, 'minutes.snapshot', { meetingId: m.meeting.id, sectionKey: agenda[0]!.id, reason: 'manual' }).catch(() => {});
    const raw = () =>
      fs
        .readdirSync(dataDir)
        .filter((n) => n.startsWith(DB_FILE_NAME))
        .map((n) => fs.readFileSync(path.join(dataDir, n)).toString('latin1'))
        .join('\n');
    expect(raw()).toContain(CANARY); // the canary is really in the files before the delete
    // Deleting moves a meeting to the trash for 30 days (issue 14); emptying the trash is the explicit act that deletes.
    await call(b, 'meetings.delete', { id: m.meeting.id });
    await call(b, 'trash.empty', { confirm: true });
    b.close();
    expect(raw().split(CANARY).length - 1).toBe(0);
    expect(raw().split('Quorvex').length - 1).toBe(0);
    const again = new Backend({ key: null, dataDir, host: 'browser', log: { error: () => {} } });
    expect(again.services.meetings.get(keep.meeting.id).meeting.title).toBe('Kept meeting');
    again.close();
  });
});
