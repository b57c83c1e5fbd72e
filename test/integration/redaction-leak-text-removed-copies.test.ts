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

/**
 * Found by an adversarial audit (2026-12-04): a flag is retired as "text removed" when its whole passage has left the
 * meeting's minutes, but a copy that the redaction check would find — in an agenda item's title, in the meeting's
 * title, or a part of a long passage (8 words, 40 characters) — was then published, since the check searched only
 * for flags in force. A flag whose text was removed stays a passage every public file is checked for.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros before the summer break next year';
const PART = SECRET.split(' ').slice(0, 9).join(' ');

type B = ReturnType<typeof makeBackend>;
async function meeting(title = 'Plenary') {
  const b = makeBackend();
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item A' });
  const [a, c] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item B' });
  return { b, m, a: a!.id, c: c!.id };
}
const save = (b: B, m: string, sectionKey: string, content: unknown) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });
const flagged = (b: B, m: string, a: string) => save(b, m, a, doc(p(t('Then: '), flag(['F1'], t(SECRET)), t('.'))));
const deleted = (b: B, m: string, a: string) => save(b, m, a, doc(p(t('Then: .'))));

/** The visible text of the public summary, or null when the export was refused (nothing published). */
async function published(b: B, m: string): Promise<string | null> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
  if (!res.ok) return null;
  return visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!));
}
async function expectKept(b: B, m: string, secret: string) {
  const state = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags.map((f) => f.retiredReason ?? 'in force').join(', ');
  const text = await published(b, m);
  if (text !== null) expect(normaliseForMatch(text), `flag: ${state}; published: ${text}`).not.toContain(normaliseForMatch(secret));
}

describe('Redaction: a flag whose text was removed still guards every copy the check can find', () => {
  it('an agenda item titled with the passage', async () => {
    const { b, m, a, c } = await meeting();
    await flagged(b, m, a);
    await call(b, 'agenda.update', { id: c, title: SECRET });
    expect(await published(b, m)).toBeNull(); // control: refused while the flag is in force
    await deleted(b, m, a);
    await expectKept(b, m, SECRET);
  });

  it('a meeting titled with the passage', async () => {
    const { b, m, a } = await meeting(SECRET);
    await flagged(b, m, a);
    expect(await published(b, m)).toBeNull();
    await deleted(b, m, a);
    await expectKept(b, m, SECRET);
  });

  it('nine words of the passage elsewhere, before or after the original is deleted', async () => {
    for (const order of ['copy first', 'copy after'] as const) {
      const { b, m, a, c } = await meeting();
      await flagged(b, m, a);
      if (order === 'copy first') {
        await save(b, m, c, doc(p(t(`Recalled: ${PART}.`))));
        expect(await published(b, m)).toBeNull(); // control: an 8-word window is found
      }
      await deleted(b, m, a);
      if (order === 'copy after') await save(b, m, c, doc(p(t(`Recalled: ${PART}.`))));
      await expectKept(b, m, PART);
    }
  });

  it('the public register: a meeting titled with the passage, after the flagged original is deleted', async () => {
    const { b, m, a } = await meeting(SECRET);
    await flagged(b, m, a);
    for (const status of ['agenda_circulated', 'held']) await call(b, 'meetings.setStatus', { id: m, status });
    expect((await b.dispatch('register.export', { document: 'public_register' })).ok).toBe(false); // control
    await deleted(b, m, a);
    const res = await b.dispatch('register.export', { document: 'public_register' });
    if (!res.ok) return;
    const xml = strFromU8(unzipSync(Buffer.from((res.value as { bytesBase64: string }).bytesBase64, 'base64'))['word/document.xml']!);
    expect(normaliseForMatch(visibleText(xml))).not.toContain(normaliseForMatch(SECRET));
  });
});

describe('the refusal names the passage and says what to do', () => {
  it('a copy of a flag whose text was deleted: flag or remove the copy', async () => {
    const { b, m, a, c } = await meeting();
    await flagged(b, m, a);
    await deleted(b, m, a);
    await save(b, m, c, doc(p(t(`Recalled: ${PART}.`))));
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toContain('Acme Holdings will acquire');
    expect(res.error.message).toMatch(/its flagged text was deleted; a copy of it is still confidential: flag or remove the copy/);
  });
});

describe('Redaction: a short passage in a script written without spaces', () => {
  it('a 7-character Chinese passage copied unflagged inside a sentence is found (the export is refused)', async () => {
    const S = '阿尔法收购贝塔'; // "Alpha acquires Beta": short (< 8 characters), so searched as a whole word
    const { b, m, a, c } = await meeting();
    await save(b, m, a, doc(p(t('会议记录：'), flag(['F1'], t(S)), t('。'))));
    await save(b, m, c, doc(p(t(`主席回顾了${S}的计划。`))));
    await expectKept(b, m, S);
    expect(await published(b, m)).toBeNull();
  });
});
