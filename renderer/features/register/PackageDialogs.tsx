import { useState, type FormEvent, type ReactNode } from 'react';
import type { PackageImported } from '../../../shared/contract/packages';
import { MAX_PACKAGE_BYTES, PACKAGE_EXTENSION } from '../../../shared/contract/packages-labels';
import { api, ApiError, saveFile } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote, Field } from '../../ui/kit';

/** The app's dialog (Escape, focus kept inside) around the package form. */
function FormDialog({ title, children, onClose, onSubmit }: { title: string; children: ReactNode; onClose: () => void; onSubmit: (e: FormEvent) => void }) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={onSubmit}>{children}</form>
    </Dialog>
  );
}

/** Export one meeting as a package file, optionally encrypted with a passphrase. */
export function ExportPackageDialog({ meeting, onClose }: { meeting: { id: string; title: string }; onClose: (message?: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('packages.export', { meetingId: meeting.id, ...(passphrase ? { passphrase } : {}) });
      const s = await saveFile(r.fileName, r.bytesBase64);
      onClose(s.saved ? `${r.fileName}${r.encrypted ? ' (encrypted)' : ''} saved to ${s.where ?? 'your downloads'}.` : undefined);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <FormDialog title="Export a meeting package" onClose={() => onClose()} onSubmit={submit}>
      <p className="hint">
        “{meeting.title}” with its agenda, minutes, revisions, flags, decisions, actions and attendance, in one file to open on another machine. Flagged
        passages are in it: protect the file with a passphrase when it leaves this machine.
      </p>
      <Field label="Passphrase (optional, at least 8 characters)">
        {(id) => <input id={id} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} minLength={passphrase ? 8 : undefined} />}
      </Field>
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {passphrase ? 'Export encrypted package' : 'Export package'}
        </button>
        <button type="button" onClick={() => onClose()} disabled={busy}>
          Cancel
        </button>
      </div>
    </FormDialog>
  );
}

/** Import a package file: checked in full, then added in one step, or refused with nothing changed. */
export function ImportPackageDialog({ onClose }: { onClose: (imported?: PackageImported) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [needsPass, setNeedsPass] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<PackageImported | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (imported) return onClose(imported);
    if (!file) return setError(new Error('Choose a package file first.'));
    if (file.size > MAX_PACKAGE_BYTES) return setError(new Error(`This file is larger than ${MAX_PACKAGE_BYTES / 1048576} MB: it is not a meeting package.`));
    setBusy(true);
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const r = await api.call('packages.import', { bytesBase64: btoa(bin), ...(passphrase ? { passphrase } : {}) });
      // Flags or withheld items of a deleted copy of the meeting were kept: said here before the meeting opens.
      if (r.carried.message) {
        setImported(r);
        setBusy(false);
      } else onClose(r);
    } catch (err) {
      if (err instanceof ApiError && (err.details as { needsPassphrase?: boolean } | undefined)?.needsPassphrase) setNeedsPass(true);
      setError(err);
      setBusy(false);
    }
  };
  if (imported)
    return (
      <FormDialog title="Meeting package imported" onClose={() => onClose(imported)} onSubmit={submit}>
        <p role="status" className="import-kept">
          {imported.carried.message}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary">
            Open the meeting
          </button>
        </div>
      </FormDialog>
    );
  return (
    <FormDialog title="Import a meeting package" onClose={() => onClose()} onSubmit={submit}>
      <Field label={`Package file (${PACKAGE_EXTENSION})`}>
        {(id) => <input id={id} type="file" accept={`${PACKAGE_EXTENSION},application/json`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      {(needsPass || passphrase) && (
        <Field label="Passphrase">{(id) => <input id={id} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}</Field>
      )}
      {!needsPass && !passphrase && (
        <button type="button" className="link" onClick={() => setNeedsPass(true)}>
          The file is encrypted
        </button>
      )}
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !file}>
          Import
        </button>
        <button type="button" onClick={() => onClose()} disabled={busy}>
          Cancel
        </button>
      </div>
    </FormDialog>
  );
}
