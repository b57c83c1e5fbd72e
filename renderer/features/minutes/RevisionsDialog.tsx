import { useState } from 'react';
import type { Flag } from '../../../shared/domain/flags';
import { excerpt, REVISION_REASON_LABEL } from '../../../shared/domain/minutes-labels';
import type { RestorePreview, RevisionSummary } from '../../../shared/domain/minutes';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { localInstant } from '../../../shared/format/zoned';
import { api } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';
import { onDemand, useOnDemand } from '../../ui/onDemand';

/** A revision's text is read with the redaction's reader of stored minutes (zod/mini): loaded when the dialog opens (issue 16). */
const revisionText = onDemand(() => import('./RevisionText'));

/**
 * A section's revisions: read any of them with its flagged passages marked, restore one (itself a new revision;
 * nothing is destroyed). The flags in force are re-applied to a restored text; before the restore is confirmed the
 * dialog says which, and which flagged passages the revision does not hold.
 */
export function RevisionsDialog(props: {
  meetingId: string;
  sectionKey: string;
  title: string;
  readOnly: boolean;
  /** Saves the section's words now; false when some of them could not be stored (a save is failing). */
  beforeRestore: () => Promise<boolean>;
  onRestored: (rev: number, content: SerializedDoc, flags: Flag[]) => void;
  onClose: () => void;
}) {
  const list = useLoad(() => api.call('minutes.revisions', { meetingId: props.meetingId, sectionKey: props.sectionKey }), [props.meetingId, props.sectionKey]);
  const [selected, setSelected] = useState<RevisionSummary | null>(null);
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const act = useAction();
  const { value: textView, failed: textFailed } = useOnDemand(revisionText);

  const show = async (r: RevisionSummary) => {
    setSelected(r);
    setConfirming(false);
    setPreview(null);
    const d = await act.run(() => api.call('minutes.restorePreview', { id: r.id }));
    if (d) setPreview(d);
  };
  /**
   * The current text must be stored before it is kept as a revision or replaced by one: while a save of this item is
   * failing, the words not stored yet would be in no revision and gone from the editor. Then nothing is done, and the
   * officer is told why (the words stay in the editor, retried on their own).
   */
  const [held, setHeld] = useState<string | null>(null);
  const stored = async (what: string) => {
    const ok = await props.beforeRestore();
    setHeld(ok ? null : `${what}: some words of this item are not saved yet. They stay in the text and are saved as soon as possible; try again once the bar says all is saved.`);
    return ok;
  };
  const keepNow = async () => {
    if (!(await stored('No revision kept'))) return;
    await act.run(() => api.call('minutes.snapshot', { meetingId: props.meetingId, sectionKey: props.sectionKey, reason: 'manual' }));
    await list.reload();
  };
  const restore = async () => {
    if (!selected) return;
    if (!(await stored('Not restored'))) {
      setConfirming(false);
      return;
    }
    const r = await act.run(() => api.call('minutes.restoreRevision', { id: selected.id }));
    if (r) {
      props.onRestored(r.rev, r.content, r.flags);
      props.onClose();
    }
  };

  return (
    <Dialog title={`History of “${props.title}”`} className="wide-dialog" onClose={props.onClose}>
      <ErrorNote error={list.error ?? act.error} />
      {held && (
        <p role="alert" className="error-note">
          {held}
        </p>
      )}
      <div className="revisions">
        <ul className="rev-list">
          {(list.value ?? []).map((r) => (
            <li key={r.id}>
              <button type="button" aria-pressed={selected?.id === r.id} onClick={() => void show(r)}>
                {localInstant(r.createdAt)} — {REVISION_REASON_LABEL[r.reason]}
                <span className="sub">{r.excerpt}</span>
              </button>
            </li>
          ))}
          {list.value?.length === 0 && <li className="muted">No revisions yet.</li>}
        </ul>
        <div className="rev-view">
          {selected && preview ? textView ? <textView.RevisionText content={preview.content} /> : <p className={textFailed ? undefined : 'muted'} role={textFailed ? 'alert' : undefined}>{textFailed ? 'The revision could not be shown. Reload the app (Ctrl+R) to try again.' : 'Opening the revision…'}</p> : <p className="muted">Select a revision to read it.</p>}
          {preview && preview.reapplied.length > 0 && (
            <p className="sub" data-testid="rev-reapplied">
              {preview.reapplied.length === 1 ? 'One flag in force is' : `${preview.reapplied.length} flags in force are`} marked on this text and
              will be re-applied if you restore it.
            </p>
          )}
        </div>
      </div>
      {confirming && preview && (
        <div className="restore-confirm" role="group" aria-label="Restore this revision?">
          <p>
            <strong>Restore this revision?</strong> The current text is kept as a revision first.
          </p>
          {preview.notInRevision.length > 0 && (
            <>
              <p>These flagged passages are not in this revision; after the restore they are gone from this item:</p>
              <ul data-testid="rev-not-in-revision">
                {preview.notInRevision.map((f) => (
                  <li key={f.id}>“{clip(f.excerpt)}”</li>
                ))}
              </ul>
            </>
          )}
          {preview.partly.length > 0 && (
            <>
              <p>These flagged passages are only partly in this revision; the words of them that are there stay flagged:</p>
              <ul data-testid="rev-partly">
                {preview.partly.map((f) => (
                  <li key={f.id}>
                    “{clip(f.excerpt)}” — stays flagged: “{clip(f.kept.replace(/\n/g, ' … '))}”
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="primary" autoFocus onClick={restore} disabled={act.busy}>
            Restore
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <div className="form-actions">
        {!props.readOnly && (
          <button type="button" className="primary" disabled={!preview || act.busy || confirming} onClick={() => setConfirming(true)}>
            Restore this revision
          </button>
        )}
        {!props.readOnly && (
          <button type="button" onClick={keepNow} disabled={act.busy}>
            Keep a revision now
          </button>
        )}
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/** A passage as the confirmation quotes it: at most 80 characters. */
const clip = (s: string) => excerpt(s, 80);
