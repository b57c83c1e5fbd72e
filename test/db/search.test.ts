import { describe, expect, it, vi } from 'vitest';
import type { SearchOutput } from '../../shared/contract/search';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { parseQuery } from '../../shared/search/query';
import { searchBlocks } from '../../shared/search/blocks';
import { RANK_CAP } from '../../electron/backend/services/search-service';
import { SEARCH_FLUSH_MS } from '../../electron/backend/backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { TEST_KEY } from '../helpers/key';
import { call } from '../helpers/temp';
import { doc, meetingWithAgenda } from './minutes-fixture';

const search = (b: Parameters<typeof call>[0], input: Record<string, unknown>) => call<SearchOutput>(b, 'search.query', input);
const docCount = (b: Parameters<typeof call>[0]) => (b.db.prepare(`SELECT count(*) AS n FROM search_docs WHERE kind = 'minutes'`).get() as { n: number }).n;

function flaggedDoc(before: string, secret: string, after: string): SerializedDoc {
  const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
  return {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [t(before), { type: 'flag', version: 1, ids: ['f1'], children: [t(secret)] }, t(after)] }],
    },
  };
}

describe('search query language', () => {
  it('quotes words, keeps phrases and prefixes, and never lets FTS5 syntax through', () => {
    expect(parseQuery('copyright  policy')?.match).toBe('"copyright" "policy"');
    expect(parseQuery('"systemic risk" eval*')?.match).toBe('"systemic risk" "eval" *');
    expect(parseQuery('general-purpose')?.match).toBe('"general purpose"');
    expect(parseQuery('NEAR(a b) OR c:d ^x')?.match).toBe('"NEAR a" "b" "OR" "c d" "x"');
    expect(parseQuery('  "" * - ')).toBeNull();
    expect(parseQuery('"unclosed phrase')?.terms).toEqual([{ kind: 'phrase', text: 'unclosed phrase' }]);
    expect(parseQuery('"systemic risk" eval* café')?.parts).toEqual(['"systemic risk"', '"eval" *', '"café"']);
  });

  it('splits a section into blocks with their flagged ranges', () => {
    expect(searchBlocks(flaggedDoc('Revenue was ', 'EUR 12 million', ' last year.'))).toEqual([
      { text: 'Revenue was EUR 12 million last year.', flags: [[12, 26]] },
    ]);
  });
});

