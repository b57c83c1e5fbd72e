import { describe, expect, it } from 'vitest';
import type { AutosaveStatus } from '../../renderer/features/minutes/autosave';
import { pageSaveView, sectionSaveView, typedWaiting } from '../../renderer/features/minutes/saveState';
import { REVISION_REASON_LABEL } from '../../shared/domain/minutes-labels';

const st = (p: Partial<AutosaveStatus>): AutosaveStatus => ({ state: 'saved', savedAt: null, rev: 1, error: null, ...p });

describe('save indicator', () => {
  it('approved and removed sections are plain states, never "Not saved"', () => {
    const failedReadOnly = st({ state: 'failed', error: 'approved (version 1)', errorCode: 'read_only' });
    expect(sectionSaveView(failedReadOnly, { approved: true, orphan: false })).toMatchObject({ tone: 'readonly', label: 'Read-only' });
    expect(sectionSaveView(undefined, { approved: false, orphan: true })).toMatchObject({ tone: 'readonly', label: 'Removed from the agenda' });
    expect(pageSaveView([failedReadOnly], { approved: true }).tone).toBe('readonly');
  });

  it('a section never saved shows nothing; the page says no changes yet', () => {
    expect(sectionSaveView(st({}), { approved: false, orphan: false }).label).toBe('');
    expect(pageSaveView([st({})], { approved: false })).toMatchObject({ tone: 'idle', label: 'No changes yet' });
    expect(pageSaveView([], { approved: false }).tone).toBe('idle');
  });

  it('"Not saved" only after a failure, with what to do and without the raw message', () => {
    const v = pageSaveView([st({ state: 'saved', savedAt: '2026-01-30T10:00:00Z' }), st({ state: 'failed', error: 'SQLITE_FULL', errorCode: 'storage' })], { approved: false });
    expect(v.tone).toBe('failed');
    expect(v.label).toBe('Not saved: 1 section');
    expect(v.detail).toMatch(/retries on its own/);
    expect(v.detail).not.toMatch(/SQLITE/);
    expect(sectionSaveView(st({ state: 'failed', errorCode: 'not_found' }), { approved: false, orphan: false }).detail).toMatch(/no longer on the agenda/);
  });

  it('the data file deleted or replaced under the app: the backend’s words (where everything is kept), and no "retries on its own"', () => {
    const said = 'The data file /d/data.sqlite3 was deleted or replaced while the app was running, so this change was NOT saved to it. Everything saved before is in /d/recovery-1.sqlite3.';
    const v = sectionSaveView(st({ state: 'failed', error: said, errorCode: 'storage', errorKept: 'recovery' }), { approved: false, orphan: false });
    expect(v.detail).toContain('Everything saved before is in /d/recovery-1.sqlite3.');
    expect(v.detail).not.toMatch(/retries on its own/);
    expect(pageSaveView([st({ state: 'failed', error: said, errorCode: 'storage', errorKept: 'recovery' })], { approved: false }).detail).toContain('/d/recovery-1.sqlite3');
  });

  it('a refused save whose words the backend kept says where, with the name the History gives them; without, it says to copy them', () => {
    const conflict = sectionSaveView(st({ state: 'failed', errorCode: 'conflict', errorKept: 'history' }), { approved: false, orphan: false });
    expect(conflict.detail).toMatch(/changed in another window/);
    expect(conflict.detail).toContain(`History, as “${REVISION_REASON_LABEL.conflict_copy}”`);
    expect(conflict.detail).toMatch(/Show the section as it now stands/); // the button beside it (SectionBlock)
    expect(conflict.detail).not.toMatch(/Copy what you last typed/);
    const late = pageSaveView([st({ state: 'failed', errorCode: 'read_only', errorKept: 'history' })], { approved: false });
    expect(late.detail).toContain(`History, as “${REVISION_REASON_LABEL.refused_copy}”`);
    expect(late.detail).toMatch(/reopen the minutes/);
    expect(sectionSaveView(st({ state: 'failed', errorCode: 'read_only', errorKept: 'section' }), { approved: false, orphan: false }).detail).toMatch(/nothing is lost/);
    expect(sectionSaveView(st({ state: 'failed', errorCode: 'conflict' }), { approved: false, orphan: false }).detail).toMatch(/Copy what you last typed/);
  });

  it('a save refused because the item was removed meanwhile says where its words are kept and how to get them back', () => {
    const removed = sectionSaveView(st({ state: 'failed', errorCode: 'not_found', errorKept: 'history' }), { approved: false, orphan: false });
    expect(removed.detail).toMatch(/removed from the agenda/);
    expect(removed.detail).toContain(`History, as “${REVISION_REASON_LABEL.conflict_copy}”`);
    expect(removed.detail).toMatch(/restore the item from the Trash/);
    expect(removed.detail).not.toMatch(/Copy what you typed/);
    expect(sectionSaveView(st({ state: 'failed', errorCode: 'not_found', errorKept: 'section' }), { approved: false, orphan: false }).detail).toMatch(/nothing is lost/);
    const gone = sectionSaveView(st({ state: 'failed', errorCode: 'not_found', errorKept: 'trash' }), { approved: false, orphan: false });
    expect(gone.detail).toMatch(/meeting was deleted/);
    expect(gone.detail).toMatch(/restore the meeting from the Trash/);
    expect(gone.detail).toContain(`“${REVISION_REASON_LABEL.conflict_copy}”`);
  });

  it('a save refused because the app was started again says so and what to do, not "it retries on its own"', () => {
    const v = sectionSaveView(st({ state: 'failed', error: 'This call needs the token of the current launch.', errorCode: 'unauthorised' }), { approved: false, orphan: false });
    expect(v.detail).toMatch(/started again/);
    expect(v.detail).toMatch(/Open the address the app printed/);
    expect(v.detail).not.toMatch(/retries on its own|token/);
  });

  it('saving while anything is pending, else the time of the last save', () => {
    expect(pageSaveView([st({ state: 'pending' }), st({ savedAt: '2026-01-30T10:00:00Z' })], { approved: false }).label).toBe('Saving…');
    expect(pageSaveView([st({ savedAt: '2026-01-30T10:00:00Z' }), st({ savedAt: '2026-01-30T10:05:00Z' })], { approved: false }).label).toMatch(/^All changes saved \d\d:05:00$/);
  });

  it('never "All changes saved" while keys typed ahead wait for their editor: "Saving…" while they wait, "Not saved" when their item failed to load', () => {
    const saved = [st({ savedAt: '2026-01-30T10:00:00Z' })];
    const typed = new Map([
      ['a', 'Typed.'],
      ['b', 'Also.'],
    ]);
    expect(typedWaiting(typed, new Set())).toEqual({ typedPending: 2, typedFailed: 0 });
    expect(pageSaveView(saved, { approved: false, ...typedWaiting(typed, new Set()) }).label).toBe('Saving…');
    const v = pageSaveView(saved, { approved: false, ...typedWaiting(typed, new Set(['b', 'c'])) });
    expect(v).toMatchObject({ tone: 'failed', label: 'Not saved: 1 item not loaded' });
    expect(v.detail).toMatch(/kept on this page and saved once the item loads/);
    // Once taken by their editors, the keys are the autosave's to save and to report.
    expect(pageSaveView(saved, { approved: false, ...typedWaiting(new Map(), new Set(['b'])) }).label).toMatch(/^All changes saved/);
    // A failed save is said first.
    expect(pageSaveView([st({ state: 'failed', errorCode: 'storage' })], { approved: false, typedFailed: 2 }).label).toBe('Not saved: 1 section');
  });
});
