import { describe, expect, it } from 'vitest';
import type { MinutesState } from '../../shared/contract/minutes';
import type { MinutesInfo, RestoreResult, RevisionDetail, RevisionSummary, SaveResult } from '../../shared/domain/minutes';
import { call, makeBackend } from '../helpers/temp';
import { doc, meetingWithAgenda } from './minutes-fixture';

const PAGE_A = 'a1'.repeat(8);
const PAGE_B = 'b2'.repeat(8);
const PAGE_C = 'c3'.repeat(8);

const textOf = (s: MinutesState, key: string) => JSON.stringify(s.sections.find((x) => x.key === key)!.content);

/**
 * A save refused because the section changed in another window (conflict) or because the minutes were approved
 * meanwhile (read_only) keeps its words in the section's history (migration 017): the officer loses nothing by
 * reloading or closing the refused window. One kept copy per page and section, its newest words.
 */
describe('kept copies of refused saves', () => {
  it('keeps the words of a save refused as a conflict, one copy per page, its newest words; the section is unchanged', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const save = (content: ReturnType<typeof doc>, baseRev: number, writer: string) =>
      backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content, baseRev, writer });
    expect(await save(doc('Window A opened the meeting.'), 0, PAGE_A)).toMatchObject({ ok: true, value: { rev: 1 } });

    const refused = await save(doc('Window B typed this.'), 0, PAGE_B);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history', currentRev: 1 } } });
    let revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => [r.reason, r.rev, r.excerpt])).toEqual([['conflict_copy', 0, 'Window B typed this.']]);

    // The same page, retrying with more words: its copy now holds them (still one); the same words again add nothing.
    expect(await save(doc('Window B typed this.', 'And more.'), 0, PAGE_B)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const refreshed = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(await save(doc('Window B typed this.', 'And more.'), 0, PAGE_B)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs).toHaveLength(1);
    expect(revs).toEqual(refreshed); // the same words again: the copy is not written again (same id, same time)
    const copy = await call<RevisionDetail>(backend, 'minutes.revision', { id: revs[0]!.id });
    expect(JSON.stringify(copy.content)).toContain('And more.');

    // Another refused page keeps its own copy beside it; the same page refused in another section keeps that one too.
    expect(await save(doc('Window C typed that.'), 0, PAGE_C)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'closing', content: doc('Closed by A.'), baseRev: 0, writer: PAGE_A });
    const closing = await backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'closing', content: doc('Closed by B.'), baseRev: 0, writer: PAGE_B });
    expect(closing).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history' } } });
    revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => r.excerpt)).toEqual(['Window C typed that.', 'Window B typed this. And more.']);
    const closingRevs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'closing' });
    expect(closingRevs.map((r) => [r.reason, r.excerpt])).toEqual([['conflict_copy', 'Closed by B.']]);

    // Nothing of it reached the section.
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(textOf(state, 'opening')).toContain('Window A opened the meeting.');
    expect(textOf(state, 'opening')).not.toContain('Window B');
    expect(state.sections.find((s) => s.key === 'opening')!.rev).toBe(1);

    // Restored from the history, the kept words become the section's (a restore is itself a new revision).
    const restored = await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: revs[1]!.id });
    expect(restored.rev).toBe(2);
    expect(textOf(await call<MinutesState>(backend, 'minutes.get', { meetingId }), 'opening')).toContain('And more.');
  });

  it('answers a save from a stale base holding the words the section already holds as saved, at the current rev', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Same words.'), baseRev: 0, writer: PAGE_A });
    const same = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Same words.'), baseRev: 0, writer: PAGE_B });
    expect(same.rev).toBe(1);
    expect(await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' })).toEqual([]);
  });

  it('keeps the words of a save refused because the minutes were approved meanwhile; they can be restored once reopened', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Opened at 10:00.'), baseRev: 0, writer: PAGE_A });
    await call(backend, 'minutes.setStatus', { meetingId, status: 'circulated' });
    await call<MinutesInfo>(backend, 'minutes.setStatus', { meetingId, status: 'approved' });

    const late = await backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Opened at 10:00.', 'A late remark.'), baseRev: 1, writer: PAGE_A });
    expect(late).toMatchObject({ ok: false, error: { code: 'read_only', details: { kept: 'history' } } });
    expect(late.ok ? null : late.error.details).not.toHaveProperty('currentRev');
    // The same words as the approved section: nothing to keep, and the answer says the section holds them.
    const same = await backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Opened at 10:00.'), baseRev: 1, writer: PAGE_B });
    expect(same).toMatchObject({ ok: false, error: { code: 'read_only', details: { kept: 'section' } } });

    const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => [r.reason, r.minutesVersion, r.excerpt])).toEqual([
      ['refused_copy', 1, 'Opened at 10:00. A late remark.'],
      ['approved', 1, 'Opened at 10:00.'],
    ]);
    await call(backend, 'minutes.reopen', { meetingId, reason: 'A remark was missing' });
    await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: revs[0]!.id });
    expect(textOf(await call<MinutesState>(backend, 'minutes.get', { meetingId }), 'opening')).toContain('A late remark.');
  });

  it('a kept copy (other words than the section’s) does not stand in for the section’s own periodic safety copy', async () => {
    let t = Date.parse('2026-02-10T09:00:00Z');
    let n = 0;
    const { backend, meetingId } = await meetingWithAgenda(makeBackend({ context: { now: () => new Date(t), newId: () => `id${++n}` } }));
    const save = (text: string, baseRev: number, writer: string) => backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(text), baseRev, writer });
    await save('First.', 0, PAGE_A);
    t += 1000;
    await save('First. Second.', 1, PAGE_A); // first overwrite: a copy of 'First.'
    t += 6 * 60_000;
    await save('Refused words.', 0, PAGE_B); // refused: kept, the newest revision of the section
    t += 1000;
    await save('First. Second. Third.', 2, PAGE_A); // the section's last own copy is 6 minutes old: a copy is due
    const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => [r.reason, r.excerpt])).toEqual([
      ['auto', 'First. Second.'],
      ['conflict_copy', 'Refused words.'],
      ['auto', 'First.'],
    ]);
  });

  it('a kept copy holding the words the section later holds does not stand in for the revision kept at approval', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const save = (text: string, baseRev: number, writer: string) => backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(text), baseRev, writer });
    await save('Draft words.', 0, PAGE_A);
    await save('Draft words, revised.', 1, PAGE_A); // a safety copy of 'Draft words.'
    expect(await save('The agreed words.', 0, PAGE_B)).toMatchObject({ ok: false, error: { code: 'conflict' } }); // kept
    expect(await save('The agreed words.', 2, PAGE_A)).toMatchObject({ ok: true, value: { rev: 3 } });
    await call(backend, 'minutes.setStatus', { meetingId, status: 'circulated' });
    await call(backend, 'minutes.setStatus', { meetingId, status: 'approved' });
    const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => [r.reason, r.excerpt])).toEqual([
      ['approved', 'The agreed words.'],
      ['conflict_copy', 'The agreed words.'],
      ['auto', 'Draft words.'],
    ]);
  });

  it('keeps the words of a save refused because the item was removed in another window; restored with the item from the trash', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const [, parent, sub] = items as [string, string, string];
    const save = (key: string, text: string, baseRev: number, writer: string) =>
      backend.dispatch('minutes.saveSection', { meetingId, sectionKey: key, content: doc(text), baseRev, writer });
    expect(await save(sub, 'Model reports: first words.', 0, PAGE_A)).toMatchObject({ ok: true, value: { rev: 1 } });
    // Another window removes the parent item (its sub-item goes with it), one never saved into (no section stored).
    await call(backend, 'agenda.remove', { id: parent });

    // Window A goes on typing in the sub-item: refused, its words kept in the sub-item's History.
    const refused = await save(sub, 'Model reports: first words. Then more.', 1, PAGE_A);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'history' } } });
    // Window B was typing in the parent (nothing stored yet): kept too.
    expect(await save(parent, 'Signatory updates: typed late.', 0, PAGE_B)).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'history' } } });
    // The words the removed item's section holds, sent again: the section holds them, nothing written.
    expect(await save(sub, 'Model reports: first words.', 1, PAGE_C)).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'section' } } });
    // A key that was never an item of this meeting: refused, nothing kept.
    const stranger = await save('zz'.repeat(8), 'Words for nowhere.', 0, PAGE_A);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(stranger.ok ? null : stranger.error.details).toBeUndefined();
    expect(await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'zz'.repeat(8) })).toEqual([]);

    // The removed sub-item stays readable as an orphan; its History holds the kept words.
    const subRevs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: sub });
    expect(subRevs.map((r) => [r.reason, r.excerpt])).toEqual([['conflict_copy', 'Model reports: first words. Then more.']]);
    // Restored from the trash, both items come back; each kept copy restores into its item.
    const [entry] = await call<Array<{ id: string }>>(backend, 'trash.list', {});
    await call(backend, 'trash.restore', { id: entry!.id });
    await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: subRevs[0]!.id });
    const [parentCopy] = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: parent });
    expect(parentCopy).toMatchObject({ reason: 'conflict_copy', excerpt: 'Signatory updates: typed late.' });
    await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: parentCopy!.id });
    const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
    expect(textOf(state, sub)).toContain('Then more.');
    expect(textOf(state, parent)).toContain('typed late.');
  });

  it('an item deleted for good takes the words kept for it with it, where nothing else shows them; an item with a section keeps its History', async () => {
    for (const how of ['purge', 'empty'] as const) {
      const { backend, meetingId, items } = await meetingWithAgenda();
      const [, parent, sub] = items as [string, string, string];
      const save = (key: string, text: string, baseRev: number, writer: string) =>
        backend.dispatch('minutes.saveSection', { meetingId, sectionKey: key, content: doc(text), baseRev, writer });
      expect(await save(sub, 'Model reports: first words.', 0, PAGE_A)).toMatchObject({ ok: true });
      await call(backend, 'agenda.remove', { id: parent });
      // Kept: the parent's words (no section of its own) and the sub-item's (its section stays, shown as removed).
      await save(parent, 'Signatory updates: typed late.', 0, PAGE_B);
      await save(sub, 'Model reports: first words. Then more.', 1, PAGE_A);
      const history = (key: string) => call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: key });
      expect(await history(parent)).toHaveLength(1);

      // The Trash says the entry holds the words only it can bring back (the parent's; the sub-item's section keeps its own).
      const [entry] = await call<Array<{ id: string; detail: string; keptWords: boolean }>>(backend, 'trash.list', {});
      expect(entry).toMatchObject({ keptWords: true });
      expect(entry!.detail).toMatch(/^1 copy of words a save refused, kept nowhere else, 1 sub-item/);
      if (how === 'purge') await call(backend, 'trash.purge', { id: entry!.id });
      else await call(backend, 'trash.empty', { confirm: true });
      // The parent's words were reachable only through the trash entry: they go with it.
      expect(await history(parent)).toEqual([]);
      // The sub-item's section stays on the minutes page as removed from the agenda, with its History.
      expect((await history(sub)).map((r) => r.reason)).toEqual(['conflict_copy']);
      // The rest of the meeting is untouched.
      expect(await save('opening', 'Opened.', 0, PAGE_A)).toMatchObject({ ok: true });
    }
  });

  it('keeps the words of a save refused because the whole meeting was deleted meanwhile; back in the History once the meeting is restored', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const save = (key: string, text: string, baseRev: number, writer: string) =>
      backend.dispatch('minutes.saveSection', { meetingId, sectionKey: key, content: doc(text), baseRev, writer });
    expect(await save('opening', 'Opened at 10:00.', 0, PAGE_A)).toMatchObject({ ok: true, value: { rev: 1 } });
    await call(backend, 'meetings.delete', { id: meetingId });

    const refused = await save('opening', 'Opened at 10:00. Then more.', 1, PAGE_A);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'history', gone: 'meeting' } } });
    // The same page again with newer words: one copy, the newest; the same words again: nothing more.
    await save('opening', 'Opened at 10:00. Then more, and more.', 1, PAGE_A);
    await save('opening', 'Opened at 10:00. Then more, and more.', 1, PAGE_A);
    // Another page, in an item never saved into: its own copy.
    expect(await save(items[0]!, 'Adoption: typed late.', 0, PAGE_B)).toMatchObject({ ok: false, error: { details: { kept: 'history' } } });
    // A key that was no section of that meeting: refused, nothing kept.
    const stranger = await save('zz'.repeat(8), 'Words for nowhere.', 0, PAGE_A);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(stranger.ok ? null : stranger.error.details).toBeUndefined();

    const [entry] = await call<Array<{ id: string; detail: string; keptWords: boolean }>>(backend, 'trash.list', {});
    // What the Trash says the entry holds names them first (and the page asks with it before removing it for good).
    expect(entry!.detail).toMatch(/^2 copies of words saves refused, kept nowhere else(, |$)/);
    expect(entry!.keptWords).toBe(true);
    await call(backend, 'trash.restore', { id: entry!.id });
    const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' });
    expect(revs.map((r) => [r.reason, r.excerpt])).toEqual([['conflict_copy', 'Opened at 10:00. Then more, and more.']]);
    const [late] = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: items[0]! });
    expect(late).toMatchObject({ reason: 'conflict_copy', excerpt: 'Adoption: typed late.' });
    expect(await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'zz'.repeat(8) })).toEqual([]);
    await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: revs[0]!.id });
    expect(textOf(await call<MinutesState>(backend, 'minutes.get', { meetingId }), 'opening')).toContain('and more.');
  });

  /**
   * Audit (2026-12-07): a page's later refused save replaced every earlier copy it had kept in the section, whatever it
   * was based on. A copy replaces only the one the same page kept from the same base (the same rev, reason and version
   * of the minutes: a retry of the same unsaved words, which holds them); words refused again after the page showed the
   * section as it now stands, after a reopening, or once the item or the meeting was deleted, are kept beside them.
   */
  describe('a second refusal of the same page keeps the words of the first', () => {
    const wordsIn = async (backend: ReturnType<typeof makeBackend>, meetingId: string, key: string, words: string) => {
      const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: key });
      const texts = await Promise.all(revs.map(async (r) => JSON.stringify((await call<RevisionDetail>(backend, 'minutes.revision', { id: r.id })).content)));
      return texts.some((t) => t.includes(words));
    };

    it('a conflict, the section shown as it now stands, another conflict: both refused texts are in the History', async () => {
      const { backend, meetingId } = await meetingWithAgenda();
      const save = (text: string, baseRev: number, writer: string) => backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(text), baseRev, writer });
      await save('Common start.', 0, PAGE_A);
      await save('Common start. B was here.', 1, PAGE_B);
      expect(await save('Common start. The chair said FIRST-WORDS.', 1, PAGE_A)).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history' } } });
      // Page A shows the section as it now stands (rev 2) and types anew; window B saves again meanwhile.
      await save('Common start. B was here. B again.', 2, PAGE_B);
      expect(await save('Common start. B was here. SECOND-WORDS.', 2, PAGE_A)).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history' } } });
      expect([await wordsIn(backend, meetingId, 'opening', 'FIRST-WORDS'), await wordsIn(backend, meetingId, 'opening', 'SECOND-WORDS')]).toEqual([true, true]);
      // A retry from the same base still replaces the page's copy (it holds the words before it).
      expect(await save('Common start. B was here. SECOND-WORDS and more.', 2, PAGE_A)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const kept = (await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: 'opening' })).filter((r) => r.reason === 'conflict_copy');
      expect(kept.map((r) => r.excerpt)).toEqual(['Common start. B was here. SECOND-WORDS and more.', 'Common start. The chair said FIRST-WORDS.']);
    });

    it('refused at approval, reopened, then a conflict of the same page: the late remark is still in the History', async () => {
      const { backend, meetingId } = await meetingWithAgenda();
      const save = (text: string, baseRev: number, writer: string) => backend.dispatch('minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc(text), baseRev, writer });
      await save('Opened.', 0, PAGE_A);
      await call(backend, 'minutes.setStatus', { meetingId, status: 'circulated' });
      await call(backend, 'minutes.setStatus', { meetingId, status: 'approved' });
      expect(await save('Opened. LATE-REMARK.', 1, PAGE_A)).toMatchObject({ ok: false, error: { code: 'read_only', details: { kept: 'history' } } });
      await call(backend, 'minutes.reopen', { meetingId, reason: 'fix' });
      await save('Opened. Other window.', 1, PAGE_B);
      expect(await save('Opened. Something else.', 1, PAGE_A)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await wordsIn(backend, meetingId, 'opening', 'LATE-REMARK')).toBe(true);
    });

    for (const then of ['meeting deleted', 'item removed'] as const) {
      it(`a conflict, then refused again because the ${then}: both texts are in the History once restored`, async () => {
        const { backend, meetingId, items } = await meetingWithAgenda();
        const key = items[0]!;
        const save = (text: string, baseRev: number, writer: string) => backend.dispatch('minutes.saveSection', { meetingId, sectionKey: key, content: doc(text), baseRev, writer });
        await save('Start.', 0, PAGE_A);
        await save('Start. B.', 1, PAGE_B);
        expect(await save('Start. FIRST-WORDS.', 1, PAGE_A)).toMatchObject({ ok: false, error: { code: 'conflict', details: { kept: 'history' } } });
        if (then === 'meeting deleted') await call(backend, 'meetings.delete', { id: meetingId });
        else await call(backend, 'agenda.remove', { id: key });
        expect(await save('Start. B. NEW-WORDS.', 2, PAGE_A)).toMatchObject({ ok: false, error: { details: { kept: 'history' } } });
        const [entry] = await call<Array<{ id: string }>>(backend, 'trash.list', {});
        await call(backend, 'trash.restore', { id: entry!.id });
        expect([await wordsIn(backend, meetingId, key, 'FIRST-WORDS'), await wordsIn(backend, meetingId, key, 'NEW-WORDS')]).toEqual([true, true]);
      });
    }
  });

  it('an item removed (never saved into), then its meeting deleted: the page’s newer words are kept with the meeting and back in the item’s History', async () => {
    // An audit (2026-12-07): the second refusal kept nothing (the deleted meeting's dump did not count the removed
    // item as one of its sections), though the page is told that what it saves from then on is kept in the Trash.
    const { backend, meetingId, items } = await meetingWithAgenda();
    const x = items[0]!;
    const save = (text: string) => backend.dispatch('minutes.saveSection', { meetingId, sectionKey: x, content: doc(text), baseRev: 0, writer: PAGE_B });
    await call(backend, 'agenda.remove', { id: x });
    expect(await save('Adoption: FIRST-LATE.')).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'history' } } });
    await call(backend, 'meetings.delete', { id: meetingId });
    expect(await save('Adoption: FIRST-LATE. SECOND-LATE.')).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'history', gone: 'meeting' } } });
    // Back: the meeting, then the item.
    const entries = await call<Array<{ id: string; kind: string }>>(backend, 'trash.list', {});
    await call(backend, 'trash.restore', { id: entries.find((e) => e.kind === 'meeting')!.id });
    const again = await call<Array<{ id: string; kind: string }>>(backend, 'trash.list', {});
    await call(backend, 'trash.restore', { id: again.find((e) => e.kind === 'agenda_item')!.id });
    const kept = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: x });
    const texts = await Promise.all(kept.map(async (r) => JSON.stringify((await call<RevisionDetail>(backend, 'minutes.revision', { id: r.id })).content)));
    expect(texts.some((t) => t.includes('SECOND-LATE'))).toBe(true);
  });

  it('an item removed (never saved into, nothing kept yet), then its meeting deleted: the page’s words are kept all the same', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const x = items[0]!;
    await call(backend, 'agenda.remove', { id: x });
    await call(backend, 'meetings.delete', { id: meetingId });
    const r = await backend.dispatch('minutes.saveSection', { meetingId, sectionKey: x, content: doc('Adoption: ONLY-WORDS.'), baseRev: 0, writer: PAGE_B });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', details: { kept: 'history', gone: 'meeting' } } });
  });
});
