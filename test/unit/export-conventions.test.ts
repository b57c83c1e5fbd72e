import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../electron/backend/export/build-agenda';
import { buildInternalMinutes, movements } from '../../electron/backend/export/build-internal-minutes';
import { buildParticipants } from '../../electron/backend/export/build-participants';
import { buildRedactionRecord } from '../../electron/backend/export/build-redaction-record';
import { conventionsOf, documentReference, draftMarking, isDraft, issueLine } from '../../electron/backend/export/conventions';
import { instantInZone, localToInstant, longDate, meetingLocalInZone, timeInZone } from '../../shared/format/zoned';
import { participantGroups } from '../../electron/backend/export/participants-model';
import { withZonedTimestamps } from '../../shared/format/timestamps';
import type { ExportData } from '../../electron/backend/export/types';
import { doc, FIXTURE_ATTENDANCE, fixtureExportData, p, t, ts } from '../fixtures/export-data';
import { part, visibleText } from './export-docx-helpers';

const text = (bytes: Uint8Array, name = 'word/document.xml') => visibleText(part(bytes, name));
const withMinutes = (status: 'draft' | 'circulated' | 'approved', version = 1): ExportData => ({ ...fixtureExportData(), minutes: { status, version } });

describe('participants from the attendance', () => {
  const g = participantGroups(FIXTURE_ATTENDANCE);

  it('lists members present by organisation, then observers, experts, AI Office staff, then the excused; never the absent', () => {
    expect(g.members).toEqual([
      { organisation: 'Aleph Alpha', people: [{ name: 'Jonas Weber', organisation: 'Aleph Alpha', remote: false }] },
      { organisation: 'Anthropic', people: [{ name: 'Sarah Okafor', organisation: 'Anthropic', remote: true }] },
      { organisation: 'Google', people: [{ name: 'Pieter de Vries', organisation: 'Google', remote: false }] },
      {
        organisation: 'Mistral AI',
        people: [
          { name: 'Camille Laurent', organisation: 'Mistral AI', remote: false },
          { name: 'Hugo Martin', organisation: 'Mistral AI', remote: true },
        ],
      },
    ]);
    expect(g.observers.map((x) => x.name)).toEqual(['Jan Novák']);
    expect(g.experts.map((x) => x.name)).toEqual(['Lena Fischer']);
    // a representative of a non-member organisation that is the AI Office goes with its staff
    expect(g.aiOffice.map((x) => x.name)).toEqual(['Elena Marchetti', 'Tomás Ruiz']);
    expect(g.excused.map((x) => x.name)).toEqual(['Anna Kowalska']);
    const everyone = [...g.members.flatMap((m) => m.people), ...g.observers, ...g.experts, ...g.aiOffice, ...g.excused].map((x) => x.name);
    expect(everyone).not.toContain('Maria Fernández'); // absent
    expect(g.counts).toEqual({ inPerson: 6, remote: 3, organisations: 4 });
  });

  it('a representative of another non-member organisation is listed with the observers; a departure still counts as attended', () => {
    const x = participantGroups([
      { name: 'A', organisation: 'Standards body', category: 'representative', member: false, status: 'in_person' },
      { name: 'B', organisation: 'Member Co', category: 'representative', status: 'remote', events: [{ kind: 'leave', at: '2026-01-30T10:00:00Z' }] },
    ]);
    expect(x.observers.map((o) => o.name)).toEqual(['A']);
    expect(x.members).toEqual([{ organisation: 'Member Co', people: [{ name: 'B', organisation: 'Member Co', remote: true }] }]);
  });

  it('nobody attended: says so', async () => {
    const t0 = text(await buildParticipants({ ...fixtureExportData(), attendance: [] }));
    expect(t0).toContain('No attendance was recorded for this meeting.');
    expect(t0).toContain('No member organisation was represented.');
    expect(t0).not.toMatch(/Observers|Excused/);
  });

  it('arrivals and departures, in the body’s zone', () => {
    const events = [
      { kind: 'arrive' as const, at: '2026-01-30T09:05:00Z' },
      { kind: 'leave' as const, at: '2026-01-30T10:15:00Z' },
      { kind: 'arrive' as const, at: '2026-01-30T11:00:00Z' },
    ];
    const entry = { name: 'X', organisation: 'Y', category: 'representative', status: 'in_person', events };
    expect(movements(entry, 'Europe/Brussels')).toBe('arrived 10:05, left 11:15, arrived 12:00');
    expect(movements(entry, 'Europe/London')).toBe('arrived 09:05, left 10:15, arrived 11:00');
    expect(movements({ ...entry, events: [] }, 'Europe/Brussels')).toBe('');
  });
});

