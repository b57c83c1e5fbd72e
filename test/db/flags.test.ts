import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import { DEFAULT_FLAG_REASON, flagState, type Flag, type FlagList } from '../../shared/domain/flags';
import type { SaveResult } from '../../shared/domain/minutes';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { flaggedTexts } from '../../shared/redaction/flagged-texts';
import { publicPlainText, redact } from '../../shared/redaction/redact';
import type { Backend } from '../../electron/backend/backend';
import { call, makeBackend } from '../helpers/temp';

async function meetingWithAgenda(b: Backend, title = 'Plenary') {
  const detail = await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: '2026-03-05T10:00', endsAt: '2026-03-05T12:00' });
  const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: detail.meeting.id, title: 'Pricing' });
  return { meetingId: detail.meeting.id, itemId: agenda[0]!.id };
}

async function refused(b: Backend, name: string, input: unknown, code: string) {
  const r = await b.dispatch(name, input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
}

const countFlags = (b: Backend) => (b.db.prepare(`SELECT count(*) AS n FROM flags`).get() as { n: number }).n;

describe('flags.create / update / list', () => {
  it('creates a record with a backend id and defaults, and lists it with counts in force per reason', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const flag = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'EUR 12m', createdBy: '  jdoe ' });
    expect(flag).toMatchObject({ meetingId, sectionKey: itemId, reason: 'commercially_confidential', note: '', createdBy: 'jdoe', excerpt: 'EUR 12m', retiredAt: null, retiredReason: null });
    expect(flag.id).toMatch(/^id\d+$/);
    const other = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'Ada', reason: 'personal_data', note: 'a name' });
    expect(other.createdBy).toBe('test-officer'); // the operating-system account when the page gives none

    const list = await call<FlagList>(b, 'flags.list', { meetingId });
    expect(list.flags.map((f) => f.id)).toEqual([flag.id, other.id]);
    expect(list.countsByReason).toEqual({
      commercially_confidential: 1,
      business_secret: 0,
      personal_data: 1,
      competition_sensitive: 0,
      internal_deliberation: 0,
      other: 0,
    });
    const events = b.db.prepare(`SELECT kind FROM meeting_events WHERE meeting_id = ? AND kind LIKE 'flag%'`).all(meetingId);
    expect(events).toEqual([{ kind: 'flag_created' }, { kind: 'flag_created' }]);
  });

  it('refuses bad input, unknown meetings and sections of another meeting, changing nothing', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const second = await meetingWithAgenda(b, 'Other');
    await refused(b, 'flags.create', { meetingId: 'nope', sectionKey: 'opening', excerpt: 'x' }, 'not_found');
    await refused(b, 'flags.create', { meetingId, sectionKey: second.itemId, excerpt: 'x' }, 'bad_request');
    await refused(b, 'flags.create', { meetingId, sectionKey: 'middle', excerpt: 'x' }, 'bad_request');
    await refused(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x', reason: 'gossip' }, 'bad_request');
    await refused(b, 'flags.create', { meetingId, sectionKey: itemId }, 'bad_request');
    await refused(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x', id: 'mine' }, 'bad_request');
    await refused(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'a\u0000b' }, 'bad_request');
    await refused(b, 'flags.list', { meetingId: 'nope' }, 'not_found');
    expect(countFlags(b)).toBe(0);
  });

  it('updates reason and note, and refuses unknown flags and reasons', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const flag = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x' });
    const changed = await call<Flag>(b, 'flags.update', { id: flag.id, reason: 'business_secret', note: ' from the slides ' });
    expect(changed).toMatchObject({ reason: 'business_secret', note: 'from the slides', excerpt: 'x', createdAt: flag.createdAt });
    expect(changed.updatedAt > flag.updatedAt).toBe(true);
    const same = await call<Flag>(b, 'flags.update', { id: flag.id });
    expect(same).toEqual(changed);
    await refused(b, 'flags.update', { id: 'nope', reason: 'other' }, 'not_found');
    await refused(b, 'flags.update', { id: flag.id, reason: 'secret-ish' }, 'bad_request');
    await refused(b, 'flags.update', { id: flag.id, excerpt: 'changed' }, 'bad_request');
    expect((await call<FlagList>(b, 'flags.list', { meetingId })).flags[0]).toEqual(changed);
  });
});

