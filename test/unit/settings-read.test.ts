import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp';

// conf (and ajv) must not be opened to read the settings: it took 60–110 ms of the first page's answers at every start
// of the browser host. Here opening it fails, so any read that opens it fails the test.
const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../electron/backend/conf-loader', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/backend/conf-loader')>();
  return {
    Conf: class extends real.Conf<Record<string, unknown>> {
      constructor(options: ConstructorParameters<typeof real.Conf<Record<string, unknown>>>[0]) {
        opened.count++;
        super(options);
      }
    },
  };
});

const { createConfSettings } = await import('../../electron/backend/settings');
const { DEFAULT_SETTINGS } = await import('../../shared/domain/settings');

describe('the browser host reads its settings without opening conf; conf writes them', () => {
  it('reads a missing file as the defaults, a file as it stands, a bad value as its default, and opens conf only to write', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    expect(createConfSettings(dir).get()).toEqual(DEFAULT_SETTINGS);
    fs.writeFileSync(file, JSON.stringify({ theme: 'dark', redactionMarker: '[x]' }));
    const s = createConfSettings(dir);
    expect(s.get()).toMatchObject({ theme: 'dark', redactionMarker: '[x]' });
    expect(opened.count).toBe(0);
    // Changed by another writer (or by hand) while running: read as it now stands, as conf would.
    fs.writeFileSync(file, JSON.stringify({ theme: 'purple', redactionMarker: '[x]' }));
    expect(s.get()).toMatchObject({ theme: DEFAULT_SETTINGS.theme, redactionMarker: '[x]' });
    fs.writeFileSync(file, JSON.stringify({ theme: 'light' }));
    expect(s.get()).toMatchObject({ theme: 'light', redactionMarker: DEFAULT_SETTINGS.redactionMarker });
    expect(opened.count).toBe(0);
    expect(s.update({ redactionMarker: '[redacted]' })).toMatchObject({ theme: 'light', redactionMarker: '[redacted]' });
    expect(opened.count).toBe(1);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ theme: 'light', redactionMarker: '[redacted]' });
    expect(createConfSettings(dir).get()).toMatchObject({ theme: 'light', redactionMarker: '[redacted]' });
    expect(opened.count).toBe(1);
  });
});
