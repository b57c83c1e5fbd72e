// @vitest-environment jsdom
import { $createListItemNode, $isListNode } from '@lexical/list';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, createEditor, type LexicalEditor, type ParagraphNode, type TextNode } from 'lexical';
import fc from 'fast-check';
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
  const numbering = () => {
    let n = 1;
    return () => n++;
  };
  const textsOf = (r: ReturnType<IncrementalBlockReader['read']>) => r.order.map((id) => r.byId.get(id)!.text);

  it('reuses unchanged blocks, rereads the one typed in, and follows added and removed blocks', () => {
    const { editor } = mount(doc(el('paragraph', [text('First.')]), el('paragraph', [text('Second.')]), el('list', [el('listitem', [text('Item.')], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' })));
    const reader = new IncrementalBlockReader(editor, numbering());
    const first = reader.read();
    expect(textsOf(first)).toEqual(['First.', 'Second.', 'Item.']);
    expect(first.order).toEqual([1, 2, 3]);
    expect(first.added.map(([id]) => id)).toEqual([1, 2, 3]);
    const again = reader.read();
    expect(again.added).toEqual([]); // nothing changed: nothing read, the same numbers
    expect(again.removed).toEqual([]);
    expect(again.order).toEqual([1, 2, 3]);

    editor.update(() => $getRoot().getChildAtIndex<ParagraphNode>(1)!.getFirstChild<TextNode>()!.setTextContent('Second, edited.'), { discrete: true });
    const second = reader.read();
    expect(textsOf(second)).toEqual(['First.', 'Second, edited.', 'Item.']);
    expect(second.order).toEqual([1, 4, 3]); // the edited block under a new number, in place
    expect(second.removed).toEqual([2]);
    expect(second.added.map(([id, b]) => [id, b.text])).toEqual([[4, 'Second, edited.']]);
    expect(second.byId.get(4)!.segments[0]!.dom?.data).toBe('Second, edited.');
    expect([reader.position(1), reader.position(4), reader.position(3), reader.position(2)]).toEqual([0, 1, 2, undefined]);

    editor.update(() => {
      $getRoot().getFirstChild()!.remove();
      $getRoot().append($createParagraphNode().append($createTextNode('Added.')));
    }, { discrete: true });
    const third = reader.read();
    expect(textsOf(third)).toEqual(['Second, edited.', 'Item.', 'Added.']);
    expect(third.removed).toContain(1);
    // Lexical marks the neighbours of a removed or added block changed (their links changed): they are read again.
    expect(third.order.every((id) => !third.removed.includes(id))).toBe(true);
    expect(textsOf(third)).toEqual(readTextBlocks(editor).map((b) => b.text));
    reader.dispose();
  });

  it('never changes an order it has returned (a run of the engine may still read it)', () => {
    const { editor } = mount(doc(el('paragraph', [text('One.')]), el('paragraph', [text('Two.')])));
    const reader = new IncrementalBlockReader(editor, numbering());
    const before = reader.read().order;
    const copy = [...before];
    editor.update(() => $getRoot().getFirstChild<ParagraphNode>()!.getFirstChild<TextNode>()!.setTextContent('One, edited.'), { discrete: true });
    expect(reader.read().order).not.toEqual(copy);
    expect(before).toEqual(copy);
    reader.dispose();
  });

  it('reads everything again after a full re-render (new DOM text nodes for unchanged blocks)', () => {
    const { editor } = mount(doc(el('paragraph', [text('Alpha.')]), el('paragraph', [text('Beta.')]), el('paragraph', [text('Gamma.')])));
    const reader = new IncrementalBlockReader(editor, numbering());
    const first = reader.read();
    editor.setEditorState(editor.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
    const second = reader.read();
    expect(textsOf(second)).toEqual(['Alpha.', 'Beta.', 'Gamma.']);
    for (const id of second.order) for (const seg of second.byId.get(id)!.segments) if (seg.dom) expect(seg.dom.isConnected).toBe(true);
    expect(second.removed.sort()).toEqual([...first.order].sort());
    // A new root element: every block is rendered again under the same keys, and Lexical reports no change.
    const div = document.createElement('div');
    document.body.append(div);
    editor.setRootElement(div);
    const third = reader.read();
    expect(textsOf(third)).toEqual(['Alpha.', 'Beta.', 'Gamma.']);
    for (const id of third.order) for (const seg of third.byId.get(id)!.segments) if (seg.dom) expect(seg.dom.isConnected).toBe(true);
    reader.dispose();
  });

  it('property: after any edits, the blocks read are the section as a full read gives it, each number at its position', () => {
    type Op = { kind: 'edit' | 'insert' | 'remove' | 'item' | 'split' | 'move' | 'rerender' | 'remount'; at: number; word: string };
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('edit', 'edit', 'edit', 'insert', 'remove', 'item', 'split', 'move', 'move', 'rerender', 'remount'),
      at: fc.nat(40),
      word: fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'Camille Laurent', 'EUR 3 million'),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (size, batches) => {
        const blocks = Array.from({ length: size }, (_, i) =>
          i % 4 === 3 ? el('list', [el('listitem', [text(`item ${i}`)], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' }) : el('paragraph', [text(`para ${i}`)]),
        );
        const { editor } = mount(doc(...blocks));
        const reader = new IncrementalBlockReader(editor, numbering());
        const seen = new Set<number>();
        const check = () => {
          const r = reader.read();
          expect(textsOf(r)).toEqual(readTextBlocks(editor).map((b) => b.text));
          expect(r.byId.size).toBe(r.order.length);
          r.order.forEach((id, i) => expect(reader.position(id)).toBe(i));
          for (const id of r.order) for (const seg of r.byId.get(id)!.segments) if (seg.dom) expect(seg.dom.isConnected).toBe(true);
          for (const [id] of r.added) {
            expect(seen.has(id)).toBe(false); // a number is never reused
            seen.add(id);
          }
          for (const id of r.removed) expect(r.byId.has(id)).toBe(false);
        };
        check();
        for (const batch of batches) {
          for (const o of batch) {
            if (o.kind === 'remount') {
              // The editor put in a new root element: Lexical renders every block again under the same keys.
              const div = document.createElement('div');
              document.body.append(div);
              editor.setRootElement(div);
              continue;
            }
            if (o.kind === 'rerender') {
              if (editor.getEditorState().read(() => $getRoot().isEmpty())) continue; // Lexical refuses an empty state
              editor.setEditorState(editor.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
              continue;
            }
            editor.update(
              () => {
                const root = $getRoot();
                const n = root.getChildrenSize();
                const target = n > 0 ? root.getChildAtIndex(o.at % n) : null;
                if (o.kind === 'insert' || !target) {
                  const block = $createParagraphNode().append($createTextNode(o.word));
                  if (target) target.insertBefore(block);
                  else root.append(block);
                } else if (o.kind === 'remove') target.remove();
                else if (o.kind === 'edit') {
                  const t = $isElementNode(target) ? target.getAllTextNodes()[0] : undefined;
                  if (t) t.setTextContent(`${t.getTextContent()} ${o.word}`);
                } else if (o.kind === 'item') {
                  const list = root.getChildren().find($isListNode);
                  list?.getFirstChild()?.insertAfter($createListItemNode().append($createTextNode(o.word)));
                } else if (o.kind === 'move') {
                  // A block moved elsewhere: the same number of blocks, in another order.
                  const other = root.getChildAtIndex((o.at * 7 + 3) % n);
                  if (other && !other.is(target)) other.insertBefore(target);
                } else if (o.kind === 'split') {
                  const t = $isElementNode(target) ? target.getAllTextNodes()[0] : undefined;
                  if (t && t.getTextContentSize() > 2) target.insertAfter($createParagraphNode().append($createTextNode(t.getTextContent().slice(2))));
                }
              },
              { discrete: true },
            );
          }
          check();
        }
        reader.dispose();
      }),
      { numRuns: 150 },
    );
  });
});
