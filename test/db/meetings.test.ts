import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { Meeting, MeetingSummary } from '../../shared/domain/meeting';
import { call, makeBackend } from '../helpers/temp';

const base = { title: 'Plenary', startsAt: '2026-03-12T10:00', endsAt: '2026-03-12T12:00' };
const outline = (a: AgendaItem[]) => a.map((i) => `${i.number} ${i.title}`);

async function meetingWith(titles: string[]) {
  const backend = makeBackend();
  const d = await call<MeetingDetail>(backend, 'meetings.create', base);
  let agenda: AgendaItem[] = [];
  for (const t of titles) agenda = await call<AgendaItem[]>(backend, 'agenda.add', { meetingId: d.meeting.id, title: t });
  return { backend, id: d.meeting.id, agenda };
}

describe('meetings', () => {
  it('creates with defaults, numbers them in sequence, and lists newest first with totals', async () => {
    const backend = makeBackend();
    const a = await call<MeetingDetail>(backend, 'meetings.create', base);
    expect(a.meeting).toMatchObject({ sequence: 1, status: 'planned', timeZone: 'Europe/Brussels', format: 'hybrid', convenedBy: 'chair', redactionMarker: '[…]' });
    const b = await call<MeetingDetail>(backend, 'meetings.create', { ...base, title: 'Later', startsAt: '2026-06-01T10:00', endsAt: '2026-06-01T11:00' });
    expect(b.meeting.sequence).toBe(2);
    await call(backend, 'agenda.add', { meetingId: a.meeting.id, title: 'One', plannedMinutes: 20 });
    const list = await call<MeetingSummary[]>(backend, 'meetings.list', {});
    expect(list.map((m) => m.title)).toEqual(['Later', 'Plenary']);
    expect(list[1]).toMatchObject({ itemCount: 1, plannedMinutes: 20 });
  });

  it('validates meetings: end after start, group name for ad hoc groups, known time zones', async () => {
    const backend = makeBackend();
    for (const bad of [
      { ...base, endsAt: '2026-03-12T09:00' },
      { ...base, kind: 'ad_hoc_group' },
      { ...base, timeZone: 'Mars/Olympus' },
      { ...base, startsAt: '2026-02-30T10:00' },
      { ...base, title: '   ' },
    ]) {
      const r = await backend.dispatch('meetings.create', bad);
      expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await call<MeetingSummary[]>(backend, 'meetings.list', {})).toEqual([]);
  });

  it('updates a meeting only with every field given, and refuses a partial update instead of resetting fields', async () => {
    const backend = makeBackend();
    const { meeting } = await call<MeetingDetail>(backend, 'meetings.create', { ...base, withheldDisplay: 'omit', redactionMarker: '[redacted]' });
    const partial = await backend.dispatch('meetings.update', { id: meeting.id, title: 'Renamed' });
    expect(partial).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const { id, title, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, withheldDisplay, redactionMarker } = meeting;
    const full = { id, title, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, withheldDisplay, redactionMarker };
    const badZone = await backend.dispatch('meetings.update', { ...full, timeZone: 'Mars/Olympus' });
    expect(badZone).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const m = await call<Meeting>(backend, 'meetings.update', { ...full, title: 'Renamed' });
    expect(m).toMatchObject({ title: 'Renamed', withheldDisplay: 'omit', redactionMarker: '[redacted]', sequence: meeting.sequence });
  });

  it('moves status only along planned → agenda circulated → held → minutes drafted → approved → published', async () => {
    const backend = makeBackend();
    const { meeting } = await call<MeetingDetail>(backend, 'meetings.create', base);
    const skip = await backend.dispatch('meetings.setStatus', { id: meeting.id, status: 'held' });
    expect(skip).toMatchObject({ ok: false, error: { code: 'invalid_transition', message: expect.stringMatching(/"Planned" cannot become "Held"/) } });
    for (const s of ['agenda_circulated', 'held', 'minutes_drafted', 'minutes_approved', 'summary_published'] as const) {
      const m = await call<Meeting>(backend, 'meetings.setStatus', { id: meeting.id, status: s });
      expect(m.status).toBe(s);
    }
    const back = await backend.dispatch('meetings.setStatus', { id: meeting.id, status: 'planned' });
    expect(back).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    const events = backend.services.meetings.meetings.events(meeting.id).filter((e) => e.kind === 'status');
    expect(events).toHaveLength(5);
  });

  it('starts a new meeting from an earlier agenda: same items and nesting, new ids', async () => {
    const { backend, id } = await meetingWith(['Opening', 'Guidance', 'AOB']);
    const agenda = await call<AgendaItem[]>(backend, 'agenda.add', { meetingId: id, title: 'Template', parentId: (await call<MeetingDetail>(backend, 'meetings.get', { id })).agenda[1]!.id, documents: [{ title: 'Draft', reference: 'TF/1' }] });
    const copy = await call<MeetingDetail>(backend, 'meetings.create', { ...base, title: 'Next', copyAgendaFrom: id });
    expect(outline(copy.agenda)).toEqual(outline(agenda));
    expect(copy.agenda.map((i) => i.id).some((x) => agenda.some((a) => a.id === x))).toBe(false);
    expect(copy.agenda[2]!.documents).toEqual([{ title: 'Draft', reference: 'TF/1' }]);
    const missing = await backend.dispatch('meetings.create', { ...base, copyAgendaFrom: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call<MeetingSummary[]>(backend, 'meetings.list', {})).length).toBe(2);
  });
});

