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
});
