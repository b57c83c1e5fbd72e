import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_FLAG_REASON, FLAG_REASONS, FLAG_REASON_LABEL, type FlagReason } from '../../../shared/domain/flags';
import { ErrorNote, Field } from '../../ui/kit';

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
  useEffect(() => first.current?.focus(), []);

  const finish = async (value: { reason: FlagReason; note: string } | null) => {
    setBusy(true);
    try {
      await request.resolve(value);
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void finish({ reason, note });
  };
  const excerpt = request.text.length > 160 ? `${request.text.slice(0, 160)}…` : request.text;
  return (
    <div className="overlay" role="presentation" onKeyDown={(e) => e.key === 'Escape' && void finish(null)}>
      <form
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
        <blockquote className="flag-excerpt">{excerpt || <em>(empty selection: the flag covers what you type next)</em>}</blockquote>
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
