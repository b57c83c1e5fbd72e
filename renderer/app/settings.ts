import { sharedRead } from './shared-read';

/**
 * This user's settings as the pages read them, asked once per page load (the shell's theme, the meetings list's
 * redaction marker and the minutes page's officer name each asked `settings.get` themselves before). Every
 * `settings.update` answer replaces them (`settingsKnown`).
 */
const settings = sharedRead('settings.get');

export const loadSettings = settings.load;
/** The settings if their answer has come (a first render shows them at once), else undefined. */
export const settingsNow = settings.now;
export const settingsKnown = settings.known;