describe('agenda items', () => {
  it('numbers items 1, 2, 2.1 and keeps order through moves, indents and removals', async () => {
    const { backend, id, agenda } = await meetingWith(['A', 'B', 'C', 'D', 'E']);
    const [a, b, c, d] = agenda;
    let now = await call<AgendaItem[]>(backend, 'agenda.move', { id: d!.id, parentId: null, index: 0 });
    expect(outline(now)).toEqual(['1 D', '2 A', '3 B', '4 C', '5 E']);
    now = await call<AgendaItem[]>(backend, 'agenda.move', { id: c!.id, parentId: b!.id, index: 0 });
    expect(outline(now)).toEqual(['1 D', '2 A', '3 B', '3.1 C', '4 E']);
    now = await call<AgendaItem[]>(backend, 'agenda.move', { id: a!.id, parentId: b!.id, index: 99 });
    expect(outline(now)).toEqual(['1 D', '2 B', '2.1 C', '2.2 A', '3 E']);
    now = await call<AgendaItem[]>(backend, 'agenda.remove', { id: c!.id });
    expect(outline(now)).toEqual(['1 D', '2 B', '2.1 A', '3 E']);
    now = await call<AgendaItem[]>(backend, 'agenda.remove', { id: b!.id });
    expect(outline(now)).toEqual(['1 D', '2 E']);
    expect((await call<MeetingDetail>(backend, 'meetings.get', { id })).agenda).toEqual(now);
  });

  it('nests one level only, and never under itself or another meeting', async () => {
    const { backend, agenda } = await meetingWith(['A', 'B']);
    const [a, b] = agenda;
    await call(backend, 'agenda.move', { id: b!.id, parentId: a!.id, index: 0 });
    for (const bad of [
      { id: a!.id, parentId: a!.id, index: 0 },
      { id: a!.id, parentId: b!.id, index: 0 },
    ]) {
      const r = await backend.dispatch('agenda.move', bad);
      expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const deep = await backend.dispatch('agenda.add', { meetingId: agenda[0]!.meetingId, title: 'Too deep', parentId: b!.id });
    expect(deep).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/one level/) } });
    const other = await call<MeetingDetail>(backend, 'meetings.create', { ...base, title: 'Other' });
    const foreign = await backend.dispatch('agenda.add', { meetingId: other.meeting.id, title: 'x', parentId: a!.id });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/same meeting/) } });
  });

  it('updates only the fields it names, and validates them', async () => {
    const { backend, id } = await meetingWith([]);
    const [item] = await call<AgendaItem[]>(backend, 'agenda.add', {
      meetingId: id,
      title: 'A',
      description: 'Keep me',
      kind: 'decision',
      presenter: 'AI Office',
      plannedMinutes: 45,
      documents: [{ title: 'Draft', reference: 'TF/1' }],
    });
    let now = await call<AgendaItem[]>(backend, 'agenda.update', { id: item!.id, forPublication: false });
    expect(now[0]).toMatchObject({ title: 'A', description: 'Keep me', kind: 'decision', presenter: 'AI Office', plannedMinutes: 45, forPublication: false });
    expect(now[0]!.documents).toEqual([{ title: 'Draft', reference: 'TF/1' }]);
    now = await call<AgendaItem[]>(backend, 'agenda.update', { id: item!.id, plannedMinutes: 25 });
    expect(now[0]).toMatchObject({ presenter: 'AI Office', plannedMinutes: 25, forPublication: false });
    const agenda = now;
    const bad = await backend.dispatch('agenda.update', { id: agenda[0]!.id, plannedMinutes: -5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const kind = await backend.dispatch('agenda.update', { id: agenda[0]!.id, kind: 'gossip' });
    expect(kind.ok).toBe(false);
  });

  it('loads the example meeting built from the public record of 30 January 2026', async () => {
    const backend = makeBackend();
    const d = await call<MeetingDetail>(backend, 'example.load', {});
    expect(d.meeting).toMatchObject({ kind: 'constitutive', startsAt: '2026-01-30T10:00', sequence: 1 });
    expect(outline(d.agenda)).toEqual([
      '1 Opening and welcome',
      '2 Logistics of the Taskforce, transparency and EU competition law',
      '3 Rules of procedure',
      '3.1 Adoption of the rules of procedure by consensus',
      '3.2 Majority threshold for inviting external experts',
      '4 Ad hoc groups',
      '5 Future discussion topics',
      '6 Any other business',
    ]);
    const orgs = await call<Array<{ name: string; representatives: unknown[] }>>(backend, 'members.list', {});
    expect(orgs.length).toBeGreaterThanOrEqual(5);
    await call(backend, 'example.load', {});
    expect((await call<unknown[]>(backend, 'members.list', {})).length).toBe(orgs.length); // organisations reused
  });
});

describe('members', () => {
  it('adds, renames and removes organisations and representatives; names are unique', async () => {
    const backend = makeBackend();
    const org = await call<{ id: string }>(backend, 'organisations.create', { name: 'Example Lab', shortName: 'ExLab' });
    const dup = await backend.dispatch('organisations.create', { name: 'example lab' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const rep = await call<{ id: string }>(backend, 'representatives.create', { organisationId: org.id, name: 'Ada', email: 'ada@example.org' });
    const badEmail = await backend.dispatch('representatives.create', { organisationId: org.id, name: 'Bob', email: 'not-an-email' });
    expect(badEmail).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await call(backend, 'representatives.update', { id: rep.id, name: 'Ada Byron', email: 'ada@example.org', role: 'Lead' });
    let list = await call<Array<{ name: string; representatives: Array<{ name: string; role: string }> }>>(backend, 'members.list', {});
    expect(list[0]!.representatives[0]).toMatchObject({ name: 'Ada Byron', role: 'Lead' });
    await call(backend, 'organisations.delete', { id: org.id });
    list = await call(backend, 'members.list', {});
    expect(list).toEqual([]);
    expect(await backend.dispatch('representatives.delete', { id: rep.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
