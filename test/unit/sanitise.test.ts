import { Paragraph } from 'docx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitiseText, singleLine, textRuns, type RunStyle } from '../../electron/backend/export/sanitise';
import { REPLACEMENT } from '../../shared/text/sanitise';
import { packHouseDocument } from '../../electron/backend/export/style';
import { parts } from './export-docx-helpers';

/** The XML of the one paragraph docx writes for these runs: enough to see breaks, tabs and text in order. */
async function runsXml(text: string, style: RunStyle = {}): Promise<string> {
  const bytes = await packHouseDocument({ bodyName: 'Body', title: 'T', confidential: false, children: [new Paragraph({ children: textRuns(text, style) })], fixedInstant: '2026-01-30T00:00:00Z' });
  const xml = Buffer.from(parts(bytes)['word/document.xml']!).toString('utf8');
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  return body.replace(/<w:sectPr[\s\S]*<\/w:sectPr>/, '');
}

/** Independent reference: what XML 1.0 allows, code point by code point. */
function reference(s: string): string {
  return Array.from(s.replace(/\r\n?/g, '\n'))
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const ok = cp === 9 || cp === 10 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
      return ok ? ch : REPLACEMENT;
    })
    .join('');
}

describe('sanitiseText at its boundaries', () => {
  it('equals the code-point reference on random strings of any UTF-16 units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 20 }), (a, b) => {
      expect(sanitiseText(a + b)).toBe(reference(a + b));
    }), { numRuns: Number(process.env.FC_RUNS ?? 300) });
  });

  it('keeps tab, newline, space and the last code points XML allows; replaces the ones just outside', () => {
    expect(sanitiseText('\t\n \uD7FF\uE000\uFFFD')).toBe('\t\n \uD7FF\uE000\uFFFD');
    expect(sanitiseText('\u0008\u000B\u000C\u001F\uFFFE\uFFFF')).toBe(REPLACEMENT.repeat(6));
  });

  it('keeps a valid surrogate pair at the end and at the start; replaces lone halves of each kind', () => {
    expect(sanitiseText('a😀')).toBe('a😀');
    expect(sanitiseText('😀a')).toBe('😀a');
    expect(sanitiseText('\uDBFF\uDFFF')).toBe('\uDBFF\uDFFF');
    expect(sanitiseText('\uD800\uDC00')).toBe('\uD800\uDC00');
    expect(sanitiseText('a\uD800')).toBe(`a${REPLACEMENT}`);
    expect(sanitiseText('\uD800a')).toBe(`${REPLACEMENT}a`);
    expect(sanitiseText('\uDBFFa')).toBe(`${REPLACEMENT}a`);
    expect(sanitiseText('\uDC00a')).toBe(`${REPLACEMENT}a`);
    expect(sanitiseText('\uDFFF')).toBe(REPLACEMENT);
    expect(sanitiseText('\uD800\uD800\uDC00')).toBe(`${REPLACEMENT}\uD800\uDC00`);
    // A high half followed by something above the low halves is no pair either.
    expect(sanitiseText('\uD800\uE000')).toBe('\uFFFD\uE000');
    expect(sanitiseText('\uDBFF\uFFFD')).toBe('\uFFFD\uFFFD');
    expect(REPLACEMENT).toBe('\uFFFD');
  });

  it('turns CR LF and lone CR into one newline each', () => {
    expect(sanitiseText('a\r\nb\rc\r\r\nd')).toBe('a\nb\nc\n\nd');
  });
});

describe('singleLine', () => {
  it('turns line breaks and tabs into single spaces and trims', () => {
    expect(singleLine('a\tb')).toBe('a b');
    expect(singleLine('a\nb')).toBe('a b');
    expect(singleLine('a\r\n\t\nb')).toBe('a b');
    expect(singleLine(' \ta  b\t ')).toBe('a b');
    expect(singleLine('a\u0000b')).toBe(`a${REPLACEMENT}b`);
  });

  it('never keeps a tab, a newline or two spaces in a row', () => {
    for (const s of ['x\t\ty', 'x \t y', 'x\n \ny', '\t\t', 'x   y']) {
      const out = singleLine(s);
      expect(out).not.toMatch(/[\t\n]| {2}/);
      expect(out).toBe(out.trim());
    }
  });
});

describe('textRuns', () => {
  it('gives no runs for empty input, one run for plain text', async () => {
    expect(textRuns('')).toEqual([]);
    expect(textRuns('abc')).toHaveLength(1);
    expect(await runsXml('abc')).toMatch(/<w:r><w:t xml:space="preserve">abc<\/w:t><\/w:r>/);
  });

  it('writes a tab between the parts of a line and a break before each later line', async () => {
    const xml = await runsXml('a\tb\nc');
    expect(textRuns('a\tb\nc')).toHaveLength(2);
    expect(xml).toMatch(/<w:t xml:space="preserve">a<\/w:t><w:tab\/><w:t xml:space="preserve">b<\/w:t>/);
    expect(xml).toMatch(/<w:br\/><w:t xml:space="preserve">c<\/w:t>/);
    expect(xml).not.toContain('\t');
    expect(xml).not.toMatch(/>\s*a\tb/);
  });

  it('keeps empty lines as breaks and leading tabs as tabs, with no empty text', async () => {
    expect(textRuns('\nx')).toHaveLength(1);
    expect(textRuns('x\n\ny')).toHaveLength(3);
    const xml = await runsXml('\tx');
    expect(xml).toMatch(/<w:tab\/><w:t xml:space="preserve">x<\/w:t>/);
    expect(xml).not.toMatch(/<w:t xml:space="preserve"><\/w:t>|<w:t\/>/);
  });

  it('passes the style to every run', async () => {
    const xml = await runsXml('a');
    expect(xml).not.toContain('<w:b/>');
    expect((await runsXml('a\nb', { bold: true })).match(/<w:b\/>/g)).toHaveLength(2);
  });
});
