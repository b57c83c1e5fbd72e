import { expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { ExportService, publicSummaryOf } from '../../electron/backend/services/export-service';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

/**
 * Shared by the tests of what the check and the preview find (short names, spelt-out letters, figures; not a test
 * itself): a meeting with two published items, a save, the exported public summary's body text or its refusal, and
 * the live preview's blockers (the same model the export builds).
 */
export type B = ReturnType<typeof makeBackend>;

/** "Second plenary" on `day` with two items: `a` ("Market developments") and `c` (`second`). */
export async function twoItems(b: B, day = '2026-02-03', second = 'Any other business') {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Second plenary', startsAt: `${day}T10:00`, endsAt: `${day}T12:00`, timeZone: 'Europe/Brussels' })).meeting.id;
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  const items = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: second });
  return { m, a: items[0]!.id, c: items[1]!.id };
}

export const save = (b: B, m: string, sectionKey: string, content: SerializedDoc) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });

/** The public summary's body text, or the refusal's message. */
export async function exportedBody(b: B, m: string): Promise<{ text: string } | { refused: string }> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
  if (!res.ok) return { refused: res.error.message };
  return { text: visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!)) };
}

export const previewBlockers = (b: B, m: string) => publicSummaryOf(new ExportService(b.ctx, b.services.meetings, b.services.members).gather(m)).blockers;

/**
 * `flagged` flagged in one item, `printed` typed unflagged in another (`second`): whether `shown` is in the exported
 * public summary, whether the preview blocks, whether the export refuses.
 */
export async function flaggedThenPrinted(flagged: string, printed: string, shown: string, second = 'Budget and work programme') {
  const b = makeBackend();
  const x = await twoItems(b, undefined, second);
  await save(b, x.m, x.a, doc(p(t('In confidence, the members were told of '), flag(['F1'], t(flagged)), t('.'))));
  await save(b, x.m, x.c, doc(p(t(printed))));
  const out = await exportedBody(b, x.m);
  return { inFile: 'text' in out && out.text.includes(shown), previewBlocks: previewBlockers(b, x.m).length > 0, exportRefuses: 'refused' in out };
}

/** What `flaggedThenPrinted` gives when the check does its work. */
export const REFUSED = { inFile: false, previewBlocks: true, exportRefuses: true };

/** What `flaggedThenPrinted` gives when the words are not the flagged passage: printed, and nothing stops. */
export const PUBLISHED = { inFile: true, previewBlocks: false, exportRefuses: false };

type Leaks = (flagged: string, printed: string, shown: string) => Promise<unknown>;

/** One test per case: flagged as in column 1, printed as in column 2 in another item, `shown` must not go out. */
export function itRefusesEach(cases: ReadonlyArray<readonly [flagged: string, printed: string, shown: string]>, leaks: Leaks): void {
  for (const [flagged, printed, shown] of cases)
    it(`flagged “${flagged}”, printed “${shown}”`, async () => {
      expect(await leaks(flagged, printed, shown)).toEqual(REFUSED);
    });
}

/** One test per control: flagged as in column 1, the words of column 2 (not the flagged passage) are published. */
export function itPublishesEach(fine: ReadonlyArray<readonly [flagged: string, printed: string]>, leaks: Leaks): void {
  for (const [flagged, printed] of fine)
    it(`flagged “${flagged}”, printed “${printed}”`, async () => {
      expect(await leaks(flagged, printed, printed)).toEqual(PUBLISHED);
    });
}
