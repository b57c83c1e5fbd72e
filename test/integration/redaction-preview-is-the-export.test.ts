import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { Participant } from '../../shared/domain/attendance';
import type { FlagList } from '../../shared/domain/flags';
import { previewAttendance } from '../../renderer/features/preview/previewAttendance';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, link, p, t } from '../fixtures/export-data';
import { ExportService, publicSummaryOf } from '../../electron/backend/services/export-service';

/**
 * The live preview is built by the one function that computes what the public reads (publicSummary), and its
 * blockers are what stops the export before the file is made. The file's own check (the DOCX re-opened and searched)
 * refused more: this meeting's flagged passages printed WITHOUT their flag (a copy typed in another item, an agenda
 * title, the words of a flag whose text was deleted), and a flagged address percent-encoded in a link. The preview
 * said "publishable" and the export refused. Now every such case blocks the preview, with words that say what to do.
 * Found by an adversarial audit (2026-12-04); each case failed before.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros before the summer break';

type B = ReturnType<typeof makeBackend>;
async function meeting(b: B, title: string, day: string) {
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title, startsAt: `2026-${day}T10:00`, endsAt: `2026-${day}T12:00`, timeZone: 'Europe/Brussels' })).meeting.id;
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Market developments' });
  const items = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Any other business' });
  return { m, a: items[0]!.id, c: items[1]!.id };
}
const save = (b: B, m: string, sectionKey: string, content: SerializedDoc) => call(b, 'minutes.saveSection', { meetingId: m, sectionKey, content });

async function exported(b: B, m: string): Promise<{ text: string } | { refused: string }> {
  const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
  if (!res.ok) return { refused: res.error.message };
  return { text: visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!)) };
}
/** What the page's preview shows as blockers: the same function and input as the export (gather + publicSummaryOf). */
const previewBlockers = (b: B, m: string) => publicSummaryOf(new ExportService(b.ctx, b.services.meetings, b.services.members).gather(m)).blockers;

/** The preview blocks exactly when the export refuses, and the printed file never holds the passage. */
async function agree(b: B, m: string, passage: string) {
  const blockers = previewBlockers(b, m);
  const out = await exported(b, m);
  if ('text' in out) expect(normaliseForMatch(out.text)).not.toContain(normaliseForMatch(passage));
  expect({ previewBlocks: blockers.length > 0, exportRefuses: 'refused' in out }).toEqual({ previewBlocks: true, exportRefuses: true });
  return { blockers, refused: (out as { refused: string }).refused };
}

