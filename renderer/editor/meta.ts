import { $getNodeByKey, $getRoot, $isElementNode, type EditorState, type LexicalNode, type NodeKey } from 'lexical';
import { FlagTexts, type FlagExcerpt } from './flags';
import { $isFlagNode } from './nodes/FlagNode';
import { $recordRefOf, type RecordRef } from './records';
import { clockOf, runInSlices, type SliceOptions, type SlicedRead } from './serialize';

/** What the page reads from a section after a change: its flags, its records and its length. */
export interface ChangeMeta {
  /** The flags present in the section with their text (for flags.sync). */
  flagIds: FlagExcerpt[];
  /** The decision/action blocks present in the section (to spot a record whose block was deleted). */
  records: RecordRef[];
  wordCount: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/**
 * The words of `text`, counted by stepping the pattern through it: `text.match(WORD)` made an array of every word, ~60
 * ms for the 240,000 words of a 10,000-paragraph section at each pause in typing (issue 16); this is ~4 ms.
 */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.test(text)) n++;
  return n;
}

/**
 * One pass over a section's top-level blocks, in document order, gathering all three: flags, records, words. Words
 * are counted block by block (the section's text puts a blank line between blocks, so no word spans two).
 */
class MetaGatherer {
  private readonly flags = new FlagTexts();
  private readonly records: RecordRef[] = [];
  private words = 0;

  $block(block: LexicalNode): void {
    this.words += countWords(block.getTextContent());
    this.$visit(block);
  }

  private $visit(node: LexicalNode): void {
    if ($isFlagNode(node)) this.flags.add(node);
    const record = $recordRefOf(node);
    if (record) this.records.push(record);
    if ($isElementNode(node)) for (let child = node.getFirstChild(); child; child = child.getNextSibling()) this.$visit(child);
  }

  meta(): ChangeMeta {
    return { flagIds: this.flags.excerpts(), records: this.records, wordCount: this.words };
  }
}

/**
 * Reads `state`'s blocks into a MetaGatherer: `step(deadline)` reads blocks until the deadline (at least one) and
 * says whether all are read. readMeta takes them all in one step; readMetaInSlices a few per task.
 */
function metaReader(state: EditorState, now: () => number) {
  const g = new MetaGatherer();
  let keys: NodeKey[] | null = null;
  let next = 0;
  const step = (deadline: number): boolean =>
    state.read(() => {
      keys ??= $getRoot().getChildrenKeys();
      while (next < keys.length) {
        g.$block($getNodeByKey(keys[next++]!)!);
        if (now() >= deadline) break;
      }
      return next >= keys.length;
    });
  return { step, meta: () => g.meta() };
}

/** The meta of `state`, in this task. */
export function readMeta(state: EditorState): ChangeMeta {
  const r = metaReader(state, () => 0);
  r.step(Number.POSITIVE_INFINITY);
  return r.meta();
}

/**
 * The meta of `state` (the same as readMeta), a few blocks per task: at 10,000 paragraphs reading it at once is a
 * task of tens of milliseconds after each pause in typing, and a key pressed then waited for all of it (issue 16).
 * Every slice reads the same snapshot (a committed EditorState is immutable), whatever is typed between slices.
 */
export function readMetaInSlices(state: EditorState, o: SliceOptions = {}): SlicedRead<ChangeMeta> {
  const r = metaReader(state, clockOf(o));
  return runInSlices(r.step, r.meta, o);
}
