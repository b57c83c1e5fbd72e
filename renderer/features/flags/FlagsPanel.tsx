import { useState, type FormEvent } from 'react';
import { FLAG_REASONS, FLAG_REASON_LABEL, type Flag, type FlagReason } from '../../../shared/domain/flags';
import { api } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import { ErrorNote, useAction } from '../../ui/kit';
import { SensitiveTermsEditor } from './SensitiveTermsEditor';

const when = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * Every flag of the meeting in force: reason, excerpt, item, who and when; counts per reason; jump to it, edit its
 * reason and note, or lift it. The legend says how flagged text looks in the editor (pattern, not colour alone).
 */
export function FlagsPanel(props: {
  flags: Flag[];
  counts: Record<FlagReason, number>;
  sectionLabel: (key: string) => string;
  sectionOrder: (key: string) => number;
  readOnly: boolean;
  error: unknown;
  onJump: (flag: Flag) => void;
  onUpdated: (flag: Flag) => void;
  onUnflag: (flag: Flag) => Promise<void>;
  terms: string[];
  onSetTerms: (terms: string[]) => Promise<string[]>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const act = useAction();
  const [confirmDialog, ask] = useConfirm();
  const total = props.flags.length;
  const ordered = [...props.flags].sort((a, b) => props.sectionOrder(a.sectionKey) - props.sectionOrder(b.sectionKey) || a.createdAt.localeCompare(b.createdAt));
  return (
    <section className="panel flags-panel" aria-labelledby="flags-title">
      <h2 id="flags-title">Confidentiality flags</h2>
      <p className="flag-legend">
        <span>
          <mark className="tfs-flag legend-swatch">▨ hatched</mark> = not for publication
        </span>
        <span className="sg-legend">
          <span className="sg-swatch">wavy</span> = suggested, not flagged yet
        </span>
      </p>
      <p className="glance" aria-live="polite">
        <strong>{total}</strong> {total === 1 ? 'flag' : 'flags'} in force
      </p>
      {total > 0 && (
        <ul className="flag-counts" aria-label="Flags per reason">
          {FLAG_REASONS.filter((r) => props.counts[r] > 0).map((r) => (
            <li key={r} data-reason={r}>
              {FLAG_REASON_LABEL[r]}: <strong>{props.counts[r]}</strong>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={props.error} />
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      {total === 0 ? (
        <p className="muted">No flags yet. Select a passage and press Alt+Shift+F, use the Flag button, or right-click the selection.</p>
      ) : (
        <ol className="flag-list">
          {ordered.map((f) => (
            <li key={f.id} className="flag-item" data-flag-id={f.id}>
              <div className="flag-line">
                <span className="flag-reason">{FLAG_REASON_LABEL[f.reason]}</span>
                <span className="sub">{props.sectionLabel(f.sectionKey)}</span>
              </div>
              <blockquote className="flag-item-excerpt">{f.excerpt ? (f.excerpt.length > 200 ? `${f.excerpt.slice(0, 200)}…` : f.excerpt) : <em>(empty)</em>}</blockquote>
              {f.note && <p className="flag-note">Note: {f.note}</p>}
              <p className="sub flag-who">
                Flagged {f.createdBy ? `by ${f.createdBy} ` : ''}at {when(f.createdAt)}
              </p>
              {editing === f.id ? (
                <FlagEditForm
                  flag={f}
                  onCancel={() => setEditing(null)}
                  onSave={async (reason, note) => {
                    const updated = await act.run(() => api.call('flags.update', { id: f.id, reason, note }));
                    if (updated) {
                      props.onUpdated(updated);
                      setEditing(null);
                    }
                  }}
                />
              ) : (
                <div className="flag-actions">
                  <button type="button" onClick={() => props.onJump(f)} aria-label={`Go to the flagged passage “${short(f.excerpt)}”`}>
                    Go to
                  </button>
                  {!props.readOnly && (
                    <>
                      <button type="button" onClick={() => setEditing(f.id)} aria-label={`Edit the flag on “${short(f.excerpt)}”`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={async () => {
                          if (await ask({ title: 'Lift this flag?', message: `The passage will be PUBLISHED in the public summary: “${short(f.excerpt, 300)}”`, confirm: 'Unflag and publish', danger: true }))
                            void act.run(() => props.onUnflag(f));
                        }}
                        aria-label={`Unflag “${short(f.excerpt)}”`}
                      >
                        Unflag
                      </button>
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <SensitiveTermsEditor terms={props.terms} onSave={props.onSetTerms} />
      {confirmDialog}
    </section>
  );
}

function short(s: string, n = 40): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}

function FlagEditForm(props: { flag: Flag; onSave: (reason: FlagReason, note: string) => Promise<void>; onCancel: () => void }) {
  const [reason, setReason] = useState<FlagReason>(props.flag.reason);
  const [note, setNote] = useState(props.flag.note);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSave(reason, note);
  };
  return (
    <form className="flag-edit" onSubmit={submit} aria-label="Edit flag" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <select aria-label="Reason" value={reason} onChange={(e) => setReason(e.target.value as FlagReason)} autoFocus>
        {FLAG_REASONS.map((r) => (
          <option key={r} value={r}>
            {FLAG_REASON_LABEL[r]}
          </option>
        ))}
      </select>
      <input aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="Note (optional)" />
      <button type="submit" className="primary">
        Save
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}
