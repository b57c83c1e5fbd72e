import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, link, p, t } from '../fixtures/export-data';
import { publicSummaryOf } from '../../electron/backend/services/export-service';
import { ExportService } from '../../electron/backend/services/export-service';

/**
 * A passage flagged in one meeting's minutes, then typed (or pasted as plain text) unflagged in another meeting's, was
 * published in that meeting's public summary: the summary was checked against its own meeting's flags only, while the
 * public register is checked against every meeting's. A flag keeps its passage out of every public file, whichever
 * meeting's summary it would appear in, until a person lifts it; the refusal names the meeting whose flag it is.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros before the summer break';

type B = ReturnType<typeof makeBackend>;
async function meeting(b: B, title: string, day: string) {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-${day}T10:00`, endsAt: `2026-${day}T12:00`, timeZone: 'Europe/Brussels' })).meeting.id;
  const [a] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  return { m, a: a!.id };
}
const save = (b: B, m: string, sectionKey: string, content: unknown) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });

async function exported(b: B, m: string): Promise<{ text: string } | { refused: string }> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
  if (!res.ok) return { refused: res.error.message };
  return { text: visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!)) };
}

async function twoMeetings() {
  const b = makeBackend();
  const first = await meeting(b, 'Second plenary', '02-03');
  await save(b, first.m, first.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
  const second = await meeting(b, 'Third plenary', '03-03');
  return { b, first, second };
}

/** A flagged link in one meeting; the same address linked, unflagged, under other words in the next. */
async function linkedInTwoMeetings() {
  const URL = 'https://dataroom.example.com/acme-beta-deal';
  const b = makeBackend();
  const first = await meeting(b, 'Second plenary', '02-03');
  await save(b, first.m, first.a, doc(p(t('See '), link(URL, flag(['F1'], t('the data room'))), t('.'))));
  const second = await meeting(b, 'Third plenary', '03-03');
  await save(b, second.m, second.a, doc(p(t('See '), link(URL, t('here')), t('.'))));
  return { b, first, second, URL };
}

