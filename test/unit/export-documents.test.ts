import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../electron/backend/export/build-agenda';
import { buildInternalMinutes } from '../../electron/backend/export/build-internal-minutes';
import { buildParticipants } from '../../electron/backend/export/build-participants';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { buildRedactionRecord } from '../../electron/backend/export/build-redaction-record';
import { plannedStartTimes } from '../../electron/backend/export/agenda-times';
import { longDate } from '../../shared/format/zoned';
import { LOGO_PNG_BASE64 } from '../../electron/backend/export/logo-data';
import { checkPublicDocx } from '../../electron/backend/export/redaction-check';
import { DEFAULT_INTERNAL_MARKING as CONFIDENTIAL_BANNER } from '../../electron/backend/export/style';
import { FIXTURE_AGENDA, FIXTURE_MEETING, fixtureExportData, fixturePublicDocument, LIFTED, SECRET_1, SECRET_2, WITHHELD_TEXT } from '../fixtures/export-data';
import { part, parts, visibleText } from './export-docx-helpers';
import fs from 'node:fs';
import path from 'node:path';

const BODY = 'Signatory Taskforce of the General-Purpose AI Code of Practice';
const data = fixtureExportData();
const builders = {
  agenda: () => buildAgenda(data),
  internal_minutes: () => buildInternalMinutes(data),
  public_summary: () => buildPublicSummary(layoutPublicSummary(fixturePublicDocument())),
  participants: () => buildParticipants(data),
  redaction_record: () => buildRedactionRecord(data),
};
const text = async (b: Promise<Uint8Array>) => visibleText(part(await b, 'word/document.xml'));

describe('agenda', () => {
  it('lists numbered items with kind, presenter and planned start times', async () => {
    const t = await text(builders.agenda());
    expect(t).toContain('Convening notice and draft agenda');
    expect(t).toContain('30 January 2026, 10:00–13:00 (Europe/Brussels)');
    expect(t).toContain('Place and format: Brussels, AI Office, and online · Hybrid');
    expect(t).toContain('1. Opening and welcome\n10:00 · 10 min · Information · Presenter: AI Office (chair)');
    expect(t).toContain('2. Logistics of the Taskforce, transparency and EU competition law\n10:10 · 25 min');
    expect(t).toContain('3. Rules of procedure\n10:35 · 50 min · Decision');
    expect(t).toContain('3.1 Adoption of the rules of procedure by consensus\n10:35 · 30 min');
    expect(t).toContain('3.2 Majority threshold for inviting external experts\n11:05 · 20 min · Discussion');
    expect(t).toContain('4. Ad hoc groups\n11:25');
    expect(t).toContain('6. Any other business\n12:40');
    expect(t).toContain('Document: Draft rules of procedure (TF/2026/02)');
  });

  it('computes start times: sub-items inside their parent, a parent without minutes lasting its sub-items', () => {
    const agenda = FIXTURE_AGENDA.map((a) => (a.id === 'item-3' ? { ...a, plannedMinutes: 0 } : a));
    const t = plannedStartTimes('2026-01-30T09:30', agenda);
    expect(t.get('item-1')).toBe('09:30');
    expect(t.get('item-3-2')).toBe('10:35');
    expect(t.get('item-4')).toBe('10:55');
  });
});

