import { strFromU8, strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantIn } from '../fixtures/plant';
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

/** A copy of the clean file with `edit` applied to its parts. */
const plant = (edit: Parameters<typeof plantIn>[1]) => plantIn(clean, edit);
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

describe('the parts the check knows', () => {
  const withPart = (name: string, xml = `<?xml version="1.0"?><w:x xmlns:w="${W}"/>`) => plant((parts) => void (parts[name] = strToU8(xml)));
  const KNOWN = [
    '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml',
    'word/settings.xml', 'word/fontTable.xml', 'word/webSettings.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/header1.xml', 'word/footer1.xml',
    'word/_rels/document.xml.rels', 'word/_rels/header2.xml.rels', 'word/_rels/footer3.xml.rels', 'word/_rels/endnotes.xml.rels', 'word/_rels/fontTable.xml.rels',
    'word/_rels/styles.xml.rels', 'word/_rels/settings.xml.rels', 'word/theme/theme1.xml', 'word/media/image1.png',
  ];
  it('a known name with anything before or after it is another part, refused by name', () => {
    for (const name of KNOWN)
      for (const other of [`x${name}`, `${name}x`]) {
        const found = findingsOf(checkPublicDocx(withPart(other), { passages: [] })).map((f) => `${f.kind}: ${f.where}`);
        expect(found, other).toContain(`unknown_part: part "${other}" is not one this app writes`);
      }
  });

  it('headers, footers and images are numbered with digits only', () => {
    for (const bad of ['word/header.xml', 'word/footerA.xml', 'word/_rels/header.xml.rels', 'word/_rels/footerA.xml.rels', 'word/media/image.png', 'word/media/imageA.png']) {
      const found = findingsOf(checkPublicDocx(withPart(bad), { passages: [] })).map((f) => f.kind);
      expect(found, bad).toContain('unknown_part');
    }
  });

  it('a directory entry of the zip is not a part', () => {
    expect(checkPublicDocx(plant((parts) => void (parts['word/'] = new Uint8Array())), { passages: [] })).toEqual({ ok: true });
  });

  it('an unknown part is read for passages only when it is XML (.xml or .rels, any case); other unknown parts are refused unread', () => {
    const secret = 'the draft cost figures shared by Google on incident reporting';
    const passages = { passages: [{ id: 's', text: secret }] };
    const xml = `<?xml version="1.0"?><w:x xmlns:w="${W}"><w:t>${secret}</w:t></w:x>`;
    for (const name of ['word/comments.XML', 'word/_rels/comments.xml.RELS', 'word/x.rels']) expect(findingsOf(checkPublicDocx(withPart(name, xml), passages)).map((f) => f.passageId), name).toContain('s');
    const bin = findingsOf(checkPublicDocx(withPart('word/vbaProject.bin', xml), passages));
    expect(bin.map((f) => f.kind)).toEqual(['unknown_part']);
    // and an unknown part does not get its own structural findings (it is refused as a whole)
    const bad = findingsOf(checkPublicDocx(withPart('word/comments.xml', `<w:x xmlns:w="${W}"><w:del/></w:x>`), passages));
    expect(bad.map((f) => f.kind)).toEqual(['unknown_part']);
  });

  it('a content type declared for a part, with or without its leading slash, must be a known part', () => {
    const declared = (partName: string) => plant((_p, text, put) => put('[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', `<Override PartName="${partName}" ContentType="x"/></Types>`)));
    expect(checkPublicDocx(declared('/word/webSettings.xml'), { passages: [] })).toEqual({ ok: true });
    expect(checkPublicDocx(declared('word/webSettings.xml'), { passages: [] })).toEqual({ ok: true });
    expect(findingsOf(checkPublicDocx(declared('//word/webSettings.xml'), { passages: [] })).map((f) => f.where)).toEqual(['content type declared for "/word/webSettings.xml"']);
    // an Override anywhere else is not a declaration
    const elsewhere = plant((_p, text, put) => put('word/settings.xml', text('word/settings.xml').replace('</w:settings>', '<Override PartName="/word/comments.xml"/></w:settings>')));
    expect(findingsOf(checkPublicDocx(elsewhere, { passages: [] })).map((f) => f.kind)).not.toContain('unknown_part');
  });
});

