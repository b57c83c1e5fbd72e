import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { walkSection } from '../../shared/redaction/walk';

/**
 * As in the renderer, where only zod's light build is loaded (this file imports no full zod, which would register the
 * English messages itself): the stored-document schema still refuses in zod's English, the words the walk quotes when a
 * section does not have the expected form (doc-schema.ts registers them when it builds the schema).
 */
describe('the stored-document schema with only zod/mini loaded', () => {
  it('refuses a too-long text in English, and the walk says so in a sentence', () => {
    const d = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 't'.repeat(MAX_TEXT + 1) }] }] } };
    const r = SerializedDoc.safeParse(d);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(`Too big: expected string to have <=${MAX_TEXT} characters`);
    expect(() => walkSection(d, 'section', () => undefined)).toThrow(`The minutes do not have the expected form: Too big: expected string to have <=${MAX_TEXT} characters`);
  });
});
