import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { doc, p, t } from '../fixtures/export-data';
import { call, makeBackend } from '../helpers/temp';

/**
 * A save the host committed but whose answer the page never got (the connection dropped): the page still holds the
 * rev it started from, and its next save is one rev behind. It used to be refused as a conflict for good (found by an
 * audit); a page that says who it is (`writer`) now has that next save taken on top of its own unacknowledged one.
 */
describe('minutes.saveSection after a lost answer', () => {
  const W = 'a1b2c3d4e5f6a7b8c9d0e1f2';
  const X = 'ffffeeeeddddccccbbbbaaaa';
  async function setup() {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
    const save = (text: string, baseRev: number, writer?: string) => b.dispatch('minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t(text))), baseRev, ...(writer ? { writer } : {}) });
    return { b, m, save };
  }
  const rev = (r: { ok: boolean; value?: unknown }) => (r.ok ? (r.value as { rev: number }).rev : null);
  const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

  it('the same page, one rev behind its own last save: taken on top of it (twice in a row too)', async () => {
    const { save } = await setup();
    expect(rev(await save('One.', 0, W))).toBe(1);
    // rev 2 committed; its answer lost: the page still thinks it is at 1.
    expect(rev(await save('One. Two.', 1, W))).toBe(2);
    expect(rev(await save('One. Two. Three.', 1, W))).toBe(3);
    expect(rev(await save('One. Two. Three. Four.', 1, W))).toBe(4);
    expect(rev(await save('One. Two. Three. Four. Five.', 4, W))).toBe(5);
  });

  it('another page, or a page that does not say who it is, or a base further back: still a conflict', async () => {
    const { save } = await setup();
    expect(rev(await save('One.', 0, W))).toBe(1);
    expect(rev(await save('One. Two.', 1, W))).toBe(2);
    expect(code(await save('Other window.', 1, X))).toBe('conflict');
    expect(code(await save('No writer.', 1))).toBe('conflict');
    expect(code(await save('Further back.', 0, W))).toBe('conflict');
    // Another page wrote since: the first page's stale save is a conflict again.
    expect(rev(await save('Other window, up to date.', 2, X))).toBe(3);
    expect(code(await save('One. Two. Three.', 1, W))).toBe('conflict');
  });

  it('refuses a writer that is not a short hex id', async () => {
    const { save } = await setup();
    expect(code(await save('One.', 0, 'not an id!'))).toBe('bad_request');
  });
});
