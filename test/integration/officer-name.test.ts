import { TEST_KEY } from '../helpers/key';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { createConfSettings } from '../../electron/backend/settings';
import { call, tempDir } from '../helpers/temp';

/** Flags record the officer's name from the settings, never the operating-system account. */
describe("the officer's name on flags", () => {
  it('is empty until given, then recorded with every new flag; kept across restarts; asked once', async () => {
    const dataDir = tempDir();
    const open = () => new Backend({ key: TEST_KEY, dataDir, host: 'browser', log: { error: () => {} } });
    let backend = open();
    try {
      const s0 = await call<{ officerName: string; officerNameAsked: boolean }>(backend, 'settings.get', {});
      expect(s0).toMatchObject({ officerName: '', officerNameAsked: false });
      const meetingId = (await call<{ meeting: { id: string } }>(backend, 'example.load', {})).meeting.id;
      const before = await call<{ createdBy: string }>(backend, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'one' });
      expect(before.createdBy).toBe('');
      await call(backend, 'settings.update', { officerName: '  Marie   Dubois ', officerNameAsked: true });
      const after = await call<{ createdBy: string }>(backend, 'flags.create', { meetingId, sectionKey: 'opening', excerpt: 'two' });
      expect(after.createdBy).toBe('Marie Dubois');
    } finally {
      backend.close();
    }
    backend = open();
    try {
      expect(await call(backend, 'settings.get', {})).toMatchObject({ officerName: 'Marie Dubois', officerNameAsked: true });
    } finally {
      backend.close();
    }
  });

  it('a hand-edited settings file with a bad value loses only that value', () => {
    const dir = tempDir();
    const s = createConfSettings(dir);
    s.update({ lastExportFolder: '/tmp/out', officerName: 'Ana' });
    expect(s.get()).toMatchObject({ lastExportFolder: '/tmp/out', officerName: 'Ana', officerNameAsked: false, problem: null });
  });
});