describe('images', () => {
  const logoName = () => Object.keys(unzipSync(clean)).find((k) => k.startsWith('word/media/'))!;
  it('only the logo byte for byte: a shorter or longer copy is another image; allowedMedia replaces the logo', () => {
    const name = logoName();
    const logo = unzipSync(clean)[name]!;
    const withImage = (bytes: Uint8Array) => plant((parts) => void (parts[name] = bytes));
    expect(findingsOf(checkPublicDocx(withImage(logo.slice(0, logo.length - 1)), { passages: [] })).map((f) => f.kind)).toEqual(['bad_media']);
    expect(findingsOf(checkPublicDocx(withImage(new Uint8Array([...logo, 0])), { passages: [] })).map((f) => f.kind)).toEqual(['bad_media']);
    const other = new Uint8Array([1, 2, 3]);
    expect(checkPublicDocx(withImage(other), { passages: [] }, { allowedMedia: [other] })).toEqual({ ok: true });
    expect(findingsOf(checkPublicDocx(clean, { passages: [] }, { allowedMedia: [other] })).map((f) => f.where)).toEqual(['an image other than the logo']);
    // the check is the same on a second call (the logo is read once)
    expect(checkPublicDocx(clean, { passages: [] })).toEqual({ ok: true });
  });

  it('an image relationship resolves its target against the part that holds it (./ and ../ read as paths)', () => {
    const rel = (target: string) =>
      plant((_p, text, put) =>
        put('word/_rels/document.xml.rels', text('word/_rels/document.xml.rels').replace('</Relationships>', `<Relationship Id="rIdI" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/></Relationships>`)),
      );
    const name = logoName().replace(/^word\//, '');
    for (const ok of [name, `./${name}`, `../word/${name}`, `media//../${name}`]) expect(checkPublicDocx(rel(ok), { passages: [] }), ok).toEqual({ ok: true });
    for (const bad of [`../${name}`, `word/${name}`, 'media/image99.png'])
      expect(findingsOf(checkPublicDocx(rel(bad), { passages: [] })).map((f) => f.where), bad).toEqual([`an image relationship to a missing part "${bad}"`]);
  });
});

describe('link targets', () => {
  const SECRET = 'the draft cost figures shared by Google on incident reporting';
  const target = (t: string) =>
    plant((_p, text, put) =>
      put('word/_rels/document.xml.rels', text('word/_rels/document.xml.rels').replace('</Relationships>', `<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${t}" TargetMode="External"/></Relationships>`)),
    );
  const where = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, { passages: [{ id: 's', text: SECRET }] })).map((f) => f.where);

  it('are read percent-decoded, with + as a space, and still when one escape is broken', () => {
    expect(where(target(`https://example.org/?q=${SECRET.replace(/ /g, '+')}`))).toContain('attribute Target of Relationship, decoded (the whole passage)');
    expect(where(target(`https://example.org/?q=${encodeURIComponent(SECRET)}`))).toContain('attribute Target of Relationship, decoded (the whole passage)');
    expect(where(target(`https://example.org/?q=${encodeURIComponent(SECRET)}&amp;x=%E0%A4%A`))).toContain('attribute Target of Relationship, decoded (the whole passage)');
    // nothing to decode: searched once
    expect(where(target(`https://example.org/?q=${SECRET.replace(/ /g, '_')}`))).toEqual(['attribute Target of Relationship (the whole passage)']);
  });

  it('an anchor (w:anchor, a bookmark name) is read decoded too', () => {
    const bytes = inBody(`<w:p><w:hyperlink w:anchor="${encodeURIComponent(SECRET)}"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>`);
    expect(where(bytes)).toContain('attribute w:anchor of w:hyperlink, decoded (the whole passage)');
  });
});