describe('draft marking', () => {
  it('is on every page (header) and under the title of every document built from minutes that are not approved', async () => {
    for (const status of ['draft', 'circulated'] as const) {
      const data = withMinutes(status, 2);
      const marking = `DRAFT — minutes not approved (version 2, ${status === 'draft' ? 'draft' : 'circulated for comments'})`;
      for (const build of [buildInternalMinutes, buildParticipants, buildRedactionRecord]) {
        const bytes = await build(data);
        expect(text(bytes, 'word/header1.xml'), `${build.name} ${status}`).toContain(marking);
        expect(text(bytes), `${build.name} ${status}`).toContain(marking);
        // one default header for the one section: on every page
        expect(part(bytes, 'word/document.xml').match(/<w:headerReference /g)).toHaveLength(1);
      }
    }
  });

  it('is absent once the minutes are approved, and never on the agenda', async () => {
    const approved = withMinutes('approved', 3);
    for (const build of [buildInternalMinutes, buildParticipants, buildRedactionRecord, buildAgenda]) {
      const bytes = await build(approved);
      expect(text(bytes, 'word/header1.xml') + text(bytes)).not.toContain('DRAFT');
    }
    expect(text(await buildAgenda(withMinutes('draft')))).not.toContain('DRAFT');
    expect(text(await buildInternalMinutes(approved))).toContain('Version 3 · Status: Approved');
  });

  it('fails closed: unknown minutes status is a draft', () => {
    expect(isDraft(undefined)).toBe(true);
    expect(draftMarking(undefined)).toBe('DRAFT — minutes not approved');
    expect(isDraft({ status: 'approved' })).toBe(false);
  });
});

describe('internal marking', () => {
  it('reads "Internal — not for publication" (not an EU classification level), in the header and in the body', async () => {
    for (const build of [buildInternalMinutes, buildRedactionRecord]) {
      const bytes = await build(fixtureExportData());
      expect(text(bytes, 'word/header1.xml')).toContain('Internal — not for publication');
      expect(text(bytes)).toContain('Internal — not for publication');
      expect(text(bytes, 'word/header1.xml') + text(bytes)).not.toMatch(/CONFIDENTIAL/);
    }
    for (const build of [buildAgenda, buildParticipants]) expect(text(await build(fixtureExportData()), 'word/header1.xml')).not.toContain('Internal');
  });

  it('is the body’s own wording when it sets one', async () => {
    const data = { ...fixtureExportData(), body: { name: 'B', chair: 'C', internalMarking: 'Limited distribution' } };
    const bytes = await buildInternalMinutes(data);
    expect(text(bytes, 'word/header1.xml')).toContain('Limited distribution');
    expect(text(bytes)).toContain('Limited distribution');
  });
});

describe('one time zone, one date style', () => {
  it('dates: Intl, British English, day month year', () => {
    expect(longDate('2026-01-30')).toBe('30 January 2026');
    expect(longDate('2026-12-01T09:00')).toBe('1 December 2026');
    expect(instantInZone('2026-01-30T10:41:00.000Z', 'Europe/Brussels')).toBe('30 January 2026, 11:41');
    expect(instantInZone('2026-07-01T10:41:00.000Z', 'Europe/Brussels')).toBe('1 July 2026, 12:41'); // summer time
    expect(instantInZone('2026-01-30T23:30:00.000Z', 'Europe/Brussels')).toBe('31 January 2026, 00:30'); // next day there
    expect(instantInZone('2026-01-30T10:41:00.000Z', 'No/Such_Zone')).toBe('30 January 2026, 11:41'); // unknown: the default zone
  });

  it('local times of the meeting convert to the body’s zone, across a change of summer time', () => {
    expect(localToInstant('2026-01-30T10:00', 'Europe/Brussels')!.toISOString()).toBe('2026-01-30T09:00:00.000Z');
    expect(localToInstant('2026-03-29T10:00', 'Europe/Brussels')!.toISOString()).toBe('2026-03-29T08:00:00.000Z'); // the day clocks go forward
    expect(meetingLocalInZone('2026-01-30T10:00', 'Europe/Brussels', 'Europe/Brussels')).toEqual({ date: '30 January 2026', time: '10:00', isoDate: '2026-01-30' });
    expect(meetingLocalInZone('2026-01-30T10:00', 'America/New_York', 'Europe/Brussels')).toEqual({ date: '30 January 2026', time: '16:00', isoDate: '2026-01-30' });
    expect(meetingLocalInZone('2026-01-30T20:00', 'America/New_York', 'Europe/Brussels')).toEqual({ date: '31 January 2026', time: '02:00', isoDate: '2026-01-31' });
  });

  it('inline timestamps print the instant they carry in the body’s zone, not the typing computer’s clock', () => {
    const d = doc(p(ts('[03:02]', '2026-01-30T09:02:00Z'), t(' Opened.'), ts('[bad]', 'not a date')));
    const out = withZonedTimestamps(d, 'Europe/Brussels');
    const kids = (out.root.children[0] as { children: Array<{ text?: string }> }).children;
    expect(kids.map((k) => k.text)).toEqual(['[10:02]', ' Opened.', '[bad]']);
    expect(timeInZone('2026-01-30T09:02:00Z', 'Asia/Tokyo')).toBe('18:02');
    // the stored document is not changed
    expect((d.root.children[0] as { children: Array<{ text?: string }> }).children[0]!.text).toBe('[03:02]');
  });

  it('every time a document prints is in the body’s zone', async () => {
    const data = { ...fixtureExportData(), body: { name: 'B', chair: 'C', timeZone: 'Europe/London' } };
    data.sections = { ...data.sections, opening: doc(p(ts('[03:02]', '2026-01-30T09:02:00Z'), t(' Opened.'))) };
    const minutes = text(await buildInternalMinutes(data));
    expect(minutes).toContain('30 January 2026, 09:00–12:00 (Europe/London)'); // the meeting is 10:00–13:00 Brussels time
    expect(minutes).toContain('[09:02] Opened.');
    expect(minutes).toContain('Pieter de Vries\nGoogle\nRepresentative\nIn person\narrived 09:05, left 10:15');
    const record = text(await buildRedactionRecord(data));
    expect(record).toContain('Flagged at\n30 January 2026, 10:41');
    const agenda = text(await buildAgenda(data));
    expect(agenda).toContain('1. Opening and welcome\n09:00 · 10 min');
  });
});

