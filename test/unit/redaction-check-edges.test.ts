import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx, type CheckResult, type Finding, type ForbiddenText } from '../../electron/backend/export/redaction-check';
import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { fixturePublicDocument } from '../fixtures/export-data';

/**
 * The edges of the redaction check (issue 15: the survivors of the mutation run of the `check` group, see
 * docs/mutation.md). Each test plants one thing in an otherwise clean public summary, as redaction-check.test.ts does:
 * where reading continues as a new word (a short passage is found only as a whole word), which attributes carry text,
 * the parts and namespaces the check knows, and what its findings say.
 */

let clean: Uint8Array;
beforeAll(async () => {
  clean = await buildPublicSummary(layoutPublicSummary(fixturePublicDocument()));
});

type Parts = Record<string, Uint8Array>;
function plant(edit: (parts: Parts, text: (name: string) => string, put: (name: string, s: string) => void) => void): Uint8Array {
  const parts = unzipSync(clean);
  const text = (name: string) => strFromU8(parts[name]!);
  const put = (name: string, s: string) => {
    parts[name] = strToU8(s);
  };
  edit(parts, text, put);
  return zipSync(parts);
}
/** `xml` right after <w:body> of the document part. */
const inBody = (xml: string) => plant((_p, text, put) => put('word/document.xml', text('word/document.xml').replace('<w:body>', `<w:body>${xml}`)));

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SHORT: ForbiddenText = { passages: [{ id: 'short', text: 'Zephyr' }] };
const findingsOf = (r: CheckResult): Finding[] => (r.ok ? [] : r.findings);
const foundShort = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, SHORT)).some((f) => f.passageId === 'short');

describe('where reading continues as a new word', () => {
  const run = (s: string) => `<w:r><w:t>${s}</w:t></w:r>`;

  it('after each WordprocessingML element that separates words (a short passage is found right after it)', () => {
    for (const sep of ['p', 'tab', 'ptab', 'br', 'cr', 'tc', 'tr', 'tbl', 'txbxContent', 'body', 'hdr', 'ftr', 'footnote', 'endnote'])
      expect(foundShort(inBody(`<w:p>${run('The codename')}<w:${sep}/>${run('Zephyr')}</w:p>`)), `<w:${sep}/>`).toBe(true);
  });

  it('also when the separating element closes the text before it', () => {
    for (const sep of ['p', 'tc', 'tr', 'txbxContent', 'footnote'])
      expect(foundShort(inBody(`<w:p><w:${sep}>${run('The codename')}</w:${sep}>${run('Zephyr')}</w:p>`)), `</w:${sep}>`).toBe(true);
  });

  it('not inside a run of text: markup of WordprocessingML, DrawingML, pictures and relationships joins the letters around it', () => {
    expect(foundShort(inBody(`<w:p>${run('The codename')}<w:proofErr/>${run('Zephyr')}</w:p>`))).toBe(false);
    const joined = [
      `<w:p>${run('Zep')}<w:proofErr w:type="spellStart"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<a:rPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<a:rPr xmlns:a="http://purl.oclc.org/ooxml/drawingml/main"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<wp:x xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<wp:x xmlns:wp="http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<pic:x xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<pic:x xmlns:pic="http://purl.oclc.org/ooxml/drawingml/picture"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<r:x xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<r:x xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"/>${run('hyr')}</w:p>`,
      `<w:p>${run('Zep')}<s:proofErr xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"/>${run('hyr')}</w:p>`,
    ];
    for (const xml of joined) expect(foundShort(inBody(xml)), xml).toBe(true);
  });

  it('after an element of any other namespace, and after a paragraph or break of DrawingML (text boxes, shapes)', () => {
    expect(foundShort(inBody(`<w:p>${run('The codename')}<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"/>${run('Zephyr')}</w:p>`))).toBe(true);
    for (const ns of ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'])
      for (const sep of ['p', 'br']) {
        const xml = `<w:p><a:r xmlns:a="${ns}"><a:t>The codename</a:t></a:r><a:${sep} xmlns:a="${ns}"/><a:r xmlns:a="${ns}"><a:t>Zephyr</a:t></a:r></w:p>`;
        expect(foundShort(inBody(xml)), `${ns} ${sep}`).toBe(true);
      }
    // and a DrawingML run (not a paragraph) does not separate
    const a = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    expect(foundShort(inBody(`<w:p><a:r xmlns:a="${a}"><a:t>The codename</a:t></a:r><a:r xmlns:a="${a}"><a:t>Zephyr</a:t></a:r></w:p>`))).toBe(false);
  });
});

describe('attributes that carry text', () => {
  it('a short passage is found in each attribute known to carry text, not in others', () => {
    for (const name of ['descr', 'title', 'name', 'tooltip', 'anchor', 'Target', 'author', 'initials', 'instr', 'alias', 'tag', 'caption'])
      expect(foundShort(inBody(`<w:p><w:x w:${name}="about Zephyr"/></w:p>`)), name).toBe(true);
    expect(foundShort(inBody(`<w:p><w:x w:val="about Zephyr"/></w:p>`))).toBe(false);
  });

  it('namespace declarations (prefixed and default) and mc:Ignorable name namespaces, not text: words found only there do not refuse a clean file', () => {
    const xml = strFromU8(unzipSync(clean)['word/document.xml']!);
    expect(xml).toMatch(/xmlns:wpc="http:\/\/schemas\.microsoft\.com\/office\/word\/2010\/wordprocessingCanvas"/);
    expect(xml).toMatch(/mc:Ignorable="w14 w15 wp14"/);
    expect(strFromU8(unzipSync(clean)['[Content_Types].xml']!)).toMatch(/xmlns="http:\/\/schemas\.openxmlformats\.org\/package\/2006\/content-types"/);
    for (const text of ['wordprocessingCanvas', 'w14 w15 wp14', 'package 2006 content types']) expect(checkPublicDocx(clean, { passages: [{ id: 'n', text }] }), text).toEqual({ ok: true });
    // The same words as text are found.
    expect(findingsOf(checkPublicDocx(inBody('<w:p><w:r><w:t>wordprocessingCanvas</w:t></w:r></w:p>'), { passages: [{ id: 'n', text: 'wordprocessingCanvas' }] })).map((f) => f.passageId)).toContain('n');
  });
});
