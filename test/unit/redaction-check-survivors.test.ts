import { strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantIn } from '../fixtures/plant';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx, describeFindings, type CheckResult, type Finding, type ForbiddenText } from '../../electron/backend/export/redaction-check';
import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { fixturePublicDocument } from '../fixtures/export-data';

/**
 * The survivors of the second mutation run of the `check` group (issue 15, docs/mutation.md) that a behaviour of the
 * check tells apart: the package's fixed frame (theme fonts, compatibility settings) and what is still searched around
 * it, parts numbered past 9, images allowed among several, the words of parse errors, fields and drawings at the edges
 * of their rules, which attributes are read decoded, and the message for several passages. Each test plants one thing
 * in an otherwise clean public summary, as redaction-check-edges.test.ts does.
 */

let clean: Uint8Array;
beforeAll(async () => {
  clean = await buildPublicSummary(layoutPublicSummary(fixturePublicDocument()));
});

const plant = (edit: Parameters<typeof plantIn>[1]) => plantIn(clean, edit);
const inBody = (xml: string) => plant((_p, text, put) => put('word/document.xml', text('word/document.xml').replace('<w:body>', `<w:body>${xml}`)));
const inSettings = (xml: string) => plant((_p, text, put) => put('word/settings.xml', text('word/settings.xml').replace('</w:settings>', `${xml}</w:settings>`)));
const findingsOf = (r: CheckResult): Finding[] => (r.ok ? [] : r.findings);
const kindsWhere = (bytes: Uint8Array, passages: ForbiddenText = { passages: [] }) => findingsOf(checkPublicDocx(bytes, passages)).map((f) => `${f.kind} ${f.part}: ${f.where}`);
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const one = (text: string): ForbiddenText => ({ passages: [{ id: 'p', text }] });

describe("the package's fixed frame", () => {
  it('a flag on words of the theme fonts or the compatibility setting does not refuse the clean summary', () => {
    const settings = new TextDecoder().decode(unzipSync(clean)['word/settings.xml']);
    expect(settings).toContain('<w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/>');
    // font names of the theme; the setting's name and URI ("Microsoft" alone is a participant of the fixture)
    for (const text of ['Microsoft Yi Baiti', 'Times New Roman', 'compatibilityMode', 'schemas.microsoft.com/office/word'])
      expect(checkPublicDocx(clean, one(text)), text).toEqual({ ok: true });
  });

  it('the theme only when it is byte for byte the one the docx library writes, and there only its font names', () => {
    // one space more at the end: another theme, searched whole
    const other = plant((_p, text, put) => put('word/theme/theme1.xml', `${text('word/theme/theme1.xml')} `));
    expect(kindsWhere(other, one('Times New Roman'))).toEqual(['passage word/theme/theme1.xml: attribute typeface of a:font (the whole passage)']);
    // the theme's own name is not a font name: searched
    expect(kindsWhere(clean, one('Office Theme'))).toEqual(['passage word/theme/theme1.xml: attribute name of a:theme (the whole passage)']);
  });

  it('only name, uri and val of w:compatSetting, and only in the settings part', () => {
    const secret = 'Zephyr Nine project';
    const setting = (attrs: string) => `<w:compatSetting ${attrs}/>`;
    // another attribute of the setting
    expect(kindsWhere(inSettings(setting(`w:name="a" w:uri="b" w:val="1" w:descr="${secret}"`)), one(secret))).toEqual([
      'passage word/settings.xml: attribute w:descr of w:compatSetting (the whole passage)',
    ]);
    // another element of the settings with the same attributes
    expect(kindsWhere(inSettings(`<w:zoom w:uri="${secret}"/>`), one(secret))).toEqual(['passage word/settings.xml: attribute w:uri of w:zoom (the whole passage)']);
    // the same setting in another part
    expect(kindsWhere(inBody(`<w:p>${setting(`w:name="${secret}"`)}</w:p>`), one(secret))).toEqual([
      'passage word/document.xml: attribute w:name of w:compatSetting (the whole passage)',
    ]);
  });
});

describe('parts and images', () => {
  it('headers, footers, their relationships and images numbered past 9 are parts this app writes', () => {
    const xml = `<?xml version="1.0"?><w:hdr xmlns:w="${W}"/>`;
    for (const name of ['word/header12.xml', 'word/footer10.xml', 'word/_rels/header12.xml.rels', 'word/_rels/footer10.xml.rels']) {
      const rels = name.endsWith('.rels') ? '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' : xml;
      expect(kindsWhere(plant((parts) => void (parts[name] = strToU8(rels)))), name).toEqual([]);
    }
    const logoName = Object.keys(unzipSync(clean)).find((k) => k.startsWith('word/media/'))!;
    const logo = unzipSync(clean)[logoName]!;
    expect(kindsWhere(plant((parts) => void (parts['word/media/image10.png'] = logo)))).toEqual([]);
  });

  it('an image is allowed when it is any one of the allowed images', () => {
    const logo = unzipSync(clean)[Object.keys(unzipSync(clean)).find((k) => k.startsWith('word/media/'))!]!;
    const other = new Uint8Array([1, 2, 3]);
    expect(checkPublicDocx(clean, { passages: [] }, { allowedMedia: [other, logo] })).toEqual({ ok: true });
    expect(checkPublicDocx(clean, { passages: [] }, { allowedMedia: [logo, other] })).toEqual({ ok: true });
  });
});

