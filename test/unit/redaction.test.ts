import type { PublicBlock } from '../../shared/redaction/public-model';
import { describe, expect, it } from 'vitest';
import { emptyDoc, type SerializedDoc, type SerializedNode } from '../../shared/editor/doc-model';
import { AppError } from '../../shared/errors';
import {
  flaggedTexts,
  inlinesPlainText,
  publicBlocks,
  publicPlainText,
  redact,
  RedactionError,
  WITHHELD_NOTE,
  type RedactionAgendaItem,
  type RedactionInput,
} from '../../shared/redaction/redact';
import { urlKey } from '../../shared/redaction/url-key';
import { walkSection, type Atom, type BlockShape } from '../../shared/redaction/walk';

// ---- tiny builders of stored minutes -------------------------------------------------------------------------------
const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string, format = 0): SerializedNode => ({ type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 });
const br: SerializedNode = { type: 'linebreak', version: 1 };
const tab: SerializedNode = { type: 'tab', version: 1, text: '\t', format: 0 };
const ts = (text: string): SerializedNode => ({ type: 'timestamp', version: 1, text, at: '2026-01-30T10:42' });
const f = (ids: string[], ...c: SerializedNode[]) => el('flag', c, { ids });
const link = (url: string, ...c: SerializedNode[]) => el('link', c, { url });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const h = (tag: string, ...c: SerializedNode[]) => el('heading', c, { tag });
const q = (...c: SerializedNode[]) => el('quote', c);
const li = (...c: SerializedNode[]) => el('listitem', c);
const list = (listType: string, ...items: SerializedNode[]) => el('list', items, { listType });
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });
const B = 1;
const I = 2;
const S = 4;
const U = 8;
const R = { kind: 'redacted' } as const;

/** The blocks of a section that holds no table (tables are tested on their own below). */
const blocksOf = (...blocks: SerializedNode[]) => publicBlocks(doc(...blocks)) as Array<Exclude<PublicBlock, { kind: 'table' }>>;
/** A text block's inlines (a table has none: the test fails if it gets one). */
function blockInlines(b: PublicBlock) {
  if (b.kind === 'table') throw new Error('a table where a text block was expected');
  return b.inlines;
}

const inlinesOf = (...c: SerializedNode[]) => {
  const [b] = blocksOf(p(...c));
  return b!.inlines;
};

function input(over: Partial<RedactionInput> = {}): RedactionInput {
  return {
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Second plenary', startsAt: '2026-03-05T14:30', redactionMarker: '[…]', withheldDisplay: 'title_only' },
    agenda: [],
    sections: [],
    organisations: ['Example AI', 'Other Lab'],
    ...over,
  };
}
const item = (id: string, number: string, over: Partial<RedactionAgendaItem> = {}): RedactionAgendaItem => ({ id, number, title: `Item ${number}`, parentId: null, forPublication: true, ...over });

