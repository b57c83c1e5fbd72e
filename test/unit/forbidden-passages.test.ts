import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { guardsText } from '../../shared/domain/flags-labels';
import { forbiddenPassages } from '../../shared/redaction/forbidden';

const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const f = (ids: string[], ...c: SerializedNode[]) => el('flag', c, { ids });
const link = (url: string, ...c: SerializedNode[]) => el('link', c, { url });
const p = (...c: SerializedNode[]) => el('paragraph', c);
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });

describe('forbiddenPassages: what every public file is checked against (one source)', () => {
  it('flagged passages piece by piece, flagged links’ URLs, and the recorded text of flags in force line by line', () => {
    const sections = [
      doc(p(t('Beta: '), f(['F1'], t('Project Falcon'))), p(f(['F1'], t('was discussed.')))),
      doc(p(t('see '), f(['F2'], link('https://dataroom.example/term-sheet', t('the term sheet'))))),
      doc(p(f(['F3'], t('closing words')), link('https://touching.example/x', t('beside it')))),
    ];
    const out = forbiddenPassages(sections, [{ id: 'R1', excerpt: 'first line\nsecond line\n  ' }]);
    expect(out).toEqual([
      { id: 'F1', text: 'Project Falcon' },
      { id: 'F1', text: 'was discussed.' },
      // The break between the two pieces has a letter on each side: it may cut a word ("Blue⏎bird"), so the pieces
      // are also searched joined.
      { id: 'F1', text: 'Project Falconwas discussed.' },
      { id: 'F2', text: 'the term sheet' },
      { id: 'F2#link', text: 'https://dataroom.example/term-sheet' },
      { id: 'F2#link', text: 'dataroom.example/term-sheet' },
      { id: 'F3', text: 'closing words' },
      { id: 'F3#link', text: 'https://touching.example/x' },
      { id: 'F3#link', text: 'touching.example/x' },
      { id: 'R1', text: 'first line' },
      { id: 'R1', text: 'second line' },
      { id: 'R1', text: 'first linesecond line' },
    ]);
  });

  it('each passage also as the summary prints it: without a pasted image’s placeholder, timestamps in the body’s zone', () => {
    const stamp: SerializedNode = { type: 'timestamp', version: 1, text: '[09:02]', at: '2026-02-03T09:02:00Z' };
    const sections = [doc(p(f(['F1'], t('Beta Robotics [image omitted] bids'))), p(f(['F2'], stamp, t(' Gamma answered'))))];
    const records = [{ id: 'R1', excerpt: 'Delta [image omitted]  Systems\n[image omitted]' }];
    expect(forbiddenPassages(sections, records, { timeZone: 'Europe/Brussels' })).toEqual([
      { id: 'F1', text: 'Beta Robotics [image omitted] bids' },
      { id: 'F1', text: 'Beta Robotics bids' },
      { id: 'F2', text: '[09:02] Gamma answered' },
      { id: 'F2', text: '[10:02] Gamma answered' },
      { id: 'R1', text: 'Delta [image omitted]  Systems' },
      { id: 'R1', text: 'Delta Systems' },
      { id: 'R1', text: '[image omitted]' },
    ]);
    // No zone (the register, the member list: they print no timestamps), or one the clock was in: the passage once.
    const stampOnly = [doc(p(f(['F1'], t('Beta Robotics [image omitted] bids')))), doc(p(f(['F2'], stamp)))];
    expect(forbiddenPassages(stampOnly, [], { timeZone: 'UTC' }).map((x) => x.text)).toEqual([
      'Beta Robotics [image omitted] bids',
      'Beta Robotics bids',
      '[09:02]',
    ]);
  });

  it('an unflagged link is not forbidden', () => {
    expect(forbiddenPassages([doc(p(link('https://public.example', t('public'))))], [])).toEqual([]);
  });
});

describe('guardsText: which flag records every public file is still checked for', () => {
  it('in force (mark or not) and text removed: yes; lifted by a person or by undo: no', () => {
    expect(guardsText({ retiredAt: null, retiredReason: null })).toBe(true);
    expect(guardsText({ retiredAt: '2026-01-01T10:00:00Z', retiredReason: 'text_removed' })).toBe(true);
    expect(guardsText({ retiredAt: '2026-01-01T10:00:00Z', retiredReason: 'unflagged' })).toBe(false);
    expect(guardsText({ retiredAt: '2026-01-01T10:00:00Z', retiredReason: 'undo' })).toBe(false);
    // A retired record whose reason is not known still guards (fail-closed).
    expect(guardsText({ retiredAt: '2026-01-01T10:00:00Z' })).toBe(true);
    expect(guardsText({ retiredAt: '2026-01-01T10:00:00Z', retiredReason: null })).toBe(true);
  });
});
