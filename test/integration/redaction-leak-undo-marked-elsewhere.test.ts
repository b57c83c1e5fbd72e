import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { ExportService, publicSummaryOf } from '../../electron/backend/services/export-service';

/**
 * A flagged passage copied with its mark into another item keeps its flag id; the record follows the mark saved last.
 * An undo there ("Flag lifted — Redo to restore") retired the record, though its mark still stood in the first item:
 * from then on nothing guarded that mark's passage, and once the mark was lost (a paste as plain text, a revision
 * restored) the passage was published with no blocker. Found by the fourth audit (2026-12-05). An undo lifts the flag
 * only where it was undone: a record marked in another section stays in force, kept for that section.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros';
type B = ReturnType<typeof makeBackend>;
const save = (b: B, m: string, sectionKey: string, content: SerializedDoc, liftedByUndo?: string[]) =>
  call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content, ...(liftedByUndo ? { liftedByUndo } : {}) });

describe('Redaction: an undo in one item does not lift a flag still marked in another', () => {
  it('the mark kept in the first item guards its passage after the undo, and when it is lost later', async () => {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'P', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
    await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'One' });
    const [a, c] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Two' });
    await save(b, m, a!.id, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await save(b, m, c!.id, doc(p(t('Recalled: '), flag(['F1'], t(SECRET)), t('.'))));
    await save(b, m, c!.id, doc(p(t('Recalled: nothing.'))), ['F1']);
    const f1 = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags.find((f) => f.id === 'F1')!;
    expect({ retired: f1.retiredReason, section: f1.sectionKey }).toEqual({ retired: null, section: a!.id });
    // The mark lost later (pasted over as plain text): the flag is in force with its mark missing, and blocks.
    await save(b, m, a!.id, doc(p(t(`Reported: ${SECRET}.`))));
    const data = new ExportService(b.ctx, b.services.meetings, b.services.members).gather(m);
    expect(publicSummaryOf(data).blockers.map((x) => x.kind)).toEqual(['mark_missing']);
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    if (res.ok) {
      const xml = strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!);
      expect(normaliseForMatch(visibleText(xml))).not.toContain(normaliseForMatch(SECRET));
    }
    expect(res.ok).toBe(false);
  });
});
