import Conf from 'conf';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS, Settings, type SettingsUpdate } from '../../shared/domain/settings';

/** Where settings live. Electron passes one backed by electron-store; the browser host uses conf in its data folder. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsUpdate): Settings;
}

/** conf (what electron-store is built on) works in plain Node when told the folder. Writes are atomic. */
export function createConfSettings(dir: string): SettingsStore {
  const conf = new Conf<Settings>({ cwd: dir, configName: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: false, projectSuffix: '', configFileMode: 0o600 });
  return storeOver(conf);
}

/** Both stores share conf's get/set API; values read back are validated, so a hand-edited file cannot break the app. */
export function storeOver(conf: { get(key: keyof Settings): unknown; set(key: keyof Settings, value: unknown): void }): SettingsStore {
  const read = (): Settings => {
    // Key by key: a bad value (or a file from an older version without the key) falls back to that key's default.
    const out = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const parsed = Settings.shape[key].safeParse(conf.get(key));
      if (parsed.success) out[key] = parsed.data;
    }
    return out as Settings;
  };
  return {
    get: read,
    update(patch) {
      try {
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) conf.set(k as keyof Settings, v);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        throw new AppError('storage', `The settings could not be saved (${code === 'ENOSPC' ? 'the disk is full' : code}). Nothing else was affected.`);
      }
      return read();
    },
  };
}
