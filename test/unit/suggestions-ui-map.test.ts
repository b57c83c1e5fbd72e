// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor, type ParagraphNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { compileContext } from '../../shared/suggestions';
import { createMinutesEditorConfig } from '../../renderer/editor/config';
import { $collectFlagIds } from '../../renderer/editor/flags';
import { rangeStillHolds, wrapDomRangeInFlag } from '../../renderer/features/suggestions/accept';
import { IncrementalBlockReader, readTextBlocks } from '../../renderer/features/suggestions/blocks';
import { alreadyFlagged, endPoint, placeBlock, startPoint, touchesFlag, type Segment, type TextBlock } from '../../renderer/features/suggestions/map';
import { SuggestionCache } from '../../renderer/features/suggestions/cache';
import { SuggestionAnalyser } from '../../renderer/features/suggestions/analysis';
import { withDismissed, type SuggestionContext } from '../../shared/suggestions';

const INPUT: SuggestionContext = {
  organisations: [{ name: 'Mistral AI', shortName: 'Mistral' }],
  people: ['Camille Laurent'],
  sensitiveTerms: ['Bluebird'],
  dismissed: [],
  referenceDate: '2026-01-30',
};
const CONTEXT = compileContext(INPUT);

/** The engine's side and the page's placing, as the page uses them: blocks numbered 1…n, one whole pass. */
function placeSuggestions<D>(blocks: ReadonlyArray<TextBlock<D>>) {
  const a = new SuggestionAnalyser();
  a.setContext(INPUT);
  const r = a.start('s', blocks.map((_, i) => i + 1), blocks.map((b, i) => [i + 1, b.text] as const)).step(() => false);
  return r.changed.flatMap(([id, found]) => placeBlock(blocks[id - 1]!, found).map((p) => ({ ...p, block: id - 1 })));
}

describe('placing suggestions on text runs (pure)', () => {
  const segs: Array<Segment<string>> = [
    { start: 0, end: 4, dom: 'A', flagged: false }, // "abcd"
    { start: 4, end: 5, dom: null, flagged: false }, // line break
    { start: 5, end: 9, dom: 'B', flagged: true }, // "efgh"
    { start: 9, end: 12, dom: 'C', flagged: false }, // "ijk"
  ];
  it('maps start offsets to the run holding that character and end offsets to the run holding the one before', () => {
    expect(startPoint(segs, 0)).toEqual({ node: 'A', offset: 0 });
    expect(startPoint(segs, 4)).toBeNull(); // a line break has no DOM text
    expect(startPoint(segs, 9)).toEqual({ node: 'C', offset: 0 });
    expect(endPoint(segs, 4)).toEqual({ node: 'A', offset: 4 });
    expect(endPoint(segs, 9)).toEqual({ node: 'B', offset: 4 });
    expect(endPoint(segs, 12)).toEqual({ node: 'C', offset: 3 });
    expect(endPoint(segs, 0)).toBeNull();
  });
  it('knows when a span is already wholly flagged', () => {
    expect(alreadyFlagged(segs, 5, 9)).toBe(true);
    expect(alreadyFlagged(segs, 4, 9)).toBe(true); // the line break does not count
    expect(alreadyFlagged(segs, 3, 9)).toBe(false);
    expect(alreadyFlagged(segs, 4, 5)).toBe(false); // nothing but a break: not "already flagged"
  });
  it('a suggestion part of which was flagged is dropped (the passage was judged)', () => {
    expect(touchesFlag(segs, 3, 6)).toBe(true);
    expect(touchesFlag(segs, 8, 12)).toBe(true);
    expect(touchesFlag(segs, 0, 5)).toBe(false);
    expect(touchesFlag(segs, 9, 12)).toBe(false);
  });
});

describe('the per-block cache', () => {
  it('runs the engine once per block text and context, and again after a dismissal changes the context', () => {
    const cache = new SuggestionCache();
    const t = 'Write to camille.laurent@example.org today.';
    const a = cache.get(t, CONTEXT);
    expect(a.map((s) => s.text)).toEqual(['camille.laurent@example.org']);
    expect(cache.get(t, CONTEXT)).toBe(a);
    const dismissed = withDismissed(CONTEXT, ['camille.laurent@example.org']);
    expect(cache.get(t, dismissed)).toEqual([]);
  });
});

