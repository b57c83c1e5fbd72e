import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { carryFlags } from '../../shared/redaction/carry-flags';
import { flaggedTexts } from '../../shared/redaction/flagged-texts';
import { sectionText } from '../../shared/redaction/plain-text';

const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string, format = 0): SerializedNode => ({ type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const flag = (id: string, ...c: SerializedNode[]) => el('flag', c, { ids: [id] });
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });
const texts = (d: SerializedDoc) => flaggedTexts(d).map((f) => [f.ids.join('+'), f.text]);

describe('carryFlags: marks carried onto the words that survive (restore, a save that lost a mark)', () => {
  it('carries a mark onto the surviving words of a passage, with the space between them, and not onto new words', () => {
    const from = doc(p(t('Bob said: '), flag('f', t('Today Acme pays')), t(' 40 million.')));
    const to = doc(p(t('Acme pays 40 million. New words.')));
    const r = carryFlags(from, to);
    expect(texts(r.content)).toEqual([['f', 'Acme pays']]);
    expect(sectionText(r.content)).toBe('Acme pays 40 million. New words.');
    expect(r.carried).toEqual(['f']);
    expect(r.approximate).toBe(false);
  });

  it('follows words that moved between paragraphs, and keeps each paragraph’s own format', () => {
    const from = doc(p(t('One '), flag('f', t('secret price', 1)), t(' here.')), p(t('Two.')));
    const to = doc(p(t('One')), p(t('secret price', 1), t(' here. Two.')));
    expect(texts(carryFlags(from, to).content)).toEqual([['f', 'secret price']]);
    const kids = (carryFlags(from, to).content.root.children[1] as unknown as { children: SerializedNode[] }).children;
    expect(kids[0]).toEqual(flag('f', t('secret price', 1)));
  });

  it('does not mark an equal word that does not stand where the flagged one stood', () => {
    const from = doc(p(t('The price is '), flag('f', t('12')), t('. The price was 10.')));
    const to = doc(p(t('The price was 10.')));
    expect(texts(carryFlags(from, to).content)).toEqual([]);
  });

  it('a word partly covered counts as covered (the whole word is carried)', () => {
    const from = doc(p(t('pay'), flag('f', t('ment')), t(' due')));
    expect(texts(carryFlags(from, doc(p(t('payment due now')))).content)).toEqual([['f', 'payment']]);
  });

  it('carries only the flags asked for, and keeps the marks the target already has', () => {
    const from = doc(p(flag('f', t('alpha')), t(' '), flag('g', t('beta'))));
    const to = doc(p(t('alpha beta '), flag('h', t('gamma'))));
    expect(texts(carryFlags(from, to, new Set(['g'])).content)).toEqual([
      ['g', 'beta'],
      ['h', 'gamma'],
    ]);
  });

  it('marks nothing twice: a word already under the same flag is left as it is', () => {
    const from = doc(p(flag('f', t('alpha beta'))));
    const to = doc(p(flag('f', t('alpha')), t(' beta')));
    const r = carryFlags(from, to);
    expect(texts(r.content)).toEqual([['f', 'alpha beta']]);
    // The existing mark stays one node; " beta" gets one of its own (not a mark nested in a mark of the same flag).
    expect((r.content.root.children[0] as unknown as { children: SerializedNode[] }).children).toEqual([flag('f', t('alpha')), flag('f', t(' beta'))]);
  });

  it('finds words in list items, decisions and table cells', () => {
    const cell = (x: string) => el('tablecell', [p(t(x))], { headerState: 0 });
    const table = el('table', [el('tablerow', [cell('Acme'), cell('12 m')])]);
    const list = el('list', [el('listitem', [t('Beta terms')])], { listType: 'bullet' });
    const decision = el('decision', [t('Gamma rate')], { recordId: 'r' });
    const from = doc(p(flag('f', t('Acme 12 Beta terms Gamma rate'))));
    const r = carryFlags(from, doc(table, list, decision));
    expect(sectionText(r.content).match(/\S+/g)).toEqual(['Acme', '12', 'm', 'Beta', 'terms', 'Gamma', 'rate']);
    expect(flaggedTexts(r.content)[0]!.text.split('\n')).toEqual(['Acme', '12', 'Beta terms', 'Gamma rate']);
  });

  it('never loses a carried word (property): after deletions and insertions, every flagged word that is left is flagged, and no new one', () => {
    // Unique words, so that the alignment of the two versions is the edit itself.
    const para = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 4 }), (paras, cuts, adds) => {
        let n = 0;
        const all = paras.map((fs) => fs.map((f) => ({ w: `w${n++}`, f })));
        const from = doc(...all.map((ws) => p(...ws.map((x, i) => (x.f ? flag('f', t(`${i ? ' ' : ''}${x.w}`)) : t(`${i ? ' ' : ''}${x.w}`))))));
        const flat = all.flat();
        const dropped = new Set(cuts.map((c) => c % flat.length));
        const kept: Array<{ w: string; f: boolean }> = flat.filter((_, k) => !dropped.has(k));
        adds.forEach((a, k) => kept.splice(a % (kept.length + 1), 0, { w: `new${k}`, f: false }));
        const to = doc(p(t(kept.map((x) => x.w).join(' '))));
        const marked = flaggedTexts(carryFlags(from, to).content).flatMap((f) => f.text.split(/\s+/));
        expect(marked.sort()).toEqual(kept.filter((x) => x.f).map((x) => x.w).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('fails closed when the versions cannot be aligned in time: equal words get the mark wherever they stand', () => {
    // Two long, wholly different word sequences: the diff gives up, and every "Acme" in the target is marked.
    const paras = (prefix: string) => Array.from({ length: 400 }, (_, k) => p(t(Array.from({ length: 100 }, (_, i) => `${prefix}${k * 100 + i}`).join(' '))));
    const from = doc(...paras('a'), p(flag('f', t('Acme'))));
    const to = doc(...paras('b'), p(t('Acme and Acme')));
    const r = carryFlags(from, to);
    expect(r.approximate).toBe(true);
    expect(flaggedTexts(r.content)).toEqual([{ ids: ['f'], text: 'Acme\nAcme' }]);
  });

  it('of two equal words, marks only the one that stands where the flagged one stood', () => {
    const from = doc(p(flag('f', t('Acme')), t(' said. Acme left.')));
    const r = carryFlags(from, doc(p(t('Acme said. Acme left. Later.'))));
    expect(r.approximate).toBe(false);
    expect((r.content.root.children[0] as unknown as { children: SerializedNode[] }).children).toEqual([flag('f', t('Acme')), t(' said. Acme left. Later.')]);
  });

  it('carries a flag that sits inside a link', () => {
    const link = el('link', [flag('f', t('secret'))], { url: 'https://x.example' });
    const r = carryFlags(doc(p(t('the '), link)), doc(p(t('the secret now'))));
    expect(texts(r.content)).toEqual([['f', 'secret']]);
  });
});
