import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { foldForReading } from '../../shared/text/fold';
import { foldAsCheck } from '../../shared/text/look-alikes';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { excerptIn, excerptPieces, excerptWithin, markedIds, unmarkedFlags } from '../../shared/redaction/flag-state';
import type { PublicDocument } from '../../shared/redaction/public-model';
import { publicSummary } from '../../shared/redaction/public-summary';
import { RedactionError } from '../../shared/redaction/walk';

const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const f = (id: string, ...c: SerializedNode[]) => el('flag', c, { ids: [id] });
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });

const publicDoc = (sections: Array<{ key: string; number: string; title: string; withheld?: boolean }>): PublicDocument => ({
  marker: '[…]',
  bodyName: 'B',
  meetingTitle: 'M',
  date: '2026-01-30',
  organisations: [],
  sections: sections.map((s) => ({ ...s, withheld: s.withheld ?? false, blocks: [] })),
});

describe('excerptPieces and excerptIn', () => {
  it('splits at line breaks, folds white space and case, drops empty pieces', () => {
    expect(excerptPieces('  Acme\t PAYS \u00a0 40 \n\n  \nSecond  line ')).toEqual(['acme pays 40', 'second line']);
    expect(excerptPieces(' \n\t ')).toEqual([]);
  });

  it('is true when any piece stands in the text (white space and case folded), false for an empty excerpt', () => {
    expect(excerptIn('acme  pays', 'Then ACME\npays 40.')).toBe(true);
    expect(excerptIn('not here\nacme pays', 'Then acme pays.')).toBe(true);
    expect(excerptIn('not here\nnor here', 'Then acme pays.')).toBe(false);
    expect(excerptIn('  \n ', 'anything')).toBe(false);
  });

  it('reads a copy as the redaction check does: soft hyphens, decomposed accents, zero-width spaces, punctuation', () => {
    const secret = 'Société Générale will close its Lyon plant';
    for (const copy of [secret.replace('Lyon', 'Ly\u00ADon'), secret.normalize('NFD'), secret.replace('plant', 'pl\u200Bant'), 'SOCIETE-GENERALE will close its Lyon plant!'])
      expect(excerptIn(secret, `Recalled: ${copy}.`), copy).toBe(true);
    expect(excerptWithin(secret, ['x', `so: ${secret.normalize('NFD')}`])).toBe(true);
    expect(excerptIn(secret, 'Société Générale will keep its Lyon plant')).toBe(false);
  });

  it('folds exactly as the redaction check does on text without look-alike letters of other scripts', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
      expect(foldForReading(s)).toBe(normaliseForMatch(s));
    }), { numRuns: 500 });
    for (const s of ['Société Générale', 'Ly\u00ADon', 'ﬁnal ½ Straße', 'Zürich — 10 %', 'ＡＢＣ', 'pl\u200Bant'])
      expect(foldForReading(s), s).toBe(normaliseForMatch(s));
  });
});

describe('markedIds', () => {
  it('collects the ids of every flag mark of every section, and refuses what the walk refuses', () => {
    expect([...markedIds([{ content: doc(p(f('a', t('x')), t(' '), el('flag', [t('y')], { ids: ['b', 'c'] }))) }, { content: doc(p(f('d', t('z')))) }])]).toEqual(['a', 'b', 'c', 'd']);
    expect(markedIds([{ content: doc(p(t('none'))) }]).size).toBe(0);
    expect(() => markedIds([{ content: doc(el('figure', [])) }])).toThrow(RedactionError);
    expect(() => markedIds([{ content: doc(el('figure', [])) }])).toThrow(/\(at section\.root\.children\[0\]\)/);
  });
});

