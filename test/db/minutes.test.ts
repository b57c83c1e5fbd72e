import { describe, expect, it } from 'vitest';
import type { MinutesState } from '../../shared/contract/minutes';
import type { MinutesInfo, RestoreResult, RevisionDetail, RevisionSummary, SaveResult, SnapshotResult } from '../../shared/domain/minutes';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { codeOf, doc, meetingWithAgenda } from './minutes-fixture';

const sectionText = (s: MinutesState, key: string) =>
  JSON.stringify(s.sections.find((x) => x.key === key)?.content.root.children ?? null);

describe('minutes sections through the dispatcher', () => {
  it('lists opening, every agenda item (sub-items included) and closing, empty until saved', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(state.sections.map((s) => s.key)).toEqual(['opening', ...items, 'closing']);
    expect(state.sections.map((s) => s.number)).toEqual(['', '1', '2', '2.1', '']);
    expect(state.sections.every((s) => s.rev === 0 && s.updatedAt === null && s.content.root.type === 'root')).toBe(true);
    expect(state.minutes).toMatchObject({ status: 'draft', version: 1, updatedAt: null });
    expect(state.live).toMatchObject({ startedAt: null, endedAt: null, currentSection: null, runningSection: null });
    expect(state.decisions).toEqual([]);
    expect(state.attendance.participants).toEqual([]);
  });

  it('saves a section, increments its rev, and returns it on the next load (also after reopening the file)', async () => {
    const dataDir = tempDir();
    const { backend, meetingId, items } = await meetingWithAgenda(makeBackend({ dataDir }));
    const first = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: items[0], content: doc('The agenda was adopted.') });
    expect(first.rev).toBe(1);
    const second = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: items[0], content: doc('The agenda was adopted', 'unchanged.') });
    expect(second).toMatchObject({ sectionKey: items[0], rev: 2 });
    backend.close();

    const again = makeBackend({ dataDir });
    const state = await call<MinutesState>(again, 'minutes.get', { meetingId });
    const s = state.sections.find((x) => x.key === items[0])!;
    expect(s.rev).toBe(2);
    expect(s.updatedAt).toBe(second.savedAt);
    expect(sectionText(state, items[0]!)).toContain('unchanged.');
    expect(state.minutes.updatedAt).not.toBeNull();
  });

  it('keeps node attributes it does not know (Lexical adds fields between versions)', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const content = doc('x');
    (content.root.children[0] as Record<string, unknown>).futureField = { kept: true };
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content });
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(state.sections[0]!.content.root.children[0]).toMatchObject({ futureField: { kept: true } });
  });

  it('does not bump the rev for a save identical to what is stored', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('same') });
    const r = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('same') });
    expect(r.rev).toBe(1);
  });

  it('refuses unknown sections, sections of another meeting, bad content and stale baseRev, changing nothing', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const other = await meetingWithAgenda(backend);
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('v1') });

    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'nope', content: doc('x') })).toBe('not_found');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: other.items[0], content: doc('x') })).toBe('not_found');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId: 'missing', sectionKey: 'opening', content: doc('x') })).toBe('not_found');
    // Content outside the allowlist of node types, a malformed doc, a bad key, extra fields: all bad_request.
    const script = { root: { type: 'root', version: 1, children: [{ type: 'html', version: 1, html: '<script>' }] } };
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: script })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: { root: null } })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'a b', content: doc('x') })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('x'), extra: 1 })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('x'), baseRev: -1 })).toBe('bad_request');

    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('v2'), baseRev: 0 })).toBe('conflict');
    const ok = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('v2'), baseRev: 1 });
    expect(ok.rev).toBe(2);

    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(sectionText(state, 'opening')).toContain('v2');
    expect(state.sections.filter((s) => s.rev > 0).map((s) => s.key)).toEqual(['opening']);
    expect(items).toHaveLength(3);
  });

  it('keeps the content of a removed agenda item as an orphan section that can be read but not saved to', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: items[2], content: doc('Typed under 2.1') });
    await call(backend, 'agenda.remove', { id: items[2] });
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    const orphan = state.sections.find((s) => s.key === items[2])!;
    expect(orphan.kind).toBe('orphan');
    expect(JSON.stringify(orphan.content)).toContain('Typed under 2.1');
    expect(await codeOf(backend, 'minutes.saveSection', { meetingId, sectionKey: items[2], content: doc('x') })).toBe('not_found');
  });
});

