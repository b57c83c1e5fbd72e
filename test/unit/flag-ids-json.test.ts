// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { flagIdsInJson, markedIds } from '../../shared/redaction/flag-state';
import { apply, opArb } from './editor-ops';

/**
 * flagIdsInJson reads the flag ids of a stored section from its JSON text in one scan (a save asks it which marks a
 * section held before): it must never miss one, and must not be fooled by text.
 */
const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, version: 1, ...extra, children });
const t = (text: string): SerializedNode => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) as SerializedDoc['root'] });

describe('flagIdsInJson', () => {
  it('finds every flag id, nested and overlapping, and nothing from text that looks like a list of ids', () => {
    const d = doc(el('paragraph', [t('He wrote "ids":["fake"] here '), el('flag', [t('a '), el('flag', [t('b')], { ids: ['inner'] })], { ids: ['x1', 'x2'] })]), el('paragraph', [t('"ids":[')]));
    expect(flagIdsInJson(JSON.stringify(d))).toEqual(new Set(['x1', 'x2', 'inner']));
    expect(flagIdsInJson(JSON.stringify(doc(el('paragraph', [t('none')]))))).toEqual(new Set());
  });

  it('says it cannot tell (null) when an id holds "]", so the caller parses the section', () => {
    const d = doc(el('paragraph', [el('flag', [t('a')], { ids: ['odd]id'] })]));
    expect(flagIdsInJson(JSON.stringify(d))).toBeNull();
  });

  it('is a superset of the marks the one reader sees, on random edits of the real editor (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const editor = createHeadlessMinutesEditor();
        for (const op of ops) apply(editor, op);
        const content = serializeEditor(editor);
        const found = flagIdsInJson(JSON.stringify(content));
        expect(found).not.toBeNull();
        for (const id of markedIds([{ content }])) expect(found!.has(id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
