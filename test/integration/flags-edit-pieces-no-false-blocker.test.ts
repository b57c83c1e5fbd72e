import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

/**
 * Ordinary edits of a flag whose mark is in two pieces (it spans two paragraphs, or Enter was pressed inside it) must
 * not block the export. The first form of the reconcile rule of 2c48efc (the recorded text keeps a guard while it
 * stands unmarked) read a two-piece record as standing when any piece stood, and as marked only when every piece was
 * under the mark: a typo fixed in one piece then refused the export over text still under its flag (sixth audit).
 * The rule now looks at each piece: only a piece that stands in the section outside the mark keeps a guard.
 */
type B = ReturnType<typeof makeBackend>;
async function meeting(b: B) {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'P', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
  const [a] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  return { m, a: a!.id };
}
async function exportText(b: B, meetingId: string): Promise<string> {
  const res = await b.dispatch('exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
  if (!res.ok) return `REFUSED: ${res.error.message}`;
  return visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!));
}
const save = (b: B, m: string, k: string, content: unknown) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey: k, content });
const refusal = (text: string) => (text.startsWith('REFUSED') ? text : null);

describe('a flag whose mark is in two pieces, one piece edited: no false blocker', () => {
  it('a typo fixed in the second paragraph of a flag spanning two paragraphs', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b);
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant'))), p(flag(['F1'], t('in Mrach next year')), t('.'))));
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant'))), p(flag(['F1'], t('in March next year')), t('.'))));
    expect(refusal(await exportText(b, m))).toBeNull();
  });

  it('the second paragraph of a two-paragraph flag deleted', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b);
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant'))), p(flag(['F1'], t('in March next year')), t('.'))));
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant')))));
    expect(refusal(await exportText(b, m))).toBeNull();
  });

  it('Enter inside a flag, then one half edited', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b);
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant in March')), t('.'))));
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its'))), p(flag(['F1'], t('Lyon plant in March')), t('.'))));
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its'))), p(flag(['F1'], t('Lyon plant in late March')), t('.'))));
    expect(refusal(await exportText(b, m))).toBeNull();
  });

  it('control: one piece pasted back over itself outside the mark still keeps its guard', async () => {
    const b = makeBackend();
    const { m, a } = await meeting(b);
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant'))), p(flag(['F1'], t('in March next year')), t('.'))));
    await save(b, m, a, doc(p(t('Reported: '), flag(['F1'], t('Acme will close its Lyon plant'))), p(t('in March next year.'))));
    expect(refusal(await exportText(b, m))).toMatch(/in March next year/);
  });
});
