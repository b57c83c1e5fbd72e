import ElectronStore from 'electron-store';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { storeOver, type SettingsStore } from '../backend/settings';

/** The desktop app's settings: electron-store (userData/settings.json), behind the same SettingsStore as the backend's. */
export function createElectronSettings(): SettingsStore {
  return storeOver(new ElectronStore<Settings>({ name: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: false, configFileMode: 0o600 }));
}
