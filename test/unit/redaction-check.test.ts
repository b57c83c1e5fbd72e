import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantIn, type Parts } from '../fixtures/plant';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx, describeFindings, type CheckResult, type Finding } from '../../electron/backend/export/redaction-check';
import { FIXTURE_AGENDA, FIXTURE_MEETING, FIXTURE_ORGANISATIONS, fixtureExportData, fixturePublicDocument, SECRET_1, SECRET_2 } from '../fixtures/export-data';

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
/** With accents, as typed in the minutes. */
const ACCENTED = 'Société Générale financera le pilote à hauteur de deux millions';

const PASSAGES = {
  passages: [
    { id: 'flag-1', text: SECRET_1 },
    { id: 'flag-2', text: SECRET_2 },
    { id: 'flag-long', text: LONG },
    { id: 'flag-short', text: SHORT },
    { id: 'flag-accented', text: ACCENTED },
  ],
};

/** Latin letters replaced by Cyrillic and Greek look-alikes (a, c, e, o, p, x, y; A, B, E, H, I, K, M, O, P, T, X). */
const LOOKALIKES: Record<string, string> = {
  a: '\u0430', c: '\u0441', e: '\u0435', o: '\u043e', p: '\u0440', x: '\u0445', y: '\u0443',
  A: '\u0391', B: '\u0412', E: '\u0395', H: '\u041d', I: '\u0406', K: '\u039a', M: '\u041c', O: '\u039f', P: '\u0420', T: '\u03a4', X: '\u03a7',
};
const homoglyphs = (s: string) => [...s].map((c) => LOOKALIKES[c] ?? c).join('');

let clean: Uint8Array;
beforeAll(async () => {
  clean = await buildPublicSummary(layoutPublicSummary(fixturePublicDocument()));
});

