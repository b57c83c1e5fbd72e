import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { applyFlags } from '../../shared/redaction/apply-flags';
import { flaggedTexts } from '../../shared/redaction/flagged-texts';
import { publicBlocks } from '../../shared/redaction/redact';
import { inlinesPlainText } from '../../shared/redaction/plain-text';

const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string, format = 0): SerializedNode => ({ type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });
const publicText = (d: SerializedDoc) => publicBlocks(d).map((b) => (b.kind === 'table' ? '' : inlinesPlainText(b.inlines, '#'))).join('\n');

describe('applyFlags: marks put back on their text (restore, flag again)', () => {
  it('wraps the text inside one text node, splitting it and keeping the format', () => {
    const r = applyFlags(doc(p(t('Acme will pay 40 million euros next year.', 1))), [{ id: 'f1', excerpt: '40 million euros' }]);
    expect(r).toMatchObject({ applied: ['f1'], missing: [] });
    expect(publicText(r.content)).toBe('Acme will pay # next year.');
    expect(flaggedTexts(r.content)).toEqual([{ ids: ['f1'], text: '40 million euros' }]);
    const kids = (r.content.root.children[0] as { children: Array<{ type: string; format?: number }> }).children;
    expect(kids.map((k) => k.type)).toEqual(['text', 'flag', 'text']);
    expect(kids[0]!.format).toBe(1);
  });

  it('finds text across formatting runs and white space, case ignored; covers a cut link whole', () => {
    const d = doc(p(t('Acme '), t('WILL', 1), t(' pay\u00a0 '), el('link', [t('forty million')], { url: 'https://x.example' }), t(' soon')));
    const r = applyFlags(d, [{ id: 'f1', excerpt: 'will pay forty' }]);
    expect(r.applied).toEqual(['f1']);
    expect(publicText(r.content)).toBe('Acme # soon');
  });

  it('reports flags whose text is not there, and leaves flags already marked alone', () => {
    const d = doc(p(t('a '), el('flag', [t('secret')], { ids: ['f0'] })));
    const r = applyFlags(d, [
      { id: 'f0', excerpt: 'secret' },
      { id: 'f9', excerpt: 'not here' },
    ]);
    expect(r).toMatchObject({ applied: ['f0'], missing: ['f9'] });
    expect(r.content).toEqual(d);
  });

  it('marks each piece of a flag across paragraphs', () => {
    const r = applyFlags(doc(p(t('one two')), p(t('three four'))), [{ id: 'f1', excerpt: 'two\nthree' }]);
    expect(publicText(r.content)).toBe('one #\n# four');
  });

  it('property: the mark covers the whole excerpt, whatever the runs and the cut', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const whole = parts.join('');
        const s = a % whole.length;
        const e = s + 1 + (b % (whole.length - s));
        const excerpt = whole.slice(s, e);
        if (excerpt.trim() === '') return;
        const r = applyFlags(doc(p(...parts.map((x, i) => t(x, i % 2)))), [{ id: 'f1', excerpt }]);
        expect(r.applied).toEqual(['f1']);
        const folded = (x: string) => x.replace(/\s+/g, ' ').trim().toLowerCase();
        const marked = flaggedTexts(r.content);
        expect(marked).toHaveLength(1);
        expect(folded(marked[0]!.text)).toContain(folded(excerpt));
      }),
      { numRuns: 500 },
    );
  });

  const kidsOf = (d: SerializedDoc, i = 0) => (d.root.children[i] as unknown as { children: SerializedNode[] }).children;
  const flagNode = (id: string, ...c: SerializedNode[]) => el('flag', c, { ids: [id] });

  it('cuts exactly at the match: runs that end where it starts, or start where it ends, stay outside whole', () => {
    const r = applyFlags(doc(p(t('ab'), t('cd'), t('ef'))), [{ id: 'f', excerpt: 'cd' }]);
    expect(kidsOf(r.content)).toEqual([t('ab'), flagNode('f', t('cd')), t('ef')]);
    const mid = applyFlags(doc(p(t('ab'), t('cd'), t('ef'))), [{ id: 'f', excerpt: 'bcde' }]);
    expect(kidsOf(mid.content)).toEqual([t('a'), flagNode('f', t('b'), t('cd'), t('e')), t('f')]);
    const start = applyFlags(doc(p(t('abc'))), [{ id: 'f', excerpt: 'ab' }]);
    expect(kidsOf(start.content)).toEqual([flagNode('f', t('ab')), t('c')]);
    const end = applyFlags(doc(p(t('abc'))), [{ id: 'f', excerpt: 'bc' }]);
    expect(kidsOf(end.content)).toEqual([t('a'), flagNode('f', t('bc'))]);
  });

  it('places empty runs before, inside or after the mark by where they stand', () => {
    const r = applyFlags(doc(p(t('a'), t(''), t('b'), t(''), t('c'))), [{ id: 'f', excerpt: 'b' }]);
    expect(kidsOf(r.content)).toEqual([t('a'), t(''), flagNode('f', t('b')), t(''), t('c')]);
    const inside = applyFlags(doc(p(t('a'), t('b'), t(''), t('c'), t('d'))), [{ id: 'f', excerpt: 'bc' }]);
    expect(kidsOf(inside.content)).toEqual([t('a'), flagNode('f', t('b'), t(''), t('c')), t('d')]);
  });

  it('wraps a link cut by the match whole, never slicing it', () => {
    const link = el('link', [t('forty million')], { url: 'https://x.example' });
    const r = applyFlags(doc(p(t('pays '), link, t(' soon'))), [{ id: 'f', excerpt: 'pays forty' }]);
    expect(kidsOf(r.content)).toEqual([flagNode('f', t('pays '), link), t(' soon')]);
  });

  it('finds text in headings, quotes, list items, decisions and actions', () => {
    for (const block of [el('heading', [t('one secret')], { tag: 'h2' }), el('quote', [t('one secret')]), el('decision', [t('one secret')], { recordId: 'r' }), el('action', [t('one secret')], { recordId: 'r' })]) {
      const r = applyFlags(doc(block), [{ id: 'f', excerpt: 'secret' }]);
      expect(r.applied, block.type).toEqual(['f']);
      expect(kidsOf(r.content), block.type).toEqual([t('one '), flagNode('f', t('secret'))]);
    }
    const list = el('list', [el('listitem', [t('one secret')])], { listType: 'bullet' });
    const r = applyFlags(doc(list), [{ id: 'f', excerpt: 'secret' }]);
    expect(((r.content.root.children[0] as unknown as { children: Array<{ children: SerializedNode[] }> }).children[0]!).children).toEqual([t('one '), flagNode('f', t('secret'))]);
  });

  it('searches the inline runs of a list item on each side of a nested list on their own, never across it', () => {
    const nested = el('list', [el('listitem', [t('two')])], { listType: 'bullet' });
    const item = (d: SerializedDoc) => (d.root.children[0] as unknown as { children: Array<{ children: SerializedNode[] }> }).children[0]!.children;
    const d = doc(el('list', [el('listitem', [t('one'), nested, t('three')])], { listType: 'bullet' }));
    const after = applyFlags(d, [{ id: 'f', excerpt: 'three' }]);
    expect(item(after.content)).toEqual([t('one'), nested, flagNode('f', t('three'))]);
    const before = applyFlags(d, [{ id: 'f', excerpt: 'one' }]);
    expect(item(before.content)).toEqual([flagNode('f', t('one')), nested, t('three')]);
    const inNested = applyFlags(d, [{ id: 'f', excerpt: 'two' }]);
    expect(item(inNested.content)).toEqual([t('one'), el('list', [el('listitem', [flagNode('f', t('two'))])], { listType: 'bullet' }), t('three')]);
    expect(applyFlags(d, [{ id: 'f', excerpt: 'onethree' }])).toMatchObject({ applied: [], missing: ['f'] });
    // A run between two nested lists: only that run is replaced, what follows it stays.
    const two = doc(el('list', [el('listitem', [t('one'), nested, t('three'), nested, t('five')])], { listType: 'bullet' }));
    expect(item(applyFlags(two, [{ id: 'f', excerpt: 'three' }]).content)).toEqual([t('one'), nested, flagNode('f', t('three')), nested, t('five')]);
    expect(applyFlags(d, [{ id: 'f', excerpt: 'onetwo' }])).toMatchObject({ applied: [], missing: ['f'] });
  });

  it('never matches across two blocks, and leaves the input untouched', () => {
    const d = doc(p(t('one')), p(t('two')));
    const copy = JSON.parse(JSON.stringify(d)) as SerializedDoc;
    const r = applyFlags(d, [{ id: 'f', excerpt: 'onetwo' }]);
    expect(r).toEqual({ content: copy, applied: [], missing: ['f'] });
    applyFlags(d, [{ id: 'g', excerpt: 'one' }]);
    expect(d).toEqual(copy);
  });

  describe('where marks go (each case fails if one rule of markRuns is broken)', () => {
    const kids = (d: SerializedDoc, i = 0) => (d.root.children[i] as unknown as { children: SerializedNode[] }).children;
    const mark = (id: string, ...c: SerializedNode[]) => el('flag', c, { ids: [id] });

    it('marks both runs of a list item cut by a nested list, each where its words stand', () => {
      const nested = el('list', [el('listitem', [t('inner')])], { listType: 'bullet' });
      const r = applyFlags(doc(el('list', [el('listitem', [t('one alpha'), nested, t('two beta')])], { listType: 'bullet' })), [{ id: 'f', excerpt: 'alpha\nbeta' }]);
      const item = (r.content.root.children[0] as unknown as { children: Array<{ children: SerializedNode[] }> }).children[0]!;
      expect(item.children).toEqual([t('one '), mark('f', t('alpha')), nested, t('two '), mark('f', t('beta'))]);
    });

    it('wraps a link in the middle of a run when the mark touches it, and leaves the text around it out', () => {
      const link = el('link', [t('forty million')], { url: 'https://x.example' });
      const r = applyFlags(doc(p(t('pays '), link, t(' soon'))), [{ id: 'f', excerpt: 'forty' }]);
      expect(kids(r.content)).toEqual([t('pays '), mark('f', link), t(' soon')]);
    });

    it('an empty text before a marked one stays outside the mark', () => {
      const r = applyFlags(doc(p(t(''), t('secret'), t(''))), [{ id: 'f', excerpt: 'secret' }]);
      expect(kids(r.content)).toEqual([t(''), mark('f', t('secret')), t('')]);
    });

    it('leaves a flag already marked alone, even where its recorded text is elsewhere', () => {
      const r = applyFlags(doc(p(mark('f', t('alpha')), t(' beta'))), [{ id: 'f', excerpt: 'beta' }]);
      expect(r.applied).toEqual(['f']);
      expect(kids(r.content)).toEqual([mark('f', t('alpha')), t(' beta')]);
    });

    it('finds a passage whatever the white space between its words', () => {
      const r = applyFlags(doc(p(t('Acme  \t pays\u00a040'))), [{ id: 'f', excerpt: 'acme pays 40' }]);
      expect(r.applied).toEqual(['f']);
      expect(kids(r.content)).toEqual([mark('f', t('Acme  \t pays\u00a040'))]);
    });

    it('sees a flag inside a link as flagged (nothing is marked again)', () => {
      const link = el('link', [mark('f', t('secret'))], { url: 'https://x.example' });
      const r = applyFlags(doc(p(t('a '), link)), [{ id: 'g', excerpt: 'a secret' }]);
      expect(kids(r.content)).toEqual([mark('g', t('a '), link)]);
    });
  });
});
