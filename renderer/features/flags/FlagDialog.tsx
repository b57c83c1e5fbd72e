import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, FLAG_REASON_LABEL, type FlagReason } from '../../../shared/domain/flags-labels';
import { ErrorNote, Field } from '../../ui/kit';
import { useLatest } from '../../ui/useLatest';
import { excerpt } from '../../../shared/domain/minutes-labels';

export interface FlagRequest {
  text: string;
  /** Creates the flag record (through the backend) and resolves its id; null when cancelled. */
  resolve: (value: { reason: FlagReason; note: string } | null) => Promise<void>;
}

/** Asks why a passage is confidential. Enter confirms the default reason at once, so flagging stays one keystroke away. */
export function FlagDialog({ request, onDone }: { request: FlagRequest; onDone: () => void }) {
  const [reason, setReason] = useState<FlagReason>(DEFAULT_FLAG_REASON);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => first.current?.focus(), []);

  /** Set once the officer has answered: the focus may then go back to the minutes. */
  const closing = useRef(false);
  const finish = async (value: { reason: FlagReason; note: string } | null) => {
    closing.current = true;
    setBusy(true);
    try {
      await request.resolve(value);
      onDone();
    } catch (e) {
      closing.current = false;
      setError(e);
      setBusy(false);
    }
  };
  const finishRef = useLatest(finish);
  // Modal while open: an editor update that lands after the dialog opened (a keystroke still being committed, a save)
  // may put the browser's selection, and with it the focus, back in the minutes. Focus returns to the dialog, and
  // Escape cancels wherever the focus is, so that no key meant for the dialog goes into the minutes behind it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || closing.current) return;
      e.preventDefault();
      e.stopPropagation();
      void finishRef.current(null);
    };
    const onFocusIn = (e: FocusEvent) => {
      if (!closing.current && box.current && e.target instanceof Node && !box.current.contains(e.target)) first.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [finishRef]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void finish({ reason, note });
  };
  const quoted = excerpt(request.text, 160);
  return (
    <div className="overlay" role="presentation">
      <form
        ref={box}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="flag-title"
        onSubmit={submit}
        onKeyDown={(e) => {
          // A <select> does not submit its form on Enter by itself; here Enter must confirm (one keystroke to flag).
          if (e.key === 'Enter' && e.target instanceof HTMLSelectElement && !busy) {
            e.preventDefault();
            void finish({ reason, note });
          }
        }}
      >
        <h2 id="flag-title">Flag as not for publication</h2>
        <blockquote className="flag-excerpt">{quoted || <em>(empty selection: the flag covers what you type next)</em>}</blockquote>
        <Field label="Reason">
          {(id) => (
            <select id={id} ref={first} value={reason} onChange={(e) => setReason(e.target.value as FlagReason)}>
              {FLAG_REASONS.map((r) => (
                <option key={r} value={r}>
                  {FLAG_REASON_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Note (optional)">{(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}</Field>
        <ErrorNote error={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Flag
          </button>
          <button type="button" onClick={() => void finish(null)} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
