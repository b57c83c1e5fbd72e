import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx, describeFindings, type CheckResult, type Finding } from '../../electron/backend/export/redaction-check';
import { fixtureExportData, fixturePublicDocument, SECRET_1, SECRET_2 } from '../fixtures/export-data';

/**
 * The redaction check is the last gate before a public file is handed over. Each test plants one form of leak in an
 * otherwise valid public summary and expects the check to refuse the file and to name the passage (or the
 * forbidden construct) and the part.
 */

const LONG =
  'During the closed session the delegation of a large provider explained in detail that its internal evaluation of systemic risks had found ' +
  'several unresolved issues with agentic deployments which it did not intend to disclose before the next reporting cycle of the Code';
/** Shorter than 8 characters: matched as a whole word only. */
const SHORT = 'Zephyr';

const PASSAGES = {
  passages: [
    { id: 'flag-1', text: SECRET_1 },
    { id: 'flag-2', text: SECRET_2 },
    { id: 'flag-long', text: LONG },
    { id: 'flag-short', text: SHORT },
  ],
};

let clean: Uint8Array;
beforeAll(async () => {
  clean = await buildPublicSummary(layoutPublicSummary(fixturePublicDocument()));
});

type Parts = Record<string, Uint8Array>;
/** Returns a copy of the clean file with `edit` applied to its parts. */
function plant(edit: (parts: Parts, text: (name: string) => string, put: (name: string, s: string) => void) => void): Uint8Array {
  const parts = unzipSync(clean);
  const text = (name: string) => strFromU8(parts[name]!);
  const put = (name: string, s: string) => {
    parts[name] = strToU8(s);
  };
  edit(parts, text, put);
  return zipSync(parts);
}
/** Adds paragraphs right after <w:body>. */
const inBody = (xml: string) => (parts: Parts, text: (n: string) => string, put: (n: string, s: string) => void) =>
  put('word/document.xml', text('word/document.xml').replace('<w:body>', `<w:body>${xml}`));
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${s}</w:t></w:r></w:p>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function expectCaught(r: CheckResult, expected: { passageId?: string; kind?: Finding['kind']; part?: string }) {
  expect(r.ok, 'the check let a leaking file through').toBe(false);
  const findings = r.ok ? [] : r.findings;
  const match = findings.find(
    (f) =>
      (expected.passageId === undefined || f.passageId === expected.passageId) &&
      (expected.kind === undefined || f.kind === expected.kind) &&
      (expected.part === undefined || f.part === expected.part),
  );
  expect(match, `no finding like ${JSON.stringify(expected)} in ${JSON.stringify(findings, null, 1)}`).toBeDefined();
}

