import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { action, doc, flag, link, p, t } from '../fixtures/export-data';

/**
 * "Next steps" appended each open action's due date from its RECORD ("(by 31 March 2026)"), whatever the minutes
 * flagged: an officer who flagged the date in the action's words (or the whole action) still had the date published,
 * written in another form than the flagged words, so the file's check did not find it (fifth audit). Now an action
 * with any flagged words gets no date from its record: the date may be what was flagged (fail-closed); nor does one
 * whose date a flagged passage of the meeting holds, in any usual form (sixth audit: the date flagged next to it).
 */
type B = ReturnType<typeof makeBackend>;
async function setup() {
  const b = makeBackend();
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Second plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
  const [a] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  const rec = await call<{ id: string }>(b, 'actions.create', { meetingId: m, sectionKey: a!.id, text: 'Acme to notify the acquisition', owner: 'Acme', dueDate: '2026-03-31' });
  return { b, m, a: a!.id, rec: rec.id };
}
async function summaryText(b: B, meetingId: string): Promise<string> {
  const r = await call<ExportResult>(b, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
  return visibleText(strFromU8(unzipSync(Buffer.from(r.bytesBase64, 'base64'))['word/document.xml']!));
}
const nextSteps = (text: string) => text.slice(text.lastIndexOf('Next steps'));

describe('Next steps: the due date of an action with flagged words', () => {
  it('the date flagged in the action’s words is not published in Next steps', async () => {
    const { b, m, a, rec } = await setup();
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(action(rec, t('Acme to notify the acquisition '), flag(['F-date'], t('by 2026-03-31')), t('.'))) });
    const text = await summaryText(b, m);
    expect(text).not.toContain('2026-03-31');
    expect(text).not.toContain('31 March 2026');
    expect(nextSteps(text)).toContain('Acme to notify the acquisition […].');
  });

  it('a wholly flagged action: its due date is not published', async () => {
    const { b, m, a, rec } = await setup();
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(action(rec, flag(['F-all'], t('Acme to notify the acquisition of Beta by end of March')))) });
    expect(await summaryText(b, m)).not.toContain('31 March 2026');
  });

  it('a flagged link in the action’s words: no date either', async () => {
    const { b, m, a, rec } = await setup();
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(action(rec, t('Acme to notify the acquisition, see '), link('https://example.org/x', flag(['F-l'], t('the filing'))))) });
    expect(await summaryText(b, m)).not.toContain('31 March 2026');
  });

  it('the date flagged next to the action, in another form: not published either (sixth audit)', async () => {
    const { b, m, a, rec } = await setup();
    for (const form of ['2026-03-31', '31/03/2026', 'March 31, 2026', '31 Mar 2026']) {
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(action(rec, t('Acme to notify the acquisition.')), p(t('Deadline: '), flag(['F-d'], t(form)), t('.'))) });
      expect(await summaryText(b, m), form).not.toContain('31 March 2026');
    }
  });

  it('an action with nothing flagged keeps its due date', async () => {
    const { b, m, a, rec } = await setup();
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(action(rec, t('Acme to notify the acquisition.'))) });
    expect(nextSteps(await summaryText(b, m))).toContain('Acme to notify the acquisition. (by 31 March 2026)');
  });
});
