import { type ClipboardLike } from '../../renderer/editor/paste';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, type LexicalEditor } from 'lexical';
import { expect } from 'vitest';
import { inspectInput } from '../../electron/backend/dispatch';
import { plainText, type SerializedNode } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { walkSection } from '../../shared/redaction/walk';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $createFlagNode } from '../../renderer/editor/nodes';
import { registerMinutesCommands } from '../../renderer/editor/register';

/** Helpers of the tests that nothing the editor holds makes a save of its section refused (editor-forbidden-chars, editor-paste-limits). */
export const up = (editor: LexicalEditor, fn: () => void) => editor.update(fn, { discrete: true });

/** The editor's content, checked as a save is: the dispatcher, the stored schema, the one reader (search indexing). */
export function saveable(editor: LexicalEditor): SerializedDoc {
  const doc = serializeEditor(editor);
  expect(inspectInput({ content: doc })).toBeNull();
  const parsed = SerializedDoc.safeParse(doc);
  expect(parsed.success ? null : parsed.error.issues.slice(0, 2)).toBeNull();
  expect(() => walkSection(doc, 'section', () => undefined)).not.toThrow();
  return doc;
}

/** An editor with the minutes registrations and one paragraph "before [secret] after", "secret" flagged f1. */
export function withFlag(): { editor: LexicalEditor; key: string } {
  const editor = createHeadlessMinutesEditor();
  registerMinutesCommands(editor);
  let key = '';
  up(editor, () => {
    const inner = $createTextNode('secret');
    key = inner.getKey();
    $getRoot().clear().append($createParagraphNode().append($createTextNode('before '), $createFlagNode(['f1']).append(inner), $createTextNode(' after')));
  });
  return { editor, key };
}

export function caretIn(key: string, offset: number): void {
  const sel = $createRangeSelection();
  sel.anchor.set(key, offset, 'text');
  sel.focus.set(key, offset, 'text');
  $setSelection(sel);
}

/** The text of every run covered by flag `id`, in document order. */
export function flaggedText(doc: SerializedDoc, id: string): string[] {
  const out: string[] = [];
  const walk = (n: SerializedNode) => {
    if (n.type === 'flag' && (n.ids as string[]).includes(id)) out.push(plainText(n));
    else for (const c of (n.children as SerializedNode[] | undefined) ?? []) walk(c);
  };
  walk(doc.root);
  return out;
}

export function clip(data: Record<string, string>): ClipboardLike {
  return { getData: (t) => data[t] ?? '', types: Object.keys(data), files: { length: 0 } };
}

export function maxChildren(n: SerializedNode): number {
  const kids = (n.children as SerializedNode[] | undefined) ?? [];
  return Math.max(kids.length, ...kids.map(maxChildren));
}

export function maxText(n: SerializedNode): number {
  if (typeof n.text === 'string') return n.text.length;
  return Math.max(0, ...((n.children as SerializedNode[] | undefined) ?? []).map(maxText));
}