describe('Redaction: a passage flagged in one meeting is kept out of every other meeting’s public summary', () => {
  it('typed unflagged in another meeting: that meeting’s summary is refused, and the refusal names the meeting whose flag it is', async () => {
    const { b, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t(`Recalled from the last meeting: ${SECRET}.`))));
    const out = await exported(b, second.m);
    if ('text' in out) expect(normaliseForMatch(out.text)).not.toContain(normaliseForMatch(SECRET));
    expect(out).toHaveProperty('refused');
    const message = (out as { refused: string }).refused;
    expect(message).toContain('“Second plenary” of 3 February 2026');
    expect(message).toMatch(/flag it here/);
    expect(message).not.toContain('F1');
  });

  it('flagged in this meeting too: the summary is produced, with the passage hidden', async () => {
    const { b, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t('Recalled from the last meeting: '), flag(['F2'], t(SECRET)), t('.'))));
    const out = await exported(b, second.m);
    expect(out).toHaveProperty('text');
    expect(normaliseForMatch((out as { text: string }).text)).not.toContain(normaliseForMatch(SECRET));
  });

  it('once its flag is lifted in its own meeting, the passage may be published elsewhere (the officer decided)', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t(`Recalled from the last meeting: ${SECRET}.`))));
    expect(await exported(b, second.m)).toHaveProperty('refused');
    const f1 = (await call<FlagList>(b, 'flags.list', { meetingId: first.m })).flags.find((f) => f.retiredAt === null)!;
    await call(b, 'flags.unflag', { id: f1.id });
    // While its mark still stands (the page removes it and saves at once), it keeps the passage out (fail-closed).
    expect(await exported(b, second.m)).toHaveProperty('refused');
    await save(b, first.m, first.a, doc(p(t(`Reported: ${SECRET}.`))));
    const out = await exported(b, second.m);
    expect(out).toHaveProperty('text');
    expect((out as { text: string }).text).toContain(SECRET);
  });

  it('a flag whose text was deleted in its own meeting still keeps the copy typed in another meeting out', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, first.m, first.a, doc(p(t('Reported: nothing.'))));
    expect((await call<FlagList>(b, 'flags.list', { meetingId: first.m })).flags[0]!.retiredReason).toBe('text_removed');
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    expect(await exported(b, second.m)).toHaveProperty('refused');
  });

  it('while the flagging meeting is in the trash (it can be restored with its flag), the copy is still kept out', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    await call(b, 'meetings.delete', { id: first.m });
    const out = await exported(b, second.m);
    if ('text' in out) expect(normaliseForMatch(out.text)).not.toContain(normaliseForMatch(SECRET));
    expect(out).toHaveProperty('refused');
    expect((out as { refused: string }).refused).toContain('Second plenary');
    expect((out as { refused: string }).refused).toContain('(in the trash)');
    // The page's preview has it too.
    expect((await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere.map((f) => f.excerpt)).toEqual([SECRET]);
  });

  it('one flag whose mark stands in two places of its meeting (its record follows the later one): both passages are kept out elsewhere', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    const [, other] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: first.m, title: 'Any other business' });
    await save(b, first.m, first.a, doc(p(flag(['F1'], t(SECRET)))));
    await save(b, first.m, other!.id, doc(p(flag(['F1'], t('Gamma Widgets figures')))));
    const second = await meeting(b, 'Third plenary', '03-03');
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    const out = await exported(b, second.m);
    if ('text' in out) expect(normaliseForMatch(out.text)).not.toContain(normaliseForMatch(SECRET));
    expect(out).toHaveProperty('refused');
    expect((await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere.map((f) => f.excerpt)).toContain(SECRET);
  });

  it('the other meeting’s marks are read again when its minutes change (the read sections are kept between calls)', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    expect(await exported(b, second.m)).toHaveProperty('refused');
    // The flagged words rewritten in its own meeting (the mark stays, on the new words; the old ones are gone): the old
    // words are guarded by nothing any more. (Had they stayed there unmarked, they would keep a guard of their own.)
    await save(b, first.m, first.a, doc(p(t('Reported: '), flag(['F1'], t('the price of the Gamma deal')), t('.'))));
    expect((await call<FlagList>(b, 'flags.list', { meetingId: first.m })).flags.map((f) => f.excerpt)).toEqual(['the price of the Gamma deal']);
    expect(await exported(b, first.m)).toHaveProperty('text');
    expect(await exported(b, second.m)).toHaveProperty('text');
    await save(b, second.m, second.a, doc(p(t('Recalled: the price of the Gamma deal.'))));
    expect(await exported(b, second.m)).toHaveProperty('refused');
  });

  it('the public register and the member list: a deleted meeting’s flags, kept in the trash, guard their passages there too', async () => {
    const b = makeBackend();
    await call(b, 'organisations.create', { name: 'Nightingale Robotics GmbH', shortName: '', isMember: true });
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t('Partner: '), flag(['F1'], t('Nightingale Robotics GmbH')), t('.'))));
    expect((await b.dispatch('register.export', { document: 'member_list' })).ok).toBe(false);
    await call(b, 'meetings.delete', { id: first.m });
    const res = await b.dispatch('register.export', { document: 'member_list' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toContain('Nightingale Robotics GmbH');
    await call(b, 'trash.empty', { confirm: true });
    expect((await b.dispatch('register.export', { document: 'member_list' })).ok).toBe(true);
  });

  it('a short flag in another meeting ("EU") does not stop a summary that only prints "Europe"', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t('The '), flag(['F1'], t('EU')), t(' said no.'))));
    const second = await meeting(b, 'Third plenary', '03-03');
    await save(b, second.m, second.a, doc(p(t('Europe agreed.'))));
    expect(await exported(b, second.m)).toHaveProperty('text');
  });

  it('a copy of the flagging meeting imported back while the deleted one is in the trash: the live flags decide', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    const pkg = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    await call(b, 'meetings.delete', { id: first.m });
    await call(b, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    expect(await exported(b, second.m)).toHaveProperty('refused'); // the imported meeting's flag is in force
    const live = (await call<FlagList>(b, 'flags.list', { meetingId: first.m })).flags.find((f) => f.retiredAt === null)!;
    await call(b, 'flags.unflag', { id: live.id });
    await save(b, first.m, live.sectionKey, doc(p(t(`Reported: ${SECRET}.`)))); // the page removes the mark and saves
    expect(await exported(b, second.m)).toHaveProperty('text'); // lifted by a person: the copy in the trash does not overrule it
  });

  it('a trash entry past its 30 days guards nothing, even before the trash is next cleared', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    await call(b, 'meetings.delete', { id: first.m });
    expect(await exported(b, second.m)).toHaveProperty('refused');
    b.db.prepare(`UPDATE trash SET deleted_at = '2025-01-01T00:00:00.000Z'`).run();
    expect(await exported(b, second.m)).toHaveProperty('text');
  });

  it('a damaged trash entry: the flags panel still opens, internal documents are made, the public summary and the agenda are refused with a clear sentence', async () => {
    const { b, first, second } = await twoMeetings();
    await save(b, second.m, second.a, doc(p(t('Nothing confidential here.'))));
    await call(b, 'meetings.delete', { id: first.m });
    b.db.pragma('ignore_check_constraints = ON');
    b.db.prepare(`UPDATE trash SET payload_json = '{not json'`).run();
    b.db.pragma('ignore_check_constraints = OFF');
    expect((await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere).toEqual([]);
    expect((await b.dispatch('exports.create', { meetingId: second.m, kind: 'internal_minutes' })).ok).toBe(true);
    const agenda = await b.dispatch('exports.create', { meetingId: second.m, kind: 'agenda' });
    expect(agenda.ok ? 'made' : agenda.error.message).toMatch(/^The agenda was not produced: an item kept in the trash could not be read/);
    const out = await exported(b, second.m);
    expect(out).toHaveProperty('refused');
    expect((out as { refused: string }).refused).toMatch(/^The public summary was not produced: an item kept in the trash could not be read/);
  });

  it('the address of a flagged link in another meeting: typed as text or linked under other words, it is refused, and the preview lists it', async () => {
    const URL = 'https://dataroom.example.com/acme-beta-deal';
    for (const copy of [p(t(`Documents: ${URL}`)), p(t('See '), link(URL, t('here')), t('.'))]) {
      const b = makeBackend();
      const first = await meeting(b, 'Second plenary', '02-03');
      await save(b, first.m, first.a, doc(p(t('See '), link(URL, flag(['F1'], t('the data room'))), t('.'))));
      const second = await meeting(b, 'Third plenary', '03-03');
      await save(b, second.m, second.a, doc(copy));
      expect(await exported(b, second.m)).toHaveProperty('refused');
      // What the page's preview is built from (flags.list's elsewhere), through the one function: it blocks too.
      const elsewhere = (await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere;
      expect(elsewhere.map((f) => f.excerpt)).toContain(URL);
      const data = new ExportService(b.ctx, b.services.meetings, b.services.members).gather(second.m);
      expect(publicSummaryOf(data).blockers.map((x) => x.flaggedIn)).toEqual(['“Second plenary” of 3 February 2026']);
    }
  });

  it('the address of a flagged link while its meeting is in the trash: still refused, and the preview lists it', async () => {
    const { b, first, second, URL } = await linkedInTwoMeetings();
    await call(b, 'meetings.delete', { id: first.m });
    const out = await exported(b, second.m);
    expect(out).toHaveProperty('refused');
    expect((out as { refused: string }).refused).toContain('“Second plenary — 3 February 2026” (in the trash)');
    expect((await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere.map((f) => f.excerpt)).toContain(URL);
    // Emptied from the trash, nothing guards it any more.
    await call(b, 'trash.empty', { confirm: true });
    expect(await exported(b, second.m)).toHaveProperty('text');
  });

  it('the address of a flagged link in a deleted agenda item of another meeting: refused while the item can be restored', async () => {
    const { b, first, second } = await linkedInTwoMeetings();
    await call(b, 'agenda.remove', { id: first.a });
    const out = await exported(b, second.m);
    expect(out).toHaveProperty('refused');
    expect((out as { refused: string }).refused).toContain('“Second plenary” of 3 February 2026');
    // Its flag lifted by a person (the flags panel still lists it): the address may be published.
    const f1 = (await call<FlagList>(b, 'flags.list', { meetingId: first.m })).flags.find((f) => f.retiredAt === null)!;
    await call(b, 'flags.unflag', { id: f1.id });
    expect(await exported(b, second.m)).toHaveProperty('text');
  });
});
