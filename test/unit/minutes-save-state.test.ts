import { describe, expect, it } from 'vitest';
import type { AutosaveStatus } from '../../renderer/features/minutes/autosave';
import { pageSaveView, sectionSaveView } from '../../renderer/features/minutes/saveState';

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

  it('saving while anything is pending, else the time of the last save', () => {
    expect(pageSaveView([st({ state: 'pending' }), st({ savedAt: '2026-01-30T10:00:00Z' })], { approved: false }).label).toBe('Saving…');
    expect(pageSaveView([st({ savedAt: '2026-01-30T10:00:00Z' }), st({ savedAt: '2026-01-30T10:05:00Z' })], { approved: false }).label).toMatch(/^All changes saved \d\d:05:00$/);
  });
});
