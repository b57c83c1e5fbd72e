import { useEffect, useRef } from 'react';

/**
 * Asks before a public summary is exported from minutes that are not approved: it would be published as a draft
 * (marked "DRAFT" on every page). Cancel is the default (Escape, and the focused button).
 */
export function DraftConfirmDialog({ minutesStatus, version, onAnswer }: { minutesStatus: string; version: number; onAnswer: (confirmed: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="overlay" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onAnswer(false)}>
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="draft-title" aria-describedby="draft-text">
        <h2 id="draft-title">Export a draft public summary?</h2>
        <p id="draft-text">
          The minutes are not approved yet (version {version}, {minutesStatus}). The public summary will be marked “DRAFT — minutes not approved” on
          every page. Publish only once the minutes are approved.
        </p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => onAnswer(true)}>
            Export as draft
          </button>
          <button type="button" ref={cancel} onClick={() => onAnswer(false)}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