describe('flags: what each call records and says', () => {
  const message = async (b: Backend, name: string, input: unknown) => {
    const r = await b.dispatch(name, input);
    expect(r.ok).toBe(false);
    return r.ok ? null : r.error;
  };
  const flagEvents = (b: Backend, meetingId: string) =>
    (b.db.prepare(`SELECT kind, detail_json FROM meeting_events WHERE meeting_id = ? AND kind LIKE 'flag%' ORDER BY id`).all(meetingId) as Array<{ kind: string; detail_json: string }>).map(
      (e) => [e.kind, JSON.parse(e.detail_json) as unknown],
    );

  it('names what does not exist, and says which field names a section of another meeting', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    const other = await meetingWithAgenda(b, 'Other');
    expect((await message(b, 'flags.list', { meetingId: 'nope' }))?.message).toBe('That meeting does not exist (it may have been deleted).');
    expect((await message(b, 'flags.update', { id: 'nope', note: 'x' }))?.message).toBe('That flag does not exist (it may have been deleted).');
    expect((await message(b, 'flags.unflag', { id: 'nope' }))?.message).toBe('That flag does not exist (it may have been deleted).');
    const bad = await message(b, 'flags.create', { meetingId, sectionKey: other.itemId, excerpt: 'x' });
    expect(bad?.message).toBe('That section is not part of this meeting (its agenda item may have been removed).');
    expect(bad?.issues).toEqual([{ path: 'sectionKey', message: 'is not a section of this meeting' }]);
  });

  it('update: the note alone changes the note and records nothing; the reason alone records from → to; unflag records the flag', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const flag = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x', note: 'first' });
    expect(flag).toMatchObject({ retiredBy: '', unmarkedSince: null, note: 'first' });
    const noted = await call<Flag>(b, 'flags.update', { id: flag.id, note: 'second' });
    expect(noted).toMatchObject({ note: 'second', reason: flag.reason });
    expect(noted.updatedAt > flag.updatedAt).toBe(true);
    expect((await call<FlagList>(b, 'flags.list', { meetingId })).flags[0]).toEqual(noted);
    expect(flagEvents(b, meetingId).map(([k]) => k)).toEqual(['flag_created']);
    const reasoned = await call<Flag>(b, 'flags.update', { id: flag.id, reason: 'personal_data' });
    expect(reasoned).toMatchObject({ note: 'second', reason: 'personal_data' });
    expect(flagEvents(b, meetingId).at(-1)).toEqual(['flag_reason', { flagId: flag.id, from: flag.reason, to: 'personal_data' }]);
    await call<Flag>(b, 'flags.unflag', { id: flag.id });
    expect(flagEvents(b, meetingId).at(-1)).toEqual(['flag_unflagged', { flagId: flag.id }]);
  });

  it('counts per reason only the records in force (a lifted one is listed, not counted)', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const kept = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x', reason: 'personal_data' });
    const lifted = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'y', reason: 'personal_data' });
    await call<Flag>(b, 'flags.unflag', { id: lifted.id });
    const list = await call<FlagList>(b, 'flags.list', { meetingId });
    expect(list.flags.map((f) => f.id)).toEqual([kept.id, lifted.id]);
    expect(list.countsByReason.personal_data).toBe(1);
  });

  it('a mark adopted without a record gets an empty note and no retirement traces', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const tx = { type: 'text', version: 1, text: 'old secret', format: 0, style: '', mode: 'normal', detail: 0 };
    const content = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'flag', version: 1, ids: ['pasted-9'], children: [tx] }] }] } };
    const ack = await call<SaveResult>(b, 'minutes.saveSection', { meetingId, sectionKey: itemId, content });
    expect(ack.flags).toEqual([
      expect.objectContaining({ id: 'pasted-9', note: '', createdBy: 'test-officer', retiredAt: null, retiredReason: null, retiredBy: '', unmarkedSince: null, excerpt: 'old secret' }),
    ]);
  });
});

