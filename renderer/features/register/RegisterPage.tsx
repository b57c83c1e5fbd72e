import { useMemo, useState } from 'react';
import type { RegisterRow } from '../../../shared/contract/register';
import { REGISTER_DOCUMENT_LABEL, REGISTER_DOCUMENTS, type RegisterDocument } from '../../../shared/contract/register-labels';
import { MEETING_KIND_LABEL, MEETING_KINDS, MEETING_STATUS_LABEL, type MeetingKind } from '../../../shared/domain/meeting-labels';
import { MINUTES_STATUS_LABEL } from '../../../shared/domain/minutes-labels';
import { formatLongDate } from '../../../shared/format/dates';
import { api, saveFile } from '../../api';
import { href, navigate } from '../../app/router';
import { ExportPackageDialog, ImportPackageDialog } from './PackageDialogs';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';
import './register.css';

type SortKey = 'date' | 'title' | 'kind' | 'minutes' | 'summary';
const SORT_LABEL: Record<SortKey, string> = { date: 'Date', title: 'Title', kind: 'Kind', minutes: 'Minutes', summary: 'Summary exported' };

const day = (iso: string | null) => (iso ? formatLongDate(iso.slice(0, 10)) : '—');

/** The register of meetings: every meeting with the state of its minutes and public summary; the two public lists. */
export function RegisterPage() {
  const list = useLoad(() => api.call('register.list', {}), []);
  const [kind, setKind] = useState<'' | MeetingKind>('');
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [pending, setPending] = useState<'' | 'not_exported' | 'not_approved'>('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'date', desc: true });
  const act = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const [packaging, setPackaging] = useState<{ id: string; title: string } | null>(null);
  const [importing, setImporting] = useState(false);

  const rows = useMemo(() => {
    const q = text.trim().toLowerCase();
    const filtered = (list.value ?? []).filter(
      (r) =>
        (!kind || r.kind === kind) &&
        (!q || r.title.toLowerCase().includes(q) || r.group.toLowerCase().includes(q)) &&
        (!from || r.startsAt.slice(0, 10) >= from) &&
        (!to || r.startsAt.slice(0, 10) <= to) &&
        (pending !== 'not_exported' || !r.summaryExportedAt) &&
        (pending !== 'not_approved' || r.minutesStatus !== 'approved'),
    );
    const val = (r: RegisterRow): string => {
      switch (sort.key) {
        case 'date':
          return r.startsAt;
        case 'title':
          return r.title.toLowerCase();
        case 'kind':
          return `${MEETING_KIND_LABEL[r.kind]} ${r.group}`;
        case 'minutes':
          return r.minutesStatus ?? '';
        case 'summary':
          return r.summaryExportedAt ?? '';
      }
    };
    return [...filtered].sort((a, b) => (sort.desc ? -1 : 1) * val(a).localeCompare(val(b)) || b.startsAt.localeCompare(a.startsAt));
  }, [list.value, kind, text, from, to, pending, sort]);

  const exportDoc = async (document: RegisterDocument) => {
    setSaved(null);
    const r = await act.run(() => api.call('register.export', { document }));
    if (!r) return;
    const s = await act.run(() => saveFile(r.fileName, r.bytesBase64));
    if (s?.saved) setSaved(`${r.fileName} passed the redaction check and was saved to ${s.where ?? 'your downloads'}.`);
  };

  const header = (key: SortKey) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'date' }))}>
        {SORT_LABEL[key]}
        {sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Register of meetings</h1>
          <p className="meta">Every meeting, with its minutes and its public summary. The public lists contain only meetings held and member organisations, never the example data.</p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setImporting(true)}>
            Import a meeting package…
          </button>
          {REGISTER_DOCUMENTS.map((d) => (
            <button key={d} type="button" onClick={() => void exportDoc(d)} disabled={act.busy}>
              Export {REGISTER_DOCUMENT_LABEL[d].toLowerCase()} (DOCX)
            </button>
          ))}
        </div>
      </div>
      <ErrorNote error={list.error ?? act.error} onDismiss={act.error ? () => act.setError(null) : undefined} />
      {saved && (
        <p className="ok-note" role="status">
          ✓ {saved}
        </p>
      )}
      <div className="search-filters card" aria-label="Filters">
        <Field label="Title or group">{(id) => <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />}</Field>
        <Field label="Kind">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as '' | MeetingKind)}>
              <option value="">Any</option>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {MEETING_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="From">{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label="To">{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
        <Field label="Show">
          {(id) => (
            <select id={id} value={pending} onChange={(e) => setPending(e.target.value as typeof pending)}>
              <option value="">All meetings</option>
              <option value="not_approved">Minutes not approved</option>
              <option value="not_exported">Summary not exported</option>
            </select>
          )}
        </Field>
      </div>
      <table className="list register">
        <caption className="sr-only">Meetings</caption>
        <thead>
          <tr>
            {header('date')}
            {header('title')}
            {header('kind')}
            <th scope="col">Status</th>
            {header('minutes')}
            {header('summary')}
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.meetingId}>
              <td>{formatLongDate(r.startsAt)}</td>
              <td>
                <a href={href({ name: 'meeting', id: r.meetingId })}>{r.title}</a>
                {r.example && <span className="badge"> Example</span>}
              </td>
              <td>
                {MEETING_KIND_LABEL[r.kind]}
                {r.group ? <div className="sub">{r.group}</div> : null}
              </td>
              <td>
                <span className={`status status-${r.status}`}>{MEETING_STATUS_LABEL[r.status]}</span>
              </td>
              <td>{r.minutesStatus ? `${MINUTES_STATUS_LABEL[r.minutesStatus]}${r.minutesVersion && r.minutesVersion > 1 ? ` (version ${r.minutesVersion})` : ''}` : 'Not started'}</td>
              <td>
                {day(r.summaryExportedAt)}
                {r.summaryPublishedAt ? <div className="sub">published {day(r.summaryPublishedAt)}</div> : null}
              </td>
              <td>
                <button type="button" className="link" onClick={() => setPackaging({ id: r.meetingId, title: r.title })} aria-label={`Export ${r.title} as a package`}>
                  Package…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && rows.length === 0 && <p className="muted">No meeting matches these filters.</p>}
      {packaging && (
        <ExportPackageDialog
          meeting={packaging}
          onClose={(message) => {
            setPackaging(null);
            if (message) setSaved(message);
          }}
        />
      )}
      {importing && (
        <ImportPackageDialog
          onClose={(imported) => {
            setImporting(false);
            if (imported) navigate({ name: 'meeting', id: imported.meetingId });
          }}
        />
      )}
    </section>
  );
}
