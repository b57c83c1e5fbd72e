import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfSettings } from '../../electron/backend/settings';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { call, makeBackend, tempDir } from '../helpers/temp';

const at = () => new Date('2026-05-01T10:00:00Z');
const copies = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('settings.invalid-'));

describe('settings', () => {
  it('keeps theme, marker and folders; rejects bad values at the boundary', async () => {
    const b = makeBackend();
    expect(await call(b, 'settings.get', {})).toEqual(DEFAULT_SETTINGS);
    const s = await call(b, 'settings.update', { theme: 'dark', redactionMarker: '[redacted]', defaultExportFolder: '/srv/exports' });
    expect(s).toMatchObject({ theme: 'dark', redactionMarker: '[redacted]', defaultExportFolder: '/srv/exports', problem: null });
    expect((await b.dispatch('settings.update', { theme: 'purple' })).ok).toBe(false);
    expect((await b.dispatch('settings.update', { redactionMarker: '   ' })).ok).toBe(false);
    expect(createConfSettings(path.dirname(b.dbFile)).get().theme).toBe('dark');
  });

  it('an unreadable settings file is copied, then reset, and the officer is told', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{"theme": "dark", "lastExportFolder": "/home/x');
    const s = createConfSettings(dir, at);
    expect(s.get()).toMatchObject({ theme: 'system', lastExportFolder: '' });
    expect(s.get().problem).toMatch(/not valid JSON.*A copy was kept as .*settings\.invalid-2026-05-01T10-00-00-000Z\.json.*reset/);
    expect(copies(dir)).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, copies(dir)[0]!), 'utf8')).toBe('{"theme": "dark", "lastExportFolder": "/home/x');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ theme: 'system' });
    // Acknowledged: the notice goes; the next start finds a good file and says nothing.
    expect(s.update({ acknowledgeProblem: true }).problem).toBeNull();
    expect(createConfSettings(dir, at).get().problem).toBeNull();
    expect(copies(dir)).toHaveLength(1);
  });

  it('a value the app cannot use is treated the same way; a good file keeps its values', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ theme: 'neon', lastExportFolder: '/x' }));
    expect(createConfSettings(dir, at).get().problem).toMatch(/values this app cannot use \(theme\)/);
    expect(copies(dir)).toHaveLength(1);

    const ok = tempDir();
    const good = `${JSON.stringify({ theme: 'light', lastExportFolder: '/y' })}\n`;
    fs.writeFileSync(path.join(ok, 'settings.json'), good);
    const s = createConfSettings(ok, at).get();
    expect(s).toMatchObject({ theme: 'light', lastExportFolder: '/y', problem: null });
    expect(JSON.parse(fs.readFileSync(path.join(ok, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'light', lastExportFolder: '/y' });
    expect(copies(ok)).toHaveLength(0);
  });

  it('a backend starts on a damaged settings file and reports it through settings.get', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '\u0000\u0001garbage');
    const b = makeBackend({ dataDir: dir });
    const s = await call<{ problem: string | null }>(b, 'settings.get', {});
    expect(s.problem).toMatch(/could not be read/);
  });
});
