import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, FLAG_REASON_LABEL, type FlagReason } from '../../../shared/domain/flags-labels';
import { Field } from '../../ui/kit';
import { keepTabInside } from '../../ui/Dialog';
import { useLatest } from '../../ui/useLatest';
import { excerpt } from '../../../shared/domain/minutes-labels';

export interface FlagRequest {
  text: string;
  /**
   * The officer's answer (null: cancelled), at the press. The page gives the caret back to the minutes there and then,
   * and records the flag after (a failure is said in a note): nothing typed next waits for the record.
   */
  answer: (value: { reason: FlagReason; note: string } | null) => void;
}

/** Asks why a passage is confidential. Enter confirms the default reason at once, so flagging stays one keystroke away. */
export function FlagDialog({ request, onDone }: { request: FlagRequest; onDone: () => void }) {
  const [reason, setReason] = useState<FlagReason>(DEFAULT_FLAG_REASON);
  const [note, setNote] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => first.current?.focus(), []);

  /** Set once the officer has answered: the focus then goes back to the minutes (the dialog goes with the next render). */
  const answered = useRef(false);
  const finish = (value: { reason: FlagReason; note: string } | null) => {
    if (answered.current) return;
    answered.current = true;
    onDone();
    request.answer(value);
  };
  const finishRef = useLatest(finish);
  // Modal while open: an editor update that lands after the dialog opened (a keystroke still being committed, a save)
  // may put the browser's selection, and with it the focus, back in the minutes. Focus returns to the dialog, and
  // Escape cancels wherever the focus is, so that no key meant for the dialog goes into the minutes behind it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || answered.current) return;
      e.preventDefault();
      e.stopPropagation();
      finishRef.current(null);
    };
    const onFocusIn = (e: FocusEvent) => {
      if (!answered.current && box.current && e.target instanceof Node && !box.current.contains(e.target)) first.current?.focus();
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
    finish({ reason, note });
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
          if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
            e.preventDefault();
            finish({ reason, note });
          } else keepTabInside(e, box.current);
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
        <div className="form-actions">
          <button type="submit" className="primary">
            Flag
          </button>
          <button type="button" onClick={() => finish(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
