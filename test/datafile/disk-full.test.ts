import { TEST_KEY } from '../helpers/key';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, tempDir } from '../helpers/temp';

/** A real full disk: a 4 MB tmpfs (needs root and mount rights; skipped with the reason otherwise). */
function mountSmallDisk(): { dir: string; unmount: () => void } | string {
  const dir = tempDir('tfs-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return `cannot mount a tmpfs here: ${(r.stderr || r.error?.message || '').trim()}`;
  return { dir, unmount: () => spawnSync('umount', ['-l', dir]) };
}

const disk = mountSmallDisk();
const skip = typeof disk === 'string' ? disk : '';
if (skip) console.warn(`disk-full test skipped: ${skip}`);

describe.skipIf(skip !== '')('a full disk', () => {
  it('saves and settings are refused with a typed storage error, never acknowledged then lost', async () => {
    const { dir, unmount } = disk as Exclude<typeof disk, string>;
    try {
      const dataDir = path.join(dir, 'data');
      const backend = new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
      const m = await call<MeetingDetail>(backend, 'meetings.create', { title: 'Full disk', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
      const filler = path.join(dir, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        const chunk = Buffer.alloc(64 * 1024, 1);
        for (;;) fs.writeSync(fd, chunk);
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      let acked = 0;
      let refusal: { code: string; message: string } | null = null;
      for (let i = 0; i < 400 && !refusal; i++) {
        const r = await backend.dispatch('agenda.add', { meetingId: m.meeting.id, title: `Item ${i} ${'y'.repeat(280)}` });
        if (r.ok) acked++;
        else refusal = r.error;
      }
      expect(refusal).toMatchObject({ code: 'storage', message: expect.stringMatching(/disk is full.*not saved/i) });
      const s = await backend.dispatch('settings.update', { lastExportFolder: '/x'.repeat(1000) });
      expect(s.ok).toBe(false);
      if (!s.ok) expect(s.error).toMatchObject({ code: 'storage', message: expect.stringMatching(/disk is full/) });
      // Room again: the app carries on, and every acknowledged item is still there after a restart.
      fs.rmSync(filler);
      await call(backend, 'agenda.add', { meetingId: m.meeting.id, title: 'After the disk was freed' });
      acked++;
      backend.close();
      const again = new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
      expect(again.services.meetings.get(m.meeting.id).agenda).toHaveLength(acked);
      again.close();
    } finally {
      unmount();
    }
  });
});
