import { useEffect, useState } from 'react';
import type { SearchHit, SearchOutput } from '../../../shared/contract/search';
import { SEARCH_KIND_LABEL, SEARCH_KINDS, type SearchKind } from '../../../shared/contract/search-labels';
import { MEETING_KIND_LABEL, MEETING_KINDS, type MeetingKind } from '../../../shared/domain/meeting-labels';
import { formatLongDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { ErrorNote, Field, useLoad } from '../../ui/kit';
import { jumpTo } from './jump';
import './search.css';

interface Filters {
  meetingId: string;
  meetingKind: '' | MeetingKind;
  group: string;
  from: string;
  to: string;
  kinds: SearchKind[];
}

const NO_FILTERS: Filters = { meetingId: '', meetingKind: '', group: '', from: '', to: '', kinds: [] };

/** Results of a search across every meeting, with filters; a result opens the minutes at its passage. */
export function SearchPage({ q }: { q: string }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const meetings = useLoad(() => api.call('meetings.list', {}), []);
  const [out, setOut] = useState<SearchOutput | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Busy until the answer for the current query and filters is in (derived, not set in the effect).
  const [answered, setAnswered] = useState<{ q: string; filters: Filters } | null>(null);
  const busy = answered?.q !== q || answered.filters !== filters;

  useEffect(() => {
    let alive = true;
    const input = {
      query: q,
      ...(filters.meetingId ? { meetingId: filters.meetingId } : {}),
      ...(filters.meetingKind ? { meetingKind: filters.meetingKind } : {}),
      ...(filters.group.trim() ? { group: filters.group.trim() } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.kinds.length ? { kinds: filters.kinds } : {}),
    };
    api.call('search.query', input).then(
      (r) => {
        if (!alive) return;
        setOut(r);
        setError(null);
        setAnswered({ q, filters });
      },
      (e) => {
        if (!alive) return;
        setError(e);
        setAnswered({ q, filters });
      },
    );
    return () => {
      alive = false;
    };
  }, [q, filters]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const toggleKind = (k: SearchKind, on: boolean) => set('kinds', on ? [...filters.kinds, k] : filters.kinds.filter((x) => x !== k));
  const groups = [...new Set((meetings.value ?? []).map((m) => m.groupName).filter(Boolean))].sort();

  return (
    <section className="page">
      <div className="page-head">
        <h1 tabIndex={-1}>Search</h1>
      </div>
      <div className="search-filters card" aria-label="Filters">
        <Field label="Meeting">
          {(id) => (
            <select id={id} value={filters.meetingId} onChange={(e) => set('meetingId', e.target.value)}>
              <option value="">All meetings</option>
              {(meetings.value ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {formatLongDate(m.startsAt)} — {m.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind of meeting">
          {(id) => (
            <select id={id} value={filters.meetingKind} onChange={(e) => set('meetingKind', e.target.value as Filters['meetingKind'])}>
              <option value="">Any</option>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {MEETING_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {groups.length > 0 && (
          <Field label="Group">
            {(id) => (
              <select id={id} value={filters.group} onChange={(e) => set('group', e.target.value)}>
                <option value="">Any</option>
                {groups.map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="From">{(id) => <input id={id} type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />}</Field>
        <Field label="To">{(id) => <input id={id} type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />}</Field>
        <fieldset className="check-group">
          <legend>Look in</legend>
          {SEARCH_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={filters.kinds.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} />
              {SEARCH_KIND_LABEL[k]}
            </label>
          ))}
        </fieldset>
        {filters !== NO_FILTERS && (
          <button type="button" className="link" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      <ErrorNote error={error} />
      <p className="muted" role="status" aria-live="polite">
        {summary(q, out, busy)}
      </p>
      {out && out.hits.length > 0 && (
        <ol className="search-results" aria-label="Results">
          {out.hits.map((h, i) => (
            <Result key={`${h.meetingId}-${h.sectionKey}-${i}`} hit={h} />
          ))}
        </ol>
      )}
    </section>
  );
}

function summary(q: string, out: SearchOutput | null, busy: boolean): string {
  if (!q.trim()) return 'Type words in the search box (Ctrl+Shift+F). "Quotes" find a phrase; word* finds words that start so.';
  if (busy && !out) return 'Searching…';
  if (!out) return '';
  if (out.understood.length === 0) return 'Nothing to search for in that: type a word.';
  if (out.hits.length === 0) return `No passage matches ${describe(out)}.`;
  if (out.capped)
    return `About ${out.estimated.toLocaleString('en-GB')} passages match ${describe(out)}: showing the ${out.hits.length} most relevant of the latest ${out.matched.toLocaleString('en-GB')}. Add a word or a filter to narrow it down.`;
  return `${out.matched} passage${out.matched === 1 ? ' matches' : 's match'} ${describe(out)}${out.matched > out.hits.length ? `; the best ${out.hits.length} are shown` : ''}.`;
}

function describe(out: SearchOutput): string {
  return out.understood.map((t) => (t.kind === 'phrase' ? `“${t.text}”` : t.text)).join(' + ');
}

function Result({ hit }: { hit: SearchHit }) {
  const passage = hit.snippet
    .filter((p) => p.text !== '…')
    .map((p) => p.text)
    .join('');
  const open = () => jumpTo({ meetingId: hit.meetingId, sectionKey: hit.sectionKey, passage, hits: hit.hits });
  return (
    <li className={`search-result${hit.flagged ? ' is-flagged' : ''}`}>
      <button type="button" className="result-open" onClick={open} aria-label={`Open ${hit.meetingTitle}, ${hit.sectionTitle}: ${passage.slice(0, 80)}`}>
        <div className="result-where">
          <strong>{hit.meetingTitle}</strong>
          <span>{formatLongDate(hit.meetingStartsAt)}</span>
          <span>{hit.sectionTitle}</span>
          <span className="kind">{SEARCH_KIND_LABEL[hit.kind]}</span>
          {hit.flagged && <span className="badge flagged">Flagged — not for publication</span>}
          {!hit.flagged && hit.containsFlagged && <span className="badge flagged">Passage has a flagged part</span>}
          {hit.withheld && <span className="badge withheld">Item withheld from publication</span>}
        </div>
        <p className="result-snippet">
          {hit.snippet.map((p, i) => {
            const cls = p.flagged ? 'flagged-text' : undefined;
            return p.hit ? (
              <mark key={i} className={cls}>
                {p.text}
              </mark>
            ) : (
              <span key={i} className={cls}>
                {p.text}
              </span>
            );
          })}
        </p>
      </button>
    </li>
  );
}
