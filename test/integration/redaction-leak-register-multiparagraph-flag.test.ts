import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { visibleText } from '../unit/export-docx-helpers';

const PIECE = 'Project Falcon takeover of Beta';

describe('Redaction: the public register is checked for each paragraph of a flag across paragraphs', () => {
  it('control: the same words flagged in one paragraph stop the register', async () => {
    const b = makeBackend();
    const mk = (title: string, day: string) =>
      call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-02-${day}T10:00`, endsAt: `2026-02-${day}T12:00`, timeZone: 'Europe/Brussels' });
    const y = (await mk('Plenary meeting', '03')).meeting.id;
    const [item] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: y, title: 'Market developments' });
    await call(b, 'minutes.saveSection', { meetingId: y, sectionKey: item!.id, content: doc(p(t('Beta reported: '), flag(['F1'], t(PIECE)))) });
    const x = (await mk(PIECE, '10')).meeting.id;
    for (const status of ['agenda_circulated', 'held']) await call(b, 'meetings.setStatus', { id: x, status });
    const r = await b.dispatch('register.export', { document: 'public_register' });
    expect(r.ok).toBe(false);
  });
  it('a meeting title equal to one paragraph of a flagged passage is published in the register', async () => {
    const b = makeBackend();
    const mk = (title: string, day: string) =>
      call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-02-${day}T10:00`, endsAt: `2026-02-${day}T12:00`, timeZone: 'Europe/Brussels' });
    const y = (await mk('Plenary meeting', '03')).meeting.id;
    const [item] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: y, title: 'Market developments' });
    // One flag over two paragraphs (the editor makes one flag node per block, same id).
    await call(b, 'minutes.saveSection', {
      meetingId: y, sectionKey: item!.id,
      content: doc(p(t('Beta reported: '), flag(['F1'], t(PIECE))), p(flag(['F1'], t('was discussed.')), t(' End.'))),
    });
    // Another meeting (held) is titled with the first paragraph of the flagged passage.
    const x = (await mk(PIECE, '10')).meeting.id;
    for (const status of ['agenda_circulated', 'held']) await call(b, 'meetings.setStatus', { id: x, status });
    const r = await b.dispatch('register.export', { document: 'public_register' });
    if (!r.ok) return; // refused: no leak
    const xml = strFromU8(unzipSync(Buffer.from((r.value as { bytesBase64: string }).bytesBase64, 'base64'))['word/document.xml']!);
    expect(visibleText(xml), 'the flagged words reached the public register').not.toContain(PIECE);
  });
});
