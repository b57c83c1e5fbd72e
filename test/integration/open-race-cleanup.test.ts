import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { TEST_KEY } from '../helpers/key';

// The race of two starts on a new data folder: the second's inspectForOpen ran before the first made the file.
let raceOnce = false;
vi.mock('../../electron/backend/db/data-file', async (orig) => {
  const real = await orig<typeof import('../../electron/backend/db/data-file')>();
  return {
    ...real,
    inspectForOpen: (file: string) => {
      if (raceOnce) {
        raceOnce = false;
        return { state: 'new', checkedAtClose: false };
      }
      return real.inspectForOpen(file);
    },
  };
});

/**
 * A second audit of the cleanup of a new data file whose open failed (5435843): two starts on a new data folder, the
 * second having seen no file before the first made it, were refused as in use and then removed the first one's file.
 * Only an empty file (not a byte written) is removed now.
 */
describe('openDatabase: a new data file whose open failed', () => {
  it("a second start that saw no file (race) and is refused as in use does not delete the first one's file", async () => {
    const { openDatabase, DB_FILE_NAME } = await import('../../electron/backend/db/connection');
    const dataDir = tempDir();
    const a = makeBackend({ dataDir });
    const m = (await call<MeetingDetail>(a, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' })).meeting.id;
    const file = path.join(dataDir, DB_FILE_NAME);
    raceOnce = true;
    let err: unknown = null;
    try {
      openDatabase(file, { key: TEST_KEY }).close();
    } catch (e) {
      err = e;
    }
    expect(String(err)).toMatch(/in use|another/i);
    expect(fs.existsSync(file)).toBe(true);
    const r = await a.dispatch('meetings.get', { id: m });
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  });
});
