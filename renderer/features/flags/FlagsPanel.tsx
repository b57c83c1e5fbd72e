import { useState, type FormEvent, type ReactNode } from 'react';
import { FLAG_REASONS, FLAG_REASON_LABEL, FLAG_STATE_LABEL, flagState, guardsText, type FlagReason } from '../../../shared/domain/flags-labels';
import type { Flag } from '../../../shared/domain/flags';
import { api } from '../../api';
import { ErrorNote, useAction } from '../../ui/kit';
import { SensitiveTermsEditor } from './SensitiveTermsEditor';
import { excerpt } from '../../../shared/domain/minutes-labels';
import { atOrOn } from '../../../shared/format/instants';

/**
 * Every flag of the meeting: those in force (reason, excerpt, item, who and when; jump, edit, lift), those in force
 * whose mark went missing (first, with "Flag again"), and the history of lifted ones (lifted by whom, lifted by undo,
 * text removed). Counts per reason. The legend says how flagged text looks in the editor (pattern, not colour alone).
 * Lifting asks for confirmation in place (no browser dialog).
 */
export function FlagsPanel(props: {
  /** Every record of the meeting, retired ones included. */
  flags: Flag[];
  onFlagAgain: (flag: Flag) => Promise<void>;
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
  const [confirming, setConfirming] = useState<string | null>(null);
  const act = useAction();
  const inForce = props.flags.filter((f) => f.retiredAt === null);
  const lifted = props.flags.filter((f) => f.retiredAt !== null);
  const total = inForce.length;
  const missing = inForce.filter((f) => f.unmarkedSince !== null).length;
  // Retired, but still searched for in every public file (the one rule the export uses): their text was deleted.
  const guarding = lifted.filter(guardsText).length;
  const byPlace = (a: Flag, b: Flag) => props.sectionOrder(a.sectionKey) - props.sectionOrder(b.sectionKey) || a.createdAt.localeCompare(b.createdAt);
  const lift = (f: Flag) => {
    setConfirming(null);
    void act.run(() => props.onUnflag(f));
  };
  const ordered = [...inForce].sort((a, b) => Number(b.unmarkedSince !== null) - Number(a.unmarkedSince !== null) || byPlace(a, b));
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
        {missing > 0 && (
          <>
            {' '}
            — <strong className="warn">{missing}</strong> without {missing === 1 ? 'its mark' : 'their marks'}: the public summary is blocked
          </>
        )}
        {guarding > 0 && (
          <>
            {' '}
            · <strong>{guarding}</strong> {guarding === 1 ? 'flag whose text was deleted still keeps' : 'flags whose text was deleted still keep'} any copy of it
            out of public files (in the history below)
          </>
        )}
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
        <p className="muted">
          {props.flags.length === 0 ? 'No flags yet.' : 'No flag in force.'} Select a passage and press Alt+Shift+F, use the Flag button, or right-click the
          selection.
        </p>
      ) : (
        <ol className="flag-list">
          {ordered.map((f) => (
            <li key={f.id} className={f.unmarkedSince ? 'flag-item mark-missing' : 'flag-item'} data-flag-id={f.id} data-state={flagState(f)}>
              <div className="flag-line">
                <span className="flag-reason">{FLAG_REASON_LABEL[f.reason]}</span>
                <span className="sub">{props.sectionLabel(f.sectionKey)}</span>
              </div>
              {f.unmarkedSince && (
                <p className="flag-missing" role="note">
                  <strong>Mark missing.</strong> The text, or some of its words, is still in the minutes but no longer marked (an undo, a paste over
                  it). It stays confidential; the public summary is blocked until you flag it again or lift the flag.
                </p>
              )}
              <blockquote className="flag-item-excerpt">{f.excerpt ? excerpt(f.excerpt, 200) : <em>(empty)</em>}</blockquote>
              {f.note && <p className="flag-note">Note: {f.note}</p>}
              <p className="sub flag-who">
                Flagged {f.createdBy ? `by ${f.createdBy} ` : ''}{atOrOn(f.createdAt)}
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
              ) : confirming === f.id ? (
                <LiftConfirm
                  onLift={() => lift(f)}
                  onKeep={() => setConfirming(null)}
                >
                  Lift this flag? The passage will be <strong>published</strong> in the public summary.
                </LiftConfirm>
              ) : (
                <div className="flag-actions">
                  {f.unmarkedSince ? (
                    !props.readOnly && (
                      <button type="button" className="primary" onClick={() => void act.run(() => props.onFlagAgain(f))} aria-label={`Flag again “${short(f.excerpt)}”`}>
                        Flag again
                      </button>
                    )
                  ) : (
                    <button type="button" onClick={() => props.onJump(f)} aria-label={`Go to the flagged passage “${short(f.excerpt)}”`}>
                      Go to
                    </button>
                  )}
                  {!props.readOnly && (
                    <>
                      <button type="button" onClick={() => setEditing(f.id)} aria-label={`Edit the flag on “${short(f.excerpt)}”`}>
                        Edit
                      </button>
                      <button type="button" className="danger" onClick={() => setConfirming(f.id)} aria-label={`Lift the flag on “${short(f.excerpt)}”`}>
                        Lift flag
                      </button>
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {lifted.length > 0 && (
        <details className="flag-history">
          <summary>
            {lifted.length} lifted or removed {lifted.length === 1 ? 'flag' : 'flags'} (kept in the redaction record)
          </summary>
          <ol>
            {[...lifted].sort(byPlace).map((f) => (
              <li key={f.id} data-flag-id={f.id} data-state={flagState(f)}>
                <span className="flag-state">{FLAG_STATE_LABEL[flagState(f)]}</span>
                {f.retiredBy ? ` by ${f.retiredBy}` : ''} {atOrOn(f.retiredAt!)} · {props.sectionLabel(f.sectionKey)}: “{short(f.excerpt, 80)}”
                {/* Its text was deleted, but every copy of it stays confidential (a public file holding one is refused):
                    lifting it is the officer's decision that such a copy may be published. */}
                {guardsText(f) &&
                  !props.readOnly &&
                  (confirming === f.id ? (
                    <LiftConfirm
                      onLift={() => lift(f)}
                      onKeep={() => setConfirming(null)}
                    >
                      Its text was deleted, but any copy of it left in the meeting is still kept out of public files. Lift the flag? A copy would then be{' '}
                      <strong>published</strong>.
                    </LiftConfirm>
                  ) : (
                    <>
                      {' '}
                      <button type="button" className="link" onClick={() => setConfirming(f.id)} aria-label={`Lift the flag on “${short(f.excerpt)}”`}>
                        Lift flag
                      </button>
                    </>
                  ))}
              </li>
            ))}
          </ol>
        </details>
      )}
      <SensitiveTermsEditor terms={props.terms} onSave={props.onSetTerms} />
    </section>
  );
}

/** The question in place before a flag is lifted (no browser dialog): what lifting publishes, Lift or Keep. */
function LiftConfirm(props: { children: ReactNode; onLift: () => void; onKeep: () => void }) {
  return (
    <div className="flag-confirm" role="group" aria-label="Lift this flag?">
      <p>{props.children}</p>
      <button type="button" className="danger" autoFocus onClick={props.onLift}>
        Lift flag and publish
      </button>
      <button type="button" onClick={props.onKeep}>
        Keep flag
      </button>
    </div>
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