describe('blocks of a section', () => {
  const block = (t: string, dom: string): TextBlock<string> => ({ text: t, segments: [{ start: 0, end: t.length, dom, flagged: false }] });
  const blocks = [block('Mistral AI reported on its partnerships.', 'A'), block('It was negotiating a contract with a French retailer.', 'B')];

  it('carries the speaker from one paragraph to the next', () => {
    const placed = placeSuggestions(blocks);
    expect(placed.map((p) => [p.block, p.text, p.flagReason])).toEqual([[1, 'It was negotiating a contract with a French retailer.', 'commercially_confidential']]);
    expect(placed[0]!.reason).toContain('Mistral AI');
    // Alone, the second paragraph has no speaker.
    expect(placeSuggestions([blocks[1]!])).toEqual([]);
  });

  it('reads blocks it has not seen in slices, and finishes from the cache', () => {
    const a = new SuggestionAnalyser();
    a.setContext(INPUT);
    const run = a.start('s', [1, 2], [
      [1, blocks[0]!.text],
      [2, blocks[1]!.text],
    ]);
    // No time at all: a slice still reads one block, then stops.
    const first = run.step(() => true);
    expect(first.complete).toBe(false);
    expect(first.changed).toEqual([]); // the first block has none
    const second = run.step(() => false);
    expect(second.complete).toBe(true);
    expect(second.changed.map(([id]) => id)).toEqual([2]);
    // Everything known now: a new pass, even with no time at all, completes and sends nothing.
    expect(a.start('s', [1, 2], []).step(() => true)).toEqual({ changed: [], complete: true });
  });
});

describe('the engine side: only what changed crosses to the page', () => {
  const named = 'Mistral AI reported on its partnerships.';
  const follow = 'It was negotiating a contract with a French retailer.';
  const fresh = () => {
    const a = new SuggestionAnalyser();
    a.setContext(INPUT);
    return a;
  };

  it('an edited block (a new number) is read alone; its neighbours are not sent again', () => {
    const a = fresh();
    const first = a.start('s', [1, 2, 3], [
      [1, named],
      [2, follow],
      [3, 'Write to camille.laurent@example.org today.'],
    ]).step(() => false);
    expect(first.changed.map(([id]) => id)).toEqual([2, 3]);
    const second = a.start('s', [1, 2, 4], [[4, 'Write to camille.laurent@example.org tomorrow.']]).step(() => false);
    expect(second.changed.map(([id, found]) => [id, found.map((f) => f.text)])).toEqual([[4, ['camille.laurent@example.org']]]);
  });

  it('a change of speaker in one block changes the suggestions of the next, which is sent again (even as none)', () => {
    const a = fresh();
    a.start('s', [1, 2], [
      [1, named],
      [2, follow],
    ]).step(() => false);
    const r = a.start('s', [5, 2], [[5, 'The weather was discussed.']]).step(() => false);
    expect(r.changed).toEqual([[2, []]]);
  });

  it('a dismissal re-reads every block but sends only those whose suggestions changed', () => {
    const a = fresh();
    a.start('s', [1, 2, 3], [
      [1, named],
      [2, follow],
      [3, 'Write to camille.laurent@example.org today.'],
    ]).step(() => false);
    a.setDismissed(['camille.laurent@example.org']);
    expect(a.start('s', [1, 2, 3], []).step(() => false).changed).toEqual([[3, []]]);
  });

  it('after the page dropped its suggestions (switched off), a resend sends every block that has some', () => {
    const a = fresh();
    a.start('s', [1, 2], [
      [1, named],
      [2, follow],
    ]).step(() => false);
    expect(a.start('s', [1, 2], []).step(() => false).changed).toEqual([]);
    expect(a.start('s', [1, 2], [], true).step(() => false).changed.map(([id]) => id)).toEqual([2]);
  });

  it('forgets the texts of blocks gone from the section, and of a dropped section', () => {
    const a = fresh();
    a.start('s', [1, 2], [
      [1, named],
      [2, follow],
    ]).step(() => false);
    a.start('s', [2], []).step(() => false);
    expect(a.textOf(1)).toBeUndefined();
    expect(a.textOf(2)).toBe(follow);
    a.drop('s');
    expect(a.textOf(2)).toBeUndefined();
  });
});

// ---- against a real Lexical editor rendered into jsdom ----------------------------------------------------------

const text = (t: string): SerializedNode => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, direction: null, format: '', indent: 0, children, ...extra });
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) }) as unknown as SerializedDoc;

function mount(content: SerializedDoc): { editor: LexicalEditor; root: HTMLElement } {
  const config = createMinutesEditorConfig();
  const editor = createEditor({ namespace: config.namespace, nodes: config.nodes, theme: config.theme, onError: config.onError });
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  editor.setRootElement(root);
  editor.setEditorState(editor.parseEditorState(JSON.stringify(content)));
  return { editor, root };
}

