import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../shared/contract/backup';
import type { MinutesState } from '../../shared/contract/minutes';
import type { PackageFile } from '../../shared/contract/packages';
import type { RevisionDetail, RevisionSummary } from '../../shared/domain/minutes';
import type { Backend } from '../../electron/backend/backend';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { doc, meetingWithAgenda } from './minutes-fixture';

/**
 * An audit (2026-12-07) lost words a page had been told were saved: a section's rev is what a save is checked
 * against, and a backup restored or a meeting package imported over its deleted copy put sections back at lower revs.
 * Another window typed on the restored text up to the rev a page still open from before held; that page's refused save,
 * retried by its autosave from the same base, was then accepted over those words, with no copy kept. The sections a
 * restore or an import brings back now start above every rev a page may hold (migration 020), so the retry is a
 * conflict, kept in the History, and the other window's words stay.
 */
const PAGE_A = 'a1'.repeat(8);
const PAGE_B = 'b2'.repeat(8);

const saveAs = (b: Backend, meetingId: string, sectionKey: string, text: string, baseRev: number, writer: string) =>
  b.dispatch('minutes.saveSection', { meetingId, sectionKey, content: doc(text), baseRev, writer });

/** The section's rev as a page that (re)loads now reads it. */
async function revNow(b: Backend, meetingId: string, key: string): Promise<number> {
  return (await call<MinutesState>(b, 'minutes.get', { meetingId })).sections.find((s) => s.key === key)?.rev ?? 0;
}

/** Whether the words are in the section or in any revision its History lists. */
async function reachable(b: Backend, meetingId: string, key: string, words: string): Promise<boolean> {
  const s = (await call<MinutesState>(b, 'minutes.get', { meetingId })).sections.find((x) => x.key === key);
  if (s && JSON.stringify(s.content).includes(words)) return true;
  for (const r of await call<RevisionSummary[]>(b, 'minutes.revisions', { meetingId, sectionKey: key }))
    if (JSON.stringify((await call<RevisionDetail>(b, 'minutes.revision', { id: r.id })).content).includes(words)) return true;
  return false;
}

/** Window B, (re)loaded, types twice on the section as it now stands; each save is answered ok. */
async function windowBTypes(b: Backend, meetingId: string) {
  const base = await revNow(b, meetingId, 'opening');
  const one = await saveAs(b, meetingId, 'opening', 'Opened. B-ONE.', base, PAGE_B);
  expect(one.ok).toBe(true);
  const two = await saveAs(b, meetingId, 'opening', 'Opened. B-ONE. B-TWO.', (one as { value: { rev: number } }).value.rev, PAGE_B);
  expect(two.ok).toBe(true);
}

