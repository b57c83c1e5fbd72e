import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import type { BackupInfo, BackupStatus, RestoreResult } from '../../shared/contract/backup';
import type { TrashEntry } from '../../shared/contract/trash';
import type { FlagList } from '../../shared/domain/flags';
import { TEST_KEY } from '../helpers/key';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save } from './redaction-leak-helpers';

/**
 * Restoring a backup swaps the whole data file; going back in time never makes confidential text public. What the
 * data before the restore (kept aside, read-only) knew of confidentiality and the backup does not is carried into the
 * restored data: every flag that guarded text there is in force again, its mark missing where its words stand
 * unmarked (the public summary is refused until the officer flags them again or lifts the flag); every item withheld
 * there is withheld; a meeting made since the backup whose flags guard text goes into the restored trash, where its
 * flags keep guarding other meetings. The restore's answer says what was kept, in words the officer reads.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros before the summer break';
const WITHHELD = 'Gamma Widgets disclosed its unreleased incident figures for the second quarter';

describe('restoring a backup taken before a passage was flagged or an item withheld', () => {
  it('a passage flagged after the backup stays out of the public summary: its flag is in force again, mark missing, and the officer is told', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t(`Reported: ${SECRET}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    // The officer flags the passage afterwards; the summary hides it.
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    expect(printed(await exported(b, m), SECRET)).toBe(false);

    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    const out = await exported(b, m);
    expect(printed(out, SECRET)).toBe(false);
    expect(out).toMatchObject({ refused: expect.stringMatching(/Flag again/) });
    const f = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags.find((x) => x.excerpt === SECRET);
    expect(f).toMatchObject({ id: 'F1', sectionKey: a, retiredAt: null, unmarkedSince: expect.any(String) });
    expect(r.carried).toMatchObject({ flags: 1, withheld: 0, meetings: [{ title: 'Second plenary', startsAt: '2026-02-03T10:00' }], inTrash: [], unreadable: false });
    expect(r.carried.message).toBe(
      '1 flag set since this backup was kept (“Second plenary” of 3 February 2026): its passages stay out of the public summary. ' +
        'To go on, mark the flagged passages again in the minutes (Flags panel: “Flag again”), or lift a flag if its passage may be published.',
    );
    expect(JSON.stringify(r.carried)).not.toContain(m); // meetings named by title and date, never by internal id
  });

  it('the same passage typed in ANOTHER meeting stays refused there: the carried flag guards it in every meeting', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const first = await meeting(b, 'Second plenary', '02-03');
    const second = await meeting(b, 'Third plenary', '03-03');
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    await save(b, first.m, first.a, doc(p(flag(['F1'], t(SECRET)))));
    // Before the restore, the second meeting's summary is refused (flagged in the first).
    expect(await exported(b, second.m)).toHaveProperty('refused');

    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    const out = await exported(b, second.m);
    expect(out).toHaveProperty('refused');
    expect(printed(out, SECRET)).toBe(false);
    expect((await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere.map((f) => f.excerpt)).toContain(SECRET);
    expect(r.carried).toMatchObject({ flags: 1, meetings: [{ title: 'Second plenary' }] });
  });

  it('an item withheld after the backup is withheld again, and the officer is told', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t(`${WITHHELD}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    await call(b, 'agenda.update', { id: a, forPublication: false });
    expect(printed(await exported(b, m), WITHHELD)).toBe(false);

    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(printed(await exported(b, m), WITHHELD)).toBe(false);
    expect(r.carried).toMatchObject({ flags: 0, withheld: 1, meetings: [{ title: 'Second plenary' }] });
    expect(r.carried.message).toMatch(/^1 withheld item set since this backup was kept \(“Second plenary” of 3 February 2026\)/);
  });

  it('a flag and a withheld item together: both counted in one sentence', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t(`Reported: ${SECRET}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await call(b, 'agenda.update', { id: a, forPublication: false });
    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(r.carried.message).toMatch(/^1 flag and 1 withheld item set since this backup were kept \(“Second plenary” of 3 February 2026\): their passages stay out/);
  });

  it('a meeting made since the backup, whose flag guards a passage typed in an older meeting, goes to the restored trash: the passage stays refused', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const older = await meeting(b, 'Second plenary', '02-03');
    await save(b, older.m, older.a, doc(p(t(`Recalled: ${SECRET}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    const newer = await meeting(b, 'Fourth plenary', '04-03');
    await save(b, newer.m, newer.a, doc(p(flag(['F1'], t(SECRET)))));
    expect(await exported(b, older.m)).toHaveProperty('refused');

    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(await b.dispatch('meetings.get', { id: newer.m })).toMatchObject({ ok: false });
    const out = await exported(b, older.m);
    expect(out).toHaveProperty('refused');
    expect(printed(out, SECRET)).toBe(false);
    expect((await call<TrashEntry[]>(b, 'trash.list', {})).map((e) => e.label)).toEqual(['Fourth plenary — 3 April 2026']);
    expect(r.carried).toMatchObject({ flags: 0, withheld: 0, inTrash: [{ title: 'Fourth plenary', startsAt: '2026-04-03T10:00' }] });
    expect(r.carried.message).toMatch(/^“Fourth plenary” of 3 April 2026, made since this backup, is in the trash, so that its flags keep its passages out of every other meeting’s public files/);
    // It can be restored from there, flags and all.
    const entry = (await call<TrashEntry[]>(b, 'trash.list', {}))[0]!;
    await call(b, 'trash.restore', { id: entry.id });
    expect((await call<FlagList>(b, 'flags.list', { meetingId: newer.m })).flags.map((f) => f.excerpt)).toEqual([SECRET]);
  });

  it('a flag lifted before the backup and still lifted: the lift stands, nothing is carried, nothing is said', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await call(b, 'flags.unflag', { id: 'F1' });
    await save(b, m, a, doc(p(t(`Reported: ${SECRET}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    await save(b, m, a, doc(p(t(`Reported: ${SECRET}. More.`))));
    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(printed(await exported(b, m), SECRET)).toBe(true);
    expect(r.carried).toEqual({ flags: 0, withheld: 0, titlesHidden: 0, meetings: [], inTrash: [], unreadable: false, message: '' });
  });

  it('a flag lifted before the backup but flagged again since: the lift in the backup does not stand', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await call(b, 'flags.unflag', { id: 'F1' });
    await save(b, m, a, doc(p(t(`Reported: ${SECRET}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(printed(await exported(b, m), SECRET)).toBe(false);
    expect((await call<FlagList>(b, 'flags.list', { meetingId: m })).flags).toMatchObject([{ id: 'F1', retiredAt: null, unmarkedSince: expect.any(String) }]);
    expect(r.carried.flags).toBe(1);
  });

  it('SAFE: a backup made while the flag was in force, restored after the flag was lifted: the flag is in force again', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    const f = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags[0]!;
    await call(b, 'flags.unflag', { id: f.id });
    await save(b, m, a, doc(p(t(`Reported: ${SECRET}.`))));
    expect(printed(await exported(b, m), SECRET)).toBe(true); // lifted by a person: may be published
    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(printed(await exported(b, m), SECRET)).toBe(false);
    expect(r.carried.message).toBe('');
  });

  it('the data kept aside is read, never changed (encrypted with the same key)', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    const old = await call<BackupInfo>(b, 'backup.create', {});
    await save(b, m, a, doc(p(flag(['F1'], t(SECRET)))));
    const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    let atKeptAside = '';
    const keepAside = b.backups.keepAside.bind(b.backups);
    b.backups.keepAside = (file) => {
      const aside = keepAside(file);
      atKeptAside = sha(aside);
      return aside;
    };
    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(r.carried.flags).toBe(1);
    expect(sha(r.keptAside)).toBe(atKeptAside);
    expect(fs.existsSync(`${r.keptAside}-wal`) || fs.existsSync(`${r.keptAside}-shm`)).toBe(false);
    expect(fs.readFileSync(r.keptAside).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0'); // still encrypted
  });

  it('the recovery screen: a damaged data file kept aside cannot be read, and the restore says so', async () => {
    const dataDir = tempDir();
    const b = new Backend({ key: TEST_KEY, dataDir, host: 'browser', autoBackup: true, log: { error: () => {} } });
    await meeting(b, 'Second plenary', '02-03');
    b.close(); // backup on close
    const file = path.join(dataDir, DB_FILE_NAME);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt16BE(1000, 16); // a damaged header
    fs.writeFileSync(file, bytes);
    const r = new Backend({ key: TEST_KEY, dataDir, host: 'browser', recoverFromBackup: true, log: { error: () => {} } });
    const status = await call<BackupStatus>(r, 'backup.status', {});
    const res = await call<RestoreResult>(r, 'backup.restore', { name: status.backups[0]!.name });
    expect(res.carried).toMatchObject({ flags: 0, withheld: 0, unreadable: true });
    expect(res.carried.message).toMatch(/could not be read.*check the minutes of every meeting changed since the backup before publishing/);
    r.close();
  });
});
