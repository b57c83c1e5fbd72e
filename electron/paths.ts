import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'taskforce-secretariat';

/**
 * Where the browser host keeps its data when no --data-dir is given: the platform's per-user data folder
 * (Linux: $XDG_DATA_HOME or ~/.local/share; macOS: ~/Library/Application Support; Windows: %APPDATA%).
 * The Electron host uses app.getPath('userData') instead.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  const base = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
  return path.join(base, APP_FOLDER);
}