describe('the flag lifecycle: records derived from the marks in each save (minutes.saveSection)', () => {
  const tx = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
  const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
  const para = (...c: SerializedNode[]) => el('paragraph', c);
  const mark = (id: string, text: string) => el('flag', [tx(text)], { ids: [id] });
  const content = (...blocks: SerializedNode[]) => ({ root: el('root', blocks) }) as unknown as SerializedDoc;
  const save = (b: Backend, meetingId: string, sectionKey: string, c: SerializedDoc, liftedByUndo?: string[]) =>
    call<SaveResult>(b, 'minutes.saveSection', { meetingId, sectionKey, content: c, ...(liftedByUndo ? { liftedByUndo } : {}) });
  const rec = async (b: Backend, meetingId: string, id: string) => (await call<FlagList>(b, 'flags.list', { meetingId })).flags.find((f) => f.id === id)!;

  async function flagged(b: Backend, text = 'Acme pays 40 million') {
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const f = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: text });
    const ack = await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, text), tx(' After.'))));
    return { meetingId, itemId, f, ack };
  }

  it('a save with the mark keeps the record in force and updates its excerpt; the answer carries the change', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const ack = await save(b, meetingId, itemId, content(para(mark(f.id, 'Acme pays 41 million'))));
    expect(ack.flags.map((x) => [x.id, flagState(x), x.excerpt])).toEqual([[f.id, 'in_force', 'Acme pays 41 million']]);
  });

  it('a mark gone while its text stays (undo not reported, paste as plain text) leaves the flag IN FORCE, mark missing, and blocks the export', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const ack = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
    expect(flagState(ack.flags[0]!)).toBe('mark_missing');
    expect(flagState(await rec(b, meetingId, f.id))).toBe('mark_missing');
    await refused(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
    // Flag again: the mark comes back, the flag is fully in force and the export passes.
    const again = await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, 'Acme pays 40 million'), tx(' After.'))));
    expect(flagState(again.flags[0]!)).toBe('in_force');
    expect((await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true })).ok).toBe(true);
  });

  it('the text moved to another section without its mark: still in force (the whole meeting is searched)', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await flagged(b);
    await save(b, meetingId, 'opening', content(para(tx('Pasted: acme PAYS 40   million.'))));
    const ack = await save(b, meetingId, itemId, content(para(tx('Nothing here.'))));
    expect(flagState(ack.flags[0]!)).toBe('mark_missing');
  });

  it('an undo of the flagging, reported with the save, lifts it as "lifted by undo"; a redo (mark back) restores it', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const ack = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))), [f.id]);
    expect(ack.flags[0]).toMatchObject({ id: f.id, retiredReason: 'undo' });
    expect(flagState(ack.flags[0]!)).toBe('lifted_by_undo');
    const redo = await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, 'Acme pays 40 million'), tx(' After.'))));
    expect(flagState(redo.flags[0]!)).toBe('in_force');
  });

  it('the redaction record says each flag’s state: lifted by undo, mark missing, text removed', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const g = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'x' });
    await save(b, meetingId, 'opening', content(para(mark(g.id, 'Beta Labs terms'))));
    await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))), [f.id]);
    await save(b, meetingId, 'opening', content(para(tx('Beta Labs terms, unmarked.'))));
    const r = await call<{ bytesBase64: string }>(b, 'exports.create', { meetingId, kind: 'redaction_record' });
    const xml = strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))['word/document.xml']!);
    expect(xml).toContain('(lifted by undo)');
    expect(xml).toContain('(in force — mark missing)');
    expect(xml).toContain('Mark missing since');
  });

  it('"text removed" only once the text is verifiably gone from the meeting; the text coming back reinstates the flag', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const gone = await save(b, meetingId, itemId, content(para(tx('Something else entirely.'))));
    expect(flagState(gone.flags[0]!)).toBe('text_removed');
    const back = await save(b, meetingId, 'closing', content(para(tx('Acme pays 40 million, said again.'))));
    expect(back.flags.map((x) => [x.id, flagState(x), x.sectionKey])).toEqual([[f.id, 'mark_missing', 'closing']]);
  });

  it('adopts marks with no record, takes another meeting’s ids as its own (under ids of its own), and never deletes a record', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await flagged(b);
    const other = await meetingWithAgenda(b, 'Other');
    const foreign = await call<Flag>(b, 'flags.create', { meetingId: other.meetingId, sectionKey: other.itemId, excerpt: 'x' });
    const before = countFlags(b);
    const ack = await save(b, meetingId, itemId, content(para(mark('pasted-1', 'old secret'), tx(' '), mark(foreign.id, 'x'))));
    expect(ack.flags.map((x) => x.id)).toContain('pasted-1');
    expect(ack.flags.map((x) => x.id)).not.toContain(foreign.id);
    expect(ack.flags.map((x) => [x.meetingId, x.excerpt])).toContainEqual([meetingId, 'x']);
    expect(countFlags(b)).toBe(before + 2);
    expect(await rec(b, other.meetingId, foreign.id)).toEqual(foreign);
  });

  it('unflag lifts with who and when; twice is once; a save without the mark then changes nothing', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const lifted = await call<Flag>(b, 'flags.unflag', { id: f.id });
    expect(flagState(lifted)).toBe('lifted');
    expect(lifted.retiredBy).not.toBe('');
    expect(await call<Flag>(b, 'flags.unflag', { id: f.id })).toEqual(lifted);
    const ack = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
    expect(ack.flags).toEqual([]);
    expect((await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true })).ok).toBe(true);
  });

  it('refuses content the redaction cannot judge, and writes nothing', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await flagged(b);
    const bad = content(para(tx('fine')), el('flag', [tx('a flag outside a line')], { ids: ['z'] }));
    await refused(b, 'minutes.saveSection', { meetingId, sectionKey: itemId, content: bad }, 'bad_request');
    await refused(b, 'minutes.saveSection', { meetingId, sectionKey: itemId, content: content(para(tx('x'))), liftedByUndo: ['bad id!'] }, 'bad_request');
  });

  it('each change of state is recorded once in the meeting history, with the flag and the section; a save that changes nothing records nothing', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const events = () =>
      (b.db.prepare(`SELECT kind, detail_json FROM meeting_events WHERE meeting_id = ? AND kind LIKE 'flag%' ORDER BY id`).all(meetingId) as Array<{ kind: string; detail_json: string }>).map((e) => [
        e.kind,
        JSON.parse(e.detail_json) as Record<string, unknown>,
      ]);
    const text = 'Acme pays 40 million';
    const marked = content(para(tx('Before. '), mark(f.id, text), tx(' After.')));
    const unmarked = content(para(tx(`Before. ${text} After.`)));
    expect(events()).toEqual([['flag_created', { flagId: f.id, reason: f.reason, sectionKey: itemId }]]);
    // The same content again: nothing changes, nothing is recorded.
    expect((await save(b, meetingId, itemId, marked)).flags).toEqual([]);
    const steps: Array<[SerializedDoc, string[] | undefined, string | null, string]> = [
      [unmarked, undefined, 'flag_mark_missing', 'mark_missing'],
      [unmarked, undefined, null, 'mark_missing'],
      [marked, undefined, 'flag_marked_again', 'in_force'],
      [unmarked, [f.id], 'flag_lifted_by_undo', 'lifted_by_undo'],
      [unmarked, undefined, null, 'lifted_by_undo'],
      [marked, undefined, 'flag_restored', 'in_force'],
      [content(para(tx('Gone.'))), undefined, 'flag_text_removed', 'text_removed'],
    ];
    let n = 1;
    for (const [c, undo, event, state] of steps) {
      const ack = await save(b, meetingId, itemId, c, undo);
      expect(ack.flags.map((x) => x.id), `${event}`).toEqual(event ? [f.id] : []);
      const r = await rec(b, meetingId, f.id);
      expect(flagState(r), `${event}`).toBe(state);
      if (event) n++;
      expect(events(), `${event}`).toHaveLength(n);
      if (event) expect(events().at(-1)).toEqual([event, { flagId: f.id, sectionKey: itemId }]);
    }
    const removed = await rec(b, meetingId, f.id);
    expect(removed).toMatchObject({ retiredReason: 'text_removed', retiredBy: '', unmarkedSince: null });
    expect(removed.retiredAt).not.toBeNull();
    // The text back elsewhere: in force again, mark missing, in that section.
    await save(b, meetingId, 'closing', content(para(tx(`Said again: ${text}.`))));
    expect(events().at(-1)).toEqual(['flag_mark_missing', { flagId: f.id, sectionKey: 'closing' }]);
    const back = await rec(b, meetingId, f.id);
    expect(back).toMatchObject({ sectionKey: 'closing', retiredAt: null, retiredReason: null });
    expect(back.unmarkedSince).not.toBeNull();
    // Saved again with nothing new: recorded once only.
    await save(b, meetingId, 'closing', content(para(tx(`Said again: ${text}.`))));
    expect(events().filter(([k]) => k === 'flag_mark_missing')).toHaveLength(2);
  });

  it('lifted by undo: by whom, when, and its mark-missing time cleared; restored: moved to the section it is marked in', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const text = 'Acme pays 40 million';
    await save(b, meetingId, itemId, content(para(tx(`Before. ${text} After.`))));
    expect((await rec(b, meetingId, f.id)).unmarkedSince).not.toBeNull();
    await save(b, meetingId, itemId, content(para(tx(`Before. ${text} After. More.`))), [f.id]);
    const lifted = await rec(b, meetingId, f.id);
    expect(lifted).toMatchObject({ retiredReason: 'undo', unmarkedSince: null });
    expect(lifted.retiredBy).not.toBe('');
    expect(lifted.retiredAt).not.toBeNull();
    // Marked again in another section: in force there, with every trace of the lifting cleared.
    const ack = await save(b, meetingId, 'opening', content(para(mark(f.id, text))));
    expect(ack.flags.map((x) => x.id)).toEqual([f.id]);
    expect(await rec(b, meetingId, f.id)).toMatchObject({ sectionKey: 'opening', retiredAt: null, retiredReason: null, retiredBy: '', unmarkedSince: null, excerpt: text });
    const adopted = await save(b, meetingId, 'opening', content(para(mark(f.id, text), tx(' '), mark('new-1', 'Beta terms'))));
    expect(adopted.flags).toHaveLength(1);
    expect(adopted.flags[0]).toMatchObject({ id: 'new-1', reason: DEFAULT_FLAG_REASON, sectionKey: 'opening', excerpt: 'Beta terms', retiredAt: null, unmarkedSince: null });
    const ev = b.db.prepare(`SELECT kind, detail_json FROM meeting_events WHERE meeting_id = ? ORDER BY id DESC LIMIT 1`).get(meetingId) as { kind: string; detail_json: string };
    expect([ev.kind, JSON.parse(ev.detail_json)]).toEqual(['flag_adopted', { flagId: 'new-1', sectionKey: 'opening' }]);
  });

  it('a flag still marked but moved to another section follows it; a changed excerpt alone records no event', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const count = () => (b.db.prepare(`SELECT count(*) AS n FROM meeting_events WHERE meeting_id = ? AND kind LIKE 'flag%'`).get(meetingId) as { n: number }).n;
    const before = count();
    const edited = await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, 'Acme pays 41 million'), tx(' After.'))));
    expect(edited.flags.map((x) => x.excerpt)).toEqual(['Acme pays 41 million']);
    expect(count()).toBe(before);
    const moved = await save(b, meetingId, 'opening', content(para(mark(f.id, 'Acme pays 41 million'))));
    expect(moved.flags.map((x) => [x.id, x.sectionKey])).toEqual([[f.id, 'opening']]);
    expect(await rec(b, meetingId, f.id)).toMatchObject({ sectionKey: 'opening', retiredAt: null, unmarkedSince: null });
    expect(count()).toBe(before);
  });

  it('a mark missing stays recorded once while other text around it changes', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const events = () => b.db.prepare(`SELECT kind FROM meeting_events WHERE meeting_id = ? AND kind = 'flag_mark_missing'`).all(meetingId).length;
    await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
    const missing = await rec(b, meetingId, f.id);
    expect(missing.unmarkedSince).not.toBeNull();
    expect(events()).toBe(1);
    // Other words typed around it: the record keeps the time its mark went missing, and no second event.
    const later = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After. And more words.'))));
    expect(later.flags).toEqual([]);
    expect(await rec(b, meetingId, f.id)).toEqual(missing);
    expect(events()).toBe(1);
  });

  // Found by the lifecycle property (FC_SEED=127132106): a flag over new words and old ones, then a revision holding
  // only the old ones restored. The flag could not be re-applied whole, was retired as "text removed", and its old
  // words were published.
  it('restoring a revision that holds only part of a flagged passage keeps that part flagged (it is never published)', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    await save(b, meetingId, itemId, content(para(tx('Acme pays 40 million. After.'))));
    const snap = await call<{ revision: { id: string } }>(b, 'minutes.snapshot', { meetingId, sectionKey: itemId, reason: 'manual' });
    const f = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x' });
    await save(b, meetingId, itemId, content(para(tx('Bob said: '), mark(f.id, 'Today Acme pays'), tx(' 40 million. After.'))));
    const preview = await call<{ reapplied: Array<{ id: string }>; notInRevision: unknown[]; partly: unknown[] }>(b, 'minutes.restorePreview', { id: snap.revision.id });
    expect(preview.reapplied.map((x) => x.id)).toEqual([f.id]);
    expect(preview.notInRevision).toEqual([]);
    // Said before the officer confirms: which passage is only partly there, and what of it stays flagged.
    expect(preview.partly).toEqual([{ id: f.id, excerpt: 'Today Acme pays', kept: 'Acme pays' }]);
    const restored = await call<{ content: SerializedDoc }>(b, 'minutes.restoreRevision', { id: snap.revision.id });
    expect(flaggedTexts(restored.content)).toEqual([{ ids: [f.id], text: 'Acme pays' }]);
    const r = await rec(b, meetingId, f.id);
    expect(flagState(r)).toBe('in_force');
    expect(r.excerpt).toBe('Acme pays');
    const out = await call<{ bytesBase64: string }>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
    const xml = strFromU8(unzipSync(Buffer.from(out.bytesBase64, 'base64'))['word/document.xml']!);
    expect(xml).not.toContain('Acme');
    expect(xml).toContain('40 million. After.');
  });

  it('a flag whose mark is missing stays in force while part of its text remains, and the export stays refused', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await flagged(b);
    await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
    // Part of the unmarked passage deleted: what is left of it is still confidential.
    const ack = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays After.'))));
    expect(ack.flags.map((x) => [flagState(x), x.excerpt])).toEqual([['mark_missing', 'Acme pays']]);
    await refused(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
    // The same for a marked passage whose mark and part of its text go in one save.
    const g = await flagged(b, 'Beta Labs quotes 7 euros');
    const ack2 = await save(b, g.meetingId, g.itemId, content(para(tx('Before. Beta Labs quotes After.'))));
    expect(ack2.flags.map((x) => [flagState(x), x.excerpt])).toEqual([['mark_missing', 'Beta Labs quotes']]);
    // Gone altogether: now, and only now, "text removed".
    const gone = await save(b, g.meetingId, g.itemId, content(para(tx('Before. After.'))));
    expect(gone.flags.map((x) => flagState(x))).toEqual(['text_removed']);
  });

  it('words that survive: said once when the mark goes, followed quietly after, and preferred to a whole copy elsewhere', async () => {
    const b = makeBackend();
    const { meetingId, itemId, f } = await flagged(b);
    const events = () => b.db.prepare(`SELECT count(*) AS n FROM meeting_events WHERE meeting_id = ? AND kind = 'flag_mark_missing'`).get(meetingId) as { n: number };
    // A second flag keeps its mark in the same save: the first one's words are still looked for.
    const g = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'x' });
    const first = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays After. '), mark(g.id, 'Zeta'))));
    expect(first.flags.map((x) => [x.id, flagState(x), x.excerpt])).toEqual([
      [g.id, 'in_force', 'Zeta'],
      [f.id, 'mark_missing', 'Acme pays'],
    ]);
    const since = (await rec(b, meetingId, f.id)).unmarkedSince;
    expect(since).not.toBeNull();
    expect(events().n).toBe(1);
    // The same text saved again: nothing changes, nothing is recorded.
    const again = await save(b, meetingId, itemId, content(para(tx('Before. Acme pays After. More. '), mark(g.id, 'Zeta'))));
    expect(again.flags).toEqual([]);
    // One more word of it goes: the passage follows, the time its mark went missing stays, no second event.
    const less = await save(b, meetingId, itemId, content(para(tx('Before. Acme After. More. '), mark(g.id, 'Zeta'))));
    expect(less.flags.map((x) => [flagState(x), x.excerpt, x.unmarkedSince])).toEqual([['mark_missing', 'Acme', since]]);
    expect(events().n).toBe(1);
    // A whole copy of a passage elsewhere, and some of its words here: the record keeps the words found here (they
    // are in the copy too, so the export is refused for both).
    const h = await flagged(b, 'Beta Labs quotes 7 euros');
    await save(b, h.meetingId, 'opening', content(para(tx('Copy: Beta Labs quotes 7 euros.'))));
    const part = await save(b, h.meetingId, h.itemId, content(para(tx('Before. Beta Labs After.'))));
    expect(part.flags.map((x) => [flagState(x), x.excerpt])).toEqual([['mark_missing', 'Beta Labs']]);
    await refused(b, 'exports.create', { meetingId: h.meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
  });

  // A mark carrying another meeting's flag id: saved by a build from before pasting re-keyed such marks, or sent by an
  // old page. That meeting's record does not guard this meeting's text: were the mark lost here, nothing would keep
  // its words confidential. Such a mark becomes a flag of this meeting, under an id of its own (the same one each time).
  describe("a mark carrying another meeting's flag id", () => {
    const idsIn = (c: SerializedDoc) => flaggedTexts(c).flatMap((f) => f.ids);
    /** Writes a section's content as an earlier build left it (no save of this build, no records). */
    const storeAsEarlierBuild = (b: Backend, meetingId: string, sectionKey: string, c: SerializedDoc) =>
      b.db.prepare('UPDATE minutes_sections SET content_json = ? WHERE meeting_id = ? AND section_key = ?').run(JSON.stringify(c), meetingId, sectionKey);
    const copied = (id: string) => content(para(tx('Copied: '), mark(id, 'Acme pays 40 million'), tx(' end.')));

    it("is saved under this meeting's own id, with a record of this meeting (the other meeting's reason and note); the other record is untouched", async () => {
      const b = makeBackend();
      const a = await flagged(b);
      await call(b, 'flags.update', { id: a.f.id, reason: 'personal_data', note: 'named person' });
      const other = await meetingWithAgenda(b, 'Second plenary');
      const ack = await save(b, other.meetingId, other.itemId, copied(a.f.id));
      const own = (await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags;
      expect(own).toHaveLength(1);
      expect(own[0]!.id).not.toBe(a.f.id);
      expect(own[0]).toMatchObject({ meetingId: other.meetingId, sectionKey: other.itemId, excerpt: 'Acme pays 40 million', reason: 'personal_data', note: 'named person', retiredAt: null, unmarkedSince: null });
      expect(ack.flags.map((x) => x.id)).toEqual([own[0]!.id]);
      const stored = await call<{ content: SerializedDoc }>(b, 'minutes.section', { meetingId: other.meetingId, sectionKey: other.itemId });
      expect(idsIn(stored.content)).toEqual([own[0]!.id]);
      expect(await rec(b, a.meetingId, a.f.id)).toMatchObject({ meetingId: a.meetingId, sectionKey: a.itemId, retiredAt: null, unmarkedSince: null });
      // The same content saved again (an old page still holding the other id): the same own id, no second record.
      await save(b, other.meetingId, other.itemId, copied(a.f.id));
      expect((await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags.map((x) => x.id)).toEqual([own[0]!.id]);
      // In another meeting again, another own id.
      const third = await meetingWithAgenda(b, 'Third plenary');
      await save(b, third.meetingId, third.itemId, copied(a.f.id));
      const thirds = (await call<FlagList>(b, 'flags.list', { meetingId: third.meetingId })).flags.map((x) => x.id);
      expect(thirds).toHaveLength(1);
      expect([a.f.id, own[0]!.id]).not.toContain(thirds[0]);
    });

    it('its mark then lost while its words stay: they stay guarded, the export is refused, the words are never published', async () => {
      const b = makeBackend();
      const a = await flagged(b);
      const other = await meetingWithAgenda(b, 'Second plenary');
      await save(b, other.meetingId, other.itemId, copied(a.f.id));
      await save(b, other.meetingId, other.itemId, content(para(tx('Copied: Acme pays 40 million end.'))));
      const own = (await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags;
      expect(own.map((x) => [flagState(x), x.excerpt])).toEqual([['mark_missing', 'Acme pays 40 million']]);
      await refused(b, 'exports.create', { meetingId: other.meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
    });

    it('a stored section that cannot be read for its marks (no save of this build would store it) is still read as stored', async () => {
      const b = makeBackend();
      const other = await meetingWithAgenda(b, 'Second plenary');
      await save(b, other.meetingId, other.itemId, content(para(tx('Something.'))));
      // A flag outside a line (the reader refuses it), with an id holding "]" (so the quick scan cannot tell).
      const odd = content(para(tx('fine')), el('flag', [tx('outside a line')], { ids: ['a]b'] }));
      storeAsEarlierBuild(b, other.meetingId, other.itemId, odd);
      const read = await call<{ content: SerializedDoc }>(b, 'minutes.section', { meetingId: other.meetingId, sectionKey: other.itemId });
      expect(read.content).toEqual(odd);
    });

    it('held by a revision from an earlier build, it is restored under the own id, with a record of this meeting', async () => {
      const b = makeBackend();
      const a = await flagged(b);
      const other = await meetingWithAgenda(b, 'Second plenary');
      await save(b, other.meetingId, other.itemId, content(para(tx('Something else.'))));
      storeAsEarlierBuild(b, other.meetingId, other.itemId, copied(a.f.id));
      const snap = await call<{ revision: { id: string } }>(b, 'minutes.snapshot', { meetingId: other.meetingId, sectionKey: other.itemId, reason: 'manual' });
      await save(b, other.meetingId, other.itemId, content(para(tx('Rewritten since.'))));
      const preview = await call<{ content: SerializedDoc }>(b, 'minutes.restorePreview', { id: snap.revision.id });
      const restored = await call<{ content: SerializedDoc; flags: Flag[] }>(b, 'minutes.restoreRevision', { id: snap.revision.id });
      const [ownId] = idsIn(restored.content);
      expect(ownId).not.toBe(a.f.id);
      expect(idsIn(preview.content)).toEqual([ownId]);
      expect((await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags.map((x) => [x.id, flagState(x), x.excerpt])).toEqual([[ownId, 'in_force', 'Acme pays 40 million']]);
      await save(b, other.meetingId, other.itemId, content(para(tx('Copied: Acme pays 40 million end.'))));
      await refused(b, 'exports.create', { meetingId: other.meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
    });

    it('stored so by an earlier build, the section is read with the own id, and saving it back keeps the flag', async () => {
      const b = makeBackend();
      const a = await flagged(b);
      const other = await meetingWithAgenda(b, 'Second plenary');
      await save(b, other.meetingId, other.itemId, content(para(tx('Copied: Acme pays 40 million end.'))));
      // As an earlier build stored it: the other meeting's id in this meeting's section, no record here.
      storeAsEarlierBuild(b, other.meetingId, other.itemId, copied(a.f.id));
      const read = await call<{ content: SerializedDoc }>(b, 'minutes.section', { meetingId: other.meetingId, sectionKey: other.itemId });
      const [ownId] = idsIn(read.content);
      expect(ownId).toBeDefined();
      expect(ownId).not.toBe(a.f.id);
      // The page saves what it read, then loses the mark: this meeting's own record guards the words.
      await save(b, other.meetingId, other.itemId, read.content);
      expect((await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags.map((x) => [x.id, flagState(x)])).toEqual([[ownId, 'in_force']]);
      await save(b, other.meetingId, other.itemId, content(para(tx('Copied: Acme pays 40 million end.'))));
      expect((await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags.map((x) => flagState(x))).toEqual(['mark_missing']);
      await refused(b, 'exports.create', { meetingId: other.meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
    });
  });

  // One record per flag id, but its marks can stand in two sections (a flagged passage copied with its mark, a revision
  // restored, a package): the record follows the section that saved a mark last. The text a mark guarded in the
  // other section must stay guarded when that mark goes (found by the random lifecycle test, seed -769346559).
  describe('a flag whose marks stand in two sections', () => {
    const publishes = async (b: Backend, meetingId: string, text: string) => {
      const r = await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
      if (!r.ok) return expect(r.error.code).toBe('leak_detected');
      const bytes = Buffer.from((r.value as { bytesBase64: string }).bytesBase64, 'base64');
      for (const [name, data] of Object.entries(unzipSync(bytes))) expect(strFromU8(data), name).not.toContain(text);
    };
    const guards = async (b: Backend, meetingId: string, sectionKey: string, text: string) =>
      (await call<FlagList>(b, 'flags.list', { meetingId })).flags.filter((x) => x.sectionKey === sectionKey && x.retiredAt === null && x.excerpt.includes(text));

    it('its mark lost in one section (text still there), then a mark of the same id saved in another: the first text stays guarded', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
      const ack = await save(b, meetingId, 'opening', content(para(tx('Opening. '), mark(f.id, 'Beta Labs'))));
      // The record follows the mark; a new record, mark missing, keeps the passage left in the item confidential.
      expect(await rec(b, meetingId, f.id)).toMatchObject({ sectionKey: 'opening', excerpt: 'Beta Labs', retiredAt: null, unmarkedSince: null });
      const kept = await guards(b, meetingId, itemId, 'Acme pays 40 million');
      expect(kept.map((x) => [flagState(x), x.excerpt, x.reason])).toEqual([['mark_missing', 'Acme pays 40 million', f.reason]]);
      expect(ack.flags.map((x) => x.id).sort()).toEqual([f.id, kept[0]!.id].sort());
      await refused(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
      await publishes(b, meetingId, 'Acme pays');
      // The item saved again (unchanged text): still guarded, still refused.
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After. More.'))));
      expect(await guards(b, meetingId, itemId, 'Acme pays 40 million')).toHaveLength(1);
      await refused(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
    });

    it('its mark missing, then a mark of the same id over only part of its text (same section): the rest stays guarded', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
      await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, 'A'), tx('cme pays 40 million After.'))));
      expect(await rec(b, meetingId, f.id)).toMatchObject({ excerpt: 'A', unmarkedSince: null });
      expect((await guards(b, meetingId, itemId, 'Acme pays 40 million')).map((x) => flagState(x))).toEqual(['mark_missing']);
      await refused(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
      await publishes(b, meetingId, 'cme pays');
    });

    it('its mark missing, then flagged again over all of its text: one record, in force, and the export passes', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
      await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, 'Acme pays 40 million After'), tx('.'))));
      expect((await call<FlagList>(b, 'flags.list', { meetingId })).flags.map((x) => [x.id, flagState(x)])).toEqual([[f.id, 'in_force']]);
      expect((await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true })).ok).toBe(true);
    });

    it('its mark copied to another section, then lost where it was first (text still there): that text stays guarded', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, 'opening', content(para(mark(f.id, 'Acme pays 40 million'), tx(' (copied)'))));
      expect((await rec(b, meetingId, f.id)).sectionKey).toBe('opening');
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))));
      expect(await guards(b, meetingId, itemId, 'Acme pays 40 million')).toHaveLength(1);
      await refused(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true }, 'leak_detected');
      await publishes(b, meetingId, 'Acme pays');
    });

    it('its mark copied, then lost where it was first with different words around it: the words that survive stay guarded', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, 'opening', content(para(mark(f.id, 'Beta Labs'))));
      await save(b, meetingId, itemId, content(para(tx('Before. '), mark(f.id, 'Acme pays 40 million'), tx(' After.'))));
      await save(b, meetingId, 'opening', content(para(mark(f.id, 'Beta Labs'), tx('.'))));
      // The item loses its mark and some of the words in one save.
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays After.'))));
      expect((await guards(b, meetingId, itemId, 'Acme pays')).map((x) => [flagState(x), x.excerpt])).toEqual([['mark_missing', 'Acme pays']]);
      await publishes(b, meetingId, 'Acme pays');
    });

    it('an undo reported where the mark was copied from lifts nothing there while the flag is in force elsewhere (fail closed)', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, 'opening', content(para(mark(f.id, 'Acme pays 40 million'))));
      await save(b, meetingId, itemId, content(para(tx('Before. Acme pays 40 million After.'))), [f.id]);
      expect(flagState(await rec(b, meetingId, f.id))).toBe('in_force');
      expect(await guards(b, meetingId, itemId, 'Acme pays 40 million')).toHaveLength(1);
      await publishes(b, meetingId, 'Acme pays');
    });

    it('its text gone from the first section as well: nothing more is kept, and the export passes', async () => {
      const b = makeBackend();
      const { meetingId, itemId, f } = await flagged(b);
      await save(b, meetingId, 'opening', content(para(mark(f.id, 'Beta Labs'))));
      await save(b, meetingId, itemId, content(para(tx('Before. After.'))));
      expect(await guards(b, meetingId, itemId, '')).toEqual([]);
      expect(flagState(await rec(b, meetingId, f.id))).toBe('in_force');
      expect((await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true })).ok).toBe(true);
    });
  });

  it('deleting the meeting removes its records', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    await call<Flag>(b, 'flags.create', { meetingId, sectionKey: 'closing', excerpt: 'x' });
    await call(b, 'flags.dismissSuggestion', { meetingId, text: 'x' });
    await call(b, 'meetings.delete', { id: meetingId });
    expect(countFlags(b)).toBe(0);
  });
});

