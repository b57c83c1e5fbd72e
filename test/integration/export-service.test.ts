import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportRecord, ExportResult } from '../../shared/contract/exports';
import { AttendanceRepo } from '../../electron/backend/repositories/attendance-repo';
import { FlagsRepo } from '../../electron/backend/repositories/flags-repo';
import { MeetingsRepo } from '../../electron/backend/repositories/meetings-repo';
import { MinutesRepo } from '../../electron/backend/repositories/minutes-repo';
import type { Backend } from '../../electron/backend/backend';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { visibleText } from '../unit/export-docx-helpers';

const SECRET = 'the provider will withdraw its signature if the threshold is lowered';

/** The example meeting with minutes in two items, one flag in force, one representative present. */
async function seeded(b: Backend, opts: { leakElsewhere?: boolean } = {}) {
  const detail = await call<MeetingDetail>(b, 'example.load', {});
  const m = detail.meeting.id;
  const [first, , third] = detail.agenda;
  const minutes = new MinutesRepo(b.db);
  minutes.ensure(m, '2026-01-30T10:00:00Z');
  const write = (key: string, content: object) => minutes.write(m, key, JSON.stringify(content), '', '2026-01-30T10:00:00Z');
  write(first!.id, doc(p(t('The chair welcomed the members. '), flag(['F1'], t(SECRET)), t(' Then the meeting went on.'))));
  // The same sentence typed again without a flag: a leak the redaction cannot see, the check must.
  write(third!.id, doc(p(t(opts.leakElsewhere ? `As said before, ${SECRET}.` : 'The rules were discussed.'))));
  new FlagsRepo(b.db).insert({
    id: 'F1',
    meetingId: m,
    sectionKey: first!.id,
    reason: 'commercially_confidential',
    note: 'said in confidence',
    createdBy: 'secretary',
    createdAt: '2026-01-30T10:05:00.000Z',
    updatedAt: '2026-01-30T10:05:00.000Z',
    retiredAt: null,
    retiredReason: null,
    retiredBy: '',
    unmarkedSince: null,
    excerpt: SECRET,
  });
  const org = (await call<Array<{ id: string; name: string; representatives: Array<{ id: string; name: string }> }>>(b, 'members.list', {})).find((o) => o.name === 'Mistral AI')!;
  new AttendanceRepo(b.db).insert(
    { id: 'P1', meetingId: m, category: 'representative', representativeId: org.representatives[0]!.id, organisationId: org.id, name: '', organisation: '', status: 'in_person' },
    '2026-01-30T10:00:00Z',
  );
  return { meetingId: m, detail };
}

const documentText = (r: ExportResult) => visibleText(strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))['word/document.xml']!));

