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
 * Restoring a revision taken before a passage was flagged: reflagged() first carries the current marks onto the
 * revision's words (carryFlags, a word diff), then applyFlags() marks each in-force flag's recorded text — but skips
 * every flag already marked anywhere. When the diff aligns a common short word of the flagged passage with the same
 * word elsewhere in the revision (the paragraphs were reordered since), the flag counts as "marked", the verbatim
 * passage in the revision is never marked, and the save's reconcile shrank the record's excerpt to that short word
 * (fifth audit). Now the reconcile keeps the recorded passage guarded while it stands in the section not all under
 * the mark: a record of its own, in force with its mark missing, so the preview and the export refuse.
 */
const SECRET = 'Acme will close its Lyon plant in March';
const CONTEXT = 'The chair opened the item and thanked the members for the written comments they sent';
type B = ReturnType<typeof makeBackend>;
const save = (b: B, m: string, sectionKey: string, content: SerializedDoc) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });

describe('Restore of a revision from before the flagging, paragraphs reordered since', () => {
  it('the confidential sentence in the restored text is flagged again, or the export is refused', async () => {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'P', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
    const [a] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'One' });
    const key = a!.id;
    // 1. Written first, kept as a revision (nothing flagged yet).
    await save(b, m, key, doc(p(t(`${SECRET}.`)), p(t(`${CONTEXT}.`)), p(t('Next meeting in May.'))));
    await call(b, 'minutes.snapshot', { meetingId: m, sectionKey: key, reason: 'manual' });
    const [rev] = await call<Array<{ id: string }>>(b, 'minutes.revisions', { meetingId: m, sectionKey: key });
    // 2. The officer moves the sentence below the chair's paragraph and flags it.
    await save(b, m, key, doc(p(t(`${CONTEXT}.`)), p(flag(['F1'], t(SECRET)), t('.'))));
    // 3. Restores the earlier revision. Its copy of the sentence must come back flagged (or the export refused).
    await call(b, 'minutes.restoreRevision', { id: rev!.id });
    const f1 = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags.find((f) => f.id === 'F1')!;
    const data = new ExportService(b.ctx, b.services.meetings, b.services.members).gather(m);
    const blockers = publicSummaryOf(data).blockers;
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    const text = res.ok ? visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!)) : '';
    expect(normaliseForMatch(text), `flag excerpt now "${f1.excerpt}", blockers ${blockers.length}`).not.toContain(normaliseForMatch(SECRET));
    expect(res.ok || blockers.length > 0).toBe(true);
  });
});
