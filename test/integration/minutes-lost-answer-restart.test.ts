import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { doc, p, t } from '../fixtures/export-data';
import { call, makeBackend, tempDir } from '../helpers/temp';

/**
 * A save committed just before the host stopped (killed, crashed, Ctrl+C) never had its answer sent.
 * README: "a save committed whose answer was lost on the way back does not leave the section in conflict". But the
 * rule that lets the page's next save go on top (MinutesService answerLost) lived in memory only: once the
 * host was started again, the page's next save (same writer, same base) was refused as a conflict, and every later
 * one too; the words typed since were not stored (an audit, 2026-12-05). Who wrote a rev is now stored with it.
 */
describe('a lost answer across a host restart', () => {
  it('the page that wrote the last rev (answer lost as the host stopped) may save on top of it after the restart', async () => {
    const W = 'a1b2c3d4e5f6a7b8c9d0e1f2';
    const dataDir = tempDir();
    const b1 = makeBackend({ dataDir });
    const m = (await call<MeetingDetail>(b1, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
    const save = (b: typeof b1, text: string, baseRev: number) => b.dispatch('minutes.saveSection', { meetingId: m, sectionKey: 'opening', content: doc(p(t(text))), baseRev, writer: W });
    const r1 = await save(b1, 'First words.', 0);
    expect(r1.ok).toBe(true);
    // Committed (rev 2), but the host stops before the answer reaches the page: the page still holds rev 1.
    const r2 = await save(b1, 'First words. Second words.', 1);
    expect(r2.ok).toBe(true);
    b1.close();

    const b2 = makeBackend({ dataDir });
    // The page (after taking the new launch's token) saves what it holds, and what was typed since, from rev 1.
    const r3 = await save(b2, 'First words. Second words. Typed while the host was down.', 1);
    expect(r3.ok ? 'saved' : `${r3.error.code}: ${r3.error.message}`).toBe('saved');
    const stored = await call<{ content: unknown }>(b2, 'minutes.section', { meetingId: m, sectionKey: 'opening' });
    expect(JSON.stringify(stored.content)).toContain('Typed while the host was down.');
  });
});
