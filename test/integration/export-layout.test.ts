import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgenda } from '../../electron/backend/export/build-agenda';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildParticipants } from '../../electron/backend/export/build-participants';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { buildRedactionRecord } from '../../electron/backend/export/build-redaction-record';
import { fixtureExportData } from '../fixtures/export-data';
import { longMeetingData } from '../fixtures/long-meeting';
import { publicSummaryOf } from '../../electron/backend/services/export-service';
import { docxToPdf, hasLayoutTools, headerLogoBox, mostlyEmptyPages, overlappingLines, readLayout, type Page } from '../helpers/pdf-layout';

/**
 * Every document, of the example meeting and of a long one, laid out by LibreOffice and read back from the PDF:
 * no two lines of text drawn over each other, no page but the last ending above half the page, the header logo
 * whole (as high as wide) on every document. Control documents, broken on purpose the way the documents once were
 * (no w:lineRule; a page break after the title), show that each check fails when it should.
 *
 * TFS_DOCS_OUT=docs/documents also writes the PDFs and PNG pages (60 dpi) there, for the README.
 */
const TOOLS = hasLayoutTools();
if (!TOOLS) console.warn('export-layout.test.ts: SKIPPED — LibreOffice (soffice) or poppler-utils (pdftotext, pdftoppm) is not installed.');

function edit(bytes: Uint8Array, part: string, f: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[part] = strToU8(f(strFromU8(parts[part]!)));
  return zipSync(parts);
}

const KINDS = ['agenda', 'internal-minutes', 'public-summary', 'participants', 'redaction-record'] as const;

describe.skipIf(!TOOLS)('documents laid out by LibreOffice', () => {
  const pdfs = new Map<string, string>();
  // Not helpers/temp's tempDir: that one is removed after each test, and the PDFs serve every test of this file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-layout-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const docs: Record<string, Uint8Array> = {};
    for (const [meeting, data] of [
      ['example', fixtureExportData()],
      ['long', longMeetingData()],
    ] as const) {
      docs[`${meeting}-agenda`] = await buildAgenda(data);
      docs[`${meeting}-internal-minutes`] = await buildInternalMinutes(data);
      docs[`${meeting}-public-summary`] = await buildPublicSummary(publicSummaryOf(data));
      docs[`${meeting}-participants`] = await buildParticipants(data);
      docs[`${meeting}-redaction-record`] = await buildRedactionRecord(data);
    }
    // Controls: the long meeting's minutes without line rules (LibreOffice then fixes every line at 13.8 pt), and the
    // example agenda with a page break after its title.
    docs['control-no-line-rule'] = edit(docs['long-internal-minutes']!, 'word/styles.xml', (x) => x.replace(/ w:lineRule="auto"/g, ''));
    docs['control-page-break'] = edit(docs['example-agenda']!, 'word/document.xml', (x) =>
      x.replace(/(<w:pStyle w:val="Subtitle"\/>[\s\S]*?<\/w:p>)/, '$1<w:p><w:r><w:br w:type="page"/></w:r></w:p>'),
    );
    const files = Object.entries(docs).map(([name, bytes]) => {
      const f = path.join(dir, `${name}.docx`);
      fs.writeFileSync(f, bytes);
      return f;
    });
    docxToPdf(files, dir).forEach((pdf, i) => pdfs.set(path.basename(files[i]!, '.docx'), pdf));

    const out = process.env.TFS_DOCS_OUT;
    if (out)
      for (const [name, pdf] of pdfs) {
        if (name.startsWith('control')) continue;
        const [meeting, ...kind] = name.split('-');
        const target = path.resolve(out, meeting!);
        fs.mkdirSync(target, { recursive: true });
        for (const old of fs.readdirSync(target).filter((f) => f.startsWith(`${kind.join('-')}-`) && f.endsWith('.png'))) fs.rmSync(path.join(target, old));
        execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(target, kind.join('-'))]);
        fs.writeFileSync(path.join(target, `${kind.join('-')}.docx`), docs[name]!);
      }
  }, 600_000);

  const layout = (name: string): Page[] => readLayout(pdfs.get(name)!);

  for (const meeting of ['example', 'long'] as const)
    for (const kind of KINDS)
      it(`${meeting} ${kind}: no overlapping lines, no mostly empty page, the header logo whole`, () => {
        const name = `${meeting}-${kind}`;
        const pages = layout(name);
        expect(pages.length).toBeGreaterThan(0);
        expect(overlappingLines(pages), name).toEqual([]);
        expect(mostlyEmptyPages(pages), name).toEqual([]);
        for (const page of [1, pages.length]) {
          const logo = headerLogoBox(pdfs.get(name)!, page);
          expect(logo, `${name} page ${page}`).not.toBeNull();
          expect(Math.abs(logo!.height - logo!.width), `${name} page ${page}: logo ${logo!.width.toFixed(1)} × ${logo!.height.toFixed(1)} pt`).toBeLessThan(1.5);
          expect(logo!.width).toBeGreaterThan(14);
        }
      });

  it('the long meeting makes long documents (the checks above are not trivially met)', () => {
    expect(layout('long-internal-minutes').length).toBeGreaterThanOrEqual(6);
    expect(layout('long-redaction-record').length).toBeGreaterThanOrEqual(3);
    expect(layout('long-participants').length).toBeGreaterThanOrEqual(2);
  });

  it('controls: the checks fail on overlapping lines, a clipped logo and a mostly empty page', () => {
    const noRule = layout('control-no-line-rule');
    expect(overlappingLines(noRule).length).toBeGreaterThan(0);
    const logo = headerLogoBox(pdfs.get('control-no-line-rule')!, 1)!;
    expect(Math.abs(logo.height - logo.width)).toBeGreaterThanOrEqual(1.5);
    expect(mostlyEmptyPages(layout('control-page-break'))).toEqual([expect.objectContaining({ page: 1 })]);
  });
});