/** A copy of the clean file with `edit` applied to its parts. */
const plant = (edit: Parameters<typeof plantIn>[1]) => plantIn(clean, edit);
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
    ['a short passage opening a paragraph after another one', () => plant(inBody(para('The codename') + para(`${SHORT} was agreed`))), { passageId: 'flag-short', part: 'word/document.xml' }],
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
    ['decomposed accents with extra combining marks', () => plant(inBody(para(ACCENTED.normalize('NFD').replace(/([a-z])/g, (c, _x, i: number) => (i % 4 === 0 ? `${c}\u0303` : c))))), { passageId: 'flag-accented', kind: 'passage' }],
    ['accents removed', () => plant(inBody(para(ACCENTED.normalize('NFD').replace(/\p{M}/gu, '')))), { passageId: 'flag-accented', kind: 'passage' }],
    ['Cyrillic and Greek look-alike letters', () => plant(inBody(para(homoglyphs(SECRET_1)))), { passageId: 'flag-1', kind: 'passage' }],
    ['look-alike letters in capitals', () => plant(inBody(para(homoglyphs(SECRET_2.toUpperCase())))), { passageId: 'flag-2', kind: 'passage' }],
    ['hyphens and dashes in place of spaces', () => plant(inBody(para(SECRET_2.split(' ').map((w, i) => (i ? ['-', '\u2013', '\u2014', '\u2010'][i % 4] + w : w)).join('')))), { passageId: 'flag-2', kind: 'passage' }],
    ['other punctuation in place of spaces', () => plant(inBody(para(SECRET_1.split(' ').map((w, i) => (i ? ['_', '.', '/', '\u00b7'][i % 4] + w : w)).join('')))), { passageId: 'flag-1', kind: 'passage' }],
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

  it('every planted leak form (at least 12 distinct ones) is caught and named', () => {
    const names = leaks.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(12);
    const missed: string[] = [];
    for (const [name, make, expected] of leaks) {
      const bytes = make();
      expect(bytes, name).not.toEqual(clean);
      const r = checkPublicDocx(bytes, PASSAGES);
      const findings = r.ok ? [] : r.findings;
      const named = findings.some(
        (f) =>
          (expected.passageId === undefined || f.passageId === expected.passageId) &&
          (expected.kind === undefined || f.kind === expected.kind) &&
          (expected.part === undefined || f.part === expected.part),
      );
      if (!named) missed.push(name);
    }
    expect(missed).toEqual([]);
  });

  it('does not find a passage shorter than 8 characters inside a longer word', () => {
    const doc = plant(inBody(para(`The ${SHORT}ish proposal`)));
    expect(checkPublicDocx(doc, { passages: [{ id: 's', text: SHORT }] })).toEqual({ ok: true });
  });

  it('does not report a short passage found only in an attribute that is not text (a style value, a border type)', () => {
    const xml = strFromU8(unzipSync(clean)['word/document.xml']!);
    expect(xml).toMatch(/w:val="single"/);
    expect(checkPublicDocx(clean, { passages: [{ id: 's', text: 'single' }] })).toEqual({ ok: true });
    // The same word as text is found.
    expectCaught(checkPublicDocx(plant(inBody(para('a single word'))), { passages: [{ id: 's', text: 'single' }] }), { passageId: 's' });
  });

  it('says which passage leaked and where', () => {
    const r = checkPublicDocx(plant(inBody(para(SECRET_1))), PASSAGES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeFindings(r.findings, (id) => `passage ${id}`)).toMatch(/passage flag-1 was found in word\/document\.xml/);
  });

  /**
   * One leak per search mode that only that mode finds (the same cases as match-text.test.ts, here in a real file):
   * if the check ever ran without one of its modes, the matching test fails.
   */
  const modeLeaks: Array<[string, { id: string; text: string }, string, Finding['kind'], RegExp]> = [
    ['the whole passage', { id: 'm-whole', text: 'Zephyr Nine' }, 'The codename Zephyr Nine was agreed.', 'passage', /\(the whole passage\)/],
    ['the whole passage without its spaces', { id: 'm-compact', text: 'EUR 12 million budget 2027' }, 'The line EUR12millionbudget2027 was in the annex.', 'passage', /spacing aside/],
    [
      '8 consecutive words',
      { id: 'm-words', text: 'The provider said that it will pay a fee of ten per cent to the fund' },
      'In public it was only said that someone will pay a fee of ten per cent, nothing more.',
      'passage_window',
      /8 consecutive words/,
    ],
    [
      '40 consecutive characters',
      { id: 'm-chars', text: LONG },
      `x${'the delegation of a large provider explained in detail'.replace(/ /g, '')}y`,
      'passage_window',
      /40 consecutive characters/,
    ],
  ];
  for (const [name, passage, leak, kind, where] of modeLeaks)
    it(`finds a leak that only the search by ${name} can find`, () => {
      const r = checkPublicDocx(plant(inBody(para(leak))), { passages: [passage] });
      expectCaught(r, { passageId: passage.id, kind, part: 'word/document.xml' });
      expect(!r.ok && r.findings.filter((f) => f.passageId === passage.id).map((f) => f.where)).toEqual([expect.stringMatching(where)]);
    });

  describe('a flag on text that the public summary prints anyway', () => {
    const messageOf = (text: string) => {
      const r = checkPublicDocx(clean, { passages: [{ id: 'f', text }] });
      expect(r.ok, 'the export must still be refused (fail closed)').toBe(false);
      return { findings: r.ok ? [] : r.findings, message: r.ok ? '' : describeFindings(r.findings, () => 'the passage flagged "Business secret" (flag f)') };
    };

    it('an agenda item title: says it is printed in a heading and to narrow the flag or rename the item', () => {
      const { findings, message } = messageOf('Opening');
      expect(findings.every((f) => f.printed?.place === 'heading')).toBe(true);
      expect(message).toMatch(/^the passage flagged "Business secret" \(flag f\) is printed in a heading of the public summary \(“Opening”\)/);
      expect(message).toMatch(/change the flag to cover only the confidential words, or rename the agenda item/);
      expect(message).not.toMatch(/document\.xml/);
    });

    it('an attending organisation: says it is printed in the list of participating organisations', () => {
      const org = FIXTURE_ORGANISATIONS[1]!.name;
      const { findings, message } = messageOf(org);
      expect(findings.some((f) => f.printed?.place === 'organisations' && f.printed.text === org)).toBe(true);
      expect(message).toContain(`is printed in the list of participating organisations (“${org}”)`);
      expect(message).toMatch(/change the flag to cover only the confidential words/);
    });

    it('the meeting title: says it is printed in the title and to rename the meeting', () => {
      const { message } = messageOf(FIXTURE_MEETING.title);
      expect(message).toContain('is printed in the title of the public summary');
      expect(message).toMatch(/rename the meeting/);
    });

    it('a sub-item title, case and accents aside, is found in its heading', () => {
      const title = FIXTURE_AGENDA.find((a) => a.number.includes('.'))!.title;
      const { findings } = messageOf(title.toUpperCase());
      expect(findings.some((f) => f.printed?.place === 'heading')).toBe(true);
    });

    it('a real leak in the body keeps the plain message naming the part', () => {
      const r = checkPublicDocx(plant(inBody(para(SECRET_2))), PASSAGES);
      expect(!r.ok && r.findings.every((f) => f.printed === undefined)).toBe(true);
      expect(!r.ok && describeFindings(r.findings)).toMatch(/^flag flag-2 was found in word\/document\.xml, text of the part/);
    });
  });
});

