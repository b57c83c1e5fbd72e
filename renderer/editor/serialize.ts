import {
  $exportNodeJSON,
  $getNodeByKey,
  $getRoot,
  $getSlot,
  $getSlotNames,
  $isElementNode,
  $withCompactExport,
  type EditorState,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';

/**
 * An editor state's stored form (the same JSON as `EditorState.toJSON()`), made a slice of top-level blocks at a
 * time, so that a long section's autosave does not hold the officer's keys back (issue 16). At 10,000 paragraphs
 * `toJSON()` is one ~40 ms task; a key that comes during it waits for all of it.
 *
 * Consistent by construction: a committed EditorState is immutable (Lexical clones a node before changing it in a
 * later update), so every slice reads the same snapshot, whatever the officer types between slices.
 */
/**
 * The stored form twice: as objects, and as its JSON text in a Blob, made in the same slices (each slice's blocks
 * encoded as it goes). A request sent with the Blob as its body leaves with no copy of the whole text in one task;
 * `fetch()` with a 3.8 MB string body copied it synchronously (~60 ms at 10,000 paragraphs, measured in a profile).
 */
export interface SavedForm {
  doc: SerializedDoc;
  json: Blob;
}

export interface SlicedRead<T> {
  readonly result: Promise<T>;
  /** Do the rest now, in this task (leaving the page, a flush). `result` then resolves in this task's microtasks. */
  finishNow(): void;
  /** Stop: no more slices; `result` never settles (the snapshot is no longer wanted). */
  cancel(): void;
}

export interface SliceOptions {
  /** Time for one slice; the first slice runs at once, in the caller's task (a short section is done in it). */
  sliceMs?: number;
  now?: () => number;
  /** Runs `fn` in a later task. */
  later?: (fn: () => void) => void;
}

const DEFAULT_SLICE_MS = 4;
/**
 * A slice also stops once its blocks' JSON reaches this many characters: exporting a block is much quicker than
 * encoding its JSON into the slice's Blob (~22 ms per MB here), so at 10,000 paragraphs a slice bounded by the clock
 * alone exported ~1 MB in its 4 ms and then spent 30–45 ms making the Blob (issue 16: the long tasks in the typing
 * bench's tail). 64 K characters are ~1.5 ms of Blob.
 */
export const SLICE_MAX_CHARS = 64 * 1024;

/** A node and everything under it, as `toJSON()` writes it (legacy, full form; slots included). */
function $exportTree(node: LexicalNode): SerializedNode {
  const json = $exportNodeJSON(node) as unknown as SerializedNode & { children?: SerializedNode[]; $slots?: Record<string, SerializedNode> };
  if ($isElementNode(node)) for (const child of node.getChildren()) json.children!.push($exportTree(child));
  const slots = $getSlotNames(node);
  if (slots.length > 0) {
    const out: Record<string, SerializedNode> = {};
    for (const name of slots) out[name] = $exportTree($getSlot(node, name)!);
    json.$slots = out;
  }
  return json;
}

export function serializeInSlices(state: EditorState, o: SliceOptions = {}): SlicedRead<SavedForm> {
  const now = clockOf(o);
  let root: (SerializedNode & { children: SerializedNode[] }) | null = null;
  let keys: NodeKey[] = [];
  let next = 0;
  /** The JSON of the blocks done so far, a Blob per slice ("," between blocks). */
  const pieces: Blob[] = [];

  /** One slice: blocks until `deadline` (at least one). True when the whole document is done. */
  const step = (deadline: number): boolean =>
    $withCompactExport(false, () =>
      state.read(() => {
        if (!root) {
          const r = $getRoot();
          root = $exportNodeJSON(r) as unknown as SerializedNode & { children: SerializedNode[] };
          keys = r.getChildrenKeys();
          const slots = $getSlotNames(r);
          if (slots.length > 0) (root as { $slots?: unknown }).$slots = Object.fromEntries(slots.map((n) => [n, $exportTree($getSlot(r, n)!)]));
        }
        const first = next;
        // finishNow (an infinite deadline) does the rest in this task, whatever its size.
        const maxChars = Number.isFinite(deadline) ? SLICE_MAX_CHARS : Number.POSITIVE_INFINITY;
        const texts: string[] = [];
        let chars = 0;
        do {
          if (next >= keys.length) break;
          const block = $exportTree($getNodeByKey(keys[next++]!)!);
          root.children.push(block);
          const text = JSON.stringify(block);
          texts.push(text);
          chars += text.length;
        } while (now() < deadline && chars < maxChars);
        if (next > first) pieces.push(new Blob([(first > 0 ? ',' : '') + texts.join(',')]));
        return next >= keys.length;
      }),
    );

  const finish = (): SavedForm => {
    const { children: _done, ...props } = root!;
    // The root's own properties as JSON.stringify writes them (a property whose value is undefined is left out).
    const own = JSON.stringify(props).slice(1, -1);
    const json = new Blob(['{"root":{"children":[', ...pieces, own ? '],' : ']', own, '}}']);
    return { doc: { root: root! } as unknown as SerializedDoc, json };
  };
  return runInSlices(step, finish, o);
}

/** The slices' clock: `o.now`, or the page's. */
export const clockOf = (o: SliceOptions) => o.now ?? (() => performance.now());

/**
 * Runs `step` (one slice of work, until the deadline it is given; true once all is done) at once in the caller's
 * task, then in later tasks, `sliceMs` each, until done; `result` is then `finish()`. An exception rejects `result`.
 */
export function runInSlices<T>(step: (deadline: number) => boolean, finish: () => T, o: SliceOptions = {}): SlicedRead<T> {
  const sliceMs = o.sliceMs ?? DEFAULT_SLICE_MS;
  const now = clockOf(o);
  const later = o.later ?? ((fn: () => void) => void setTimeout(fn, 0));
  let settled = false;
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const result = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const run = (deadline: number) => {
    if (settled) return;
    try {
      if (step(deadline)) {
        settled = true;
        resolve(finish());
      } else later(() => run(now() + sliceMs));
    } catch (e) {
      settled = true;
      reject(e);
    }
  };
  run(now() + sliceMs);
  return {
    result,
    finishNow: () => run(Number.POSITIVE_INFINITY),
    cancel: () => {
      settled = true;
    },
  };
}
