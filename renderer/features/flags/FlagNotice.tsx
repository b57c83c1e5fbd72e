import { flagState } from '../../../shared/domain/flags-labels';
import type { Flag } from '../../../shared/domain/flags';
import { excerpt } from '../../../shared/domain/minutes-labels';

/**
 * What the officer must know at once about a flag that left force or lost its mark, shown on the minutes page:
 * "Flag lifted by undo — Redo to restore", or "a flagged passage lost its mark — flag it again".
 */
export type FlagNoticeState = { kind: 'undo' | 'mark_missing'; excerpts: string[] };

/** The notice a save's changed records call for, if any (mark missing first: it blocks the public summary). */
export function flagNoticeFor(changed: readonly Flag[]): FlagNoticeState | null {
  const missing = changed.filter((f) => flagState(f) === 'mark_missing');
  if (missing.length > 0) return { kind: 'mark_missing', excerpts: missing.map((f) => f.excerpt) };
  const undone = changed.filter((f) => flagState(f) === 'lifted_by_undo');
  if (undone.length > 0) return { kind: 'undo', excerpts: undone.map((f) => f.excerpt) };
  return null;
}

const quote = (s: string) => `“${excerpt(s, 60)}”`;

export function FlagNotice({ notice, onShowFlags, onDismiss }: { notice: FlagNoticeState; onShowFlags: () => void; onDismiss: () => void }) {
  const list = notice.excerpts.filter((e) => e.trim() !== '').map(quote).join(', ');
  return (
    <div className={`flag-notice ${notice.kind}`} role="status" data-testid="flag-notice">
      {notice.kind === 'undo' ? (
        <span>
          <strong>Flag lifted by undo</strong>
          {list ? `: ${list}` : ''}. The passage will be published. Press <kbd>Ctrl+Y</kbd> (Redo) to restore the flag.
        </span>
      ) : (
        <span>
          <strong>A flagged passage lost its mark</strong>
          {list ? `: ${list}` : ''}. It stays confidential and the public summary is blocked until you flag it again or lift the flag.
        </span>
      )}
      <button type="button" onClick={onShowFlags}>
        Show flags
      </button>
      <button type="button" onClick={onDismiss} aria-label="Dismiss this notice">
        ✕
      </button>
    </div>
  );
}
