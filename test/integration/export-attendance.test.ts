import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { Organisation } from '../../shared/domain/members';
import { call, makeBackend } from '../helpers/temp';
import { visibleText } from '../unit/export-docx-helpers';

/**
 * The list of participants and the internal minutes' attendance, end to end on a real SQLite file through the
 * contract: built from the meeting's attendance as recorded, never from the roster, and unchanged by roster changes
 * made afterwards. The body's conventions (body.update) reach the documents.
 */
const xml = (r: ExportResult, part = 'word/document.xml') => strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))[part]!);
const text = (r: ExportResult, part?: string) => visibleText(xml(r, part));
/** The document's text without its first line ("Brussels, <date of issue>", which moves with the clock). */
const withoutIssueDate = (t: string) => t.replace(/^Brussels, .*\n/, '');

describe('participants from the attendance, through the contract', () => {
  it('lists who attended, with departures, and does not change when the roster changes afterwards', async () => {
    const b = makeBackend();
    const detail = await call<MeetingDetail>(b, 'example.load', {});
    const meetingId = detail.meeting.id;
    const orgs = await call<Organisation[]>(b, 'members.list', {});
    const rep = (org: string, i = 0) => orgs.find((o) => o.name === org)!.representatives[i]!;

    await call(b, 'attendance.arrive', { meetingId, representativeId: rep('Mistral AI', 0).id });
    await call(b, 'attendance.set', { meetingId, representativeId: rep('Mistral AI', 1).id, status: 'remote' });
    await call(b, 'attendance.arrive', { meetingId, representativeId: rep('Google').id });
    await call(b, 'attendance.leave', { meetingId, representativeId: rep('Google').id });
    await call(b, 'attendance.set', { meetingId, representativeId: rep('Microsoft').id, status: 'excused' });
    await call(b, 'attendance.set', { meetingId, representativeId: rep('OpenAI').id, status: 'absent' });
    await call(b, 'attendance.set', { meetingId, representativeId: rep('AI Office').id, status: 'in_person' });
    await call(b, 'attendance.addPerson', { meetingId, category: 'observer', name: 'Jan Novák', organisation: 'European Parliament' });
    await call(b, 'attendance.addPerson', { meetingId, category: 'external_expert', name: 'Lena Fischer', organisation: 'Fraunhofer IAIS', status: 'remote' });
    await call(b, 'attendance.addPerson', { meetingId, category: 'ai_office_staff', name: 'Tomás Ruiz', organisation: 'AI Office' });

    const before = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'participants' });
    const t = text(before);
    expect(t).toContain('7 participants (5 in person, 2 remotely); 2 member organisations represented.');
    expect(t).toMatch(/Member organisations\nOrganisation\nRepresentatives\nGoogle\nPieter de Vries\nMistral AI\nCamille Laurent\nHugo Martin \(remote\)\nObservers\n/);
    expect(t).toMatch(/Observers\n[\s\S]*Jan Novák\nEuropean Parliament\nIn person\nExternal experts\n[\s\S]*Lena Fischer\nFraunhofer IAIS\nRemote\nAI Office\n/);
    expect(t).toMatch(/AI Office\nName\nOrganisation\nAttendance\nElena Marchetti\nAI Office\nIn person\nTomás Ruiz\nAI Office\nIn person\nExcused\n/);
    expect(t).toMatch(/Excused\nName\nOrganisation\nAnna Kowalska\nMicrosoft\n$/);
    for (const notThere of ['Maria Fernández', 'OpenAI', 'Aleph Alpha', 'Anthropic', 'Jonas Weber']) expect(t).not.toContain(notThere); // absent, or no part in it

    // the internal minutes carry the times (the test clock runs from 09:00Z: 10:00 in Brussels)
    const minutes = text(await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'internal_minutes' }));
    expect(minutes).toMatch(/Pieter de Vries\nGoogle\nRepresentative\nIn person\narrived 10:00, left 10:00\n/);
    expect(minutes).toMatch(/Camille Laurent\nMistral AI\nRepresentative\nIn person\narrived 10:00\n/);

    // The roster changes after the meeting: renamed, removed, a new member with a representative.
    const { id, email, role } = rep('Mistral AI', 0);
    await call(b, 'representatives.update', { id, email, role, name: 'Someone Else' });
    await call(b, 'organisations.update', { id: orgs.find((o) => o.name === 'Google')!.id, name: 'Alphabet', shortName: 'Alphabet', isMember: true });
    await call(b, 'representatives.delete', { id: rep('Mistral AI', 1).id });
    const added = await call<Organisation>(b, 'organisations.create', { name: 'Newcomer AI', shortName: 'Newcomer', isMember: true });
    await call(b, 'representatives.create', { organisationId: added.id, name: 'New Person', email: '', role: '' });

    const after = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'participants' });
    expect(withoutIssueDate(text(after))).toBe(withoutIssueDate(t));
  });

  it('uses the body’s conventions: reference, place of issue, time zone, internal marking', async () => {
    const b = makeBackend();
    const detail = await call<MeetingDetail>(b, 'example.load', {});
    const meetingId = detail.meeting.id;
    const body = await call<{ name: string; chair: string; referencePrefix: string; timeZone: string }>(b, 'body.get', {});
    expect(body).toMatchObject({ referencePrefix: 'AIO/SIGTF', placeOfIssue: 'Brussels', timeZone: 'Europe/Brussels', language: 'en-GB', internalMarking: 'Internal — not for publication' });

    const bad = await b.dispatch('body.update', { name: body.name, chair: body.chair, timeZone: 'Mars/Olympus' });
    expect(bad.ok === false && bad.error.code).toBe('bad_request');

    await call(b, 'body.update', { name: body.name, chair: 'Head of Unit A.2', referencePrefix: 'CNECT/A2', placeOfIssue: 'Luxembourg', timeZone: 'Europe/Lisbon', language: 'en-IE', internalMarking: 'For internal use only' });
    const r = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'internal_minutes' });
    const t = text(r);
    expect(t).toMatch(/^Luxembourg, 30 January 2026\n/); // date of issue in the body's zone (test clock: 2026-01-30)
    expect(t).toContain('30 January 2026, 09:00–12:00 (Europe/Lisbon)'); // the meeting's Brussels times, in Lisbon time
    expect(t).toContain('Chair: Head of Unit A.2');
    expect(t).toContain(`Reference: CNECT/A2/2026/${String(detail.meeting.sequence).padStart(2, '0')}/MIN`);
    expect(t).toContain('For internal use only');
    expect(text(r, 'word/header1.xml')).toContain('For internal use only');
    expect(xml(r, 'word/styles.xml')).toContain('<w:lang w:val="en-IE"/>');
  });
});