describe('internal minutes', () => {
  it('has the confidentiality banner in the header of every page, and the full text', async () => {
    const bytes = await builders.internal_minutes();
    const xml = part(bytes, 'word/document.xml');
    expect(visibleText(part(bytes, 'word/header1.xml'))).toContain(CONFIDENTIAL_BANNER);
    // One default header for the one section: it is on every page (no first-page or even-page variant).
    expect(xml.match(/<w:headerReference /g)).toHaveLength(1);
    expect(xml).toContain('<w:headerReference w:type="default"');
    expect(xml).not.toContain('<w:titlePg');
    const t = visibleText(xml);
    for (const s of [SECRET_1, SECRET_2, LIFTED, WITHHELD_TEXT]) expect(t).toContain(s);
    expect(t).toContain(`[Flagged: Commercially sensitive] ${SECRET_1} [end of flag]`);
    expect(t).toContain(`[Flagged: Business secret] ${SECRET_2} [end of flag]`);
    expect(t).not.toContain('[Flagged: Personal data]'); // lifted flag: not marked
    expect(xml).toContain('w:fill="FFE8A3"'); // shading as well as the label
    expect(t).toContain('Withheld from publication: not in the public summary.');
  });

  it('renders every node type of the minutes model', async () => {
    const bytes = await builders.internal_minutes();
    const xml = part(bytes, 'word/document.xml');
    const t = visibleText(xml);
    expect(t).toContain('The chair introduced the draft rules of procedure.\nComments were invited in writing.'); // linebreak
    expect(t).toContain('Members discussed the draft.\tNo objection was raised.'); // tab
    expect(t).toContain('[10:02] The chair opened the meeting'); // timestamp
    expect(t).toContain('Decision: The rules of procedure were adopted by consensus.');
    expect(t).toContain('Action: The AI Office will circulate a note on the threshold options.');
    expect(xml).toMatch(/<w:pStyle w:val="QuoteBlock"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading4"\/>[\s\S]*?Adoption/); // h2 inside a section → Heading4
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>/); // nested list
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}AI Office/);
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}EU competition law/);
    expect(xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}commercially sensitive/);
    expect(part(bytes, 'word/_rels/document.xml.rels')).toContain('Target="https://digital-strategy.ec.europa.eu/"');
    expect(xml).toContain('<w:hyperlink');
  });

  it('has attendance, decisions and action items', async () => {
    const t = await text(builders.internal_minutes());
    expect(t).toContain('Attendance');
    expect(t).toContain('Name\nOrganisation\nCategory\nAttendance\nArrived / left\n');
    expect(t).toContain('Camille Laurent\nMistral AI\nRepresentative\nIn person\n\n');
    expect(t).toContain('Hugo Martin\nMistral AI\nRepresentative\nRemote\n');
    // arrival and departure times, in Brussels time (the instants are UTC)
    expect(t).toContain('Pieter de Vries\nGoogle\nRepresentative\nIn person\narrived 10:05, left 11:15\n');
    expect(t).toContain('Lena Fischer\nFraunhofer IAIS\nExternal expert\nRemote\narrived 11:30\n');
    // attending first, then excused, then absent
    expect(t.indexOf('Tomás Ruiz')).toBeLessThan(t.indexOf('Anna Kowalska\nMicrosoft\nRepresentative\nExcused'));
    expect(t.indexOf('Anna Kowalska')).toBeLessThan(t.indexOf('Maria Fernández\nOpenAI\nRepresentative\nAbsent'));
    expect(t).toMatch(/Decisions\n[\s\S]*3\.1\nThe rules of procedure were adopted by consensus\.\nAdopted/);
    expect(t).toMatch(/Action items\n[\s\S]*3\.2\nThe AI Office will circulate a note on the threshold options\.\nAI Office\n13 February 2026\nOpen/);
  });
});

describe('public summary', () => {
  it('is built from the public model: marker for redacted text, withheld items "Not published", decisions and next steps', async () => {
    const bytes = await builders.public_summary();
    const t = visibleText(part(bytes, 'word/document.xml'));
    expect(t).toContain('Public summary');
    expect(t).toContain('30 January 2026');
    expect(t).toMatch(/Participation\nRepresentatives of the following organisations took part in the meeting:\nAI Office\nAleph Alpha/);
    expect(t).toContain('Views differed on the threshold. […]. Others preferred a simple majority.');
    expect(t).toContain('5. Future discussion topics\nNot published.');
    expect(t).toMatch(/Decisions\nItem 3\.1: The rules of procedure were adopted by consensus\./);
    expect(t).toMatch(/Next steps\nItem 3\.2: The AI Office will circulate a note on the threshold options\./);
    for (const s of [SECRET_1, SECRET_2, WITHHELD_TEXT, 'Camille Laurent', CONFIDENTIAL_BANNER]) expect(t).not.toContain(s);
    expect(visibleText(part(bytes, 'word/header1.xml'))).not.toContain('CONFIDENTIAL');
  });

  it('omits withheld items that are not in the model', async () => {
    const doc = fixturePublicDocument();
    doc.sections = doc.sections.filter((s) => !s.withheld);
    const t = await text(buildPublicSummary(layoutPublicSummary(doc)));
    expect(t).not.toContain('Future discussion topics');
    expect(t).not.toContain('Not published');
  });
});

