import { REVISION_REASON_LABEL } from '../../../shared/domain/minutes-labels';
import type { AutosaveStatus } from './autosave';

/**
 * What the save indicators say, as pure functions. The rules: a section that cannot be edited (approved minutes, an
 * item removed from the agenda) is a state said in plain words, never an error; "Not saved" appears only when a save
 * really failed, and then says what to do. Internal ids and call names never appear.
 */
export type SaveTone = 'idle' | 'saved' | 'busy' | 'failed' | 'readonly';

export interface SaveView {
  tone: SaveTone;
  /** Short, for the section header or the bar. */
  label: string;
  /** What it means / what to do (title, or the line under a failure). */
  detail: string;
}

/**
 * What to do after a failed save, by the backend's error code and, for a refused save, where the backend kept its
 * words (SaveRefusal.kept: a copy in the section's History, or the section itself holds them; also for an item
 * removed meanwhile, whose section and History stay with it).
 */
export function saveFailureAdvice(code: string | null | undefined, kept?: AutosaveStatus['errorKept'], said?: string | null): string {
  // The data file deleted or replaced under the app: the backend's own words say where everything is kept (file paths,
  // no ids); retrying cannot help (an audit, 2026-12-07, found the page saying it would).
  if (code === 'storage' && kept === 'recovery' && said) return said;
  switch (code) {
    case 'read_only':
      if (kept === 'history')
        return `These minutes were approved meanwhile, so the change was refused. Your words are kept in this section’s History, as “${REVISION_REASON_LABEL.refused_copy}”: reopen the minutes to restore them.`;
      if (kept === 'section') return 'These minutes were approved meanwhile. The section holds your words as they are: nothing is lost.';
      return 'These minutes were approved meanwhile, so the change was refused. Copy what you last typed, then reopen the minutes to add it.';
    case 'conflict':
      if (kept === 'history')
        return `This section was changed in another window, so your words were not saved over it. They are kept in this section’s History, as “${REVISION_REASON_LABEL.conflict_copy}”. Show the section as it now stands, then open History to restore your words or copy from them.`;
      return 'This section was changed in another window. Copy what you last typed and reload the page.';
    case 'not_found':
      if (kept === 'trash')
        return `This meeting was deleted in another window, so your words were not saved. They are kept with it in the Trash: restore the meeting from the Trash, then open this item’s History, where they are “${REVISION_REASON_LABEL.conflict_copy}”.`;
      if (kept === 'history')
        return `This item was removed from the agenda meanwhile, so your words were not saved in it. They are kept in its History, as “${REVISION_REASON_LABEL.conflict_copy}”: restore the item from the Trash, then open its History to restore them or copy from them.`;
      if (kept === 'section') return 'This item was removed from the agenda meanwhile. Its section holds your words as they are, so nothing is lost: restore the item from the Trash to go on.';
      return 'This item is no longer on the agenda. Copy what you typed into another item.';
    case 'unauthorised':
      return 'The app was started again, so this page of its earlier start can no longer save. Your words are kept here: do not reload or close this page. Open the address the app printed when it restarted, in this browser (a new tab); this page then saves them by itself.'
    case 'bad_request':
      return 'The data file cannot take what this item now holds, so it is not saved, and a retry will not help. Undo your last change (Ctrl+Z), or remove what you last pasted: the item then saves again. Copy what you typed first, to be safe.';
    case 'storage':
      return 'The data file cannot be written right now (disk full or the app’s local server stopped). Keep this window open: it retries on its own.';
    default:
      return 'Keep this window open: it retries on its own. If this stays, copy what you last typed.';
  }
}

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB');

export function sectionSaveView(status: AutosaveStatus | undefined, opts: { approved: boolean; orphan: boolean }): SaveView {
  if (opts.orphan) return { tone: 'readonly', label: 'Removed from the agenda', detail: 'Kept as it was; it can no longer be edited.' };
  if (opts.approved) return { tone: 'readonly', label: 'Read-only', detail: 'Approved minutes are read-only until reopened.' };
  if (!status) return { tone: 'idle', label: '', detail: '' };
  switch (status.state) {
    case 'failed':
      return { tone: 'failed', label: 'Not saved', detail: saveFailureAdvice(status.errorCode, status.errorKept, status.error) };
    case 'saving':
    case 'pending':
      return { tone: 'busy', label: 'Saving…', detail: 'Your words are being written to the data file.' };
    default:
      return status.savedAt ? { tone: 'saved', label: 'Saved', detail: `Saved at ${time(status.savedAt)}` } : { tone: 'idle', label: '', detail: '' };
  }
}

/**
 * Sections holding keys typed before their editor came (useTypeAhead), not yet taken by it: not saved yet.
 * `typedFailed` of them failed to load and are being tried again.
 */
export function typedWaiting(typed: ReadonlyMap<string, string>, failed: ReadonlySet<string>) {
  return { typedPending: typed.size, typedFailed: [...typed.keys()].filter((k) => failed.has(k)).length };
}

/** The page's one indicator, in the meeting bar. */
export function pageSaveView(statuses: readonly AutosaveStatus[], opts: { approved: boolean; typedPending?: number; typedFailed?: number }): SaveView {
  if (opts.approved) return { tone: 'readonly', label: 'Approved · read-only', detail: 'Approved minutes are read-only. Reopen them to make changes (a new version).' };
  const failed = statuses.filter((s) => s.state === 'failed');
  if (failed.length > 0)
    return {
      tone: 'failed',
      label: failed.length === 1 ? 'Not saved: 1 section' : `Not saved: ${failed.length} sections`,
      detail: saveFailureAdvice(failed[0]!.errorCode, failed[0]!.errorKept, failed[0]!.error),
    };
  const typedFailed = opts.typedFailed ?? 0;
  if (typedFailed > 0)
    return {
      tone: 'failed',
      label: typedFailed === 1 ? 'Not saved: 1 item not loaded' : `Not saved: ${typedFailed} items not loaded`,
      detail: 'What you typed is kept on this page and saved once the item loads; it is tried again by itself. Keep this window open.',
    };
  if ((opts.typedPending ?? 0) > 0 || statuses.some((s) => s.state === 'saving' || s.state === 'pending'))
    return { tone: 'busy', label: 'Saving…', detail: 'Your words are being written to the data file.' };
  const last = statuses
    .map((s) => s.savedAt ?? '')
    .sort()
    .at(-1);
  return last ? { tone: 'saved', label: `All changes saved ${time(last)}`, detail: 'Every change is written to the data file.' } : { tone: 'idle', label: 'No changes yet', detail: 'Changes are saved as you type.' };
}