describe('checkPublicDocx', () => {
  it('passes the clean public summary built from the public model', () => {
    const r = checkPublicDocx(clean, PASSAGES);
    expect(r).toEqual({ ok: true });
  });

  it('refuses the internal minutes (sanity: they contain the flagged passages)', async () => {
    const r = checkPublicDocx(await buildInternalMinutes(fixtureExportData()), PASSAGES);
    expectCaught(r, { passageId: 'flag-1', part: 'word/document.xml' });
    expectCaught(r, { passageId: 'flag-2', part: 'word/document.xml' });
  });

  const leaks: Array<[string, () => Uint8Array, { passageId?: string; kind?: Finding['kind']; part?: string }]> = [
    ['plain text', () => plant(inBody(para(SECRET_1))), { passageId: 'flag-1', kind: 'passage', part: 'word/document.xml' }],
    [
      'split across runs',
      () => plant(inBody(`<w:p><w:r><w:t>Mistral AI indicated it could</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> not accept a two-thirds threshold without consulting its board</w:t></w:r></w:p>`)),
      { passageId: 'flag-1', part: 'word/document.xml' },
    ],
    [
      'split inside a word across runs',
      () => plant(inBody(`<w:p><w:r><w:t>the draft cost fig</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>ures shared by Google on incident reporting</w:t></w:r></w:p>`)),
      { passageId: 'flag-2', part: 'word/document.xml' },
    ],
    ['split across paragraphs', () => plant(inBody(para('the draft cost figures shared') + para('by Google on incident reporting'))), { passageId: 'flag-2' }],
    ['split across table cells', () => plant(inBody(`<w:tbl><w:tr><w:tc>${para('the draft cost figures')}</w:tc><w:tc>${para('shared by Google on incident reporting')}</w:tc></w:tr></w:tbl>`)), { passageId: 'flag-2' }],
    ['different case', () => plant(inBody(para(SECRET_1.toUpperCase()))), { passageId: 'flag-1' }],
    [
      'full-width letters (NFKC)',
      () => plant(inBody(para([...SECRET_2].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')))),
      { passageId: 'flag-2' },
    ],
    ['zero-width joiners between letters', () => plant(inBody(para([...SECRET_1].join('\u200D')))), { passageId: 'flag-1' }],
    ['zero-width spaces instead of spaces', () => plant(inBody(para(SECRET_2.replace(/ /g, '\u200B')))), { passageId: 'flag-2' }],
    ['bidi controls', () => plant(inBody(para(`\u202E${SECRET_2.replace(/ /g, ' \u200F')}\u202C`))), { passageId: 'flag-2' }],
    ['no-break spaces and soft hyphens', () => plant(inBody(para(SECRET_1.replace(/ /g, '\u00A0').replace(/accept/, 'ac\u00ADcept')))), { passageId: 'flag-1' }],
    ['numeric character references', () => plant(inBody(para([...SECRET_2].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('')))), { passageId: 'flag-2' }],
    [
      'hyperlink target (percent-encoded)',
      () =>
        plant((parts, text, put) => {
          put(
            'word/_rels/document.xml.rels',
            text('word/_rels/document.xml.rels').replace(
              '</Relationships>',
              `<Relationship Id="rIdLeak" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/?q=${encodeURIComponent(SECRET_2)}" TargetMode="External"/></Relationships>`,
            ),
          );
          inBody(`<w:p><w:hyperlink r:id="rIdLeak"><w:r><w:t>more</w:t></w:r></w:hyperlink></w:p>`)(parts, text, put);
        }),
      { passageId: 'flag-2', part: 'word/_rels/document.xml.rels' },
    ],
    [
      'core properties title',
      () => plant((_p, text, put) => put('docProps/core.xml', text('docProps/core.xml').replace(/<dc:title>[^<]*<\/dc:title>/, `<dc:title>${SECRET_1}</dc:title>`))),
      { passageId: 'flag-1', part: 'docProps/core.xml' },
    ],
    [
      'core properties subject and keywords',
      () =>
        plant((_p, text, put) =>
          put('docProps/core.xml', text('docProps/core.xml').replace('</cp:coreProperties>', `<dc:subject>about ${SHORT}</dc:subject><cp:keywords>${esc(SECRET_2)}</cp:keywords></cp:coreProperties>`)),
        ),
      { passageId: 'flag-2', part: 'docProps/core.xml' },
    ],
    [
      'short passage in core properties subject',
      () => plant((_p, text, put) => put('docProps/core.xml', text('docProps/core.xml').replace('</cp:coreProperties>', `<dc:subject>about ${SHORT}</dc:subject></cp:coreProperties>`))),
      { passageId: 'flag-short', part: 'docProps/core.xml' },
    ],
    [
      'extended properties (app.xml)',
      () => plant((_p, text, put) => put('docProps/app.xml', text('docProps/app.xml').replace(/<Properties([^>]*)\/>/, `<Properties$1><Company>${SECRET_1}</Company></Properties>`))),
      { passageId: 'flag-1', part: 'docProps/app.xml' },
    ],
    [
      'a comments part',
      () =>
        plant((_p, _t, put) =>
          put(
            'word/comments.xml',
            `<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="A"><w:p><w:r><w:t>${SECRET_1}</w:t></w:r></w:p></w:comment></w:comments>`,
          ),
        ),
      { passageId: 'flag-1', part: 'word/comments.xml' },
    ],
    ['a comment reference', () => plant(inBody(`<w:p><w:r><w:commentReference w:id="0"/></w:r></w:p>`)), { kind: 'forbidden_element' }],
    [
      'a deleted run (tracked change)',
      () => plant(inBody(`<w:p><w:del w:id="9" w:author="x" w:date="2026-01-30T10:00:00Z"><w:r><w:delText>${SECRET_2}</w:delText></w:r></w:del></w:p>`)),
      { passageId: 'flag-2' },
    ],
    ['a deleted run is forbidden as such', () => plant(inBody(`<w:p><w:del w:id="9" w:author="x" w:date="2026-01-30T10:00:00Z"><w:r><w:delText>harmless</w:delText></w:r></w:del></w:p>`)), { kind: 'forbidden_element' }],
    ['an inserted run (tracked change)', () => plant(inBody(`<w:p><w:ins w:id="9" w:author="x"><w:r><w:t>harmless</w:t></w:r></w:ins></w:p>`)), { kind: 'forbidden_element' }],
    ['hidden text', () => plant(inBody(`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>${SECRET_1}</w:t></w:r></w:p>`)), { passageId: 'flag-1' }],
    ['hidden text is forbidden as such', () => plant(inBody(`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>harmless</w:t></w:r></w:p>`)), { kind: 'forbidden_element' }],
    [
      'document variables',
      () => plant((_p, text, put) => put('word/settings.xml', text('word/settings.xml').replace('</w:settings>', `<w:docVars><w:docVar w:name="note" w:val="${SECRET_2}"/></w:docVars></w:settings>`))),
      { passageId: 'flag-2', part: 'word/settings.xml' },
    ],
    ['text in a header', () => plant((_p, text, put) => put('word/header1.xml', text('word/header1.xml').replace('</w:hdr>', `${para(SECRET_1)}</w:hdr>`))), { passageId: 'flag-1', part: 'word/header1.xml' }],
    ['text in a footer', () => plant((_p, text, put) => put('word/footer1.xml', text('word/footer1.xml').replace('</w:ftr>', `${para(SECRET_2)}</w:ftr>`))), { passageId: 'flag-2', part: 'word/footer1.xml' }],
    [
      'image alt text (short passage)',
      () => plant((_p, text, put) => put('word/header1.xml', text('word/header1.xml').replace('descr="Logo"', `descr="Logo of ${SHORT}"`))),
      { passageId: 'flag-short', part: 'word/header1.xml' },
    ],
    ['image title', () => plant((_p, text, put) => put('word/header1.xml', text('word/header1.xml').replace('title="Logo"', `title="${SECRET_1}"`))), { passageId: 'flag-1' }],
    [
      'a custom properties part',
      () =>
        plant((_p, _t, put) =>
          put(
            'docProps/custom.xml',
            `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="n"><vt:lpwstr>${SECRET_2}</vt:lpwstr></property></Properties>`,
          ),
        ),
      { passageId: 'flag-2', part: 'docProps/custom.xml' },
    ],
    ['a custom properties part is unknown as such', () => plant((_p, _t, put) => put('docProps/custom.xml', `<?xml version="1.0"?><Properties/>`)), { kind: 'unknown_part' }],
    [
      'an 8-word window of a long passage inside other text',
      () => plant(inBody(para(`In public the chair said that ${LONG.split(' ').slice(12, 21).join(' ')} as everyone knows.`))),
      { passageId: 'flag-long', kind: 'passage_window' },
    ],
    [
      'a 40-character window of a long passage with its spaces removed',
      () => plant(inBody(para(`x${LONG.split(' ').slice(3, 12).join('')}y`))),
      { passageId: 'flag-long', kind: 'passage_window' },
    ],
    ['a field other than PAGE/NUMPAGES', () => plant(inBody(`<w:p><w:fldSimple w:instr=" DOCPROPERTY Secret "><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>`)), { kind: 'forbidden_field' }],
    [
      'a complex field other than PAGE/NUMPAGES',
      () => plant(inBody(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> AUTHOR </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)),
      { kind: 'forbidden_field' },
    ],
    ['an embedded object', () => plant(inBody(`<w:p><w:r><w:object/></w:r></w:p>`)), { kind: 'forbidden_element' }],
    ['an altChunk', () => plant(inBody(`<w:altChunk r:id="rId99"/>`)), { kind: 'forbidden_element' }],
    [
      'an image other than the logo',
      () =>
        plant((parts) => {
          const media = Object.keys(parts).find((k) => k.startsWith('word/media/'))!;
          const copy = parts[media]!.slice();
          copy[copy.length - 20] = (copy[copy.length - 20] ?? 0) ^ 0xff;
          parts[media] = copy;
        }),
      { kind: 'bad_media' },
    ],
    ['a footnotes part', () => plant((_p, text, put) => put('word/footnotes.xml', text('word/footnotes.xml').replace('</w:footnotes>', `<w:footnote w:id="5">${para(SECRET_1)}</w:footnote></w:footnotes>`))), { passageId: 'flag-1', part: 'word/footnotes.xml' }],
    ['an XML comment', () => plant((_p, text, put) => put('word/styles.xml', text('word/styles.xml').replace('<w:docDefaults>', `<!-- ${SECRET_2} --><w:docDefaults>`))), { passageId: 'flag-2', part: 'word/styles.xml' }],
    ['a relationship of an unknown type', () => plant((_p, text, put) => put('_rels/.rels', text('_rels/.rels').replace('</Relationships>', `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`))), { kind: 'forbidden_relationship' }],
    ['malformed XML', () => plant((_p, text, put) => put('word/document.xml', text('word/document.xml').replace('</w:body>', '<w:p></w:body>'))), { kind: 'parse_error', part: 'word/document.xml' }],
    ['not a zip at all', () => strToU8('PK but not really'), { kind: 'unreadable' }],
  ];

  for (const [name, make, expected] of leaks)
    it(`catches: ${name}`, () => {
      expectCaught(checkPublicDocx(make(), PASSAGES), expected);
    });

  it('plants at least 12 different leak forms', () => {
    expect(leaks.length).toBeGreaterThanOrEqual(12);
  });

  it('does not find a passage shorter than 8 characters inside a longer word', () => {
    const doc = plant(inBody(para(`The ${SHORT}ish proposal`)));
    expect(checkPublicDocx(doc, { passages: [{ id: 's', text: SHORT }] })).toEqual({ ok: true });
  });

  it('says which passage leaked and where', () => {
    const r = checkPublicDocx(plant(inBody(para(SECRET_1))), PASSAGES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeFindings(r.findings, (id) => `passage ${id}`)).toMatch(/passage flag-1 was found in word\/document\.xml/);
  });
});