describe('participants', () => {
  it('lists who attended from the attendance: members by organisation, then observers, experts, AI Office, excused', async () => {
    const t = await text(builders.participants());
    expect(t).toContain('List of participants');
    expect(t).toContain('9 participants (6 in person, 3 remotely); 4 member organisations represented.');
    expect(t).toMatch(
      /Member organisations\nOrganisation\nRepresentatives\nAleph Alpha\nJonas Weber\nAnthropic\nSarah Okafor \(remote\)\nGoogle\nPieter de Vries\nMistral AI\nCamille Laurent\nHugo Martin \(remote\)\nObservers\n/,
    );
    expect(t).toMatch(/Observers\nName\nOrganisation\nAttendance\nJan Novák\nEuropean Parliament\nIn person\nExternal experts\n/);
    expect(t).toMatch(/External experts\nName\nOrganisation\nAttendance\nLena Fischer\nFraunhofer IAIS\nRemote\nAI Office\n/);
    expect(t).toMatch(/AI Office\nName\nOrganisation\nAttendance\nElena Marchetti\nAI Office\nIn person\nTomás Ruiz\nAI Office\nIn person\nExcused\n/);
    expect(t).toMatch(/Excused\nName\nOrganisation\nAnna Kowalska\nMicrosoft\n$/);
    expect(t).not.toContain('Maria Fernández'); // absent: not listed
    expect(t).not.toContain('OpenAI'); // no one of OpenAI attended
    expect(t).not.toContain('@example.org'); // e-mail addresses are not listed
  });
});

describe('redaction record', () => {
  it('lists every flag with reason, note, who, when, excerpt, section; and the withheld items', async () => {
    const t = await text(builders.redaction_record());
    expect(t).toContain('Flagged passages (3)');
    expect(t).toMatch(/Flag 1 — Commercially sensitive \(in force\)\nSection\n3\.2 Majority threshold for inviting external experts\nReason\nCommercially sensitive\nNote\nPosition not yet public\nFlagged by\nElena Marchetti\nFlagged at\n30 January 2026, 11:41/);
    expect(t).toContain(`Excerpt\n${SECRET_1}`);
    expect(t).toMatch(/Flag 3 — Personal data \(lifted\)[\s\S]*Lifted at\n30 January 2026, 14:10/);
    expect(t).toMatch(/Withheld agenda items\n5\. Future discussion topics/);
  });
});

describe('house style and hygiene of every document', () => {
  for (const [kind, build] of Object.entries(builders)) {
    it(`${kind}: A4, logo and body name in the header, Page X of Y, clean properties, deterministic`, async () => {
      const bytes = await build();
      const all = parts(bytes);
      const doc = part(bytes, 'word/document.xml');
      expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(visibleText(part(bytes, 'word/header1.xml'))).toContain(BODY);
      expect(part(bytes, 'word/header1.xml')).toContain('<a:blip r:embed=');
      const footer = part(bytes, 'word/footer1.xml');
      expect(visibleText(footer)).toContain('Page 1 of 1'); // cached results; readers recompute them when they lay out
      expect([...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim())).toEqual(['PAGE', 'NUMPAGES']);
      // Fields anywhere else: none.
      const everything = Object.entries(all).filter(([n]) => n.endsWith('.xml') && n !== 'word/footer1.xml');
      for (const [n, b] of everything) expect(Buffer.from(b).toString('utf8'), n).not.toMatch(/<w:instrText|<w:fldSimple/);
      const core = part(bytes, 'docProps/core.xml');
      expect(core).toContain(`<dc:creator>${BODY}</dc:creator>`);
      expect(core).toContain(`<cp:lastModifiedBy>${BODY}</cp:lastModifiedBy>`);
      expect(core).toContain('<cp:revision>1</cp:revision>');
      expect(core).toMatch(/<dc:title>Constitutive meeting of the Signatory Taskforce – [a-z ]+<\/dc:title>/);
      expect(core).toContain('>2026-01-30T00:00:00Z</dcterms:created>');
      expect(core).toContain('>2026-01-30T00:00:00Z</dcterms:modified>');
      expect(core).not.toMatch(/<cp:keywords|<dc:subject|<dc:description/);
      expect(all['docProps/custom.xml']).toBeUndefined();
      expect(Object.keys(all).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
      expect(Buffer.from(all[Object.keys(all).find((n) => n.startsWith('word/media/'))!]!).toString('base64')).toBe(LOGO_PNG_BASE64);
      // Structural hygiene, judged by the redaction check itself (no passages): known parts, no hidden text, etc.
      expect(checkPublicDocx(bytes, { passages: [] })).toEqual({ ok: true });
      // Deterministic: the same input gives the same bytes.
      expect(Buffer.from(await build()).equals(Buffer.from(bytes))).toBe(true);
    });
  }

  it('writes dates the house way', () => {
    expect(longDate('2026-01-30')).toBe('30 January 2026');
    expect(longDate('2026-12-01T09:00')).toBe('1 December 2026');
  });

  it('resources/logo.png is the logo the documents embed', () => {
    const file = fs.readFileSync(path.resolve(__dirname, '../../resources/logo.png'));
    expect(file.toString('base64')).toBe(LOGO_PNG_BASE64);
  });

  it('the meeting fixture is dated 30 January 2026', () => {
    expect(FIXTURE_MEETING.startsAt).toBe('2026-01-30T10:00');
  });
});
