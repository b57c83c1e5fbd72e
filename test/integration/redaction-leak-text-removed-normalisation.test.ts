import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

const SECRET = 'Société Générale intends to close its Lyon plant in March';
/** The same words as a reader sees them: a soft hyphen (Word), the accents decomposed (macOS), a zero-width space (web). */
const COPIES: Record<string, string> = {
  'soft hyphen': SECRET.replace('Lyon', 'Ly\u00ADon'),
  NFD: SECRET.normalize('NFD'),
  'zero-width space': SECRET.replace('plant', 'pl\u200Bant'),
  // Cyrillic letters that look Latin (a keyboard layout left on, a text copied from a Cyrillic-script source).
  'Cyrillic look-alikes': SECRET.replace('Lyon', 'L\u0443\u043En').replace('plant', 'pl\u0430nt').replace('close', 'cl\u043Ese'),
};

async function meeting() {
  const b = makeBackend();
  const detail = await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' });
  const m = detail.meeting.id;
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item A' });
  const [a, c] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item B' });
  return { b, m, a: a!.id, c: c!.id };
}

async function publicText(b: ReturnType<typeof makeBackend>, m: string): Promise<string | null> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
  if (!res.ok) return null; // refused: nothing published
  return visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!));
}

describe('Redaction: a flag is retired as "text removed" only when no copy of its text remains, as the export check reads text', () => {
  it('control: an exact copy elsewhere keeps the flag in force and the export refused', async () => {
    const { b, m, a, c } = await meeting();
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t('Then: '), flag(['F1'], t(SECRET)), t(' (said in confidence).'))) });
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: c, content: doc(p(t(`Recalled: ${SECRET}.`))) });
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t('Then: (said in confidence).'))) });
    expect(await publicText(b, m)).toBeNull();
  });
  for (const [how, copy] of Object.entries(COPIES)) {
    it(`a copy elsewhere (${how}): deleting the flagged original retires the flag and the copy is published`, async () => {
      const { b, m, a, c } = await meeting();
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t('Then: '), flag(['F1'], t(SECRET)), t(' (said in confidence).'))) });
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: c, content: doc(p(t(`Recalled: ${copy}.`))) });
      expect(await publicText(b, m)).toBeNull(); // the check sees the copy while the flag is in force
      // The officer deletes the flagged original (an ordinary edit, no lift).
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t('Then: (said in confidence).'))) });
      const f = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags[0]!;
      const text = await publicText(b, m);
      if (text === null) return;
      expect(normaliseForMatch(text), `flag state ${f.retiredReason}; published: ${text}`).not.toContain(normaliseForMatch(SECRET));
    });

    it(`the text comes back (${how}) after "text removed": the flag is not in force again and it is published`, async () => {
      const { b, m, a } = await meeting();
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t('Then: '), flag(['F1'], t(SECRET)), t(' (said in confidence).'))) });
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t('Then: (said in confidence).'))) });
      expect((await call<FlagList>(b, 'flags.list', { meetingId: m })).flags[0]!.retiredReason).toBe('text_removed');
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a, content: doc(p(t(`Then: (said in confidence). ${copy}`))) });
      const f = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags[0]!;
      const text = await publicText(b, m);
      if (text === null) return;
      expect(normaliseForMatch(text), `flag state ${f.retiredReason}; published: ${text}`).not.toContain(normaliseForMatch(SECRET));
    });
  }
});
