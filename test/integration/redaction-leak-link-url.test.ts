import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, link, p, t } from '../fixtures/export-data';

const SECRET_URL = 'https://dataroom.example.com/acme-acquisition-of-beta-term-sheet';

async function setup(withheldItem: boolean, otherUrl: string) {
  const b = makeBackend();
  const detail = await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' });
  const m = detail.meeting.id;
  await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item A', forPublication: !withheldItem });
  const agenda = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item B' });
  const [a, bItem] = agenda;
  // Item A: the link (text and URL) is flagged.
  const r1 = await call<{ flags: Array<{ id: string }> }>(b, 'minutes.saveSection', {
    meetingId: m, sectionKey: a!.id, content: doc(p(t('See '), flag(['flag-url-1'], link(SECRET_URL, t('the term sheet'))), t('.'))),
  });
  expect(r1.flags.length).toBe(1);
  // Item B (published): the same document linked again without a flag.
  await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: bItem!.id, content: doc(p(t('Background is '), link(otherUrl, t('here')), t('.'))) });
  const res = await call<ExportResult>(b, 'exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
  const parts = unzipSync(Buffer.from(res.bytesBase64, 'base64'));
  return Object.entries(parts).map(([k, v]) => `${k}\n${strFromU8(v)}`).join('\n');
}

describe('Redaction: the URL of a flagged link is not published anywhere in the meeting', () => {
  it('baseline: a flagged link in a published item taints the same URL elsewhere', async () => {
    const all = await setup(false, SECRET_URL);
    expect(all).not.toContain('acme-acquisition-of-beta');
  });
  it('a flagged link inside a WITHHELD item: the same URL linked in a published item is published', async () => {
    const all = await setup(true, SECRET_URL);
    expect(all, 'flagged URL reached word/_rels/document.xml.rels').not.toContain('acme-acquisition-of-beta');
  });
  it('a flagged link in a published item: the same URL with a trailing slash / fragment is published', async () => {
    const all = await setup(false, `${SECRET_URL}/`);
    expect(all, 'flagged URL reached word/_rels/document.xml.rels').not.toContain('acme-acquisition-of-beta');
  });
});

describe('Redaction: the address of any link of a withheld item is not published (audit 2026-12-07)', () => {
  /** Item A withheld, its minutes linking `withheldUrl` unflagged; item B published, linking `publishedUrl`. */
  async function withheldLink(withheldUrl: string, publishedUrl: string) {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
    await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item A', forPublication: false });
    const [a, bItem] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item B' });
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: a!.id, content: doc(p(t('The bid is in '), link(withheldUrl, t('the data room')), t('.'))) });
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: bItem!.id, content: doc(p(t('Papers are '), link(publishedUrl, t('here')), t('.'))) });
    const res = await call<ExportResult>(b, 'exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    const parts = unzipSync(Buffer.from(res.bytesBase64, 'base64'));
    return Object.entries(parts).map(([k, v]) => `${k}\n${strFromU8(v)}`).join('\n');
  }

  it('an unflagged link in a withheld item: the same address linked in a published item is not a link target; its words are kept', async () => {
    const all = await withheldLink(SECRET_URL, `${SECRET_URL}#page=2`);
    expect(all, 'the withheld item’s address reached the file').not.toContain('acme-acquisition-of-beta');
    expect(all).toContain('Papers are here.');
  });

  it('near miss: another address in the published item stays a link', async () => {
    const all = await withheldLink(SECRET_URL, 'https://digital-strategy.ec.europa.eu/en/policies/ai-code-practice');
    expect(all).not.toContain('acme-acquisition-of-beta');
    expect(all).toContain('https://digital-strategy.ec.europa.eu/en/policies/ai-code-practice');
  });
});
