/**
 * Whether the officer wants suggestions shown: a preference of this machine's officer, not of a meeting, kept in the
 * renderer's own storage (localStorage). Any value but "off" is on. Reading or writing never throws: a page whose
 * storage is refused (a policy, a full disk) keeps suggestions on and forgets the choice at reload.
 */
const KEY = 'tfs-suggestions';

export function suggestionsWanted(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function rememberSuggestionsWanted(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Kept for this page only (the switch shows it); said nowhere else, as nothing of the minutes depends on it.
  }
}

/**
 * The page's first use of localStorage opens it (a round trip to the browser process, ~3 ms of the main thread here)
 * and that first use was the minutes page's first render (issue 16). boot.js calls this in the task after it, while
 * the app's code is still arriving and the main thread only waits: the render then reads it at no cost.
 */
export function openPreferencesEarly(): void {
  suggestionsWanted();
}
