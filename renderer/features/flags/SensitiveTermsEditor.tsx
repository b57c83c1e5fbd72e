import { useState, type FormEvent } from 'react';
import { ErrorNote, useAction } from '../../ui/kit';

/**
 * The secretariat's sensitive terms (code names, projects…): one per line. Shared by all meetings; every passage
 * mentioning one is suggested for flagging.
 */
export function SensitiveTermsEditor({ terms, onSave }: { terms: string[]; onSave: (terms: string[]) => Promise<string[]> }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(terms.join('\n'));
  const [saved, setSaved] = useState(false);
  const act = useAction();
  // New terms from the app replace the text (adjusted while rendering, not in an effect).
  const [shownTerms, setShownTerms] = useState(terms);
  if (terms !== shownTerms) {
    setShownTerms(terms);
    setText(terms.join('\n'));
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const list = text
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean);
    const r = await act.run(() => onSave(list));
    if (r) setSaved(true);
  };
  return (
    <details className="terms-editor" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Sensitive terms ({terms.length})</summary>
      <form onSubmit={submit} aria-label="Sensitive terms">
        <label htmlFor="sensitive-terms" className="sub">
          One word or phrase per line. Passages that mention one are suggested for flagging, in every meeting.
        </label>
        <textarea id="sensitive-terms" rows={5} value={text} onChange={(e) => (setText(e.target.value), setSaved(false))} />
        <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
        <div className="form-actions">
          <button type="submit" disabled={act.busy}>
            Save terms
          </button>
          {saved && (
            <span className="sub" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
