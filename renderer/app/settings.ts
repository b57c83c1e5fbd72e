import type { Settings } from '../../shared/domain/settings';
import { api } from '../api';
import { takeBoot } from './boot-calls';

/**
 * This user's settings as the pages read them: asked of the backend once per page load and shared (issue 16: the shell
 * (theme), the meetings list (redaction marker) and the minutes page (officer's name prompt) each asked `settings.get`
 * themselves, so the first page asked for it twice). Every write's answer replaces it (`settingsKnown`), so a page
 * opened afterwards reads the new settings. A failed read is not kept: the next reader asks again.
 */
let current: Promise<Settings> | null = null;

export function loadSettings(): Promise<Settings> {
  current ??= (takeBoot('settings.get', {}) ?? api.call('settings.get', {})).catch((e: unknown) => {
    current = null;
    throw e;
  });
  return current;
}

/** The settings as a write (`settings.update`) answered them. */
export function settingsKnown(s: Settings): void {
  current = Promise.resolve(s);
}
