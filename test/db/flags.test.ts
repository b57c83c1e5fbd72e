import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { Flag, FlagList, FlagSyncResult } from '../../shared/domain/flags';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
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

describe('flags.sync and flags.unflag', () => {
  it('retires records whose text is gone, restores them on undo, updates excerpts, never deletes', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const a = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'alpha' });
    const c = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'gamma' });
    const elsewhere = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'opening text' });

    const r1 = await call<FlagSyncResult>(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [{ id: a.id, excerpt: 'alpha edited' }] });
    expect(r1).toMatchObject({ retiredIds: [c.id], restoredIds: [], adoptedIds: [], ignoredIds: [] });
    const byId = new Map(r1.flags.map((f) => [f.id, f]));
    expect(byId.get(a.id)).toMatchObject({ excerpt: 'alpha edited', retiredAt: null });
    expect(byId.get(c.id)).toMatchObject({ retiredReason: 'text_removed', excerpt: 'gamma' });
    expect(byId.get(c.id)!.retiredAt).not.toBeNull();

    // The same report again changes nothing; the other section's flag is untouched.
    const r2 = await call<FlagSyncResult>(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [{ id: a.id, excerpt: 'alpha edited' }] });
    expect(r2).toMatchObject({ retiredIds: [], restoredIds: [] });
    expect(r2.flags).toEqual(r1.flags);

    // Undo brings gamma back.
    const r3 = await call<FlagSyncResult>(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [{ id: a.id, excerpt: 'alpha edited' }, { id: c.id, excerpt: 'gamma' }] });
    expect(r3.restoredIds).toEqual([c.id]);
    expect(r3.flags.every((f) => f.retiredAt === null && f.retiredReason === null)).toBe(true);

    const list = await call<FlagList>(b, 'flags.list', { meetingId });
    expect(list.flags).toHaveLength(3);
    expect(list.flags.find((f) => f.id === elsewhere.id)).toEqual(elsewhere);
    expect(list.countsByReason.commercially_confidential).toBe(3);
  });

  it('joins the pieces of a flag across blocks, adopts unknown ids, moves pasted flags, ignores another meeting’s', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const other = await meetingWithAgenda(b, 'Other');
    const foreign = await call<Flag>(b, 'flags.create', { meetingId: other.meetingId, sectionKey: 'opening', excerpt: 'theirs' });
    const moved = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'cut from the opening' });

    const r = await call<FlagSyncResult>(b, 'flags.sync', {
      meetingId,
      sectionKey: itemId,
      present: [
        { id: 'pasted-1', excerpt: 'first paragraph' },
        { id: 'pasted-1', excerpt: 'second paragraph' },
        { id: foreign.id, excerpt: 'theirs' },
        { id: moved.id, excerpt: 'cut from the opening' },
      ],
    });
    expect(r).toMatchObject({ adoptedIds: ['pasted-1'], ignoredIds: [foreign.id], restoredIds: [], retiredIds: [] });
    expect(r.flags.find((f) => f.id === 'pasted-1')).toMatchObject({ excerpt: 'first paragraph\nsecond paragraph', reason: 'commercially_confidential', sectionKey: itemId });
    expect(r.flags.find((f) => f.id === moved.id)).toMatchObject({ sectionKey: itemId, retiredAt: null });
    expect((await call<FlagList>(b, 'flags.list', { meetingId: other.meetingId })).flags).toEqual([foreign]);

    // The opening no longer holds the moved flag: its sync retires nothing of it.
    const opening = await call<FlagSyncResult>(b, 'flags.sync', { meetingId, sectionKey: 'opening', present: [] });
    expect(opening.retiredIds).toEqual([]);
  });

  it('refuses bad sync reports and unknown meetings, changing nothing', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const a = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'alpha' });
    await refused(b, 'flags.sync', { meetingId: 'nope', sectionKey: itemId, present: [] }, 'not_found');
    await refused(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [{ id: 'bad id!', excerpt: '' }] }, 'bad_request');
    await refused(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [{ id: a.id }] }, 'bad_request');
    await refused(b, 'flags.sync', { meetingId, sectionKey: itemId }, 'bad_request');
    expect((await call<FlagList>(b, 'flags.list', { meetingId })).flags).toEqual([a]);
  });

  it('unflag retires the record as lifted by a person, twice is once, and a sync that finds it again restores it', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const a = await call<Flag>(b, 'flags.create', { meetingId, sectionKey: itemId, excerpt: 'alpha', reason: 'business_secret' });
    const lifted = await call<Flag>(b, 'flags.unflag', { id: a.id });
    expect(lifted).toMatchObject({ id: a.id, retiredReason: 'unflagged', reason: 'business_secret', excerpt: 'alpha' });
    expect(lifted.retiredAt).not.toBeNull();
    expect(await call<Flag>(b, 'flags.unflag', { id: a.id })).toEqual(lifted);
    expect((await call<FlagList>(b, 'flags.list', { meetingId })).countsByReason.business_secret).toBe(0);

    const sync = await call<FlagSyncResult>(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [] });
    expect(sync.retiredIds).toEqual([]);
    expect(sync.flags[0]!.retiredReason).toBe('unflagged');

    const undo = await call<FlagSyncResult>(b, 'flags.sync', { meetingId, sectionKey: itemId, present: [{ id: a.id, excerpt: 'alpha' }] });
    expect(undo.restoredIds).toEqual([a.id]);
    await refused(b, 'flags.unflag', { id: 'nope' }, 'not_found');
    await refused(b, 'flags.unflag', {}, 'bad_request');
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
  it('redact() publishes only the title of an item set forPublication: false, and none of its sub-items', async () => {
    const b = makeBackend();
    const { meetingId, itemId } = await meetingWithAgenda(b);
    const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId, title: 'Sub-point', parentId: itemId });
    const subId = agenda.find((a) => a.parentId === itemId)!.id;
    await call(b, 'agenda.update', { id: itemId, forPublication: false });
    const detail = await call<MeetingDetail>(b, 'meetings.get', { id: meetingId });
    const text = (s: string): SerializedDoc => ({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: s } as SerializedNode] }] } });
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