function placedRanges(editor: LexicalEditor) {
  return placeSuggestions(readTextBlocks(editor)).map((p) => {
    const r = document.createRange();
    r.setStart(p.from.node, p.from.offset);
    r.setEnd(p.to.node, p.to.offset);
    return { ...p, range: r };
  });
}

describe('suggestions over a rendered editor (jsdom)', () => {
  it('reads each block, maps findings onto the DOM text and skips text already flagged', () => {
    const { editor } = mount(
      doc(
        el('paragraph', [text('Write to '), text('camille.laurent@example.org'), text(' today.')]),
        el('paragraph', [text('Project '), el('flag', [text('Bluebird')], { ids: ['f0'] }), text(' was discussed.')]),
        el('list', [el('listitem', [text('Ask Ms Laurent.')], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' }),
      ),
    );
    const blocks = readTextBlocks(editor);
    expect(blocks.map((b) => b.text)).toEqual(['Write to camille.laurent@example.org today.', 'Project Bluebird was discussed.', 'Ask Ms Laurent.']);
    expect(blocks[1]!.segments.map((s) => s.flagged)).toEqual([false, true, false]);
    const placed = placedRanges(editor);
    const texts = placed.map((p) => p.range.toString());
    expect(texts).toContain('camille.laurent@example.org');
    expect(texts).toContain('Ms Laurent');
    // The sentence naming the sensitive term is suggested: its term is flagged but the rest of the sentence is not.
    expect(placed.every((p) => p.range.toString() === p.text)).toBe(true);
  });

  it('"Flag" wraps exactly the suggested text in the new flag, and refuses once the text has changed', () => {
    const { editor } = mount(doc(el('paragraph', [text('Please write to camille.laurent@example.org for the list.')])));
    const s = placedRanges(editor).find((p) => p.kind === 'contact')!;
    expect(rangeStillHolds(editor, s.range, s.text)).toBe(true);
    expect(wrapDomRangeInFlag(editor, s.range, 'new-flag')).toBe(true);
    const flags = editor.read(() => $collectFlagIds());
    expect(flags).toEqual([{ id: 'new-flag', excerpt: 'camille.laurent@example.org' }]);
    expect(editor.read(() => $getRoot().getTextContent())).toBe('Please write to camille.laurent@example.org for the list.');
    // Now that text is flagged, no suggestion is made for it any more.
    expect(placedRanges(editor).filter((p) => p.kind === 'contact')).toEqual([]);
  });

  it('does not flag anything when the range no longer holds the suggested text', () => {
    const { editor } = mount(doc(el('paragraph', [text('Write to camille.laurent@example.org now.')])));
    const s = placedRanges(editor).find((p) => p.kind === 'contact')!;
    // The officer types over it before clicking "Flag": the DOM text changes under the range.
    editor.update(() => $getRoot().clear().append(), { discrete: true });
    expect(rangeStillHolds(editor, s.range, s.text)).toBe(false);
    expect(wrapDomRangeInFlag(editor, s.range, 'x')).toBe(false);
    expect(editor.read(() => $collectFlagIds())).toEqual([]);
  });
});

describe('reading only the blocks that changed (IncrementalBlockReader)', () => {
  it('reuses unchanged blocks, rereads the one typed in, and follows added and removed blocks', () => {
    const { editor } = mount(doc(el('paragraph', [text('First.')]), el('paragraph', [text('Second.')]), el('list', [el('listitem', [text('Item.')], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' })));
    const reader = new IncrementalBlockReader(editor);
    const first = reader.read();
    expect(first.map((b) => b.text)).toEqual(['First.', 'Second.', 'Item.']);
    expect(reader.read()[0]).toBe(first[0]); // nothing changed: the same objects

    editor.update(() => $getRoot().getChildAtIndex<ParagraphNode>(1)!.getFirstChild<TextNode>()!.setTextContent('Second, edited.'), { discrete: true });
    const second = reader.read();
    expect(second.map((b) => b.text)).toEqual(['First.', 'Second, edited.', 'Item.']);
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.segments[0]!.dom?.data).toBe('Second, edited.');

    editor.update(() => {
      $getRoot().getFirstChild()!.remove();
      $getRoot().append($createParagraphNode().append($createTextNode('Added.')));
    }, { discrete: true });
    expect(reader.read().map((b) => b.text)).toEqual(['Second, edited.', 'Item.', 'Added.']);
    // Same result as reading everything.
    expect(reader.read().map((b) => b.text)).toEqual(readTextBlocks(editor).map((b) => b.text));
    reader.dispose();
  });
});