describe('revs never come back: a page open from before a restore or an import cannot save over newer words', () => {
  it('a backup restored: the old page’s retried save is a conflict, kept; the other window’s words stay', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { meetingId } = await meetingWithAgenda(b);
    expect((await saveAs(b, meetingId, 'opening', 'Opened.', 0, PAGE_A)).ok).toBe(true);
    const backup = await call<BackupInfo>(b, 'backup.create', {});
    expect((await saveAs(b, meetingId, 'opening', 'Opened. A-2.', 1, PAGE_A)).ok).toBe(true);
    expect((await saveAs(b, meetingId, 'opening', 'Opened. A-2. A-3.', 2, PAGE_A)).ok).toBe(true);
    await call(b, 'backup.restore', { name: backup.name });
    // The restored section is above every rev a page from before holds.
    expect(await revNow(b, meetingId, 'opening')).toBeGreaterThan(3);
    await windowBTypes(b, meetingId);
    const retried = await saveAs(b, meetingId, 'opening', 'Opened. A-2. A-3. A-4.', 3, PAGE_A);
    expect(retried).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history' } } });
    expect({ B: await reachable(b, meetingId, 'opening', 'B-TWO'), A: await reachable(b, meetingId, 'opening', 'A-4') }).toEqual({ B: true, A: true });
    // A section never stored, first written after the restore, starts at 1 (no page can hold a rev of it).
    const items = (await call<MinutesState>(b, 'minutes.get', { meetingId })).sections.filter((s) => s.kind === 'item');
    expect(await saveAs(b, meetingId, items[0]!.key, 'New words.', 0, PAGE_B)).toMatchObject({ ok: true, value: { rev: 1 } });
  });

  it('a section written for the first time after the restore: a page that saved it before cannot save over it', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { meetingId } = await meetingWithAgenda(b);
    const backup = await call<BackupInfo>(b, 'backup.create', {});
    expect((await saveAs(b, meetingId, 'opening', 'Opened.', 0, PAGE_A)).ok).toBe(true);
    expect((await saveAs(b, meetingId, 'opening', 'Opened. A-2.', 1, PAGE_A)).ok).toBe(true);
    await call(b, 'backup.restore', { name: backup.name }); // the section did not exist then
    await windowBTypes(b, meetingId);
    const retried = await saveAs(b, meetingId, 'opening', 'Opened. A-2. A-3.', 2, PAGE_A);
    expect(retried).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await reachable(b, meetingId, 'opening', 'B-TWO')).toBe(true);
  });

  it('a package imported over the deleted meeting: the old page’s retried save is a conflict; the other window’s words stay', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    expect((await saveAs(b, meetingId, 'opening', 'Opened.', 0, PAGE_A)).ok).toBe(true);
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId });
    expect((await saveAs(b, meetingId, 'opening', 'Opened. A-2.', 1, PAGE_A)).ok).toBe(true);
    expect((await saveAs(b, meetingId, 'opening', 'Opened. A-2. A-3.', 2, PAGE_A)).ok).toBe(true);
    await call(b, 'meetings.delete', { id: meetingId });
    await call(b, 'trash.empty', { confirm: true }); // even with the deleted copy gone for good
    await call(b, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    expect(await revNow(b, meetingId, 'opening')).toBeGreaterThan(3);
    await windowBTypes(b, meetingId);
    const retried = await saveAs(b, meetingId, 'opening', 'Opened. A-2. A-3. A-4.', 3, PAGE_A);
    expect(retried).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history' } } });
    expect(await reachable(b, meetingId, 'opening', 'B-TWO')).toBe(true);
  });

  it('an older copy of the meeting restored from the trash (a backup restored meanwhile): the old page’s save is a conflict', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { meetingId } = await meetingWithAgenda(b);
    for (let i = 0; i < 3; i++) expect((await saveAs(b, meetingId, 'opening', `Old ${i}.`, i, PAGE_A)).ok).toBe(true);
    await call(b, 'meetings.delete', { id: meetingId });
    const backup = await call<BackupInfo>(b, 'backup.create', {}); // holds the meeting in its trash, at rev 3
    await call(b, 'trash.restore', { id: (await call<Array<{ id: string }>>(b, 'trash.list', {}))[0]!.id });
    for (let i = 3; i < 6; i++) expect((await saveAs(b, meetingId, 'opening', `A words ${i}.`, i, PAGE_A)).ok).toBe(true);
    await call(b, 'backup.restore', { name: backup.name });
    await call(b, 'trash.restore', { id: (await call<Array<{ id: string; kind: string }>>(b, 'trash.list', {})).find((e) => e.kind === 'meeting')!.id });
    expect(await revNow(b, meetingId, 'opening')).toBeGreaterThan(6);
    await windowBTypes(b, meetingId);
    expect(await saveAs(b, meetingId, 'opening', 'A words 6 A-7.', 6, PAGE_A)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await reachable(b, meetingId, 'opening', 'B-TWO')).toBe(true);
  });

  it('two copies of a meeting in the trash (deleted, imported, deleted again): restoring the older one lifts it', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    expect((await saveAs(b, meetingId, 'opening', 'Opened.', 0, PAGE_A)).ok).toBe(true);
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId });
    expect((await saveAs(b, meetingId, 'opening', 'Opened. A-2.', 1, PAGE_A)).ok).toBe(true);
    await call(b, 'meetings.delete', { id: meetingId }); // the copy at rev 2
    await call(b, 'packages.import', { bytesBase64: pkg.bytesBase64 }); // back at rev 1: lifted to 3
    await windowBTypes(b, meetingId); // 4, 5
    await call(b, 'meetings.delete', { id: meetingId });
    const older = (await call<Array<{ id: string; kind: string; deletedAt: string }>>(b, 'trash.list', {})).filter((e) => e.kind === 'meeting');
    const first = older.sort((x, y) => x.deletedAt.localeCompare(y.deletedAt))[0]!;
    await call(b, 'trash.restore', { id: first.id }); // the copy at rev 2
    expect(await revNow(b, meetingId, 'opening')).toBeGreaterThan(5);
  });

  it('a meeting deleted and restored from the trash as it was: its revs stay, and the page open on it saves on', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    for (let i = 0; i < 2; i++) expect((await saveAs(b, meetingId, 'opening', `Words ${i}.`, i, PAGE_A)).ok).toBe(true);
    await call(b, 'meetings.delete', { id: meetingId });
    await call(b, 'trash.restore', { id: (await call<Array<{ id: string }>>(b, 'trash.list', {}))[0]!.id });
    expect(await revNow(b, meetingId, 'opening')).toBe(2);
    expect(await saveAs(b, meetingId, 'opening', 'Words 2.', 2, PAGE_A)).toMatchObject({ ok: true, value: { rev: 3 } });
  });

  it('in a file where nothing was restored or imported, revs count 1, 2, 3 as before', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    const revs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await saveAs(b, meetingId, 'opening', `Opened ${i}.`, i, PAGE_A);
      revs.push((r as { value: { rev: number } }).value.rev);
    }
    expect(revs).toEqual([1, 2, 3]);
  });
});