describe('dismissed suggestions and sensitive terms', () => {
  it('keeps dismissed texts per meeting, once each', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithAgenda(b);
    const other = await meetingWithAgenda(b, 'Other');
    expect(await call(b, 'flags.dismissedSuggestions', { meetingId })).toEqual({ texts: [] });
    expect(await call(b, 'flags.dismissSuggestion', { meetingId, text: ' Helix-3 ' })).toEqual({ texts: ['Helix-3'] });
    expect(await call(b, 'flags.dismissSuggestion', { meetingId, text: 'Helix-3' })).toEqual({ texts: ['Helix-3'] });
    expect(await call(b, 'flags.dismissSuggestion', { meetingId, text: 'EUR 12m' })).toEqual({ texts: ['Helix-3', 'EUR 12m'] });
    expect(await call(b, 'flags.dismissedSuggestions', { meetingId: other.meetingId })).toEqual({ texts: [] });
    await refused(b, 'flags.dismissSuggestion', { meetingId, text: '   ' }, 'bad_request');
    await refused(b, 'flags.dismissSuggestion', { meetingId: 'nope', text: 'x' }, 'not_found');
    await refused(b, 'flags.dismissedSuggestions', { meetingId: 'nope' }, 'not_found');
  });

  it('replaces the sensitive terms: trimmed, empty and duplicate (ignoring case) terms dropped, order kept', async () => {
    const b = makeBackend();
    expect(await call(b, 'terms.list', {})).toEqual({ terms: [] });
    expect(await call(b, 'terms.set', { terms: [' Helix-3', 'helix-3', '', 'Project Nord', 'ÉCLAIR', 'éclair'] })).toEqual({ terms: ['Helix-3', 'Project Nord', 'ÉCLAIR'] });
    expect(await call(b, 'terms.list', {})).toEqual({ terms: ['Helix-3', 'Project Nord', 'ÉCLAIR'] });
    expect(await call(b, 'terms.set', { terms: ['Only'] })).toEqual({ terms: ['Only'] });
    await refused(b, 'terms.set', { terms: ['x'.repeat(201)] }, 'bad_request');
    await refused(b, 'terms.set', { terms: 'Helix' }, 'bad_request');
    await refused(b, 'terms.list', { extra: 1 }, 'bad_request');
    expect(await call(b, 'terms.list', {})).toEqual({ terms: ['Only'] });
  });
});