describe('Redaction: the preview blocks what the export refuses (this meeting’s own flags)', () => {
  it('a flagged passage copied unflagged into another item: both stop, each naming the passage', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await save(b, x.m, x.c, doc(p(t(`Recalled: ${SECRET}.`))));
    const { blockers, refused } = await agree(b, x.m, SECRET);
    expect(blockers.map((bl) => [bl.kind, bl.where])).toEqual([['printed', '2. Any other business']]);
    // The export names it as its check found it: the passage by its words, its reason and who flagged it.
    expect(refused).toContain('the passage “Acme Holdings will acquire Beta Robotics for forty million…” flagged "Commercially confidential"');
    expect(refused).not.toContain('F1');
  });

  it('a flagged passage that is also an agenda item’s title', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('The item on '), flag(['F1'], t('Project Nightingale acquisition')), t(' was discussed.'))));
    await call(b, 'agenda.update', { id: x.c, title: 'Project Nightingale acquisition' });
    const { blockers } = await agree(b, x.m, 'Project Nightingale acquisition');
    expect(blockers.map((bl) => bl.kind)).toEqual(['printed']);
  });

  it('a flag whose text was deleted: eight of its words typed in another item', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await save(b, x.m, x.a, doc(p(t('Reported: nothing.'))));
    await save(b, x.m, x.c, doc(p(t('Heard that Beta Robotics for forty million euros before the summer, maybe.'))));
    const { blockers } = await agree(b, x.m, 'Beta Robotics for forty million euros before the summer');
    expect(blockers.map((bl) => bl.kind)).toEqual(['printed']);
  });

  it('the address of a flagged link, linked in another item under other words', async () => {
    const URL = 'https://dataroom.example.com/acme-beta-deal';
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('See '), link(URL, flag(['F1'], t('the data room'))), t('.'))));
    await save(b, x.m, x.c, doc(p(t(`Documents: ${URL}`))));
    const { refused } = await agree(b, x.m, URL);
    // What was found is the address: the refusal names it, not the link's words.
    expect(refused).toContain(`the address “${URL}” of a link flagged "Commercially confidential"`);
  });

  it('a flagged link’s address written another way: without its scheme, with a query, or a mail address typed out', async () => {
    const cases: Array<[string, SerializedDoc, string]> = [
      ['https://dataroom.example.com/acme-beta-deal', doc(p(t('Documents at dataroom.example.com/acme-beta-deal for members.'))), 'dataroom.example.com/acme-beta-deal'],
      ['https://dataroom.example.com/acme-beta-deal', doc(p(link('http://dataroom.example.com/acme-beta-deal?view=1', t('this page')))), 'dataroom.example.com/acme-beta-deal'],
      ['mailto:jane.doe@acme-holdings.com', doc(p(t('Questions to jane.doe@acme-holdings.com please.'))), 'jane.doe@acme-holdings.com'],
    ];
    for (const [url, copy, shown] of cases) {
      const b = makeBackend();
      const x = await meeting(b, 'Second plenary', '02-03');
      await save(b, x.m, x.a, doc(p(t('See '), link(url, flag(['F1'], t('the source'))), t('.'))));
      await save(b, x.m, x.c, copy);
      const res = await b.dispatch('exports.create', { meetingId: x.m, kind: 'public_summary', confirmDraft: true });
      if (res.ok) {
        const parts = unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'));
        for (const [name, bytes] of Object.entries(parts)) expect(strFromU8(bytes), `${url} in ${name}`).not.toContain(shown);
      }
      expect({ url, previewBlocks: previewBlockers(b, x.m).length > 0, exportRefuses: !res.ok }).toEqual({ url, previewBlocks: true, exportRefuses: true });
    }
  });

  it('another meeting’s flagged words percent-encoded in a link’s address', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('Partner: '), flag(['F1'], t('Nightingale Robotics GmbH')), t('.'))));
    const y = await meeting(b, 'Third plenary', '03-03');
    await save(b, y.m, y.a, doc(p(t('See the '), link('https://news.example.com/search?q=Nightingale%20Robotics%20GmbH', t('press coverage')), t('.'))));
    const { blockers } = await agree(b, y.m, 'Nightingale Robotics GmbH');
    expect(blockers.map((bl) => [bl.kind, bl.where])).toEqual([['elsewhere', 'the target of a link']]);
  });

  it('an organisation renamed after it attended: the preview reads the name as recorded, as the export prints it', async () => {
    for (const flagged of ['Nightingale Robotics GmbH', 'Acme Group']) {
      const b = makeBackend();
      const earlier = await meeting(b, 'Earlier plenary', '01-03');
      await save(b, earlier.m, earlier.a, doc(p(t('Talks with '), flag(['F1'], t(flagged)), t('.'))));
      const org = await call<{ id: string }>(b, 'organisations.create', { name: 'Nightingale Robotics GmbH', shortName: '', isMember: true });
      const rep = await call<{ id: string }>(b, 'representatives.create', { organisationId: org.id, name: 'Jane Doe', role: '', email: '' });
      const x = await meeting(b, 'Second plenary', '02-03');
      await call(b, 'attendance.set', { meetingId: x.m, representativeId: rep.id, status: 'in_person' });
      await call(b, 'organisations.update', { id: org.id, name: 'Acme Group', shortName: '', isMember: true });
      // The page's preview takes the participants from attendance.list, through previewAttendance.
      const participants = (await call<{ participants: Participant[] }>(b, 'attendance.list', { meetingId: x.m })).participants;
      const data = new ExportService(b.ctx, b.services.meetings, b.services.members).gather(x.m);
      const attendance = previewAttendance(participants).map((a) => ({ ...data.attendance[0]!, organisation: a.organisation, status: a.status, statusCode: a.status }));
      const preview = publicSummaryOf({ ...data, attendance });
      const out = await exported(b, x.m);
      expect({ flagged, previewBlocks: preview.blockers.length > 0, exportRefuses: 'refused' in out }).toEqual({
        flagged,
        previewBlocks: flagged === 'Nightingale Robotics GmbH',
        exportRefuses: flagged === 'Nightingale Robotics GmbH',
      });
    }
  });

  it('a short flag whose word became part of a longer one ("Meta" → "metadata"): its text is gone, nothing blocks', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('Proposal by '), flag(['F1'], t('Meta')), t(' on metadata standards.'))));
    await save(b, x.m, x.a, doc(p(t('Proposal on metadata standards.'))));
    expect((await call<FlagList>(b, 'flags.list', { meetingId: x.m })).flags.map((f) => f.retiredReason)).toEqual(['text_removed']);
    expect(previewBlockers(b, x.m)).toEqual([]);
    expect(await exported(b, x.m)).toHaveProperty('text');
  });

  it('control: the copy flagged too publishes (no false block)', async () => {
    const b = makeBackend();
    const x = await meeting(b, 'Second plenary', '02-03');
    await save(b, x.m, x.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    await save(b, x.m, x.c, doc(p(t('Recalled: '), flag(['F2'], t(SECRET)), t('.'))));
    expect(previewBlockers(b, x.m)).toEqual([]);
    expect(await exported(b, x.m)).toHaveProperty('text');
  });
});