describe('what a finding says', () => {
  const para = (s: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${s}</w:t></w:r></w:p>`;
  const afterHeading = (heading: string, xml: string) =>
    plant((_p, text, put) => {
      const doc = text('word/document.xml');
      const at = doc.indexOf(`>${heading}</w:t></w:r></w:p>`);
      expect(at, heading).toBeGreaterThan(0);
      const end = at + `>${heading}</w:t></w:r></w:p>`.length;
      put('word/document.xml', doc.slice(0, end) + xml + doc.slice(end));
    });
  const PASS = { passages: [{ id: 'z', text: 'Zephyr Nine project' }] };
  const printedOf = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, PASS))
    .filter((f) => f.passageId === 'z')
    .map((f) => f.printed);

  it('an excerpt of the text around a hit: 20 characters before it, 80 in all; none for a hit found without spaces', () => {
    const before = 'a'.repeat(10) + ' ' + 'b'.repeat(30);
    const r = findingsOf(checkPublicDocx(inBody(para(`${before} Zephyr Nine project ${'c'.repeat(100)}`)), PASS));
    const excerpt = r[0]!.excerpt!;
    expect(excerpt).toHaveLength(80);
    expect(excerpt.indexOf('zephyr nine project')).toBe(20);
    // at the very start of the text: from its first character
    const first = findingsOf(checkPublicDocx(plant((_p, text, put) => put('word/footer1.xml', text('word/footer1.xml').replace(/<w:p>.*<\/w:p>/s, para('Zephyr Nine project')))), PASS));
    expect(first.find((f) => f.part === 'word/footer1.xml')!.excerpt).toMatch(/^zephyr nine project/);
    const compact = findingsOf(checkPublicDocx(inBody(para('xx ZephyrNineproject yy')), PASS));
    expect(compact.map((f) => [f.where, f.excerpt])).toEqual([['text of the part (the whole passage, spacing aside)', '']]);
  });

  it('one finding per passage and place, however often it is there', () => {
    const r = findingsOf(checkPublicDocx(inBody(para('Zephyr Nine project') + para('Zephyr Nine project')), PASS));
    expect(r.map((f) => `${f.part} ${f.where}`)).toEqual(['word/document.xml text of the part (the whole passage)']);
  });

  it('where a flagged passage is printed anyway: the page header, a subtitle, any heading level, the participants until the next top heading', () => {
    const inHeader = plant((_p, text, put) => put('word/header1.xml', text('word/header1.xml').replace('</w:hdr>', `${para('Zephyr Nine project')}</w:hdr>`)));
    expect(printedOf(inHeader)).toEqual([{ place: 'page_header', text: 'Zephyr Nine project' }]);
    expect(printedOf(inBody(para('  Zephyr Nine project  ', 'subtitle')))).toEqual([{ place: 'meeting_title', text: 'Zephyr Nine project' }]);
    expect(printedOf(inBody(para('Zephyr Nine project', 'Heading6')))).toEqual([{ place: 'heading', text: 'Zephyr Nine project' }]);
    expect(printedOf(inBody(para('Zephyr Nine project', 'Heading12')))).toEqual([undefined]);
    expect(printedOf(inBody(para('Zephyr Nine project', 'MyTitle')))).toEqual([undefined]);
    expect(printedOf(afterHeading('Participation', para('Sub', 'Heading2') + para('Zephyr Nine project')))).toEqual([{ place: 'organisations', text: 'Zephyr Nine project' }]);
    expect(printedOf(afterHeading('Opening', para('Zephyr Nine project')))).toEqual([undefined]);
    // a paragraph in another namespace is not a paragraph of the summary
    expect(printedOf(inBody(`<x:p xmlns:x="urn:x"><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Zephyr Nine project</w:t></w:r></x:p>`))).toEqual([undefined]);
    // long text is cut to 120 characters
    const long = `Zephyr Nine project ${'word '.repeat(40)}`;
    expect(printedOf(inBody(para(long, 'Title')))[0]!.text).toBe(long.trim().slice(0, 120));
  });

  it('the meeting title of the document properties, its entities decoded', () => {
    const title = (s: string) => plant((_p, text, put) => put('docProps/core.xml', text('docProps/core.xml').replace(/<dc:title>[^<]*<\/dc:title>/, `<dc:title>${s}</dc:title>`)));
    // (&#x110000; and &bogus; do not parse as XML: reported as such, and kept as they are in the explanation)
    expect(printedOf(title('R&amp;D &lt;Zephyr&gt; Nine project &#x41;&#66; &quot;q&quot; &apos;a&apos; &AMP; &#x110000; &bogus;'))).toEqual([
      { place: 'meeting_title', text: 'R&D <Zephyr> Nine project AB "q" \'a\' & &#x110000; &bogus;' },
    ]);
    expect(printedOf(title('Zephyr Nine project &#X42;'))).toEqual([{ place: 'meeting_title', text: 'Zephyr Nine project B' }]);
  });

  it('the message: a structural finding by part (or "the file"), at most three clauses, then how many more', async () => {
    const { describeFindings } = await import('../../electron/backend/export/redaction-check');
    const unreadable = findingsOf(checkPublicDocx(strToU8('not a zip'), PASS));
    expect(describeFindings(unreadable)).toMatch(/^the file: the file is not a readable zip \(/);
    const f = (part: string, where: string): Finding => ({ kind: 'forbidden_element', part, passageId: null, where });
    const four = [f('a.xml', 'w1'), f('b.xml', 'w2'), f('c.xml', 'w3'), f('d.xml', 'w4')];
    expect(describeFindings(four.slice(0, 3))).toBe('a.xml: w1; b.xml: w2; c.xml: w3');
    expect(describeFindings(four)).toBe('a.xml: w1; b.xml: w2; c.xml: w3 and 1 more finding');
    expect(describeFindings([...four, f('e.xml', 'w5')])).toBe('a.xml: w1; b.xml: w2; c.xml: w3 and 2 more findings');
    const p = (id: string, part: string): Finding => ({ kind: 'passage', part, passageId: id, where: 'text of the part (the whole passage)' });
    expect(describeFindings([p('x', 'word/document.xml'), p('x', 'word/footer1.xml'), p('y', 'word/footer1.xml')])).toBe(
      'flag x was found in word/document.xml, text of the part (the whole passage); flag y was found in word/footer1.xml, text of the part (the whole passage)',
    );
    const inHeader = findingsOf(checkPublicDocx(plant((_p, text, put) => put('word/header1.xml', text('word/header1.xml').replace('</w:hdr>', `${para('Zephyr Nine project')}</w:hdr>`))), PASS));
    expect(describeFindings(inHeader)).toBe('flag z is printed in the page header (“Zephyr Nine project”), which is always published: change the flag to cover only the confidential words');
  });
});

describe('parts that do not read', () => {
  it('a part that is not UTF-8, and XML with several errors, are each one finding', () => {
    const bad = plant((parts) => void (parts['word/settings.xml'] = new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e])));
    expect(findingsOf(checkPublicDocx(bad, { passages: [] })).map((f) => `${f.kind} ${f.part}: ${f.where}`)).toEqual(['parse_error word/settings.xml: the part is not valid UTF-8']);
    const broken = plant((_p, text, put) => put('word/document.xml', text('word/document.xml').replace('</w:body>', '<w:p><w:x></w:y></w:body>')));
    const errors = findingsOf(checkPublicDocx(broken, { passages: [] })).filter((f) => f.kind === 'parse_error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.where).toMatch(/^not well-formed XML: /);
  });

  it('text in CDATA is text', () => {
    expect(foundShort(inBody('<w:p><w:r><w:t><![CDATA[The codename Zephyr]]></w:t></w:r></w:p>'))).toBe(true);
  });
});

describe('structural rules at their edges', () => {
  const kindsWhere = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, { passages: [] })).map((f) => `${f.kind}: ${f.where}`);

  it('fields: PAGE and NUMPAGES with any number of format switches, spacing free; nothing else', () => {
    const fld = (instr: string) => inBody(`<w:p><w:fldSimple w:instr="${instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`);
    for (const ok of ['PAGE  \\*MERGEFORMAT', '\tNUMPAGES\t\\*\tArabic', 'PAGE \\* roman \\* MERGEFORMAT ']) expect(kindsWhere(fld(ok)), ok).toEqual([]);
    for (const bad of ['PAGE \\*', 'PAGE \\* 1', 'PAGE \\* MERGEFORMAT x', 'PAGE\\* Arabic', 'x PAGE', 'PAGE NUMPAGES', 'page'])
      expect(kindsWhere(fld(bad)), bad).toEqual([`forbidden_field: field "${bad}"`]);
    // in the strict namespace too; an attribute instr elsewhere is no field
    expect(kindsWhere(inBody(`<w:p><s:fldSimple xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main" s:instr="AUTHOR"/></w:p>`))).toEqual(['forbidden_field: field "AUTHOR"']);
    expect(kindsWhere(inBody(`<w:p><w:x w:instr="AUTHOR"/></w:p>`))).toEqual([]);
    // the instruction of a complex field is all its text, named trimmed and cut to 60 characters
    const complex = (xml: string) => inBody(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>${xml}</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`);
    expect(kindsWhere(complex('<w:instrText xml:space="preserve"> PAGE<!-- x --> REF a </w:instrText>'))).toEqual(['forbidden_field: field "PAGE REF a"']);
    expect(kindsWhere(complex('<w:instrText> PAGE </w:instrText><w:t>REF</w:t>'))).toEqual([]);
    expect(kindsWhere(complex(`<w:instrText>AUTHOR ${'x'.repeat(80)}</w:instrText>`))).toEqual([`forbidden_field: field "AUTHOR ${'x'.repeat(53)}"`]);
    expect(kindsWhere(complex('<x:instrText xmlns:x="urn:x">AUTHOR</x:instrText>'))).toEqual([]);
  });

  it('VML and Office elements under each of their namespaces; a linked image and a hidden drawing under the strict ones too', () => {
    expect(kindsWhere(inBody(`<w:p><w10:wrap xmlns:w10="urn:schemas-microsoft-com:office:word"/></w:p>`))).toEqual(['forbidden_element: VML/Office element w10:wrap']);
    expect(kindsWhere(inBody(`<w:p><a:blip xmlns:a="http://purl.oclc.org/ooxml/drawingml/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="rId1"/></w:p>`))).toEqual([
      'forbidden_element: a linked (external) image',
    ]);
    expect(kindsWhere(inBody(`<w:p><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/></w:p>`))).toEqual([]);
    expect(kindsWhere(inBody(`<w:p><x:blip xmlns:x="urn:x" link="rId1"/></w:p>`))).toEqual([]);
    expect(kindsWhere(inBody(`<w:p><wp:docPr xmlns:wp="http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing" id="1" name="n" hidden="TRUE"/></w:p>`))).toEqual(['forbidden_element: a hidden drawing']);
    for (const v of ['0', 'false', 'off', 'true1', '01'])
      expect(kindsWhere(inBody(`<w:p><wp:docPr xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" id="1" name="n" hidden="${v}"/></w:p>`)), v).toEqual([]);
    expect(kindsWhere(inBody(`<w:p><x:docPr xmlns:x="urn:x" hidden="1"/></w:p>`))).toEqual([]);
    expect(kindsWhere(inBody(`<w:p><x:vanish xmlns:x="urn:x"/><x:del xmlns:x="urn:x"/></w:p>`))).toEqual([]);
  });

  it('relationships: one without a type is refused, a link is checked only when it is a hyperlink, an external image is refused', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
    const rel = (attrs: string) => plant((_p, text, put) => put('word/_rels/document.xml.rels', text('word/_rels/document.xml.rels').replace('</Relationships>', `<Relationship Id="rIdZ" ${attrs}/></Relationships>`)));
    expect(kindsWhere(rel('Target="styles.xml"'))).toEqual(['forbidden_relationship: relationship of type "" to "styles.xml"']);
    expect(kindsWhere(rel(`Type="${REL}hyperlink"`))).toEqual(['forbidden_relationship: a link to "" (only http, https and mailto links are allowed)']);
    expect(kindsWhere(rel(`Type="${REL}image" Target="https://example.org/x.png" TargetMode="External"`))).toEqual(['forbidden_relationship: an external image relationship to "https://example.org/x.png"']);
    expect(kindsWhere(rel(`Type="${REL}styles" Target="styles.xml" TargetMode="Internal"`))).toEqual([]);
    expect(kindsWhere(rel(`Type="${REL}header" Target="${'h'.repeat(70)}.xml" TargetMode="External"`))).toEqual([`forbidden_relationship: an external header relationship to "${'h'.repeat(60)}"`]);
    // a Relationship element outside a .rels part is not a relationship
    const elsewhere = plant((_p, text, put) => put('word/settings.xml', text('word/settings.xml').replace('</w:settings>', `<Relationship Type="${REL}comments" Target="x"/></w:settings>`)));
    expect(kindsWhere(elsewhere)).toEqual([]);
    // the package's own relationship types: core and extended properties, the main document
    for (const t of ['http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', `${REL}extended-properties`, `${REL}officeDocument`])
      expect(kindsWhere(rel(`Type="${t}" Target="docProps/core.xml"`)), t).toEqual([]);
  });
});