describe('what a finding says', () => {
  it("a parse error in saxes' own words, cut at 160 characters", () => {
    const broken = plant((_p, text, put) => put('word/document.xml', text('word/document.xml').replace('</w:body>', '<w:p><w:x></w:y></w:body>')));
    expect(kindsWhere(broken).filter((k) => k.startsWith('parse_error'))).toEqual(['parse_error word/document.xml: not well-formed XML: unexpected close tag.']);
    const prefix = 'p'.repeat(300);
    const unbound = kindsWhere(inBody(`<${prefix}:x/>`)).filter((k) => k.startsWith('parse_error'));
    expect(unbound).toEqual([`parse_error word/document.xml: not well-formed XML: ${`unbound namespace prefix: "${prefix}".`.slice(0, 160)}`]);
  });

  it('a passage in an XML comment is named as such', () => {
    const bytes = plant((_p, text, put) => put('word/styles.xml', text('word/styles.xml').replace('<w:docDefaults>', '<!-- Zephyr Nine project --><w:docDefaults>')));
    expect(kindsWhere(bytes, one('Zephyr Nine project'))).toEqual(['passage word/styles.xml: an XML comment (the whole passage)']);
  });

  it('a passage found by its 40-character window has no excerpt (the window is found without spaces)', () => {
    const r = findingsOf(checkPublicDocx(inBody('<w:p><w:r><w:t>see costfiguressharedbygoogleonincidentreporting now</w:t></w:r></w:p>'), one('the draft cost figures shared by Google on incident reporting')));
    expect(r.map((f) => [f.kind, f.where, f.excerpt])).toEqual([['passage_window', 'text of the part (40 consecutive characters of the passage)', '']]);
  });

  it('the message explains each passage by its own place: a passage printed elsewhere does not lend its advice', () => {
    const f = (id: string, printed?: Finding['printed']): Finding => ({ kind: 'passage', part: 'word/document.xml', passageId: id, where: 'text of the part (the whole passage)', ...(printed ? { printed } : {}) });
    const x = 'flag x was found in word/document.xml, text of the part (the whole passage)';
    const y = 'flag y is printed in a heading of the public summary (“Pricing”), and headings are always published: change the flag to cover only the confidential words, or rename the agenda item (or the heading in the minutes)';
    const printedY = f('y', { place: 'heading', text: 'Pricing' });
    expect(describeFindings([f('x'), printedY])).toBe(`${x}; ${y}`);
    expect(describeFindings([printedY, f('x')])).toBe(`${y}; ${x}`);
  });
});

describe('attributes read decoded', () => {
  it('only link targets and anchors: another attribute with + or %20 is searched as written (one finding)', () => {
    expect(kindsWhere(inBody('<w:p><w:x w:descr="Zephyr+Nine+project"/></w:p>'), one('Zephyr Nine project'))).toEqual([
      'passage word/document.xml: attribute w:descr of w:x (the whole passage)',
    ]);
  });

  it('a short passage visible only once a link target is decoded is found', () => {
    const rel = plant((_p, text, put) =>
      put(
        'word/_rels/document.xml.rels',
        text('word/_rels/document.xml.rels').replace(
          '</Relationships>',
          '<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/%5A%65%70%68%79%72" TargetMode="External"/></Relationships>',
        ),
      ),
    );
    expect(kindsWhere(rel, one('Zephyr'))).toEqual(['passage word/_rels/document.xml.rels: attribute Target of Relationship, decoded (the whole passage)']);
  });
});

describe('structural rules at their edges', () => {
  it('a simple field: only its instruction is a field, whatever other attributes it has; a long one named to 60 characters', () => {
    expect(kindsWhere(inBody('<w:p><w:fldSimple w:instr="PAGE" w:dirty="true"/></w:p>'))).toEqual([]);
    const long = `AUTHOR ${'x'.repeat(80)}`;
    expect(kindsWhere(inBody(`<w:p><w:fldSimple w:instr="${long}"/></w:p>`))).toEqual([`forbidden_field word/document.xml: field "${long.slice(0, 60)}"`]);
  });

  it('a complex field: an element inside the instruction does not end it; a nested instruction is its own', () => {
    const complex = (xml: string) => inBody(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>${xml}</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`);
    expect(kindsWhere(complex('<w:instrText xml:space="preserve">PAGE<w:x/> REF a</w:instrText>'))).toEqual(['forbidden_field word/document.xml: field "PAGE REF a"']);
    expect(kindsWhere(complex('<w:instrText>PAGE<w:instrText>NUMPAGES</w:instrText></w:instrText>'))).toEqual([]);
  });

  it('a link attribute only on a DrawingML blip, a hidden attribute only on a drawing property', () => {
    const r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    expect(kindsWhere(inBody(`<w:p><a:hlinkClick xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ${r} r:link="rId1"/></w:p>`))).toEqual([]);
    expect(kindsWhere(inBody(`<w:p><wp:cNvGraphicFramePr xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" hidden="1"/></w:p>`))).toEqual([]);
  });
});

describe('the meeting title of the document properties', () => {
  it('the last code point, U+10FFFF, is decoded; one past it is kept as written', () => {
    const title = (s: string) => plant((_p, text, put) => put('docProps/core.xml', text('docProps/core.xml').replace(/<dc:title>[^<]*<\/dc:title>/, `<dc:title>${s}</dc:title>`)));
    const printed = findingsOf(checkPublicDocx(title('Zephyr Nine project &#x10FFFF;'), one('Zephyr Nine project'))).map((f) => f.printed);
    expect(printed).toEqual([{ place: 'meeting_title', text: 'Zephyr Nine project \u{10FFFF}' }]);
  });
});