describe('reference and place and date of issue', () => {
  const c = conventionsOf({ name: 'B', chair: 'C' });
  it('defaults: AIO/SIGTF, Brussels, Europe/Brussels, en-GB', () => {
    expect(c).toMatchObject({ referencePrefix: 'AIO/SIGTF', placeOfIssue: 'Brussels', timeZone: 'Europe/Brussels', language: 'en-GB', internalMarking: 'Internal — not for publication' });
    expect(documentReference(c, { startsAt: '2026-01-30T10:00', sequence: 3 }, 'public_summary')).toBe('AIO/SIGTF/2026/03/PS');
    expect(documentReference({ ...c, referencePrefix: '' }, { startsAt: '2026-01-30T10:00', sequence: 3 }, 'agenda')).toBe('');
    // issued at 23:30 UTC on 31 January: already 1 February in Brussels
    expect(issueLine(c, '2026-01-31T23:30:00Z', { startsAt: '2026-01-30T10:00', timeZone: 'Europe/Brussels' })).toBe('Brussels, 1 February 2026');
  });

  it('every document starts with the place and date of issue and carries its reference', async () => {
    const data = fixtureExportData();
    for (const [build, code] of [[buildAgenda, 'AG'], [buildInternalMinutes, 'MIN'], [buildParticipants, 'LP'], [buildRedactionRecord, 'RR']] as const) {
      const bytes = await build(data);
      expect(text(bytes)).toMatch(/^Brussels, 3 February 2026\n/);
      expect(text(bytes)).toContain(`Reference: AIO/SIGTF/2026/01/${code}`);
      expect(text(bytes, 'word/header1.xml')).toContain(`AIO/SIGTF/2026/01/${code}`);
      expect(text(bytes)).toContain('Chair: AI Office');
    }
  });
});

describe('Word compatibility and layout rules in the parts', () => {
  it('line rules explicit, w:lang, font table entries, fixed tables, cached field results', async () => {
    for (const build of [buildAgenda, buildInternalMinutes, buildParticipants, buildRedactionRecord]) {
      const bytes = await build(fixtureExportData());
      const styles = part(bytes, 'word/styles.xml');
      for (const m of styles.matchAll(/<w:spacing [^>]*w:line="[^"]*"[^>]*\/>/g)) expect(m[0]).toContain('w:lineRule="auto"');
      expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:lang w:val="en-GB"\/>/);
      const fonts = part(bytes, 'word/fontTable.xml');
      expect(fonts).toContain('<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/>');
      expect(fonts).toContain('<w:font w:name="Courier New">');
      const xml = part(bytes, 'word/document.xml');
      for (const tbl of xml.matchAll(/<w:tblPr>([\s\S]*?)<\/w:tblPr>/g)) expect(tbl[1]).toContain('<w:tblLayout w:type="fixed"/>');
      expect(part(bytes, 'word/footer1.xml')).toMatch(/<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t>1<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/>/);
    }
  });

  it('redaction record: a flag’s table keeps together, but its last row never keeps with what follows', async () => {
    const xml = part(await buildRedactionRecord(fixtureExportData()), 'word/document.xml');
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables).toHaveLength(3);
    for (const tbl of tables) {
      const rows = [...tbl.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
      rows.slice(0, -1).forEach((r) => expect(r).toContain('<w:keepNext/>'));
      expect(rows.at(-1)).not.toContain('<w:keepNext/>');
    }
  });

  it('agenda items are headings below "Agenda": 2 for items, 3 for sub-items', async () => {
    const xml = part(await buildAgenda(fixtureExportData()), 'word/document.xml');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]{0,200}>Agenda</);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]{0,300}>1\. Opening and welcome</);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]{0,300}>3\.1 Adoption of the rules of procedure by consensus</);
  });

  it('"No passage is flagged" when there is none; "One passage is" for one', async () => {
    expect(text(await buildInternalMinutes({ ...fixtureExportData(), flags: [] }))).toContain('No passage is flagged as confidential.');
    const one = fixtureExportData();
    one.flags = one.flags.slice(0, 1);
    expect(text(await buildInternalMinutes(one))).toContain('One passage is flagged as confidential: it is shaded');
  });
});
