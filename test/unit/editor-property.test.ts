import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerList } from '@lexical/list';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, type SerializedNode } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { apply, opArb } from './editor-ops';

const RUNS = Number(process.env.FC_RUNS ?? 500);

function walk(n: SerializedNode, f: (n: SerializedNode) => void): void {
  f(n);
  for (const c of (n.children as SerializedNode[] | undefined) ?? []) walk(c, f);
}

describe('minutes editor: random edit sequences (property)', () => {
  it(`serialize → load → serialize is identical and stays within the allowlist (${RUNS} runs)`, () => {
    // How often each interesting node type occurred: the ops must really build them, or the property proves little.
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const editor = createHeadlessMinutesEditor();
        registerHistory(editor, createEmptyHistoryState(), 0);
        registerList(editor);
        registerMinutesCommands(editor);
        for (const op of ops) apply(editor, op);
        const doc = serializeEditor(editor);
        const parsed = SerializedDoc.safeParse(doc);
        if (!parsed.success) throw new Error(`not a SerializedDoc: ${parsed.error.message}`);
        const types = new Set<string>();
        walk(doc.root, (n) => {
          types.add(n.type);
          expect(NODE_TYPES).toContain(n.type);
          if (n.type === 'flag') expect((n.children as SerializedNode[]).length).toBeGreaterThan(0);
        });
        const again = serializeEditor(createHeadlessMinutesEditor(doc));
        expect(again).toEqual(doc);
        for (const t of types) seen.set(t, (seen.get(t) ?? 0) + 1);
      }),
      { numRuns: RUNS, verbose: 1 },
    );
    if (RUNS >= 100) for (const t of ['flag', 'timestamp', 'list', 'listitem', 'decision', 'action', 'heading', 'quote']) expect(seen.get(t) ?? 0, t).toBeGreaterThan(0);
  });
});
