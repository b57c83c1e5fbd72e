import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { plantIn } from '../fixtures/plant';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx, type CheckResult, type Finding, type ForbiddenText } from '../../electron/backend/export/redaction-check';
import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { fixturePublicDocument } from '../fixtures/export-data';

/**
 * The survivors of the chunked mutation run of the `check` group on 2026-12-02 (docs/mutation.md) that a behaviour
 * tells apart: reading continues as a new word where a separating element OPENS (the edges tests close one), which
 * unknown parts are read, and where the meeting title is read from. Planted in a clean public summary.
 */

let clean: Uint8Array;
beforeAll(async () => {
  clean = await buildPublicSummary(layoutPublicSummary(fixturePublicDocument()));
});

const plant = (edit: Parameters<typeof plantIn>[1]) => plantIn(clean, edit);
const inBody = (xml: string) => plant((_p, text, put) => put('word/document.xml', text('word/document.xml').replace('<w:body>', `<w:body>${xml}`)));
const findingsOf = (r: CheckResult): Finding[] => (r.ok ? [] : r.findings);
const SHORT: ForbiddenText = { passages: [{ id: 'short', text: 'Zephyr' }] };
const foundShort = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, SHORT)).some((f) => f.passageId === 'short');
const PASS: ForbiddenText = { passages: [{ id: 'z', text: 'Zephyr Nine project' }] };
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const run = (s: string) => `<w:r><w:t>${s}</w:t></w:r>`;

describe('where reading continues as a new word: the opening of a separating element', () => {
  it('a WordprocessingML separator that opens right after text (its text follows inside it)', () => {
    for (const sep of ['p', 'tc', 'tr', 'tbl', 'txbxContent', 'footnote'])
      expect(foundShort(inBody(`<w:p>${run('The codename')}<w:${sep}>${run('Zephyr')}</w:${sep}></w:p>`)), `<w:${sep}>`).toBe(true);
  });

  it('a DrawingML paragraph that opens right after text, and one that closes right before text', () => {
    expect(foundShort(inBody(`<w:p><a:r xmlns:a="${A}"><a:t>The codename</a:t></a:r><a:p xmlns:a="${A}"><a:r><a:t>Zephyr</a:t></a:r></a:p></w:p>`))).toBe(true);
    expect(foundShort(inBody(`<w:p><a:p xmlns:a="${A}"><a:r><a:t>The codename</a:t></a:r></a:p><a:r xmlns:a="${A}"><a:t>Zephyr</a:t></a:r></w:p>`))).toBe(true);
  });

  it('an element of another namespace that opens right after text', () => {
    expect(foundShort(inBody(`<w:p>${run('The codename')}<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">${run('Zephyr')}</m:oMath></w:p>`))).toBe(true);
  });
});

describe('unknown parts', () => {
  it('a name that only contains .xml is not XML: refused unread', () => {
    const xml = `<?xml version="1.0"?><w:x xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>Zephyr Nine project</w:t></w:x>`;
    const bytes = plant((parts) => void (parts['word/settings.xml.bak'] = strToU8(xml)));
    expect(findingsOf(checkPublicDocx(bytes, PASS)).map((f) => `${f.kind} ${f.part}`)).toEqual(['unknown_part word/settings.xml.bak']);
  });
});

describe('where the meeting title is read from', () => {
  const printed = (bytes: Uint8Array) => findingsOf(checkPublicDocx(bytes, PASS)).filter((f) => f.passageId === 'z').map((f) => f.printed?.place);

  it('only the title of docProps/core.xml: a dc:title in another part is not the meeting title', () => {
    const custom = `<?xml version="1.0"?><cp:x xmlns:cp="urn:x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Zephyr Nine project</dc:title></cp:x>`;
    expect(printed(plant((parts) => void (parts['docProps/custom.xml'] = strToU8(custom))))).toEqual([undefined]);
  });

  it('document properties without a title: the passage is still reported (the explanation does not fail)', () => {
    const bytes = plant((_p, text, put) => {
      put('docProps/core.xml', text('docProps/core.xml').replace(/<dc:title>[^<]*<\/dc:title>/, ''));
      put('word/document.xml', text('word/document.xml').replace('<w:body>', `<w:body><w:p>${run('Zephyr Nine project')}</w:p>`));
    });
    expect(printed(bytes)).toEqual([undefined]);
  });

  it('an element of another namespace inside a heading is not a paragraph of its own', () => {
    const heading = `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${run('Zephyr Nine project')}<x:p xmlns:x="urn:x"/></w:p>`;
    expect(printed(inBody(heading))).toEqual(['heading']);
  });
});
