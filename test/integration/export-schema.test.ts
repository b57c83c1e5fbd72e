import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../electron/backend/export/build-agenda';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildParticipants } from '../../electron/backend/export/build-participants';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { buildRedactionRecord } from '../../electron/backend/export/build-redaction-record';
import type { ExportData } from '../../electron/backend/export/types';
import { fixtureExportData } from '../fixtures/export-data';
import { longMeetingData } from '../fixtures/long-meeting';
import { publicSummaryOf } from '../../electron/backend/services/export-service';
import { hasXmllint, stripIgnorable, validateDocx } from '../helpers/ooxml';

/**
 * Every document validates against the ISO/IEC 29500-4:2016 transitional schemas (word/*.xml, the theme,
 * docProps/app.xml) and ECMA-376's OPC schemas ([Content_Types].xml, relationships), with xmllint and the schemas
 * copied into test/fixtures/ooxml-schemas/. In CI xmllint is always there (.ci/run installs libxml2-utils); on a
 * machine without it the test says so and is skipped.
 */
const XMLLINT = hasXmllint();
if (!XMLLINT) console.warn('export-schema.test.ts: SKIPPED — xmllint (libxml2-utils) is not installed on this machine.');

async function allFive(data: ExportData, prefix: string): Promise<Record<string, Uint8Array>> {
  return {
    [`${prefix} agenda`]: await buildAgenda(data),
    [`${prefix} internal minutes`]: await buildInternalMinutes(data),
    [`${prefix} public summary`]: await buildPublicSummary(publicSummaryOf(data)),
    [`${prefix} participants`]: await buildParticipants(data),
    [`${prefix} redaction record`]: await buildRedactionRecord(data),
  };
}

function withPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[name] = strToU8(edit(strFromU8(parts[name]!)));
  return zipSync(parts);
}

describe.skipIf(!XMLLINT)('ISO/IEC 29500 transitional schema validation', () => {
  it('every document of the example meeting and of a long meeting validates, part by part', { timeout: 120_000 }, async () => {
    const docs = { ...(await allFive(fixtureExportData(), 'example')), ...(await allFive(longMeetingData(), 'long')) };
    const results = validateDocx(docs);
    for (const [name, r] of Object.entries(results)) {
      expect(r.errors, name).toEqual([]);
      expect(r.validated, name).toEqual(
        expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/header1.xml', 'word/footer1.xml', 'word/theme/theme1.xml', 'docProps/app.xml', 'word/_rels/document.xml.rels']),
      );
    }
  });

  it('fails on what the schemas forbid: an unknown element, a bad attribute value, elements out of order, a bad relationship', { timeout: 60_000 }, async () => {
    const good = await buildAgenda(fixtureExportData());
    const broken = {
      element: withPart(good, 'word/document.xml', (x) => x.replace('<w:p>', '<w:p><w:bogus/>')),
      lineRule: withPart(good, 'word/styles.xml', (x) => x.replace('w:lineRule="auto"', 'w:lineRule="exactly"')),
      order: withPart(good, 'word/document.xml', (x) => x.replace(/<w:pgSz ([^>]*)\/><w:pgMar ([^>]*)\/>/, '<w:pgMar $2/><w:pgSz $1/>')),
      rels: withPart(good, '_rels/.rels', (x) => x.replace('<Relationship ', '<Relationship Bogus="1" ')),
      fonts: withPart(good, 'word/fontTable.xml', (x) => x.replace('<w:family w:val="swiss"/>', '<w:family w:val="sans"/>')),
    };
    const results = validateDocx({ good, ...broken });
    expect(results.good!.errors).toEqual([]);
    expect(results.element!.errors.join('\n')).toMatch(/word\/document\.xml: .*bogus/);
    expect(results.lineRule!.errors.join('\n')).toMatch(/word\/styles\.xml: .*lineRule/);
    expect(results.order!.errors.join('\n')).toMatch(/word\/document\.xml: .*pgMar|pgSz/);
    expect(results.rels!.errors.join('\n')).toMatch(/_rels\/\.rels: .*Bogus/);
    expect(results.fonts!.errors.join('\n')).toMatch(/word\/fontTable\.xml: .*family/);
  });

  it('removes only what a part declares ignorable before validating', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="urn:w14" xmlns:x="urn:x" mc:Ignorable="w14"><w:p w14:paraId="1" x:keep="1"><w14:extra><w:r/></w14:extra><w:r><w:t>a &amp; b</w:t></w:r></w:p></w:document>';
    expect(stripIgnorable(xml)).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="urn:w14" xmlns:x="urn:x"><w:p x:keep="1"><w:r><w:t>a &amp; b</w:t></w:r></w:p></w:document>',
    );
  });
});
