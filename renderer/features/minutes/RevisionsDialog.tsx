import { useEffect, useState } from 'react';
import type { RevisionSummary } from '../../../shared/domain/minutes';
import { plainText, type SerializedDoc } from '../../../shared/editor/doc-model';
import { api } from '../../api';
import { ErrorNote, useAction, useLoad } from '../../ui/kit';

const REASON_LABEL: Record<string, string> = {
  leave: 'left the item',
  periodic: 'while editing',
  export: 'before export',
  manual: 'kept by hand',
  auto: 'safety copy',
  before_restore: 'before a restore',
  restore: 'restored',
  approved: 'at approval',
};

/** A section's revisions: read any of them, restore one (itself a new revision; nothing is destroyed). */
export function RevisionsDialog(props: {
  meetingId: string;
  sectionKey: string;
  title: string;
  readOnly: boolean;
  beforeRestore: () => Promise<void>;
  onRestored: (rev: number, content: SerializedDoc) => void;
  onClose: () => void;
}) {
  const list = useLoad(() => api.call('minutes.revisions', { meetingId: props.meetingId, sectionKey: props.sectionKey }), [props.sectionKey]);
  const [selected, setSelected] = useState<RevisionSummary | null>(null);
  const [text, setText] = useState('');
  const act = useAction();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);

  const show = async (r: RevisionSummary) => {
    setSelected(r);
    const d = await act.run(() => api.call('minutes.revision', { id: r.id }));
    if (d) setText(plainText(d.content.root as never));
  };
  const keepNow = async () => {
    await props.beforeRestore();
    await act.run(() => api.call('minutes.snapshot', { meetingId: props.meetingId, sectionKey: props.sectionKey, reason: 'manual' }));
    await list.reload();
  };
  const restore = async () => {
    if (!selected) return;
    await props.beforeRestore();
    const r = await act.run(() => api.call('minutes.restoreRevision', { id: selected.id }));
    if (r) {
      props.onRestored(r.rev, r.content);
      props.onClose();
    }
  };

  return (
    <div className="overlay" role="presentation" onClick={props.onClose}>
      <div className="dialog wide-dialog" role="dialog" aria-modal="true" aria-labelledby="rev-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="rev-title">History of “{props.title}”</h2>
        <ErrorNote error={list.error ?? act.error} />
        <div className="revisions">
          <ul className="rev-list">
            {(list.value ?? []).map((r) => (
              <li key={r.id}>
                <button type="button" aria-pressed={selected?.id === r.id} onClick={() => void show(r)}>
                  {new Date(r.createdAt).toLocaleString('en-GB')} — {REASON_LABEL[r.reason] ?? r.reason}
                  <span className="sub">{r.excerpt}</span>
                </button>
              </li>
            ))}
            {list.value?.length === 0 && <li className="muted">No revisions yet.</li>}
          </ul>
          <pre className="rev-text" aria-label="Text of the selected revision">
            {selected ? text : 'Select a revision to read it.'}
          </pre>
        </div>
        <div className="form-actions">
          {!props.readOnly && (
            <button type="button" className="primary" disabled={!selected || act.busy} onClick={restore}>
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
      </div>
    </div>
  );
}
