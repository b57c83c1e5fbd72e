import { describe, expect, it } from 'vitest';
import type { TrashEntry } from '../../shared/contract/trash';
import type { SearchOutput } from '../../shared/contract/search';
import { call, makeBackend } from '../helpers/temp';
import { codeOf } from './minutes-fixture';
import { agendaOf, content, fullMeeting } from './trash-fixture';

describe('trash', () => {
  it('a deleted meeting comes back with everything it held, searchable again', async () => {
    const { backend, meetingId } = await fullMeeting();
    const before = content(backend);
    await call(backend, 'meetings.delete', { id: meetingId });
    expect(await codeOf(backend, 'meetings.get', { id: meetingId })).toBe('not_found');
    expect((await call<SearchOutput>(backend, 'search.query', { query: 'quorum' })).hits).toHaveLength(0);
    const trash = await call<TrashEntry[]>(backend, 'trash.list', {});
    expect(trash).toHaveLength(1);
    expect(trash[0]).toMatchObject({ kind: 'meeting', label: 'Plenary — 10 February 2026', keptWords: false });
    expect(trash[0]!.detail).toContain('3 agenda items');
    expect(trash[0]!.detail).toContain('1 flag');
    await call(backend, 'trash.restore', { id: trash[0]!.id });
    expect(content(backend)).toBe(before);
    expect(await call(backend, 'trash.list', {})).toEqual([]);
    expect((await call<SearchOutput>(backend, 'search.query', { query: 'quorum' })).hits.map((h) => h.kind)).toEqual(['minutes']);
    expect((await call<SearchOutput>(backend, 'search.query', { query: 'signatory' })).hits.length).toBeGreaterThan(0);
  });

  it('an agenda item comes back at its place with its sub-items', async () => {
    const { backend, meetingId, items } = await fullMeeting();
    const before = await agendaOf(backend, meetingId);
    expect(before).toEqual(['1 Adoption of the agenda', '2 Signatory updates', '2.1 Model reports']);
    await call(backend, 'agenda.remove', { id: items[0] });
    expect(await agendaOf(backend, meetingId)).toEqual(['1 Signatory updates', '1.1 Model reports']);
    await call(backend, 'agenda.remove', { id: items[1] });
    expect(await agendaOf(backend, meetingId)).toEqual([]);
    const trash = await call<TrashEntry[]>(backend, 'trash.list', {});
    expect(trash.map((t) => t.label)).toEqual(['1 Signatory updates (Plenary, 10 February 2026)', '1 Adoption of the agenda (Plenary, 10 February 2026)']);
    expect(trash[0]!.detail).toContain('1 sub-item');
    for (const t of trash) await call(backend, 'trash.restore', { id: t.id });
    expect(await agendaOf(backend, meetingId)).toEqual(before);
  });

  it('an organisation comes back with its representatives and attendance links', async () => {
    const { backend, meetingId, orgId } = await fullMeeting();
    const before = content(backend);
    await call(backend, 'organisations.delete', { id: orgId });
    const links = backend.db.prepare(`SELECT count(*) AS n FROM attendance WHERE representative_id IS NOT NULL`).get() as { n: number };
    expect(links.n).toBe(0);
    const [entry] = await call<TrashEntry[]>(backend, 'trash.list', {});
    expect(entry!.detail).toContain('1 representative');
    // Someone made an organisation of the same name meanwhile: the restore says so and changes nothing.
    const other = await call<{ id: string }>(backend, 'organisations.create', { name: 'Mistral AI' });
    const mid = content(backend);
    expect(await codeOf(backend, 'trash.restore', { id: entry!.id })).toBe('conflict');
    expect(content(backend)).toBe(mid);
    backend.db.prepare(`DELETE FROM organisations WHERE id = ?`).run(other.id);
    await call(backend, 'trash.restore', { id: entry!.id });
    expect(content(backend)).toBe(before);
    expect(meetingId).toBeTruthy();
  });

  it('an agenda item of a deleted meeting cannot come back alone; entries expire after 30 days; emptying is explicit', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    const backend = makeBackend({ context: { now: () => new Date(now), newId: (() => { let n = 0; return () => `t${++n}`; })(), user: 'officer' } });
    const { meetingId, items } = await fullMeeting(backend);
    await call(backend, 'agenda.remove', { id: items[0] });
    await call(backend, 'meetings.delete', { id: meetingId });
    const list = await call<TrashEntry[]>(backend, 'trash.list', {});
    const item = list.find((t) => t.kind === 'agenda_item')!;
    const r = await backend.dispatch('trash.restore', { id: item.id });
    expect(r.ok ? '' : r.error.message).toMatch(/Restore the meeting first/);
    expect(list[0]!.deletedBy).toBe('officer');
    expect(await codeOf(backend, 'trash.empty', {})).toBe('bad_request');
    now += 29 * 86_400_000;
    expect(await call<TrashEntry[]>(backend, 'trash.list', {})).toHaveLength(2);
    now += 2 * 86_400_000;
    expect(await call<TrashEntry[]>(backend, 'trash.list', {})).toHaveLength(0);
    await call(backend, 'organisations.create', { name: 'Temp org' });
    const orgs = await call<Array<{ id: string }>>(backend, 'members.list', {});
    for (const o of orgs) await call(backend, 'organisations.delete', { id: o.id });
    expect(await call(backend, 'trash.empty', { confirm: true })).toEqual({ removed: orgs.length });
    expect(await call<TrashEntry[]>(backend, 'trash.list', {})).toHaveLength(0);
  });
});