describe('unmarkedFlags: flags in force whose mark is gone while their text would be published', () => {
  const sections = [
    { key: 'opening', content: doc(p(t('Welcome. Acme pays 40 million.'))) },
    { key: 'i1', content: doc(p(f('kept', t('Beta terms')), t(' and the Gamma deal'))) },
    { key: 'i2', content: doc(p(t('Delta secret in a withheld item'))) },
  ];
  const pub = publicDoc([
    { key: 'opening', number: '', title: 'Opening' },
    { key: 'i1', number: '1', title: 'Pricing' },
    { key: 'i2', number: '2', title: 'Closed', withheld: true },
    { key: 'closing', number: '', title: 'Closing' },
  ]);

  it('names each such flag with the heading it would appear under; ignores marked flags, empty excerpts, withheld items', () => {
    const out = unmarkedFlags(sections, [
      { id: 'm1', excerpt: 'acme pays 40' },
      { id: 'm2', excerpt: 'Gamma   DEAL' },
      { id: 'kept', excerpt: 'Beta terms' },
      { id: 'empty', excerpt: ' \n ' },
      { id: 'withheld', excerpt: 'Delta secret' },
      { id: 'gone', excerpt: 'nowhere' },
    ], pub);
    expect(out).toEqual([
      { kind: 'mark_missing', flagId: 'm1', excerpt: 'acme pays 40', where: 'Opening' },
      { kind: 'mark_missing', flagId: 'm2', excerpt: 'Gamma   DEAL', where: '1 Pricing' },
    ]);
  });

  it('nothing to report: no flags, or every flag marked', () => {
    expect(unmarkedFlags(sections, [], pub)).toEqual([]);
    expect(unmarkedFlags(sections, [{ id: 'kept', excerpt: 'Beta terms' }], pub)).toEqual([]);
  });

  it('a section of the document without stored minutes is skipped; the first section holding the text is named', () => {
    const pub2 = publicDoc([
      { key: 'closing', number: '', title: 'Closing' },
      { key: 'i1', number: '1', title: 'Pricing' },
      { key: 'opening', number: '', title: 'Opening' },
    ]);
    const both = [...sections, { key: 'opening2', content: doc(p(t('x'))) }];
    expect(unmarkedFlags(both, [{ id: 'g', excerpt: 'gamma deal\nacme pays' }], pub2)).toEqual([{ kind: 'mark_missing', flagId: 'g', excerpt: 'gamma deal\nacme pays', where: '1 Pricing' }]);
  });
});

describe('the public summary (preview and export alike) reads a flag in force as the redaction check does', () => {
  it('a look-alike copy of an unmarked flag in force in a published section blocks publication, and names where', () => {
    const secret = 'Acme will close its Lyon plant';
    // Cyrillic а, о, у in place of Latin a, o, y: what the check of the file would find.
    const copy = 'Acme will cl\u043Ese its L\u0443\u043En pl\u0430nt';
    const summary = publicSummary({
      bodyName: 'Taskforce',
      meeting: { title: 'Plenary', startsAt: '2026-03-10T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
      agenda: [{ id: 'i1', number: '1', parentId: null, title: 'Pricing', forPublication: true }],
      sections: [{ key: 'i1', content: doc(p(t(`Recalled: ${copy}.`))) }],
      attendance: [],
      flagsInForce: [{ id: 'f1', excerpt: secret }],
    });
    expect(excerptIn(secret, copy)).toBe(false); // read for reading only, the copy would pass
    expect(summary.blockers).toEqual([{ kind: 'mark_missing', flagId: 'f1', excerpt: secret, where: '1 Pricing' }]);
  });
});

describe('a short flag’s text is read as a whole word, as the redaction check reads it', () => {
  // An audit found a flag on "Meta" kept in force (mark missing) through "metadata", blocking the summary while the
  // file's check passed it; "AI" stood in "said" the same way (2026-12-04).
  it('a passage under 8 characters stands in a text only as a whole word', () => {
    expect(excerptIn('Meta', 'Proposal on metadata standards.', foldAsCheck)).toBe(false);
    expect(excerptIn('AI', 'He said so.', foldAsCheck)).toBe(false);
    expect(excerptIn('Meta', 'Proposal by Meta, on metadata.', foldAsCheck)).toBe(true);
    expect(excerptIn('AI', 'The AI Act.', foldAsCheck)).toBe(true);
    expect(excerptIn('Acme Holdings plc', 'The Acme Holdings plcs', foldAsCheck)).toBe(true); // long: anywhere, as the check
    expect(excerptWithin('Meta\nGamma deal', ['metadata', 'the gamma deal'], foldAsCheck)).toBe(false);
  });
});
