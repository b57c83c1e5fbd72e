import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { Backend } from '../../electron/backend/backend';
import { AttendanceRepo } from '../../electron/backend/repositories/attendance-repo';
import { FlagsRepo } from '../../electron/backend/repositories/flags-repo';
import { MinutesRepo } from '../../electron/backend/repositories/minutes-repo';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

/**
 * A flag on text that the public summary prints whatever the flags say (an agenda item's title, an attending
 * organisation): the export is still refused (fail closed), and the officer is told where the text is printed and
 * what to change, through the whole path (exports.create → redaction check → leak_detected).
 */
async function meetingWithFlag(b: Backend, flagged: (detail: MeetingDetail) => string) {
  const detail = await call<MeetingDetail>(b, 'example.load', {});
  const m = detail.meeting.id;
  const first = detail.agenda[0]!;
  const text = flagged(detail);
  const minutes = new MinutesRepo(b.db);
  minutes.ensure(m, '2026-01-30T10:00:00Z');
  minutes.write(m, first.id, JSON.stringify(doc(p(t('We discussed '), flag(['F9'], t(text)), t(' at length.')))), '', '2026-01-30T10:00:00Z');
  new FlagsRepo(b.db).insert({
    id: 'F9',
    meetingId: m,
    sectionKey: first.id,
    reason: 'commercially_confidential',
    note: '',
    createdBy: 'secretary',
    createdAt: '2026-01-30T10:05:00.000Z',
    updatedAt: '2026-01-30T10:05:00.000Z',
    retiredAt: null,
    retiredReason: null,
    retiredBy: '',
    unmarkedSince: null,
    excerpt: text,
  });
  const org = (await call<Array<{ id: string; name: string; representatives: Array<{ id: string }> }>>(b, 'members.list', {})).find((o) => o.name === 'Mistral AI')!;
  new AttendanceRepo(b.db).insert(
    { id: 'P9', meetingId: m, category: 'representative', representativeId: org.representatives[0]!.id, organisationId: org.id, name: '', organisation: '', status: 'in_person' },
    '2026-01-30T10:00:00Z',
  );
  return { meetingId: m, text };
}

async function refusal(b: Backend, meetingId: string) {
  const r = await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
  expect(r.ok, 'a flag on printed text must still block the export').toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe('leak_detected');
  return r.error.message;
}

describe('exports.create: a flag on text the public summary prints anyway', () => {
  it('an agenda item title: refused, "printed in a heading", narrow the flag or rename the item', async () => {
    const b = makeBackend();
    const { meetingId, text } = await meetingWithFlag(b, (d) => d.agenda[0]!.title);
    const message = await refusal(b, meetingId);
    expect(message).toContain(`the passage “${text}” flagged`);
    expect(message).toMatch(/ is printed in a heading of the public summary/);
    expect(message).not.toContain('F9'); // never the record's id
    expect(message).toMatch(/change the flag to cover only the confidential words, or rename the agenda item/);
  });

  it('an attending organisation: refused, "printed in the list of participating organisations"', async () => {
    const b = makeBackend();
    const { meetingId } = await meetingWithFlag(b, () => 'Mistral AI');
    const message = await refusal(b, meetingId);
    expect(message).toContain('the passage “Mistral AI” flagged');
    expect(message).toContain('is printed in the list of participating organisations (“Mistral AI”)');
    expect(message).not.toContain('F9');
    expect(message).toMatch(/change the flag to cover only the confidential words/);
  });
});