describe('checkPublicDocx: every structural rule, one plant each', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const forbiddenHere = (r: CheckResult, where: string) => {
    expect(r.ok, where).toBe(false);
    const findings = r.ok ? [] : r.findings;
    expect(findings.map((f) => `${f.kind}: ${f.where}`), where).toContain(where);
  };

  it('refuses each element that hides text, tracks changes, annotates or embeds, by its name', () => {
    // Written from the WordprocessingML vocabulary, not from the check's list.
    const names = [
      'del', 'ins', 'delText', 'delInstrText', 'moveFrom', 'moveTo', 'moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart', 'moveToRangeEnd',
      'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange', 'numberingChange', 'cellIns', 'cellDel', 'cellMerge',
      'vanish', 'specVanish', 'webHidden', 'commentReference', 'commentRangeStart', 'commentRangeEnd', 'annotationRef',
      'docVar', 'docVars', 'object', 'control', 'pict', 'altChunk', 'subDoc', 'attachedTemplate', 'mailMerge', 'customXml', 'fldData', 'ffData',
      'embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic', 'embedTrueTypeFonts', 'embedSystemFonts',
    ];
    const xml = names.map((n) => `<w:p><w:r><w:${n}/></w:r></w:p>`).join('');
    const r = checkPublicDocx(plant(inBody(xml)), PASSAGES);
    for (const n of names) forbiddenHere(r, `forbidden_element: element w:${n}`);
    // The same names in another namespace are not WordprocessingML: not refused as such.
    const other = checkPublicDocx(plant(inBody(`<w:p><x:del xmlns:x="urn:example"/></w:p>`)), PASSAGES);
    expect(other.ok ? [] : other.findings.filter((f) => f.kind === 'forbidden_element')).toEqual([]);
    // Strict OOXML names the same elements under its own namespace URI.
    const strict = checkPublicDocx(plant(inBody(`<w:p><s:vanish xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"/></w:p>`)), PASSAGES);
    forbiddenHere(strict, 'forbidden_element: element w:vanish');
  });

  it('refuses VML, a DOCTYPE, a linked image, a hidden drawing; fields other than PAGE and NUMPAGES', () => {
    forbiddenHere(checkPublicDocx(plant(inBody(`<w:p><v:shape xmlns:v="urn:schemas-microsoft-com:vml"/></w:p>`)), PASSAGES), 'forbidden_element: VML/Office element v:shape');
    forbiddenHere(checkPublicDocx(plant(inBody(`<w:p><o:lock xmlns:o="urn:schemas-microsoft-com:office:office"/></w:p>`)), PASSAGES), 'forbidden_element: VML/Office element o:lock');
    forbiddenHere(checkPublicDocx(plant(inBody(`<w:p><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:p>`)), PASSAGES), 'forbidden_element: a linked (external) image');
    for (const v of ['1', 'true', 'On'])
      forbiddenHere(checkPublicDocx(plant(inBody(`<w:p><wp:docPr xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" id="9" name="x" hidden="${v}"/></w:p>`)), PASSAGES), 'forbidden_element: a hidden drawing');
    const visible = checkPublicDocx(plant(inBody(`<w:p><wp:docPr xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" id="9" name="x" hidden="0"/></w:p>`)), PASSAGES);
    expect(visible).toEqual({ ok: true });
    const doctype = plant((_p, text, put) => put('word/styles.xml', text('word/styles.xml').replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE x>')));
    forbiddenHere(checkPublicDocx(doctype, PASSAGES), 'forbidden_element: a DOCTYPE declaration');
    const fld = (instr: string) => plant(inBody(`<w:p><w:fldSimple w:instr="${instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>`));
    for (const ok of ['PAGE', ' NUMPAGES ', 'PAGE \\* MERGEFORMAT', 'PAGE \\* Arabic \\* MERGEFORMAT']) expect(checkPublicDocx(fld(ok), PASSAGES), ok).toEqual({ ok: true });
    for (const bad of ['DOCPROPERTY Secret', 'PAGEREF x', 'PAGE x', 'NUMPAGESX'])
      forbiddenHere(checkPublicDocx(fld(bad), PASSAGES), `forbidden_field: field "${bad}"`);
    const complex = (instr: string) => plant(inBody(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`));
    expect(checkPublicDocx(complex(' PAGE '), PASSAGES)).toEqual({ ok: true });
    forbiddenHere(checkPublicDocx(complex(' AUTHOR '), PASSAGES), 'forbidden_field: field "AUTHOR"');
  });

  it('accepts every part this app may write (footnotes, endnotes, web settings, headers, footers) and refuses others, by name', () => {
    const withPart = (name: string) => plant((parts) => void (parts[name] = strToU8(`<?xml version="1.0"?><w:x xmlns:w="${W}"/>`)));
    for (const ok of ['word/footnotes.xml', 'word/endnotes.xml', 'word/webSettings.xml', 'word/header7.xml', 'word/footer12.xml', 'word/numbering.xml', 'word/fontTable.xml', 'word/theme/theme1.xml', 'word/_rels/header3.xml.rels', 'word/_rels/footnotes.xml.rels', 'word/_rels/numbering.xml.rels'])
      expect(checkPublicDocx(withPart(ok), PASSAGES), ok).toEqual({ ok: true });
    for (const bad of ['word/comments.xml', 'docProps/custom.xml', 'word/vbaProject.bin', 'word/headerX.xml', 'xword/document.xml', 'word/document.xml.bak', 'word/theme/theme2.xml', 'word/_rels/comments.xml.rels'])
      forbiddenHere(checkPublicDocx(withPart(bad), PASSAGES), `unknown_part: part "${bad}" is not one this app writes`);
    const declared = plant((_p, text, put) => put('[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="x"/></Types>')));
    forbiddenHere(checkPublicDocx(declared, PASSAGES), 'unknown_part: content type declared for "word/comments.xml"');
  });

  it('accepts the relationship types this app writes, refuses others, unsafe links, external targets and missing images', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
    const rel = (type: string, target: string, extra = '') =>
      plant((_p, text, put) => put('word/_rels/document.xml.rels', text('word/_rels/document.xml.rels').replace('</Relationships>', `<Relationship Id="rIdZ" Type="${type}" Target="${target}"${extra}/></Relationships>`)));
    for (const t of ['styles', 'numbering', 'footnotes', 'endnotes', 'settings', 'header', 'footer', 'theme', 'fontTable', 'webSettings'])
      expect(checkPublicDocx(rel(`${REL}${t}`, 'styles.xml'), PASSAGES), t).toEqual({ ok: true });
    for (const url of ['https://example.org/x', 'http://example.org', 'MAILTO:a@example.org'])
      expect(checkPublicDocx(rel(`${REL}hyperlink`, url, ' TargetMode="External"'), PASSAGES), url).toEqual({ ok: true });
    forbiddenHere(checkPublicDocx(rel(`${REL}hyperlink`, 'file:///etc/passwd', ' TargetMode="External"'), PASSAGES), 'forbidden_relationship: a link to "file:///etc/passwd" (only http, https and mailto links are allowed)');
    forbiddenHere(checkPublicDocx(rel(`${REL}hyperlink`, 'javascript:alert(1)'), PASSAGES), 'forbidden_relationship: a link to "javascript:alert(1)" (only http, https and mailto links are allowed)');
    forbiddenHere(checkPublicDocx(rel(`${REL}comments`, 'comments.xml'), PASSAGES), 'forbidden_relationship: relationship of type "comments" to "comments.xml"');
    forbiddenHere(checkPublicDocx(rel(`${REL}styles`, 'https://evil.example/s.xml', ' TargetMode="External"'), PASSAGES), 'forbidden_relationship: an external styles relationship to "https://evil.example/s.xml"');
    forbiddenHere(checkPublicDocx(rel(`${REL}image`, 'media/image99.png'), PASSAGES), 'forbidden_relationship: an image relationship to a missing part "media/image99.png"');
  });
});