describe('more edges', () => {
  const kindsWhere = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, { passages: [] })).map((f) => `${f.kind}: ${f.where}`);
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

  it('a short passage in an XML comment is found', () => {
    expect(foundShort(plant((_p, text, put) => put('word/styles.xml', text('word/styles.xml').replace('<w:docDefaults>', '<!-- Zephyr --><w:docDefaults>'))))).toBe(true);
  });

  it('a content type override without a part name, and long targets, are named as far as 60 characters', () => {
    const types = plant((_p, text, put) => put('[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', '<Override ContentType="x"/></Types>')));
    expect(kindsWhere(types)).toEqual(['unknown_part: content type declared for ""']);
    const rel = (attrs: string) => plant((_p, text, put) => put('word/_rels/document.xml.rels', text('word/_rels/document.xml.rels').replace('</Relationships>', `<Relationship Id="rIdZ" ${attrs}/></Relationships>`)));
    const long = `file:///${'d'.repeat(80)}`;
    expect(kindsWhere(rel(`Type="${REL}hyperlink" Target="${long}" TargetMode="External"`))).toEqual([`forbidden_relationship: a link to "${long.slice(0, 60)}" (only http, https and mailto links are allowed)`]);
    expect(kindsWhere(rel(`Type="${REL}comments" Target="${long}"`))).toEqual([`forbidden_relationship: relationship of type "comments" to "${long.slice(0, 60)}"`]);
    expect(kindsWhere(rel(`Type="${REL}image" Target="${long}"`))).toEqual([`forbidden_relationship: an image relationship to a missing part "${long.slice(0, 60)}"`]);
  });

  it('only real style names and parts say "printed anyway"; structural findings never do', () => {
    const PASS = { passages: [{ id: 'z', text: 'Zephyr Nine project' }] };
    const para = (s: string, style: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${s}</w:t></w:r></w:p>`;
    for (const style of ['Subtitle2', 'Titles', 'XHeading1', 'Heading1x'])
      expect(findingsOf(checkPublicDocx(inBody(para('Zephyr Nine project', style)), PASS)).map((f) => f.printed), style).toEqual([undefined]);
    const header = `<?xml version="1.0"?><w:hdr xmlns:w="${W}"><w:p><w:r><w:t>Zephyr Nine project</w:t></w:r></w:p></w:hdr>`;
    for (const name of ['xword/header1.xml', 'word/header1.xml.xml', 'word/headerA.xml']) {
      const bytes = plant((parts) => void (parts[name] = strToU8(header)));
      expect(findingsOf(checkPublicDocx(bytes, PASS)).map((f) => [f.kind, f.printed]), name).toEqual([
        ['unknown_part', undefined],
        ['passage', undefined],
      ]);
    }
    const both = findingsOf(checkPublicDocx(inBody(`${para('Zephyr Nine project', 'Heading2')}<w:p><w:del/></w:p>`), PASS));
    expect(both.map((f) => [f.kind, f.printed?.place])).toEqual([
      ['forbidden_element', undefined],
      ['passage', 'heading'],
    ]);
  });
});

describe('last edges', () => {
  const PASS = { passages: [{ id: 'z', text: 'Zephyr Nine project' }] };
  const printed = (bytes: Uint8Array, passages: ForbiddenText = PASS) =>
    findingsOf(checkPublicDocx(bytes, passages))
      .filter((f) => f.passageId !== null)
      .map((f) => [f.passageId, f.printed?.place, f.printed?.text]);
  const heading = (xml: string) => `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${xml}</w:p>`;

  it('a separator after text that begins with a space still separates', () => {
    expect(foundShort(inBody('<w:p><w:r><w:t xml:space="preserve"> The codename</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Zephyr</w:t></w:r></w:p>'))).toBe(true);
  });

  it('the same passage in the same attribute of two elements is one finding', () => {
    const r = findingsOf(checkPublicDocx(inBody('<w:p><w:x w:descr="Zephyr Nine project"/><w:x w:descr="Zephyr Nine project"/></w:p>'), PASS));
    expect(r.map((f) => f.where)).toEqual(['attribute w:descr of w:x (the whole passage)']);
  });

  it('a passage found by a window is explained too; each passage by where it itself is printed', () => {
    const long = 'the provider said that it will pay a fee of ten per cent to the fund in the next three years';
    const bytes = inBody(heading('<w:r><w:t>it will pay a fee of ten per cent to</w:t></w:r>') + '<w:p><w:r><w:t>Zephyr Nine project</w:t></w:r></w:p>');
    expect(printed(bytes, { passages: [{ id: 'w', text: long }, ...PASS.passages] }).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['w', 'heading', 'it will pay a fee of ten per cent to'],
      ['z', undefined, undefined],
    ]);
  });

  it('a header numbered past 9 is a page header; a heading of several runs is printed whole', () => {
    const h12 = plant((parts) => void (parts['word/header12.xml'] = strToU8(`<?xml version="1.0"?><w:hdr xmlns:w="${W}"><w:p><w:r><w:t>Zephyr Nine project</w:t></w:r></w:p></w:hdr>`)));
    expect(printed(h12)).toEqual([['z', 'page_header', 'Zephyr Nine project']]);
    expect(printed(inBody(heading('<w:r><w:t xml:space="preserve">Zephyr </w:t></w:r><w:r><w:t>Nine project</w:t></w:r>')))).toEqual([['z', 'heading', 'Zephyr Nine project']]);
  });

  it('stray text outside a paragraph and a style without a value do not stop the explanation', () => {
    expect(printed(inBody(`stray<w:p><w:pPr><w:pStyle/></w:pPr></w:p>${heading('<w:r><w:t>Zephyr Nine project</w:t></w:r>')}`))).toEqual([['z', 'heading', 'Zephyr Nine project']]);
  });
});
