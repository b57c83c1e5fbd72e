import { app } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { DEFAULT_SETTINGS, STORED_SETTINGS, type Settings } from '../../shared/domain/settings';
import { memorySettings, recoverSettingsFile, SETTINGS_FILE, SettingsFileError, storeOver, type SettingsStore } from '../backend/settings';

/** The desktop app's settings: electron-store (userData/settings.json), behind the same SettingsStore as the backend's. */
export function createElectronSettings(): SettingsStore {
  let problem: string | null;
  try {
    problem = recoverSettingsFile(path.join(app.getPath('userData'), SETTINGS_FILE), new Date());
  } catch (err) {
    if (err instanceof SettingsFileError) return memorySettings(err.message);
    throw err;
  }
  const defaults = Object.fromEntries(STORED_SETTINGS.map((k) => [k, DEFAULT_SETTINGS[k]])) as unknown as Settings;
  return storeOver(new ElectronStore<Settings>({ name: 'settings', defaults, clearInvalidConfig: false, configFileMode: 0o600 }), problem);
}
