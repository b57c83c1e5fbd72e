import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, makeBackend } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';

const SECRET = 'Withheld discussion of the merger between Alpha and Beta';

describe('Redaction: a sub-item withheld with its parent, restored from the trash after the parent is gone', () => {
  it('must not publish the sub-item minutes', async () => {
    const b = makeBackend();
    const detail = await call<MeetingDetail>(b, 'meetings.create', {
      title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00',
      timeZone: 'Europe/Brussels',
    });
    const m = detail.meeting.id;
    let agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Withheld parent', forPublication: false });
    const parent = agenda.find((a) => a.title === 'Withheld parent')!;
    agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Child item', parentId: parent.id });
    const child = agenda.find((a) => a.title === 'Child item')!;
    expect(child.forPublication).toBe(true); // withheld with its parent
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: child.id, content: doc(p(t(SECRET))) });

    // Baseline: the summary does not hold the child's minutes.
    const before = await call<ExportResult>(b, 'exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    const xml0 = strFromU8(unzipSync(Buffer.from(before.bytesBase64, 'base64'))['word/document.xml']!);
    expect(xml0).not.toContain(SECRET);

    // Child to the trash, then its parent; restore the child alone.
    await call(b, 'agenda.remove', { id: child.id });
    await call(b, 'agenda.remove', { id: parent.id });
    const entries = await call<Array<{ id: string; label: string }>>(b, 'trash.list', {});
    const entry = entries.find((e) => e.label.includes('Child item'))!;
    await call(b, 'trash.restore', { id: entry.id });
    // It comes back at the top level, withheld: whether it was withheld with its item can no longer be known.
    const restored = (await call<MeetingDetail>(b, 'meetings.get', { id: m })).agenda.find((a) => a.id === child.id)!;
    expect([restored.parentId, restored.forPublication]).toEqual([null, false]);

    const res = await call<ExportResult>(b, 'exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    const xml = strFromU8(unzipSync(Buffer.from(res.bytesBase64, 'base64'))['word/document.xml']!);
    expect(xml, 'the withheld sub-item minutes reached the public summary').not.toContain(SECRET);
  });
});
