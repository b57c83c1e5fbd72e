import { describe, expect, it } from 'vitest';
import type { Dump } from '../../electron/backend/repositories/graph-repo';
import { keepInDump, type KeptWords } from '../../electron/backend/services/kept-in-trash';
import { describe as held } from '../../electron/backend/services/trash-service';

const dump = (revisions: Array<Record<string, unknown>> = []): Dump => ({
  root: { table: 'meetings', id: 'm1' },
  tables: {
    meetings: [{ id: 'm1' }],
    minutes: [{ meeting_id: 'm1', version: 3 }],
    agenda_items: [{ id: 'item1', meeting_id: 'm1' }],
    minutes_revisions: revisions,
  },
  relinks: [],
});
const words = (p: Partial<KeptWords> = {}): KeptWords => ({ id: 'k1', sectionKey: 'opening', rev: 2, contentJson: '{"a":1}', plainText: 'a', now: '2026-12-06T10:00:00.000Z', writer: 'w1', ...p });

describe('the words of a save into a deleted meeting, kept in its dump in the trash', () => {
  it('added as a kept copy of the section: the meeting’s minutes version, the next number of that section', () => {
    const d = dump([
      { id: 'r1', section_key: 'opening', seq: 4, reason: 'auto', writer: null },
      { id: 'r2', section_key: 'item1', seq: 9, reason: 'auto', writer: null },
    ]);
    const kept = keepInDump(d, words()) as Dump;
    expect(kept.tables.minutes_revisions!.at(-1)).toEqual({
      id: 'k1',
      meeting_id: 'm1',
      section_key: 'opening',
      minutes_version: 3,
      rev: 2,
      reason: 'conflict_copy',
      content_json: '{"a":1}',
      plain_text: 'a',
      created_at: '2026-12-06T10:00:00.000Z',
      seq: 5,
      writer: 'w1',
    });
    expect(d.tables.minutes_revisions).toHaveLength(2); // the dump given is not changed
  });

  it('what the trash entry holds names the kept copies first: saved nowhere else, they go if it is removed for good', () => {
    const d = dump([{ id: 'r1', section_key: 'opening', seq: 4, reason: 'auto', writer: null }]);
    expect(held(d)).toBe('1 agenda item, 1 revision');
    const one = keepInDump(d, words()) as Dump;
    expect(held(one)).toBe('1 copy of words a save refused, kept nowhere else, 1 agenda item, 1 revision'); // the copy not counted twice
    const two = keepInDump(one, words({ id: 'k2', writer: 'w2', sectionKey: 'item1' })) as Dump;
    expect(held(two)).toMatch(/^2 copies of words saves refused, kept nowhere else, /);
  });

  it('one copy per page and section: newer words replace it, the same words change nothing, another page keeps its own', () => {
    const once = keepInDump(dump(), words()) as Dump;
    expect(keepInDump(once, words({ id: 'k2' }))).toBe('same');
    const twice = keepInDump(once, words({ id: 'k2', contentJson: '{"a":2}' })) as Dump;
    expect(twice.tables.minutes_revisions!.map((r) => [r.id, r.content_json])).toEqual([['k2', '{"a":2}']]);
    const other = keepInDump(twice, words({ id: 'k3', writer: 'w2' })) as Dump;
    expect(other.tables.minutes_revisions!.map((r) => r.id)).toEqual(['k2', 'k3']);
  });

  it('nothing kept for a key that is no section of the meeting, or a dump that is no meeting', () => {
    expect(keepInDump(dump(), words({ sectionKey: 'item2' }))).toBeNull();
    expect(keepInDump({ ...dump(), root: { table: 'agenda_items', id: 'item1' } }, words({ sectionKey: 'item1' }))).toBeNull();
    expect(keepInDump(dump(), words({ sectionKey: 'item1' }))).not.toBeNull();
  });
});