describe('search across the archive', () => {
  it('finds minutes, agenda items, decisions and actions; phrases, prefixes, diacritics folded', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: items[0], content: doc('The Café Müller proposal was discussed.', 'Nothing else.') });
    await call(backend, 'decisions.create', { meetingId, sectionKey: items[0], text: 'The taskforce adopted the transparency template.', outcome: 'adopted' });
    await call(backend, 'actions.create', { meetingId, sectionKey: 'closing', text: 'Secretariat to circulate the glossary.' });

    const cafe = await search(backend, { query: 'cafe muller' });
    expect(cafe.hits).toHaveLength(1);
    expect(cafe.hits[0]).toMatchObject({ kind: 'minutes', meetingId, sectionKey: items[0], sectionTitle: '1 Adoption of the agenda', hits: ['Café', 'Müller'] });

    expect((await search(backend, { query: '"transparency template"' })).hits.map((h) => h.kind)).toEqual(['decision']);
    expect((await search(backend, { query: '"template transparency"' })).hits).toHaveLength(0);
    expect((await search(backend, { query: 'gloss*' })).hits.map((h) => h.kind)).toEqual(['action']);
    expect((await search(backend, { query: 'signatory' })).hits.map((h) => h.kind)).toEqual(['agenda']);
    expect((await search(backend, { query: 'adoption', kinds: ['minutes'] })).hits).toHaveLength(0);
    expect((await search(backend, { query: '' })).hits).toEqual([]);
  });

  it('keeps the index current on every save, re-indexing only the blocks that changed', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const key = items[1]!;
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('alpha one', 'bravo two', 'charlie three') });
    const ids = () => backend.db.prepare(`SELECT id FROM search_docs WHERE kind = 'minutes' ORDER BY id`).pluck().all() as number[];
    const before = ids();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('alpha one', 'bravo two edited', 'charlie three') });
    const after = ids();
    expect(after).toEqual(before); // the changed block reused its row; the others were not touched
    expect((await search(backend, { query: 'edited' })).hits).toHaveLength(1);
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('charlie three') });
    expect(docCount(backend)).toBe(1);
    expect((await search(backend, { query: 'alpha' })).hits).toHaveLength(0);
    const integrity = backend.db.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`);
    expect(() => integrity.run()).not.toThrow();
  });

  it('a save only notes the passages it changed; FTS5 takes them in when calls pause, and a query always sees every save', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { backend, meetingId, items } = await meetingWithAgenda();
      backend.flushSearch();
      const key = items[1]!;
      const noted = () => backend.db.prepare(`SELECT count(*) FROM search_pending`).pluck().get() as number;
      const inFts = (word: string) => backend.db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH ?`).pluck().get(word) as number;
      await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('zulu one', 'yankee two') });
      expect(noted()).toBe(2);
      expect(inFts('zulu')).toBe(0);
      vi.advanceTimersByTime(SEARCH_FLUSH_MS - 1);
      expect(noted()).toBe(2);
      // Another call re-arms the timer: the index waits for calls to pause.
      await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('zulu one', 'yankee two three') });
      expect(noted()).toBe(2);
      vi.advanceTimersByTime(SEARCH_FLUSH_MS - 1);
      expect(noted()).toBe(2);
      vi.advanceTimersByTime(1);
      expect(noted()).toBe(0);
      expect([inFts('zulu'), inFts('three')]).toEqual([1, 1]);
      // A query right after a save, before any pause, flushes first.
      await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('zulu one', 'xray four') });
      expect(noted()).toBe(1);
      expect((await search(backend, { query: 'xray' })).hits).toHaveLength(1);
      expect((await search(backend, { query: 'yankee' })).hits).toHaveLength(0);
      expect(noted()).toBe(0);
      backend.db.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`).run();
      // Closing takes in what is noted, so the file on disk has its index whole.
      await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('whiskey five') });
      expect(noted()).toBe(2); // one passage changed, one deleted
      backend.close();
      const reopened = openDatabase(backend.dbFile, { key: TEST_KEY });
      try {
        expect(reopened.prepare(`SELECT count(*) FROM search_pending`).pluck().get()).toBe(0);
        expect(reopened.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH 'whiskey'`).pluck().get()).toBe(1);
      } finally {
        reopened.close();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows flagged passages as flagged', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: flaggedDoc('Revenue was ', 'EUR 12 million', ' last year.') });
    const inFlag = (await search(backend, { query: 'million' })).hits[0]!;
    expect(inFlag.flagged).toBe(true);
    expect(inFlag.snippet.filter((p) => p.flagged).map((p) => p.text).join('')).toBe('EUR 12 million');
    const outside = (await search(backend, { query: 'revenue' })).hits[0]!;
    expect(outside.flagged).toBe(false);
    expect(outside.containsFlagged).toBe(true);
  });

  it('filters by meeting, date range, meeting kind and group; a deleted meeting leaves the index', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    const other = await call<{ meeting: { id: string } }>(backend, 'meetings.create', {
      title: 'Working group',
      kind: 'ad_hoc_group',
      groupName: 'Transparency',
      startsAt: '2025-06-01T10:00',
      endsAt: '2025-06-01T12:00',
    });
    for (const id of [meetingId, other.meeting.id]) await call(backend, 'minutes.saveSection', { meetingId: id, sectionKey: 'opening', content: doc('Quorum reached.') });
    expect((await search(backend, { query: 'quorum' })).hits).toHaveLength(2);
    expect((await search(backend, { query: 'quorum', meetingId })).hits.map((h) => h.meetingId)).toEqual([meetingId]);
    expect((await search(backend, { query: 'quorum', to: '2025-12-31' })).hits.map((h) => h.meetingId)).toEqual([other.meeting.id]);
    expect((await search(backend, { query: 'quorum', from: '2026-02-10', to: '2026-02-10' })).hits.map((h) => h.meetingId)).toEqual([meetingId]);
    expect((await search(backend, { query: 'quorum', meetingKind: 'ad_hoc_group' })).hits).toHaveLength(1);
    expect((await search(backend, { query: 'quorum', group: 'transparency' })).hits).toHaveLength(1);
    backend.db.prepare(`DELETE FROM meetings WHERE id = ?`).run(other.meeting.id);
    expect((await search(backend, { query: 'quorum' })).hits).toHaveLength(1);
  });
});

describe('search index cache', () => {
  it('stays right when a save is rolled back after indexing', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const key = items[0]!;
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('first version') });
    const { SearchRepo } = await import('../../electron/backend/repositories/search-repo');
    const { searchBlocks: blocks } = await import('../../shared/search/blocks');
    const repo = new SearchRepo(backend.db);
    // A transaction that re-indexes the section, then fails: nothing of it stays, and the next save is indexed right.
    expect(() =>
      backend.db.transaction(() => {
        backend.db.prepare(`UPDATE minutes_sections SET rev = rev + 1 WHERE meeting_id = ? AND section_key = ?`).run(meetingId, key);
        repo.indexSection(meetingId, key, blocks(doc('phantom text')));
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content: doc('phantom text') });
    expect((await search(backend, { query: 'phantom' })).hits).toHaveLength(1);
    expect((await search(backend, { query: 'first' })).hits).toHaveLength(0);
  });
});