describe('exports.create / exports.history', () => {
  it('produces all five documents, checks the three public ones (summary, agenda, participants), and records each', async () => {
    const b = makeBackend();
    const { meetingId } = await seeded(b);
    const kinds = ['agenda', 'internal_minutes', 'public_summary', 'participants', 'redaction_record'] as const;
    const results: Record<string, ExportResult> = {};
    // The minutes are a draft: the public summary needs the officer's confirmation (see the test below).
    for (const kind of kinds) results[kind] = await call<ExportResult>(b, 'exports.create', { meetingId, kind, ...(kind === 'public_summary' ? { confirmDraft: true } : {}) });

    expect(results.public_summary!.fileName).toBe('2026-01-30 Constitutive meeting of the Signatory Taskforce – public summary.docx');
    expect(results.public_summary!.check).toEqual({ applied: true, passed: true, findings: [] });
    // The agenda is circulated to every member organisation, the list of participants is public: checked too.
    expect(results.agenda!.check).toEqual({ applied: true, passed: true, findings: [] });
    expect(results.participants!.check).toEqual({ applied: true, passed: true, findings: [] });
    expect(results.redaction_record!.check).toEqual({ applied: false, passed: true });

    const pub = documentText(results.public_summary!);
    expect(pub).toContain('The chair welcomed the members. […] Then the meeting went on.');
    expect(pub).not.toContain(SECRET);
    expect(pub).toContain('Mistral AI'); // took part
    expect(documentText(results.internal_minutes!)).toContain(SECRET);
    expect(documentText(results.redaction_record!)).toContain('said in confidence');
    expect(documentText(results.agenda!)).toContain('3.1 Adoption of the rules of procedure by consensus');

    const history = await call<ExportRecord[]>(b, 'exports.history', { meetingId });
    expect(history).toHaveLength(5);
    expect(history.map((h) => h.kind).sort()).toEqual([...kinds].sort());
    expect(history.find((h) => h.kind === 'public_summary')!.checkPassed).toBe(true);
    expect(history.find((h) => h.kind === 'agenda')!.checkPassed).toBe(true);
    expect(history.find((h) => h.kind === 'participants')!.checkPassed).toBe(true);
    expect(history.find((h) => h.kind === 'internal_minutes')!.checkPassed).toBeNull();
    for (const h of history) expect(h.sha256).toMatch(/^[0-9a-f]{64}$/);
    const events = new MeetingsRepo(b.db).events(meetingId).filter((e) => e.kind === 'exported');
    expect(events).toHaveLength(5);

    // Exporting the minutes kept a revision of each section "before export" (once: unchanged text is not kept twice).
    for (const key of [(await call<MeetingDetail>(b, 'meetings.get', { id: meetingId })).agenda[0]!.id]) {
      const revisions = await call<Array<{ reason: string }>>(b, 'minutes.revisions', { meetingId, sectionKey: key });
      expect(revisions.filter((r) => r.reason === 'export')).toHaveLength(1);
    }
  });

  it('refuses a public summary that would leak a flagged passage: leak_detected, no bytes, blocked attempt recorded', async () => {
    const b = makeBackend();
    const { meetingId } = await seeded(b, { leakElsewhere: true });
    const r = await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('leak_detected');
    // The passage is named by its words (cut at 60 characters), never by its record's id.
    expect(r.error.message).toContain('the passage “the provider will withdraw its signature if the threshold i…” flagged');
    expect(r.error.message).not.toContain('F1');
    expect(r.error.message).toMatch(/word\/document\.xml/);
    expect(JSON.stringify(r)).not.toContain('bytesBase64');
    const details = r.error.details as { findings: Array<{ passageId: string; part: string }> };
    expect(details.findings.some((f) => f.passageId === 'F1' && f.part === 'word/document.xml')).toBe(true);
    const history = await call<ExportRecord[]>(b, 'exports.history', { meetingId });
    expect(history).toHaveLength(1);
    expect(history[0]!.checkPassed).toBe(false);
    expect(new MeetingsRepo(b.db).events(meetingId).some((e) => e.kind === 'export_blocked')).toBe(true);
  });

  it('a public summary of minutes that are not approved: refused until confirmed, then marked DRAFT on every page; none once approved', async () => {
    const b = makeBackend();
    const { meetingId } = await seeded(b);
    const refused = await b.dispatch('exports.create', { meetingId, kind: 'public_summary' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('invalid_transition');
    expect(refused.error.message).toMatch(/not approved yet \(version 1, draft\).*Confirm/);
    expect(refused.error.details).toEqual({ needsConfirmation: 'draft', minutesStatus: 'draft', version: 1 });
    expect(await call<ExportRecord[]>(b, 'exports.history', { meetingId })).toHaveLength(0); // nothing built, nothing recorded

    const draft = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
    const part = (r: ExportResult, name: string) => visibleText(strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))[name]!));
    expect(part(draft, 'word/header1.xml')).toContain('DRAFT — minutes not approved (version 1, draft)');
    expect(part(draft, 'word/document.xml')).toContain('DRAFT — minutes not approved (version 1, draft)');

    await call(b, 'minutes.setStatus', { meetingId, status: 'circulated' });
    await call(b, 'minutes.setStatus', { meetingId, status: 'approved' });
    const approved = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary' }); // no confirmation needed
    expect(part(approved, 'word/header1.xml') + part(approved, 'word/document.xml')).not.toContain('DRAFT');
  });

  it('rejects unknown kinds and meetings clearly', async () => {
    const b = makeBackend();
    const bad = await b.dispatch('exports.create', { meetingId: 'nope', kind: 'memo' });
    expect(bad.ok === false && bad.error.code).toBe('bad_request');
    const missing = await b.dispatch('exports.create', { meetingId: 'nope', kind: 'agenda' });
    expect(missing.ok === false && missing.error.code).toBe('not_found');
  });
});
