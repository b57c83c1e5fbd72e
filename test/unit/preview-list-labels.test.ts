import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPreview, type PreviewSource } from '../../renderer/features/preview/previewInput';
import { PublicPreview } from '../../renderer/features/preview/PublicPreview';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { listLabel } from '../../shared/format/list-labels';
import type { SerializedNode } from '../../shared/editor/doc-model';
import { doc, li, ol, t, ul } from '../fixtures/export-data';

/**
 * The preview shows what the public will read: list labels too. It printed every numbered item as "n." and every
 * bullet as "•", while the DOCX numbers level 2 "a.", level 3 "i." and bullets "•", "◦", "▪" (an audit, 2026-12-05):
 * a nested numbered list read "1. / 1." in the preview and "1. / a." in the published file, so "see point 1(a)" in
 * the minutes matched one and not the other. Both now take their labels from shared/format/list-labels.ts; this test
 * reads the DOCX's own numbering definitions, as Word prints them, and compares item by item.
 */
function source(content: ReturnType<typeof doc>): PreviewSource {
  return {
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Plenary 3', startsAt: '2026-03-04T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
    agenda: [{ id: 'a1', number: '1', title: 'Budget', parentId: null, forPublication: true }],
    sections: [{ key: 'a1', content }],
    attendance: [],
    flagsInForce: [],
  };
}

/** A list four levels deep, two items a level: "L0-1", "L0-2", "L1-1" … */
function nested(list: (...items: SerializedNode[]) => SerializedNode, depth = 0): SerializedNode {
  const items = [li(t(`L${depth}-1`)), li(t(`L${depth}-2`))];
  return depth < 3 ? list(items[0]!, li(nested(list, depth + 1)), items[1]!) : list(...items);
}

/** The label Word/LibreOffice print for the n-th item of a level of the given w:numFmt and w:lvlText. */
function wordLabel(numFmt: string, lvlText: string, n: number): string {
  if (numFmt === 'bullet') return lvlText;
  const value = numFmt === 'lowerLetter' ? String.fromCharCode(96 + n) : numFmt === 'lowerRoman' ? ['i', 'ii', 'iii'][n - 1]! : String(n);
  return lvlText.replace(/%\d/, value);
}

/** Each item's label in the DOCX: its paragraph's numId and ilvl, looked up in numbering.xml. */
function docxLabels(parts: Record<string, Uint8Array>): Map<string, string> {
  const body = strFromU8(parts['word/document.xml']!);
  const numbering = strFromU8(parts['word/numbering.xml']!);
  const counters = new Map<string, number>();
  const out = new Map<string, string>();
  for (const para of body.split('<w:p>').slice(1)) {
    const text = /L\d-\d/.exec(para)?.[0];
    const ilvl = /<w:ilvl w:val="(\d)"\/>/.exec(para)?.[1];
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(para)?.[1];
    if (!text || ilvl === undefined || numId === undefined) continue;
    const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>(.*?)</w:abstractNum>`, 's').exec(numbering)?.[1] ?? '';
    const lvl = new RegExp(`<w:lvl w:ilvl="${ilvl}"[^>]*>(.*?)</w:lvl>`, 's').exec(abstract)?.[1] ?? '';
    const key = `${numId}/${ilvl}`;
    counters.set(key, (counters.get(key) ?? 0) + 1);
    out.set(text, wordLabel(/<w:numFmt w:val="([^"]+)"/.exec(lvl)?.[1] ?? '', /<w:lvlText w:val="([^"]+)"/.exec(lvl)?.[1] ?? '', counters.get(key)!));
  }
  return out;
}

function previewLabels(html: string): Map<string, string> {
  return new Map([...html.matchAll(/data-n="([^"]*)"[^>]*>(L\d-\d)/g)].map((m) => [m[2]!, m[1]!]));
}

describe('list labels: the preview prints what the DOCX prints', () => {
  for (const [name, list] of [
    ['numbered', ol],
    ['bulleted', ul],
  ] as const)
    it(`a ${name} list four levels deep: every item's label is the same in both`, async () => {
      const r = buildPreview(source(doc(nested(list))));
      if (!r.ok) throw new Error(r.message);
      const preview = previewLabels(renderToStaticMarkup(createElement(PublicPreview, { result: r, withheldDisplay: 'title_only' })));
      const docx = docxLabels(unzipSync(await buildPublicSummary(r.summary)));
      expect(docx.size).toBe(8);
      expect(Object.fromEntries(preview)).toEqual(Object.fromEntries(docx));
    });

  it('labels as Word prints them, past the first items', () => {
    expect([1, 2, 26, 27, 28].map((n) => listLabel(true, 1, n))).toEqual(['a.', 'b.', 'z.', 'aa.', 'bb.']);
    expect([1, 4, 9, 14, 40].map((n) => listLabel(true, 2, n))).toEqual(['i.', 'iv.', 'ix.', 'xiv.', 'xl.']);
    expect([0, 3, 8, 12].map((d) => listLabel(true, d, 3))).toEqual(['3.', '3.', 'iii.', 'iii.']);
    expect([0, 1, 2, 3].map((d) => listLabel(false, d, 1))).toEqual(['•', '◦', '▪', '•']);
  });
});
