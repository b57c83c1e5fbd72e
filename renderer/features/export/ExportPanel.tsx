import { useState } from 'react';
import type { ExportRecord } from '../../../shared/contract/exports';
// Values from the schema-free module: the meeting page needs no zod (issue 16).
import { draftConfirmationOf, EXPORT_KINDS, EXPORT_KIND_LABEL, isCheckedExport, type DraftConfirmation, type ExportKind } from '../../../shared/contract/exports-labels';
import { localInstant } from '../../../shared/format/zoned';
import { api, ApiError, saveFile } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import { useLoad } from '../../ui/kit';

const DESCRIPTION: Record<ExportKind, string> = {
  agenda: 'Convening notice with the numbered agenda and times; checked for flagged passages before it is written.',
  internal_minutes: 'Full text, flagged passages highlighted, marked “Internal — not for publication” on every page.',
  public_summary: 'Built only from the redacted model; checked for leaks before it is written.',
  participants: 'Who attended, from the attendance: members by organisation, observers, experts, AI Office, excused; checked for flagged passages.',
  redaction_record: 'Internal: every flag with reason, note, who and when; withheld items.',
};

interface Outcome {
  kind: ExportKind;
  message: string;
  ok: boolean;
}

/** The five documents of a meeting. A public one (summary, agenda, participants) that fails the redaction check is never handed out. */
export function ExportPanel({ meetingId }: { meetingId: string }) {
  const history = useLoad(() => api.call('exports.history', { meetingId }), [meetingId]);
  const [running, setRunning] = useState<ExportKind | 'all' | null>(null);
  const [progress, setProgress] = useState('');
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [confirmDialog, ask] = useConfirm();

  /**
   * Asks before a public summary is exported from minutes that are not approved: it would be published as a draft
   * (marked "DRAFT" on every page). Cancel is the default (Escape, a click outside, and the focused button).
   */
  const askDraft = (question: DraftConfirmation) =>
    ask({
      title: 'Export a draft public summary?',
      message: (
        <p>
          The minutes are not approved yet (version {question.version}, {question.minutesStatus}). The public summary will be marked “DRAFT — minutes not
          approved” on every page. Publish only once the minutes are approved.
        </p>
      ),
      confirm: 'Export as draft',
      cancelByDefault: true,
      alert: true,
    });

  /** exports.create; a draft public summary is asked about (the backend says when) and retried once confirmed. */
  const create = async (kind: ExportKind) => {
    try {
      return await api.call('exports.create', { meetingId, kind });
    } catch (e) {
      const question = e instanceof ApiError && e.code === 'invalid_transition' ? draftConfirmationOf(e.details) : null;
      if (!question) throw e;
      if (!(await askDraft(question))) return null;
      return api.call('exports.create', { meetingId, kind, confirmDraft: true });
    }
  };

  const exportOne = async (kind: ExportKind): Promise<Outcome> => {
    setProgress(isCheckedExport(kind) ? `Building the ${EXPORT_KIND_LABEL[kind].toLowerCase()} and checking it for confidential text…` : `Building the ${EXPORT_KIND_LABEL[kind].toLowerCase()}…`);
    try {
      const r = await create(kind);
      if (!r) return { kind, ok: false, message: `${EXPORT_KIND_LABEL[kind]}: not exported (the minutes are not approved; cancelled).` };
      const saved = await saveFile(r.fileName, r.bytesBase64);
      if (!saved.saved) return { kind, ok: false, message: `${EXPORT_KIND_LABEL[kind]}: not saved (cancelled).` };
      const passed = r.check.applied ? ' Redaction check passed.' : '';
      return { kind, ok: true, message: `${EXPORT_KIND_LABEL[kind]}: saved as “${r.fileName}” (${saved.where}).${passed}` };
    } catch (e) {
      return { kind, ok: false, message: `${EXPORT_KIND_LABEL[kind]}: ${e instanceof Error ? e.message : String(e)}` };
    }
  };

  const run = async (kinds: readonly ExportKind[], label: ExportKind | 'all') => {
    setRunning(label);
    const done: Outcome[] = [];
    for (const k of kinds) {
      done.push(await exportOne(k));
      setOutcomes([...done]);
    }
    setProgress('');
    setRunning(null);
    void history.reload();
  };

  return (
    <section className="exports" aria-labelledby="exports-heading">
      <div className="section-head">
        <h2 id="exports-heading">Documents</h2>
        <button type="button" className="primary" disabled={running !== null} onClick={() => void run(EXPORT_KINDS, 'all')}>
          Export all five
        </button>
      </div>
      <ul className="export-list">
        {EXPORT_KINDS.map((k) => (
          <li key={k}>
            <button type="button" disabled={running !== null} onClick={() => void run([k], k)} aria-label={`Export the ${EXPORT_KIND_LABEL[k].toLowerCase()}`}>
              {EXPORT_KIND_LABEL[k]}
            </button>
            <span className="sub">{DESCRIPTION[k]}</span>
          </li>
        ))}
      </ul>
      {progress && (
        <p className="progress" role="status">
          <span className="spinner" aria-hidden="true" /> {progress}
        </p>
      )}
      {/* Each document's outcome once, a refusal with what it found and what to do; a refusal is read out at once. */}
      {outcomes.length > 0 && (
        <ul className="outcomes" aria-live={outcomes.some((o) => !o.ok) ? 'assertive' : 'polite'}>
          {outcomes.map((o) => (
            <li key={o.kind} className={o.ok ? 'ok' : 'failed'}>
              {o.ok ? '✓' : '✗'} {o.message}
            </li>
          ))}
        </ul>
      )}
      <ExportHistory records={history.value ?? []} />
      {confirmDialog}
    </section>
  );
}

function ExportHistory({ records }: { records: ExportRecord[] }) {
  if (records.length === 0) return null;
  return (
    <table className="list history">
      <caption>Export history</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Document</th>
          <th scope="col">File</th>
          <th scope="col">Redaction check</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <td className="when">{localInstant(r.createdAt)}</td>
            <td>{EXPORT_KIND_LABEL[r.kind]}</td>
            <td className="file">{r.fileName}</td>
            <td>{r.checkPassed === null ? 'Not a public document' : r.checkPassed ? 'Passed' : 'Blocked — not written'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