describe('revisions', () => {
  it('snapshots, skips an identical snapshot, lists newest first with excerpts, and restores without destroying anything', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const key = 'opening';
    const none = await call<SnapshotResult>(backend, 'minutes.snapshot', { meetingId, sectionKey: key, reason: 'manual' });
    expect(none).toEqual({ created: false, revision: null });

    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('First version of the opening.') });
    const s1 = await call<SnapshotResult>(backend, 'minutes.snapshot', { meetingId, sectionKey: key, reason: 'leave' });
    expect(s1.created).toBe(true);
    expect(s1.revision).toMatchObject({ reason: 'leave', rev: 1, minutesVersion: 1, excerpt: 'First version of the opening.' });
    const same = await call<SnapshotResult>(backend, 'minutes.snapshot', { meetingId, sectionKey: key, reason: 'periodic' });
    expect(same.created).toBe(false);

    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('Second version.') });
    const list = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: key });
    // The second save took an automatic safety copy? No: the last revision is recent and the text did not shrink much.
    expect(list.map((r) => r.reason)).toEqual(['leave']);

    const restored = await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: s1.revision!.id });
    expect(restored.rev).toBe(3);
    expect(JSON.stringify(restored.content)).toContain('First version');
    const after = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: key });
    expect(after.map((r) => [r.reason, r.rev])).toEqual([
      ['restore', 3],
      ['before_restore', 2],
      ['leave', 1],
    ]);
    const kept = await call<RevisionDetail>(backend, 'minutes.revision', { id: after[1]!.id });
    expect(JSON.stringify(kept.content)).toContain('Second version.');
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(sectionText(state, key)).toContain('First version');

    expect(await codeOf(backend, 'minutes.revision', { id: 'nope' })).toBe('not_found');
    expect(await codeOf(backend, 'minutes.restoreRevision', { id: 'nope' })).toBe('not_found');
    expect(await codeOf(backend, 'minutes.snapshot', { meetingId, sectionKey: key, reason: 'approved' })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.snapshot', { meetingId, sectionKey: 'nope', reason: 'manual' })).toBe('not_found');
  });

  it('keeps an automatic copy before a save that removes most of a long text, and when the last copy is old', async () => {
    let t = Date.parse('2026-02-10T09:00:00Z');
    let n = 0;
    const clock = { now: () => new Date(t), newId: () => `id${++n}` };
    const { backend, meetingId } = await meetingWithAgenda(makeBackend({ context: clock }));
    const long = 'A long paragraph of minutes. '.repeat(20);
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(long) });
    t += 1000;
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(long + 'more') }); // first overwrite: copy kept
    t += 1000;
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(long + 'more, again') }); // recent copy: none
    t += 1000;
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('oops') }); // shrink: copy kept
    t += 6 * 60_000;
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('oops, later') }); // old copy: copy kept
    const list = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(list.map((r) => [r.reason, r.rev])).toEqual([
      ['auto', 4],
      ['auto', 3],
      ['auto', 1],
    ]);
  });
});

describe('minutes status', () => {
  it('goes draft → circulated → approved, is read-only when approved, and reopens as a new version with events', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Opened at 10:00.') });
    expect(await codeOf(backend, 'minutes.setStatus', { meetingId, status: 'approved' })).toBe('invalid_transition');
    expect(await codeOf(backend, 'minutes.reopen', { meetingId, reason: 'typo' })).toBe('invalid_transition');
    await call(backend, 'minutes.setStatus', { meetingId, status: 'circulated' });
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Opened at 10:05.') }); // corrections allowed
    const approved = await call<MinutesInfo>(backend, 'minutes.setStatus', { meetingId, status: 'approved' });
    expect(approved).toMatchObject({ status: 'approved', version: 1 });

    const refusals: Array<[string, unknown]> = [
      ['minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('late edit') }],
      ['live.start', { meetingId }],
      ['attendance.addPerson', { meetingId, category: 'observer', name: 'Late' }],
      ['decisions.create', { meetingId, sectionKey: items[0], text: 'x' }],
      ['actions.create', { meetingId, sectionKey: items[0], text: 'x' }],
    ];
    for (const [name, input] of refusals) expect([name, await codeOf(backend, name, input)]).toEqual([name, 'read_only']);
    expect(await codeOf(backend, 'minutes.setStatus', { meetingId, status: 'draft' })).toBe('invalid_transition');

    // What was approved is kept as a revision of every section; under it, the words of the refused late edit
    // (test/db/minutes-kept-copies.test.ts).
    const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => r.reason).slice(0, 2)).toEqual(['refused_copy', 'approved']);
    expect(revs[1]).toMatchObject({ reason: 'approved', minutesVersion: 1, excerpt: 'Opened at 10:05.' });
    expect(await codeOf(backend, 'minutes.restoreRevision', { id: revs[1]!.id })).toBe('read_only');

    expect(await codeOf(backend, 'minutes.reopen', { meetingId, reason: '  ' })).toBe('bad_request');
    const reopened = await call<MinutesInfo>(backend, 'minutes.reopen', { meetingId, reason: 'Correction requested by a member' });
    expect(reopened).toMatchObject({ status: 'draft', version: 2 });
    const saved = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Opened at 10:07.') });
    expect(saved.rev).toBe(3);

    const events = backend.services.meetings.meetings.events(meetingId).filter((e) => e.kind === 'minutes_status');
    expect(events.map((e) => e.detail)).toEqual([
      { from: 'draft', to: 'circulated', version: 1 },
      { from: 'circulated', to: 'approved', version: 1 },
      { from: 'approved', to: 'draft', version: 2, reopened: true, previousVersion: 1, reason: 'Correction requested by a member' },
    ]);
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(state.minutes).toMatchObject({ status: 'draft', version: 2 });
  });

  it('refuses bad status payloads', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    expect(await codeOf(backend, 'minutes.setStatus', { meetingId, status: 'published' })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.setStatus', { meetingId })).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.get', {})).toBe('bad_request');
    expect(await codeOf(backend, 'minutes.get', { meetingId: 'missing' })).toBe('not_found');
  });
});