describe('withholding an item through agenda.update', () => {
  it('a sub-item moved out of a withheld item stays withheld (sticky) until released explicitly', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const withSub = await call<AgendaItem[]>(b, 'agenda.add', { meetingId, title: 'Secret detail', parentId: itemId });
    const sub = withSub.find((a) => a.parentId === itemId)!;
    await call<AgendaItem[]>(b, 'agenda.update', { id: itemId, forPublication: false });
    const moved = await call<AgendaItem[]>(b, 'agenda.move', { id: sub.id, parentId: null, index: 5 });
    expect(moved.find((a) => a.id === sub.id)).toMatchObject({ parentId: null, forPublication: false });
    // A sub-item of a published item moves freely.
    const other = (await call<AgendaItem[]>(b, 'agenda.add', { meetingId, title: 'Open' })).find((a) => a.title === 'Open')!;
    const sub2 = (await call<AgendaItem[]>(b, 'agenda.add', { meetingId, title: 'Open detail', parentId: other.id })).find((a) => a.title === 'Open detail')!;
    const moved2 = await call<AgendaItem[]>(b, 'agenda.move', { id: sub2.id, parentId: null, index: 9 });
    expect(moved2.find((a) => a.id === sub2.id)).toMatchObject({ forPublication: true });
    // Released explicitly: published.
    const released = await call<AgendaItem[]>(b, 'agenda.update', { id: sub.id, forPublication: true });
    expect(released.find((a) => a.id === sub.id)).toMatchObject({ forPublication: true });
  });

  it('redact() publishes only the title of an item set forPublication: false, and none of its sub-items', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId, title: 'Sub-point', parentId: itemId });
    const subId = agenda.find((a) => a.parentId === itemId)!.id;
    await call(b, 'agenda.update', { id: itemId, forPublication: false });
    const detail = await call<MeetingDetail>(b, 'meetings.get', { id: meetingId });
    const text = (s: string): SerializedDoc => ({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: s }] }] } });
    const pub = redact({
      bodyName: 'Signatory Taskforce',
      meeting: detail.meeting,
      agenda: detail.agenda,
      sections: [
        { key: itemId, content: text('SECRET pricing talk') },
        { key: subId, content: text('SECRET sub-point') },
        { key: 'opening', content: text('Welcome') },
      ],
      organisations: [],
    });
    expect(pub.sections.map((s) => [s.number, s.title, s.withheld, s.blocks.length])).toEqual([
      ['', 'Opening', false, 1],
      ['1', 'Pricing', true, 0],
      ['1.1', 'Sub-point', true, 0],
      ['', 'Closing', false, 0],
    ]);
    expect(publicPlainText(pub)).not.toContain('SECRET');
  });
});
