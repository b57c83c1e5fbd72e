import { describe, expect, it } from 'vitest';
import type { RegisterExport, RegisterRow } from '../../shared/contract/register';
import { call, makeBackend } from '../helpers/temp';
import { part, visibleText } from '../unit/export-docx-helpers';
import { checkPublicDocx } from '../../electron/backend/export/redaction-check';

const docText = (r: RegisterExport) => visibleText(part(Buffer.from(r.bytesBase64, 'base64'), 'word/document.xml'));

async function setStatus(b: ReturnType<typeof makeBackend>, id: string, upTo: string) {
  for (const s of ['agenda_circulated', 'held', 'minutes_drafted', 'minutes_approved', 'summary_published']) {
    await call(b, 'meetings.setStatus', { id, status: s });
    if (s === upTo) return;
  }
}

describe('register', () => {
  it('lists every meeting with minutes and summary status; exports the public register and the member list', async () => {
    const b = makeBackend();
    const held = await call<{ meeting: { id: string } }>(b, 'meetings.create', { title: 'First plenary', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    await setStatus(b, held.meeting.id, 'summary_published');
    const group = await call<{ meeting: { id: string } }>(b, 'meetings.create', {
      title: 'Copyright group',
      kind: 'ad_hoc_group',
      groupName: 'Copyright',
      startsAt: '2026-03-03T14:00',
      endsAt: '2026-03-03T16:00',
    });
    await setStatus(b, group.meeting.id, 'held');
    await call(b, 'minutes.saveSection', { meetingId: group.meeting.id, sectionKey: 'opening', content: { root: { type: 'root', version: 1, children: [] } } });
    await call(b, 'meetings.create', { title: 'Next plenary', startsAt: '2026-05-05T10:00', endsAt: '2026-05-05T12:00' });
    await call(b, 'example.load', {});
    const org = await call<{ id: string }>(b, 'organisations.create', { name: 'Real Lab GmbH', shortName: 'Real Lab' });
    await call(b, 'representatives.create', { organisationId: org.id, name: 'Ada Example', email: 'ada@reallab.eu', role: 'Policy' });
    await call(b, 'organisations.create', { name: 'Observer body', isMember: false });

    const rows = await call<RegisterRow[]>(b, 'register.list', {});
    expect(rows.map((r) => r.title)).toEqual(['Next plenary', 'Copyright group', 'First plenary', 'Constitutive meeting of the Signatory Taskforce']);
    expect(rows.find((r) => r.title === 'Copyright group')).toMatchObject({ minutesStatus: 'draft', minutesVersion: 1, summaryExportedAt: null, group: 'Copyright' });
    expect(rows.find((r) => r.title === 'First plenary')!.summaryPublishedAt).toMatch(/^2026-01-30T/);
    expect(rows.find((r) => r.title === 'Next plenary')!.minutesStatus).toBeNull();
    expect(rows.filter((r) => r.example).map((r) => r.title)).toEqual(['Constitutive meeting of the Signatory Taskforce']);

    const register = await call<RegisterExport>(b, 'register.export', { document: 'public_register' });
    expect(register.fileName).toMatch(/^\d{4}-\d{2}-\d{2} Public register of meetings\.docx$/);
    const text = docText(register);
    expect(text).toContain('First plenary');
    expect(text).toContain('Copyright group');
    expect(text).toContain('30 January 2026'); // published on (the fixed test clock)
    expect(text).not.toContain('Next plenary'); // not held yet
    expect(text).not.toContain('Constitutive meeting'); // example data

    const members = await call<RegisterExport>(b, 'register.export', { document: 'member_list' });
    const mtext = docText(members);
    expect(mtext).toContain('Real Lab GmbH (Real Lab)');
    expect(mtext).toContain('Ada Example');
    expect(mtext).not.toContain('ada@reallab.eu');
    expect(mtext).not.toContain('Observer body');
    expect(mtext).not.toContain('Aleph Alpha'); // example organisation
    expect(checkPublicDocx(Buffer.from(members.bytesBase64, 'base64'), { passages: [] })).toEqual({ ok: true });
  });

  it('refuses to export a list that contains a flagged passage', async () => {
    const b = makeBackend();
    const m = await call<{ meeting: { id: string } }>(b, 'meetings.create', { title: 'Project Nightingale briefing', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    await setStatus(b, m.meeting.id, 'held');
    const flag = await call<{ id: string }>(b, 'flags.create', { meetingId: m.meeting.id, sectionKey: 'opening', excerpt: 'Project Nightingale briefing' });
    const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
    await call(b, 'minutes.saveSection', {
      meetingId: m.meeting.id,
      sectionKey: 'opening',
      content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'flag', version: 1, ids: [flag.id], children: [t('Project Nightingale briefing')] }] }] } },
    });
    const r = await b.dispatch('register.export', { document: 'public_register' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.code).toBe('leak_detected');
    expect(r.ok ? '' : r.error.message).toContain('public register of meetings was not produced');
    expect(r.ok ? '' : r.error.message).toContain('the passage “Project Nightingale briefing” flagged in the minutes');
    expect(r.ok ? '' : r.error.message).not.toContain(flag.id); // never the record's id
  });
});
