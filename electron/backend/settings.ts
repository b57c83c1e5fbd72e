import { Conf } from './conf-loader';
import { AppError } from '../../shared/errors';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, Settings, STORED_SETTINGS, type SettingsUpdate } from '../../shared/domain/settings';

/** Where settings live. Electron passes one backed by electron-store; the browser host uses conf in its data folder. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsUpdate): Settings;
}

export const SETTINGS_FILE = 'settings.json';

/** conf (what electron-store is built on) works in plain Node when told the folder. Writes are atomic. */
export function createConfSettings(dir: string, now: () => Date = () => new Date()): SettingsStore {
  let problem: string | null;
  try {
    problem = recoverSettingsFile(path.join(dir, SETTINGS_FILE), now());
  } catch (err) {
    if (err instanceof SettingsFileError) return memorySettings(err.message);
    throw err;
  }
  // conf writes; it is opened on the first write, not at start nor on the first read: conf and ajv are a third of the
  // start bundle, and opening them took 60–110 ms of the first page's answers at every start of the browser host (the
  // page asks for the settings at once). Reads take the file as conf would (conf, too, reads the file on every get):
  // a value missing, or a file missing or unreadable, reads as undefined, which storeOver turns into the default.
  let conf: { get(key: string): unknown; set(key: string, value: unknown): void } | null = null;
  const open = () =>
    (conf ??= new Conf<Settings>({ cwd: dir, configName: 'settings', defaults: stored(DEFAULT_SETTINGS), clearInvalidConfig: false, projectSuffix: '', configFileMode: 0o600 }) as unknown as {
      get(key: string): unknown;
      set(key: string, value: unknown): void;
    });
  const file = path.join(dir, SETTINGS_FILE);
  return storeOver({ get: (k) => (conf ? conf.get(k) : readSettingsFile(file)[k]), set: (k, v) => open().set(k, v) }, problem);
}

/** The settings file's object as it stands; empty when the file is missing or does not hold an object. */
function readSettingsFile(file: string): Record<string, unknown> {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const stored = (s: Settings) => Object.fromEntries(STORED_SETTINGS.map((k) => [k, s[k]])) as unknown as Settings;

/**
 * Checks the settings file before the store opens it. A file that is not JSON, not an object, or holds a value this
 * app cannot use is first copied beside itself (settings.invalid-<time>.json), then reset; the returned sentence
 * tells the officer, who sees it on the Settings page. If the copy cannot be made, the file is left alone and the
 * app runs on defaults for this session. Returns null when the file is fine or absent.
 */
export function recoverSettingsFile(file: string, at: Date): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null; // absent: the store creates it
  }
  let why: string | null = null;
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) why = 'it does not hold settings';
    else {
      const bad = STORED_SETTINGS.filter((k) => k in data && !Settings.shape[k].safeParse((data as Record<string, unknown>)[k]).success);
      if (bad.length) why = `it holds values this app cannot use (${bad.join(', ')})`;
    }
  } catch {
    why = 'it is not valid JSON (damaged or edited by hand)';
  }
  if (!why) return null;
  const copy = path.join(path.dirname(file), `settings.invalid-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  try {
    fs.copyFileSync(file, copy, fs.constants.COPYFILE_EXCL);
  } catch (err) {
    throw new SettingsFileError(`The settings file ${file} could not be read (${why}), and no copy of it could be kept (${(err as Error).message}). It was left untouched.`);
  }
  fs.writeFileSync(file, `${JSON.stringify(stored(DEFAULT_SETTINGS), null, '\t')}\n`);
  return `The settings file could not be read (${why}). A copy was kept as ${copy}, and the settings were reset to their defaults.`;
}

export class SettingsFileError extends Error {}

/**
 * Both stores share conf's get/set API; every value read back is validated on its own, so a hand-edited file cannot
 * break the app (a bad value reads as its default).
 */
export function storeOver(conf: { get(key: string): unknown; set(key: string, value: unknown): void }, problem: string | null = null): SettingsStore {
  let notice = problem;
  const read = (): Settings => {
    const out: Record<string, unknown> = { ...DEFAULT_SETTINGS, problem: notice };
    for (const k of STORED_SETTINGS) {
      const v = Settings.shape[k].safeParse(conf.get(k));
      if (v.success) out[k] = v.data;
    }
    return out as Settings;
  };
  return {
    get: read,
    update(patch) {
      try {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined) continue;
          if (k === 'acknowledgeProblem') notice = null;
          else conf.set(k, v);
        }
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        throw new AppError('storage', `The settings could not be saved (${code === 'ENOSPC' ? 'the disk is full' : code}). Nothing else was affected.`);
      }
      return read();
    },
  };
}

/** A store in memory only (when the file cannot be used at all): the app still runs, and says so. */
export function memorySettings(problem: string): SettingsStore {
  const values = new Map<string, unknown>();
  return storeOver({ get: (k) => values.get(k), set: (k, v) => values.set(k, v) }, problem);
}