describe('redact: unflagged content', () => {
  it('keeps text exactly, with bold, italic, underline, strikethrough, sub/superscript and code (H₂O stays H₂O)', () => {
    expect(inlinesOf(t('plain '), t('bold', B), t(' both', B | I), t(' u', U), t(' struck', S), t('H'), t('2', 32), t('O'), t('x', 64), t('f()', 16), t(' é😀\u00a0'))).toEqual([
      { kind: 'text', text: 'plain ' },
      { kind: 'text', text: 'bold', bold: true },
      { kind: 'text', text: ' both', bold: true, italic: true },
      { kind: 'text', text: ' u', underline: true },
      { kind: 'text', text: ' struck', strike: true },
      { kind: 'text', text: 'H' },
      { kind: 'text', text: '2', subscript: true },
      { kind: 'text', text: 'O' },
      { kind: 'text', text: 'x', superscript: true },
      { kind: 'text', text: 'f()', code: true },
      { kind: 'text', text: ' é😀\u00a0' },
    ]);
  });

  it('turns linebreak into break, tab into tab and a timestamp into its text', () => {
    expect(inlinesOf(ts('[10:42]'), t(' a'), br, t('b'), tab, t('c'))).toEqual([
      { kind: 'text', text: '[10:42] a' },
      { kind: 'break' },
      { kind: 'text', text: 'b' },
      { kind: 'tab' },
      { kind: 'text', text: 'c' },
    ]);
  });

  it('maps block types (paragraph, heading levels, quote, decision, action, lists with depth) and drops empty blocks', () => {
    const blocks = blocksOf(
      p(t('p')),
      h('h3', t('h')),
      q(t('q')),
      el('decision', [t('d')], { recordId: 'r1' }),
      el('action', [t('a')], { recordId: 'r2' }),
      list('number', li(t('one')), li(list('bullet', li(t('one.a')), li(list('check', li(t('deep')))))), li(t('two')), li()),
      p(),
      p(t('')),
      h('h1'),
    );
    expect(blocks.map((b) => ({ ...b, inlines: inlinesPlainText(b.inlines, '') }))).toEqual([
      { kind: 'paragraph', inlines: 'p' },
      { kind: 'heading', level: 3, inlines: 'h' },
      { kind: 'quote', inlines: 'q' },
      { kind: 'decision', recordId: 'r1', inlines: 'd' },
      { kind: 'action', recordId: 'r2', inlines: 'a' },
      { kind: 'listItem', ordered: true, depth: 0, list: 0, inlines: 'one' },
      { kind: 'listItem', ordered: false, depth: 1, list: 1, inlines: 'one.a' },
      { kind: 'listItem', ordered: false, depth: 2, list: 2, inlines: 'deep' },
      { kind: 'listItem', ordered: true, depth: 0, list: 0, inlines: 'two' },
    ]);
  });

  it('keeps a link without flagged content, with its URL', () => {
    expect(inlinesOf(t('see '), link('https://example.org/a', t('the page', B)))).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', url: 'https://example.org/a', children: [{ kind: 'text', text: 'the page', bold: true }] },
    ]);
  });

  it('publishes an autolink the user has unlinked as plain text, without URL', () => {
    expect(inlinesOf(el('autolink', [t('www.example.org')], { url: 'https://www.example.org', isUnlinked: true }))).toEqual([{ kind: 'text', text: 'www.example.org' }]);
  });
});