describe('search over many matches (the bounded path)', () => {
  it('ranks the most recent RANK_CAP matches when there are more, says so with an estimate, and returns the newest', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const many = Array.from({ length: RANK_CAP + 100 }, (_, i) => `Quorum noted in paragraph ${i}.`);
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: items[0], content: doc(...many) });
    // Written last: the most recent passage, so it is among those ranked, and a short one ranks first.
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'closing', content: flaggedDoc('', 'Quorum', '.') });
    const out = await search(backend, { query: 'quorum' });
    expect(out).toMatchObject({ capped: true, matched: RANK_CAP, estimated: 1_100 });
    expect(out.hits).toHaveLength(50);
    expect(out.hits[0]!.sectionKey).toBe('closing');
    expect(out.hits[0]!.flagged).toBe(true); // flagged passages stay flagged on this path
    // Blocks are indexed in order, so paragraphs 0..100 are the oldest 101 matches: outside the newest RANK_CAP.
    const numbers = out.hits.slice(1).map((h) => Number(/paragraph (\d+)/.exec(h.snippet.map((p) => p.text).join(''))![1]));
    expect(numbers).toHaveLength(49);
    for (const n of numbers) expect(n).toBeGreaterThanOrEqual(101);
    expect(new Set(numbers).size).toBe(49);
    // A two-letter prefix and a phrase of the common words take the same path.
    expect(await search(backend, { query: 'qu*' })).toMatchObject({ capped: true, matched: RANK_CAP });
    expect(await search(backend, { query: '"quorum noted"' })).toMatchObject({ capped: true, matched: RANK_CAP });
  });

  it('applies every filter before the cap: the few matches of an old meeting are found under a newer flood', async () => {
    const { backend, meetingId } = await meetingWithAgenda();
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: doc('Quorum in the old meeting.', 'Quorum again, old.') });
    await call(backend, 'decisions.create', { meetingId, sectionKey: 'opening', text: 'Quorum rules adopted.', outcome: 'adopted' });
    const newer = await call<{ meeting: { id: string } }>(backend, 'meetings.create', {
      title: 'Working group',
      kind: 'ad_hoc_group',
      groupName: 'Transparency',
      startsAt: '2026-06-01T10:00',
      endsAt: '2026-06-01T12:00',
    });
    const flood = Array.from({ length: RANK_CAP + 50 }, (_, i) => `Quorum line ${i}.`);
    await call(backend, 'minutes.saveSection', { meetingId: newer.meeting.id, sectionKey: 'opening', content: doc(...flood) });

    const all = await search(backend, { query: 'quorum' });
    expect(all.capped).toBe(true);
    expect(all.hits.every((h) => h.meetingId === newer.meeting.id)).toBe(true);

    const old = await search(backend, { query: 'quorum', meetingId });
    expect(old).toMatchObject({ capped: false, matched: 3, estimated: 3 });
    expect(old.hits.map((h) => h.kind).sort()).toEqual(['decision', 'minutes', 'minutes']);
    expect((await search(backend, { query: 'quorum', to: '2026-03-01' })).hits).toHaveLength(3);
    expect((await search(backend, { query: 'quorum', from: '2026-02-10', to: '2026-02-10', kinds: ['decision'] })).hits.map((h) => h.kind)).toEqual(['decision']);
    expect((await search(backend, { query: 'quorum', meetingKind: 'plenary' })).matched).toBe(3);
    expect(await search(backend, { query: 'quorum', group: 'transparency' })).toMatchObject({ capped: true, matched: RANK_CAP });
    expect((await search(backend, { query: 'quorum', kinds: ['decision'] })).hits.map((h) => h.meetingId)).toEqual([meetingId]);
    // A meeting with no passage at all: nothing, without walking the index.
    const empty = await call<{ meeting: { id: string } }>(backend, 'meetings.create', { title: 'Empty', startsAt: '2027-01-01T10:00', endsAt: '2027-01-01T11:00' });
    expect(await search(backend, { query: 'quorum', meetingId: empty.meeting.id })).toMatchObject({ hits: [], matched: 0, capped: false });
    // Two words, one rare: every passage with both, ranked in full.
    expect((await search(backend, { query: 'quorum again' })).hits.map((h) => h.meetingId)).toEqual([meetingId]);
  });
});

describe('search results are the passages ranked', () => {
  it('returns each matching passage once, with its own text (a rowid bound as a number must still select its row)', async () => {
    const { backend, meetingId, items } = await meetingWithAgenda();
    const texts = ['Quorum alpha.', 'Quorum bravo and more words here.', 'Quorum charlie quorum.'];
    await call(backend, 'minutes.saveSection', { meetingId, sectionKey: items[0], content: doc(...texts) });
    const out = await search(backend, { query: 'quorum' });
    const passages = out.hits.map((h) => h.snippet.map((p) => p.text).join(''));
    expect(new Set(passages)).toEqual(new Set(texts));
    // BM25: two hits in a short passage first, the longest passage last.
    expect(passages[0]).toBe('Quorum charlie quorum.');
    expect(passages[2]).toBe('Quorum bravo and more words here.');
  });
});