describe('redact: links that touch a flag lose their URL, however they are split', () => {
  const SECRET = 'https://deal.example/acme-merger';
  const urls = (x: unknown) => JSON.stringify(x).match(/deal\.example/gi)?.length ?? 0;

  it('drops the URL of a link split into two nodes with the same URL when one of them is flagged', () => {
    const out = inlinesOf(link(SECRET, t('the ')), f(['f1'], link(SECRET, t('merger plan'))));
    expect(urls(out)).toBe(0);
    expect(out).toEqual([{ kind: 'text', text: 'the ' }, R]);
  });

  it('drops it across blocks and sections too, and when the copies differ only in case or padding', () => {
    const pub = redact({
      bodyName: 'B',
      meeting: { title: 'M', startsAt: '2026-01-30T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
      agenda: [{ id: 'a1', number: '1', title: 'One', parentId: null, forPublication: true }],
      sections: [
        { key: 'opening', content: doc(p(link(` ${SECRET.toUpperCase()} `, t('see the plan')))) },
        { key: 'a1', content: doc(p(f(['f1'], link(SECRET, t('secret'))))) },
      ],
      organisations: [],
    });
    expect(urls(pub)).toBe(0);
  });

  it('a flagged link in a WITHHELD item taints its URL in the published items too, even if that item cannot be read', () => {
    const SECRET = 'https://dataroom.example/acme-beta-term-sheet';
    const agenda = [
      { id: 'w', number: '1', title: 'Withheld', parentId: null, forPublication: false },
      { id: 'u', number: '2', title: 'Unreadable, withheld', parentId: null, forPublication: false },
      { id: 'a', number: '3', title: 'Public', parentId: null, forPublication: true },
    ];
    const run = (withheld: SerializedDoc, unreadable: SerializedDoc) =>
      redact({
        bodyName: 'B',
        meeting: { title: 'M', startsAt: '2026-01-30T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
        agenda,
        sections: [
          { key: 'w', content: withheld },
          { key: 'u', content: unreadable },
          { key: 'a', content: doc(p(t('see '), link(SECRET, t('here'))), p(link('https://other.example/x', t('there')))) },
        ],
        organisations: [],
      });
    const targets = (x: unknown) => JSON.stringify(x).match(/"url":/g)?.length ?? 0;
    const empty = doc(p(t('nothing')));
    expect(targets(run(empty, empty))).toBe(2);
    expect(targets(run(doc(p(f(['f1'], link(SECRET, t('the term sheet'))))), empty))).toBe(1);
    // Unknown content in a withheld item does not stop the summary; every URL in it is taken as flagged.
    expect(targets(run(empty, doc(p(el('image', [])), p(link(SECRET, t('x'))))))).toBe(1);
    expect(targets(run(empty, doc(p(el('image', [])))))).toBe(2);
  });

  it('urlKey: a copy of a URL differing in case, scheme, www, fragment, trailing slash or escapes is the same URL', () => {
    const key = urlKey('https://dataroom.example/acme-beta');
    for (const copy of [' HTTPS://DataRoom.example/acme-beta ', 'http://dataroom.example/acme-beta/', 'https://www.dataroom.example/acme-beta#page=2', 'https://dataroom.example/acme%2Dbeta', 'dataroom.example/acme-beta//'])
      expect(urlKey(copy), copy).toBe(key);
    expect(urlKey('https://dataroom.example/acme-gamma')).not.toBe(key);
    expect(urlKey('https://dataroom.example/acme-beta?v=2')).not.toBe(key);
    expect(() => urlKey('https://x.example/%E0%A4%A')).not.toThrow();
  });

  it('drops the URL of a link that sits right beside a flagged passage (the flag may be about the link)', () => {
    const out = inlinesOf(f(['f1'], t('Acme will buy')), link(SECRET, t(' this company')));
    expect(urls(out)).toBe(0);
    expect(out).toEqual([R, { kind: 'text', text: ' this company' }]);
    // …but a link with plain text between it and the flag keeps its URL.
    expect(urls(inlinesOf(f(['f1'], t('x')), t(' see '), link(SECRET, t('here'))))).toBe(1);
  });
});

describe('redact: flagged content', () => {
  it('replaces a flagged passage with one redacted inline, whatever its formatting', () => {
    expect(inlinesOf(t('before '), f(['a'], t('secret', B), t(' more', I), br, tab, ts('[10:00]')), t(' after'))).toEqual([
      { kind: 'text', text: 'before ' },
      R,
      { kind: 'text', text: ' after' },
    ]);
  });

  it('makes adjacent and nested flags one run, at the start and at the end of a block', () => {
    expect(inlinesOf(f(['a'], t('x')), f(['b'], t('y'), f(['c', 'd'], t('z'))), t(' mid '), f(['e'], t('w')))).toEqual([R, { kind: 'text', text: ' mid ' }, R]);
  });

  it('redacts a flag that holds nothing, or only empty text, and a flag whose ids have no record', () => {
    expect(inlinesOf(t('a'), f(['nobody-knows']), t('b'), f(['x'], t('')), t('c'))).toEqual([{ kind: 'text', text: 'a' }, R, { kind: 'text', text: 'b' }, R, { kind: 'text', text: 'c' }]);
  });

  it('redacts each block of a flag that crosses paragraphs and list items, separately', () => {
    const blocks = blocksOf(p(t('keep '), f(['x'], t('secret one'))), p(f(['x'], t('secret two')), t(' keep')), list('bullet', li(f(['x'], t('three'))), li(t('four'))));
    expect(blocks.map((b) => b.inlines)).toEqual([[{ kind: 'text', text: 'keep ' }, R], [R, { kind: 'text', text: ' keep' }], [R], [{ kind: 'text', text: 'four' }]]);
  });

  it('the marker does not depend on the length of what it hides', () => {
    expect(inlinesOf(t('a '), f(['x'], t('b')))).toEqual(inlinesOf(t('a '), f(['x'], t('a much longer secret passage'), br, t('two lines'))));
  });

  it('a link inside a flag disappears with its URL', () => {
    const out = inlinesOf(t('see '), f(['x'], t('the '), link('https://secret.example/deal', t('deal'))), t('.'));
    expect(out).toEqual([{ kind: 'text', text: 'see ' }, R, { kind: 'text', text: '.' }]);
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('a link holding flagged text loses its URL and keeps its unflagged text as plain text (fail-safe)', () => {
    const out = inlinesOf(link('https://secret.example/x', t('public part '), f(['x'], t('hidden'))), f(['y'], t(' more hidden')), t(' end'));
    expect(out).toEqual([{ kind: 'text', text: 'public part ' }, R, { kind: 'text', text: ' end' }]);
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('a flag across the end of a link and the text after it is one run', () => {
    const out = inlinesOf(link('https://example.org', t('open '), f(['x'], t('closed'))), f(['x'], t(' still closed')), t(' open'));
    expect(out).toEqual([{ kind: 'text', text: 'open ' }, R, { kind: 'text', text: ' open' }]);
  });

  it('hides flagged headings, quotes, decisions and actions the same way', () => {
    const blocks = blocksOf(h('h2', f(['a'], t('Deal'))), q(f(['a'], t('q'))), el('decision', [t('Agreed '), f(['a'], t('x'))], { recordId: 'r' }), el('action', [f(['a'], t('y'))], { recordId: 's' }));
    expect(blocks.map((b) => b.inlines)).toEqual([[R], [R], [{ kind: 'text', text: 'Agreed ' }, R], [R]]);
  });
});

describe('redact: the allowlist', () => {
  const refuses = (d: unknown) => {
    let err: unknown;
    try {
      publicBlocks(d);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RedactionError);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad_request');
    return err as RedactionError;
  };

  it('refuses unknown node types at every level, with where they are', () => {
    expect(refuses(doc(el('figure', [t('secret')]))).path).toBe('section.root.children[0]');
    expect(refuses(doc(p(t('a'), { type: 'image', version: 1, src: 'x.png' }))).path).toBe('section.root.children[0].children[1]');
    expect(refuses(doc(p(f(['x'], el('mark', [t('s')], { ids: ['x'] }))))).path).toBe('section.root.children[0].children[0].children[0]');
    refuses(doc(list('bullet', li(el('code', [t('x')])))));
    refuses(doc(p(link('https://e.org', { type: 'hashtag', version: 1, text: '#x' }))));
    refuses({ root: { type: 'paragraph', version: 1, children: [] } });
    refuses(doc(p({ type: '__proto__', version: 1, text: 'x' })));
  });

  it('refuses known types in the wrong place', () => {
    refuses(doc(t('text at the top')));
    refuses(doc(f(['x'], p(t('block inside a flag')))));
    refuses(doc(p(p(t('paragraph in a paragraph')))));
    refuses(doc(li(t('item outside a list'))));
    refuses(doc(list('bullet', p(t('paragraph in a list')))));
    refuses(doc(p(link('https://a.org', link('https://b.org', t('link in link'))))));
    refuses(doc(el('decision', [p(t('paragraph in a decision'))], { recordId: 'r' })));
  });

  it('refuses known types with an unexpected shape', () => {
    refuses(doc(p({ type: 'text', version: 1, text: 7 })));
    refuses(doc(p({ type: 'text', version: 1, text: 'a', format: 'bold' })));
    refuses(doc(p({ type: 'flag', version: 1, ids: [], children: [t('s')] })));
    refuses(doc(p({ type: 'flag', version: 1, ids: [''], children: [t('s')] })));
    refuses(doc(p({ type: 'flag', version: 1, ids: ['x'] })));
    refuses(doc(p({ type: 'link', version: 1, children: [t('s')] })));
    refuses(doc(h('h7', t('x'))));
    refuses(doc(list('dots', li(t('x')))));
    refuses(doc(el('action', [t('x')])));
    refuses(doc(p({ type: 'timestamp', version: 1, text: '[10:00]' }))); // no `at`: caught by the stored-form schema
    refuses(doc(p(null as unknown as SerializedNode)));
    refuses({ root: null });
    refuses(null);
  });

  it('refuses nesting deeper than any real minutes', () => {
    let n: SerializedNode = t('deep');
    for (let i = 0; i < 100; i++) n = f([`f${i}`], n);
    refuses(doc(p(n)));
  });

  it('says what is wrong and where, in words, for each refusal of the walk (before the stored-form schema)', () => {
    const says = (d: unknown, message: string, path: string) => {
      const err = refuses(d);
      expect(err.message).toBe(`${message} (at ${path}). Nothing was published.`);
      expect(err.path).toBe(path);
      expect(err.details).toEqual({ path });
      expect(err.name).toBe('RedactionError');
    };
    const r0 = 'section.root.children[0]';
    says(null, 'A section has no document', 'section');
    says({ root: null }, 'A node of the minutes is not an object', 'section.root');
    says({ root: [] }, 'A node of the minutes is not an object', 'section.root');
    says({ root: { children: [] } }, 'A node of the minutes has no type', 'section.root');
    says({ root: { type: 'root' } }, 'A "root" node has no list of children', 'section.root');
    says({ root: { type: 'paragraph', version: 1, children: [] } }, 'The redaction does not know a node of type "paragraph" at the top of a section', 'section.root');
    says(doc(el('figure', [t('secret')])), 'The redaction does not know a node of type "figure" as a block of a section', r0);
    says(doc(el('x'.repeat(50), [])), `The redaction does not know a node of type "${'x'.repeat(40)}…" as a block of a section`, r0);
    says(doc(el('x'.repeat(40), [])), `The redaction does not know a node of type "${'x'.repeat(40)}" as a block of a section`, r0);
    says(doc(p(el('image', []))), 'The redaction does not know a node of type "image" inside a line of text', `${r0}.children[0]`);
    says(doc(list('bullet', p(t('x')))), 'The redaction does not know a node of type "paragraph" directly inside a list', `${r0}.children[0]`);
    says(doc(p({ type: 'text', version: 1 })), 'A "text" node has no text field "text"', `${r0}.children[0]`);
    says(doc(p({ type: 'timestamp', version: 1 })), 'A "timestamp" node has no text field "text"', `${r0}.children[0]`);
    says(doc(p({ type: 'text', version: 1, text: 'a', format: 1.5 })), 'A text node has a format that is not a number', `${r0}.children[0]`);
    says(doc(p({ type: 'text', version: 1, text: 'a', format: '1' })), 'A text node has a format that is not a number', `${r0}.children[0]`);
    says(doc(p({ type: 'flag', version: 1, ids: 'x', children: [] })), 'A flag node does not carry a list of flag ids', `${r0}.children[0]`);
    says(doc(p({ type: 'flag', version: 1, ids: [], children: [] })), 'A flag node does not carry a list of flag ids', `${r0}.children[0]`);
    says(doc(p({ type: 'flag', version: 1, ids: ['a', 7], children: [] })), 'A flag node does not carry a list of flag ids', `${r0}.children[0]`);
    says(doc(p({ type: 'flag', version: 1, ids: ['a', ''], children: [] })), 'A flag node does not carry a list of flag ids', `${r0}.children[0]`);
    says(doc(p({ type: 'flag', version: 1, ids: ['a'] })), 'A "flag" node has no list of children', `${r0}.children[0]`);
    says(doc(p(link('https://a.org', link('https://b.org', t('x'))))), 'A link inside a link is not expected', `${r0}.children[0].children[0]`);
    says(doc(p(link('https://a.org', el('autolink', [t('x')], { url: 'https://b.org' })))), 'A link inside a link is not expected', `${r0}.children[0].children[0]`);
    says(doc(p({ type: 'link', version: 1, children: [] })), 'A "link" node has no text field "url"', `${r0}.children[0]`);
    says(doc(h('h7', t('x'))), 'A heading has an unknown level', r0);
    says(doc(el('heading', [t('x')], { tag: 'toString' })), 'A heading has an unknown level', r0);
    says(doc(el('heading', [t('x')])), 'A heading has an unknown level', r0);
    says(doc(list('dots', li(t('x')))), 'A list has an unknown list type', r0);
    says(doc(el('decision', [t('x')])), 'A "decision" node has no text field "recordId"', r0);
    // What the walk accepts but the stored-form schema refuses (a timestamp without its instant): the schema's words and path.
    const schema = refuses(doc(p(t('a')), p({ type: 'timestamp', version: 1, text: '[10:00]' })));
    expect(schema.message).toMatch(/^The minutes do not have the expected form: \S.* \(at section\.root\.children\[1\]\.children\[0\]\.at\)\. Nothing was published\.$/);
  });

  it('refuses from the 65th level of nesting, not before', () => {
    const nested = (k: number) => {
      let n: SerializedNode = t('deep');
      for (let i = 0; i < k; i++) n = f([`f${i}`], n);
      return doc(p(n));
    };
    expect(() => publicBlocks(nested(62))).not.toThrow(/nest deeper/);
    const err = refuses(nested(63));
    expect(err.message).toMatch(/^The minutes nest deeper than 64 levels \(at section\.root\.children\[0\](\.children\[0\]){64}\)/);
    let l: SerializedNode = list('bullet', li(t('x')));
    for (let i = 0; i < 40; i++) l = list('bullet', li(l));
    expect(refuses(doc(l)).message).toMatch(/nest deeper than 64 levels/);
  });

  it('flaggedTexts refuses what redact refuses', () => {
    expect(() => flaggedTexts(doc(p(el('image', []))))).toThrow(RedactionError);
  });
});

describe('redact: the document, its sections and withheld items', () => {
  const content = (text: string) => doc(p(t(text)));

  it('carries the metadata and puts sections in agenda order (opening, items by number, closing)', () => {
    const pub = redact(
      input({
        agenda: [item('i10', '10'), item('i2', '2'), item('i2b', '2.1', { parentId: 'i2' }), item('i9', '9'), item('i1', '1')],
        sections: [
          { key: 'closing', content: content('bye') },
          { key: 'i2', content: content('two') },
          { key: 'opening', content: content('hello') },
        ],
      }),
    );
    expect({ ...pub, sections: undefined }).toEqual({ marker: '[…]', bodyName: 'Signatory Taskforce', meetingTitle: 'Second plenary', date: '2026-03-05', organisations: ['Example AI', 'Other Lab'], sections: undefined });
    expect(pub.sections.map((s) => [s.key, s.number, s.title, s.blocks.length])).toEqual([
      ['opening', '', 'Opening', 1],
      ['i1', '1', 'Item 1', 0],
      ['i2', '2', 'Item 2', 1],
      ['i2b', '2.1', 'Item 2.1', 0],
      ['i9', '9', 'Item 9', 0],
      ['i10', '10', 'Item 10', 0],
      ['closing', '', 'Closing', 1],
    ]);
  });

  it('withholds items not for publication and their sub-items: title only, no blocks; content it cannot judge does not stop the summary', () => {
    const pub = redact(
      input({
        agenda: [item('a', '1', { forPublication: false }), item('a1', '1.1', { parentId: 'a' }), item('b', '2')],
        sections: [
          { key: 'a', content: content('SECRET parent') },
          { key: 'a1', content: doc(el('image', [])) },
          { key: 'b', content: content('public') },
        ],
      }),
    );
    expect(pub.sections.map((s) => [s.key, s.withheld, s.blocks.length])).toEqual([
      ['opening', false, 0],
      ['a', true, 0],
      ['a1', true, 0],
      ['b', false, 1],
      ['closing', false, 0],
    ]);
    expect(publicPlainText(pub)).not.toContain('SECRET');
    expect(publicPlainText(pub)).toContain(`1 Item 1\n${WITHHELD_NOTE}`);
  });

  it('withholds the items of withheldItemIds too, and leaves withheld sections out with "omit"', () => {
    const agenda = [item('a', '1'), item('b', '2'), item('b1', '2.1', { parentId: 'b' })];
    const sections = [{ key: 'b1', content: content('SECRET') }, { key: 'opening', content: content('SECRET opening') }];
    const titled = redact(input({ agenda, sections, withheldItemIds: ['b', 'opening'] }));
    expect(titled.sections.filter((s) => s.withheld).map((s) => s.key)).toEqual(['opening', 'b', 'b1']);
    const omitted = redact(input({ agenda, sections, withheldItemIds: ['b', 'opening'], meeting: { ...input().meeting, withheldDisplay: 'omit' } }));
    expect(omitted.sections.map((s) => s.key)).toEqual(['a', 'closing']);
    expect(JSON.stringify([titled, omitted])).not.toContain('SECRET');
  });

  it('withholds a sub-item whose parent is unknown, and does not publish sections of items no longer on the agenda', () => {
    const pub = redact(input({ agenda: [item('x', '3.1', { parentId: 'gone' })], sections: [{ key: 'x', content: content('SECRET') }, { key: 'deleted-item', content: content('SECRET too') }] }));
    expect(pub.sections.map((s) => [s.key, s.withheld])).toEqual([
      ['opening', false],
      ['x', true],
      ['closing', false],
    ]);
    expect(JSON.stringify(pub)).not.toContain('SECRET');
  });

  it('gives a section nobody wrote in (the empty document of the editor) no blocks', () => {
    const pub = redact(input({ agenda: [item('a', '1')], sections: [{ key: 'a', content: emptyDoc() }] }));
    expect(pub.sections.map((s) => [s.key, s.withheld, s.blocks])).toEqual([
      ['opening', false, []],
      ['a', false, []],
      ['closing', false, []],
    ]);
  });

  it('refuses two stored sections with the same key', () => {
    expect(() => redact(input({ sections: [{ key: 'opening', content: content('a') }, { key: 'opening', content: content('b') }] }))).toThrow(RedactionError);
  });

  it('renders plain text with the marker substituted', () => {
    const pub = redact(
      input({
        agenda: [item('a', '1')],
        sections: [{ key: 'a', content: doc(p(t('Price is '), f(['x'], t('42 EUR'))), list('number', li(t('first'))), el('decision', [t('Adopted')], { recordId: 'r' })) }],
        meeting: { ...input().meeting, redactionMarker: '[redacted]' },
      }),
    );
    expect(publicPlainText(pub)).toBe(
      ['Signatory Taskforce', 'Second plenary', '2026-03-05', 'Participants: Example AI, Other Lab', '', 'Opening', '', '1 Item 1', 'Price is [redacted]', '# first', 'Decision: Adopted', '', 'Closing'].join('\n'),
    );
  });
});

describe('flaggedTexts', () => {
  it('joins a flag across blocks per id, reports nested flags under each id, and skips empty flags', () => {
    const d = doc(
      p(t('a '), f(['x'], t('one '), f(['y'], t('inner')), t(' two'))),
      p(f(['x'], t('three'), br, ts('[10:00]'))),
      list('bullet', li(f(['z', 'w'], t('both')), t(' '), f(['empty']))),
    );
    expect(flaggedTexts(d)).toEqual([
      { ids: ['x'], text: 'one inner two\nthree\n[10:00]' },
      { ids: ['y'], text: 'inner' },
      { ids: ['z', 'w'], text: 'both' },
    ]);
  });

  it('separates two stretches of one id within a block', () => {
    expect(flaggedTexts(doc(p(f(['x'], t('a')), t(' gap '), f(['x'], t('b')))))).toEqual([{ ids: ['x'], text: 'a\nb' }]);
  });
});

describe('redact: the rules at their edges', () => {
  const content = (s: string) => doc(p(t(s)));
  const texts = (d: ReturnType<typeof redact>) => d.sections.map((s) => [s.key, s.withheld, publicPlainText({ ...d, sections: [s] }).includes(`${s.key}-text`)]);

  it('says which key is stored twice, and where a section the walk refuses is', () => {
    let err: unknown;
    try {
      redact(input({ sections: [{ key: 'opening', content: content('a') }, { key: 'opening', content: content('b') }] }));
    } catch (e) {
      err = e;
    }
    expect((err as RedactionError).message).toBe('Two stored sections have the key "opening" (at sections[1]). Nothing was published.');
    let bad: unknown;
    try {
      redact(input({ agenda: [item('i1', '1')], sections: [{ key: 'i1', content: doc(el('figure', [])) }] }));
    } catch (e) {
      bad = e;
    }
    expect((bad as RedactionError).path).toBe('sections[i1].root.children[0]');
  });

  it('withholds the opening and the closing when listed, and publishes them otherwise', () => {
    const sections = [
      { key: 'opening', content: content('opening-text') },
      { key: 'closing', content: content('closing-text') },
    ];
    const shown = redact(input({ sections }));
    expect(shown.sections.map((s) => [s.key, s.withheld, s.blocks.length])).toEqual([
      ['opening', false, 1],
      ['closing', false, 1],
    ]);
    const hidden = redact(input({ sections, withheldItemIds: ['opening', 'closing'] }));
    expect(hidden.sections.map((s) => [s.key, s.withheld, s.blocks.length])).toEqual([
      ['opening', true, 0],
      ['closing', true, 0],
    ]);
    expect(redact(input({ sections, withheldItemIds: ['closing'] })).sections.map((s) => s.withheld)).toEqual([false, true]);
  });

  it('withholds items whose parents form a cycle, without running away', () => {
    const agenda = [item('a', '1', { parentId: 'b' }), item('b', '2', { parentId: 'a' }), item('c', '3')];
    const d = redact(input({ agenda, sections: [{ key: 'a', content: content('a-text') }, { key: 'c', content: content('c-text') }] }));
    expect(d.sections.map((s) => [s.key, s.withheld])).toEqual([
      ['opening', false],
      ['a', true],
      ['b', true],
      ['c', false],
      ['closing', false],
    ]);
    expect(texts(d).filter(([, , has]) => has).map(([k]) => k)).toEqual(['c']);
  });

  it('orders items by number part by part; unreadable numbers last; equal numbers in the order given', () => {
    const agenda = [item('x', 'x'), item('b', '10'), item('a', '2'), item('a1', '2.1'), item('s1', '3'), item('s2', '3'), item('a0', '2.0')];
    expect(redact(input({ agenda })).sections.map((s) => s.key)).toEqual(['opening', 'a', 'a0', 'a1', 's1', 's2', 'b', 'x', 'closing']);
    const reversed = [item('s2', '3'), item('s1', '3')];
    expect(redact(input({ agenda: reversed })).sections.map((s) => s.key)).toEqual(['opening', 's2', 's1', 'closing']);
  });

  it('a link right after flagged text loses its URL; a link elsewhere in the meeting to another URL keeps it', () => {
    const d = redact(
      input({
        sections: [
          { key: 'opening', content: doc(p(f(['x'], t('secret')), link('https://a.example/deal', t('the deal')))) },
          { key: 'closing', content: doc(p(t('see '), link('https://b.example', t('the site')))) },
        ],
      }),
    );
    expect(blockInlines(d.sections[0]!.blocks[0]!)).toEqual([R, { kind: 'text', text: 'the deal' }]);
    expect(blockInlines(d.sections[1]!.blocks[0]!)).toEqual([{ kind: 'text', text: 'see ' }, { kind: 'link', url: 'https://b.example', children: [{ kind: 'text', text: 'the site' }] }]);
  });

  it('an empty timestamp adds nothing between two runs of the same format', () => {
    expect(inlinesOf(t('a', B), ts(''), t('b', B))).toEqual([{ kind: 'text', text: 'ab', bold: true }]);
  });
});

describe('walkSection: the atoms and shapes every consumer reads', () => {
  const walk = (d: unknown) => {
    const out: Array<{ shape: BlockShape; atoms: Atom[] }> = [];
    walkSection(d, 'section', (shape, atoms) => out.push({ shape, atoms }));
    return out;
  };
  const atom = (text: string, extra: Partial<Atom> = {}): Atom => ({ kind: 'text', text, format: 0, flagIds: null, link: null, ...extra });

  it('gives each inline node its atom: empty unflagged text none, an empty flag one, timestamps marked, nested flags once per id', () => {
    const [b] = walk(doc(p(t(''), t('a', B), f(['x']), ts('[10:42]'), br, tab, f(['y'], f(['y', 'z'], t('s'))))));
    expect(b!.shape).toEqual({ kind: 'paragraph' });
    expect(b!.atoms).toEqual([
      atom('a', { format: B }),
      atom('', { flagIds: ['x'] }),
      atom('[10:42]', { timestamp: true }),
      { kind: 'break', text: '\n', format: 0, flagIds: null, link: null },
      { kind: 'tab', text: '\t', format: 0, flagIds: null, link: null },
      atom('s', { flagIds: ['y', 'z'] }),
    ]);
  });

  it('links: the URL on each atom; an autolink the user unlinked has none; a plain link marked unlinked keeps it', () => {
    const [b] = walk(doc(p(link('https://a.example', t('a')), el('autolink', [t('b')], { url: 'https://b.example', isUnlinked: true }), el('autolink', [t('c')], { url: 'https://c.example' }), el('link', [t('d')], { url: 'https://d.example', isUnlinked: true }))));
    expect(b!.atoms.map((a) => [a.text, a.link?.url ?? null])).toEqual([
      ['a', 'https://a.example'],
      ['b', null],
      ['c', 'https://c.example'],
      ['d', 'https://d.example'],
    ]);
  });

  it('lists: an empty item is an empty bullet; inline runs around a nested list are blocks of their own, one level apart', () => {
    const nested = list('number', li(t('two')));
    const out = walk(doc(list('bullet', li(), li(t('one'), nested, t('three'))), list('check', li(t('four')))));
    expect(out.map((b) => [b.shape, b.atoms.map((a) => a.text).join('')])).toEqual([
      [{ kind: 'listItem', ordered: false, depth: 0, list: 0 }, ''],
      [{ kind: 'listItem', ordered: false, depth: 0, list: 0 }, 'one'],
      [{ kind: 'listItem', ordered: true, depth: 1, list: 1 }, 'two'],
      [{ kind: 'listItem', ordered: false, depth: 0, list: 0 }, 'three'],
      [{ kind: 'listItem', ordered: false, depth: 0, list: 2 }, 'four'],
    ]);
  });

  it('every block kind and heading level', () => {
    const out = walk(doc(h('h1', t('a')), h('h6', t('b')), q(t('c')), el('decision', [t('d')], { recordId: 'r1' }), el('action', [t('e')], { recordId: 'r2' })));
    expect(out.map((b) => b.shape)).toEqual([{ kind: 'heading', level: 1 }, { kind: 'heading', level: 6 }, { kind: 'quote' }, { kind: 'decision', recordId: 'r1' }, { kind: 'action', recordId: 'r2' }]);
  });

  it('counts links and list levels in the nesting limit', () => {
    const inFlags = (k: number, inner: SerializedNode) => {
      let n = inner;
      for (let i = 0; i < k; i++) n = f([`f${i}`], n);
      return doc(p(n));
    };
    expect(() => walk(inFlags(61, link('https://x.example', t('x'))))).not.toThrow();
    expect(() => walk(inFlags(62, link('https://x.example', t('x'))))).toThrow(/nest deeper than 64/);
    const lists = (k: number) => {
      let l: SerializedNode = list('bullet', li(t('x')));
      for (let i = 1; i < k; i++) l = list('bullet', li(l));
      return doc(l);
    };
    expect(() => walk(lists(31))).not.toThrow();
    expect(() => walk(lists(32))).toThrow(/nest deeper than 64/);
  });
});
