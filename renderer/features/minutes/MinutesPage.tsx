import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MinutesState } from '../../../shared/contract/minutes';
import type { MeetingDetail } from '../../../shared/contract/core';
import type { ActionItem, Decision } from '../../../shared/domain/decisions';
import type { Flag, FlagReason } from '../../../shared/domain/flags';
import { MINUTES_STATUS_LABEL, type LiveState, type MinutesInfo } from '../../../shared/domain/minutes';
import type { Organisation } from '../../../shared/domain/members';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { formatLongDate } from '../../../shared/format/dates';
import { api, openExternal } from '../../api';
import { href } from '../../app/router';
import { REMOVE_FLAG_COMMAND, type ChangeMeta, type MinutesEditorHandle } from '../../editor';
import { ErrorNote, useAction } from '../../ui/kit';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { FlagContextMenu } from '../flags/FlagContextMenu';
import { FlagDialog, type FlagRequest } from '../flags/FlagDialog';
import { FlagsPanel } from '../flags/FlagsPanel';
import { selectFlagInEditor } from '../flags/jump';
import { useMeetingFlags } from '../flags/useMeetingFlags';
import { FlagNotice, flagNoticeFor, type FlagNoticeState } from '../flags/FlagNotice';
import { applyFlags } from '../../../shared/redaction/apply-flags';
import { publicationStates } from '../../../shared/redaction/redact';
import { PublicPreview } from '../preview/PublicPreview';
import { usePublicPreview } from '../preview/usePublicPreview';
import { SuggestionList } from '../suggestions/SuggestionList';
import { useSuggestions } from '../suggestions/useSuggestions';
import { LiveOutline } from '../live/LiveOutline';
import { clock, useLiveClock } from '../live/useLiveClock';
import { ProcedurePanel } from '../procedure/ProcedurePanel';
import { publicVotes, useMeetingVotes } from '../procedure/useMeetingVotes';
import { RecordsPanel } from '../records/RecordsPanel';
import { SectionAutosave, type AutosaveStatus } from './autosave';
import { matchMeetingShortcut } from './meetingShortcuts';
import { RevisionsDialog } from './RevisionsDialog';
import { SectionBlock } from './SectionBlock';
import { ShortcutsHelp } from './ShortcutsHelp';

const PERIODIC_SNAPSHOT_MS = 5 * 60_000;
const SUGGESTIONS_KEY = 'tfs-suggestions';

type Panel = 'attendance' | 'records' | 'procedure' | 'flags' | 'preview';

/**
 * The live minutes of one meeting: one editor per section (opening, each agenda item, closing), the current item
 * highlighted and timed, autosave per section, attendance and records beside them.
 */
export function MinutesPage({ id }: { id: string }) {
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [state, setState] = useState<MinutesState | null>(null);
  const [members, setMembers] = useState<Organisation[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [statuses, setStatuses] = useState<Record<string, AutosaveStatus>>({});
  const [mountKeys, setMountKeys] = useState<Record<string, number>>({});
  const [panel, setPanel] = useState<Panel>('attendance');
  const [help, setHelp] = useState(false);
  // A preference of this machine's officer, not of the meeting: kept in the renderer's own storage.
  const [suggestOn, setSuggestOn] = useState(() => localStorage.getItem(SUGGESTIONS_KEY) !== 'off');
  const [history, setHistory] = useState<string | null>(null);
  const [flagRequest, setFlagRequest] = useState<FlagRequest | null>(null);
  const act = useAction();
  const editors = useRef(new Map<string, MinutesEditorHandle>());
  const autosaves = useRef(new Map<string, SectionAutosave<SerializedDoc>>());
  const snapshotDue = useRef(new Set<string>());
  const stateRef = useRef<MinutesState | null>(null);
  stateRef.current = state;
  const detailRef = useRef<MeetingDetail | null>(null);
  detailRef.current = detail;
  const [bodyName, setBodyName] = useState('');
  const flagStore = useMeetingFlags(id);
  const flagStoreRef = useRef(flagStore);
  flagStoreRef.current = flagStore;
  const { applyChanges: applyFlagChanges, upsert: upsertFlag } = flagStore;
  const [flagNotice, setFlagNotice] = useState<FlagNoticeState | null>(null);

  useEffect(() => {
    api.call('body.get', {}).then(
      (b) => setBodyName(b.name),
      () => {},
    );
  }, []);

  useEffect(() => {
    let alive = true;
    Promise.all([api.call('meetings.get', { id }), api.call('minutes.get', { meetingId: id }), api.call('members.list', {})]).then(
      ([d, m, orgs]) => {
        if (!alive) return;
        setDetail(d);
        setState(m);
        setMembers(orgs);
      },
      (e) => alive && setLoadError(e),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  const readOnly = state?.minutes.status === 'approved';
  const live = state?.live;
  const { elapsed, meetingSeconds } = useLiveClock(live);

  const setLive = (l: LiveState) => setState((s) => (s ? { ...s, live: l } : s));
  const setMinutes = (m: MinutesInfo) => setState((s) => (s ? { ...s, minutes: m } : s));

  /** The autosave of a section, made on first use; it reads the editor only when a save starts. */
  const autosaveOf = useCallback(
    (key: string) => {
      let a = autosaves.current.get(key);
      if (!a) {
        const section = stateRef.current?.sections.find((s) => s.key === key);
        a = new SectionAutosave<SerializedDoc>({
          rev: section?.rev ?? 0,
          read: () => editors.current.get(key)!.getContent(),
          save: async (content, baseRev) => {
            // The flags travel with the save: the backend derives the records from the marks in `content`, in the
            // same transaction. Only marks removed by undoing a flagging are reported as lifted.
            const handle = editors.current.get(key);
            const liftedByUndo = handle?.liftedByUndo() ?? [];
            const ack = await api.call('minutes.saveSection', { meetingId: id, sectionKey: key, content, baseRev, ...(liftedByUndo.length ? { liftedByUndo } : {}) });
            snapshotDue.current.add(key);
            handle?.acknowledgeLiftedByUndo(liftedByUndo);
            applyFlagChanges(ack.flags);
            const notice = flagNoticeFor(ack.flags);
            if (notice) setFlagNotice(notice);
            return ack;
          },
          onStatus: (s) => setStatuses((old) => ({ ...old, [key]: s })),
        });
        autosaves.current.set(key, a);
      }
      return a;
    },
    [id, applyFlagChanges],
  );

  const flushAll = useCallback(async () => {
    await Promise.all([...autosaves.current.values()].map((a) => a.flush()));
  }, []);

  // Never leave with unsaved words: flush on hide, warn on unload while something is unsaved.
  useEffect(() => {
    const onHide = () => void flushAll();
    const onUnload = (e: BeforeUnloadEvent) => {
      if ([...autosaves.current.values()].some((a) => a.dirty)) {
        void flushAll();
        e.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onUnload);
      void flushAll();
      for (const a of autosaves.current.values()) a.dispose();
    };
  }, [flushAll]);

  // Every few minutes of editing, a revision of each section that changed.
  useEffect(() => {
    const t = setInterval(() => {
      for (const key of snapshotDue.current) void api.call('minutes.snapshot', { meetingId: id, sectionKey: key, reason: 'periodic' }).catch(() => {});
      snapshotDue.current.clear();
    }, PERIODIC_SNAPSHOT_MS);
    return () => clearInterval(t);
  }, [id]);

  const sections = state?.sections ?? [];
  const agendaById = useMemo(() => new Map(detail?.agenda.map((a) => [a.id, a]) ?? []), [detail]);
  // One rule of withholding (shared/redaction): sub-items of withheld items and items with an unknown parent included.
  const publication = publicationStates(detail?.agenda ?? []);
  const withheld = (key: string) => (publication.get(key) ?? 'published') !== 'published';
  const sectionLabel = (key: string) => {
    const s = sections.find((x) => x.key === key);
    return s ? (s.number ? `${s.number} ${s.title}` : s.title) : 'A removed item';
  };

  const votes = useMeetingVotes(id, panel);
  // The live public preview: redact() over the editors' CURRENT content, rebuilt shortly after they change.
  const preview = usePublicPreview(panel === 'preview', () => {
    const d = detailRef.current;
    const st = stateRef.current;
    if (!d || !st) return null;
    return {
      bodyName,
      meeting: d.meeting,
      agenda: d.agenda,
      sections: st.sections.map((s) => ({ key: s.key, content: editors.current.get(s.key)?.getContent() ?? s.content })),
      attendance: st.attendance.participants.map((p) => ({ organisation: p.organisation, status: p.status })),
      flagsInForce: flagStoreRef.current.inForce.map((f) => ({ id: f.id, excerpt: f.excerpt })),
      votes: publicVotes(votes, st.decisions),
    };
  });
  const previewChanged = preview.changed;
  useEffect(() => previewChanged(), [detail, state?.attendance, bodyName, flagStore.inForce, votes, previewChanged]);

  // Suggestions as you type, in idle time after each section's debounced change.
  const suggestions = useSuggestions({
    meetingId: id,
    members,
    referenceDate: detail?.meeting.startsAt.slice(0, 10) ?? '',
    active: suggestOn && Boolean(state) && state?.minutes.status !== 'approved',
    sectionKeys: sections.filter((s) => s.kind !== 'orphan').map((s) => s.key),
    getEditor: (k) => editors.current.get(k)?.getEditor(),
    createFlag: async (sectionKey, excerpt) => {
      const flag = await api.call('flags.create', { meetingId: id, sectionKey, excerpt });
      upsertFlag(flag);
      return flag.id;
    },
  });

  /** Leaving a section: its words are saved and a revision kept; the meeting moves on. */
  const gotoSection = useCallback(
    async (key: string, focus = true) => {
      const current = stateRef.current?.live.currentSection;
      if (current && current !== key) {
        const a = autosaves.current.get(current);
        if (a) await a.flush();
        void api.call('minutes.snapshot', { meetingId: id, sectionKey: current, reason: 'leave' }).catch(() => {});
      }
      if (focus) {
        document.getElementById(`section-${key}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
        editors.current.get(key)?.focus();
      }
      if (stateRef.current?.live.startedAt && !stateRef.current.live.endedAt) {
        const l = await act.run(() => api.call('live.goto', { meetingId: id, sectionKey: key }));
        if (l) setLive(l);
      } else {
        setState((s) => (s ? { ...s, live: { ...s.live, currentSection: key } } : s));
      }
    },
    [act, id],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      const s = stateRef.current;
      if (!s) return;
      const keys = s.sections.map((x) => x.key);
      const at = s.live.currentSection ? keys.indexOf(s.live.currentSection) : -1;
      const next = keys[Math.min(keys.length - 1, Math.max(0, at + delta))];
      if (next && next !== s.live.currentSection) void gotoSection(next);
    },
    [gotoSection],
  );

  const toggleTimer = useCallback(
    async (key?: string) => {
      const k = key ?? stateRef.current?.live.currentSection ?? stateRef.current?.sections[0]?.key;
      if (!k) return;
      const l = await act.run(() => api.call('live.toggleTimer', { meetingId: id, sectionKey: k }));
      if (l) setLive(l);
    },
    [act, id],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const sc = matchMeetingShortcut(e);
      if (!sc) return;
      e.preventDefault();
      e.stopPropagation();
      if (sc === 'help') setHelp((h) => !h);
      else if (sc === 'next') step(1);
      else if (sc === 'previous') step(-1);
      else if (sc === 'timer') void toggleTimer();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [step, toggleTimer]);

  if (loadError) return <ErrorNote error={loadError} />;
  if (!detail || !state || !live) return <p className="muted">Loading the minutes…</p>;
  const { meeting } = detail;

  const startMeeting = async () => {
    const l = await act.run(() => api.call('live.start', { meetingId: id }));
    if (l) {
      setLive(l);
      if (l.currentSection) editors.current.get(l.currentSection)?.focus();
    }
  };
  const endMeeting = async () => {
    await flushAll();
    const l = await act.run(() => api.call('live.end', { meetingId: id }));
    if (l) setLive(l);
  };
  const setStatus = async (status: MinutesInfo['status']) => {
    await flushAll();
    const m = await act.run(() => api.call('minutes.setStatus', { meetingId: id, status }));
    if (m) setMinutes(m);
  };
  const reopen = async () => {
    const reason = window.prompt('Why are the approved minutes reopened? (recorded in the meeting history)');
    if (!reason) return;
    const m = await act.run(() => api.call('minutes.reopen', { meetingId: id, reason }));
    if (m) setMinutes(m);
  };

  const onCapture = (sectionKey: string) => async (kind: 'decision' | 'action', text: string) => {
    if (kind === 'decision') {
      const d = await api.call('decisions.create', { meetingId: id, sectionKey, text });
      setState((s) => (s ? { ...s, decisions: [...s.decisions, d] } : s));
      return d.id;
    }
    const a = await api.call('actions.create', { meetingId: id, sectionKey, text });
    setState((s) => (s ? { ...s, actions: [...s.actions, a] } : s));
    return a.id;
  };

  const onRequestFlag = (sectionKey: string) => (text: string) =>
    new Promise<string | null>((resolve) => {
      setFlagRequest({
        text,
        resolve: async (value: { reason: FlagReason; note: string } | null) => {
          if (!value) return resolve(null);
          const flag = await api.call('flags.create', { meetingId: id, sectionKey, reason: value.reason, note: value.note, excerpt: text.slice(0, 200_000) });
          upsertFlag(flag);
          resolve(flag.id);
        },
      });
    }).finally(() => {
      // Back to the text once the dialog is gone (the editor keeps its selection).
      setTimeout(() => editors.current.get(sectionKey)?.focus(), 0);
    });

  const jumpToFlag = (flag: Flag) => {
    document.getElementById(`section-${flag.sectionKey}`)?.scrollIntoView({ block: 'start' });
    const h = editors.current.get(flag.sectionKey);
    if (!h || !selectFlagInEditor(h.getEditor(), flag.id))
      act.setError(new Error('This flag’s text is not in the minutes any more (it may have just been deleted); the list updates after the next save.'));
  };

  /** Lift a flag: the record first (kept, retired), then the editor's flag node; the next save syncs the rest. */
  const unflag = async (flag: Flag) => {
    const updated = await api.call('flags.unflag', { id: flag.id });
    editors.current.get(flag.sectionKey)?.getEditor().dispatchCommand(REMOVE_FLAG_COMMAND, flag.id);
    upsertFlag(updated);
  };

  /**
   * "Flag again": puts the mark of a flag in force back on its text (applyFlags, the function a restore uses), in
   * the section the record names or, failing that, any section holding the text; then saves at once.
   */
  const flagAgain = async (flag: Flag) => {
    const keys = [flag.sectionKey, ...[...editors.current.keys()].filter((k) => k !== flag.sectionKey)];
    for (const key of keys) {
      const handle = editors.current.get(key);
      if (!handle) continue;
      const r = applyFlags(handle.getContent(), [{ id: flag.id, excerpt: flag.excerpt }]);
      if (r.applied.length === 0) continue;
      handle.setContent(r.content);
      autosaveOf(key).changed();
      await autosaveOf(key).flush();
      setFlagNotice(null);
      return;
    }
    throw new Error('The flagged text was not found in the minutes any more; lift the flag if it no longer applies.');
  };

  /** Withhold or publish a whole item: shown at once, put back if the backend refuses. */
  const setPublication = async (itemId: string, forPublication: boolean) => {
    const mark = (value: boolean) =>
      setDetail((d) => (d ? { ...d, agenda: d.agenda.map((a) => (a.id === itemId ? { ...a, forPublication: value } : a)) } : d));
    mark(forPublication);
    const agenda = await act.run(() => api.call('agenda.update', { id: itemId, forPublication }));
    if (agenda) setDetail((d) => (d ? { ...d, agenda } : d));
    else mark(!forPublication);
  };

  const sectionOrder = (key: string) => {
    const i = sections.findIndex((s) => s.key === key);
    return i < 0 ? sections.length : i;
  };

  /** Keeps each decision/action record's text equal to its block in the minutes. */
  const syncRecords = (meta: ChangeMeta) => {
    const s = stateRef.current;
    if (!s || readOnly) return;
    for (const r of meta.records) {
      const list: Array<Decision | ActionItem> = r.kind === 'decision' ? s.decisions : s.actions;
      const known = list.find((x) => x.id === r.recordId);
      const text = r.text.trim();
      if (!known || known.text === text) continue;
      const call = r.kind === 'decision' ? api.call('decisions.update', { id: r.recordId, text }) : api.call('actions.update', { id: r.recordId, text });
      void call.then(
        (updated) =>
          setState((st) =>
            !st
              ? st
              : r.kind === 'decision'
                ? { ...st, decisions: st.decisions.map((d) => (d.id === updated.id ? (updated as Decision) : d)) }
                : { ...st, actions: st.actions.map((a) => (a.id === updated.id ? (updated as ActionItem) : a)) },
          ),
        () => {},
      );
    }
  };

  const all = Object.values(statuses);
  const failed = all.find((s) => s.state === 'failed');
  const busy = all.some((s) => s.state === 'saving' || s.state === 'pending');
  const lastSaved = all.map((s) => s.savedAt ?? '').sort().at(-1);

  return (
    <div className="minutes-page">
      <div className="minutes-head">
        <div>
          <p className="crumbs">
            <a href={href({ name: 'meetings' })}>Meetings</a> › <a href={href({ name: 'meeting', id })}>{meeting.title}</a> ›
          </p>
          <h1 tabIndex={-1}>Minutes</h1>
          <p className="meta">
            <span>{formatLongDate(meeting.startsAt)}</span>
            <span>
              {MINUTES_STATUS_LABEL[state.minutes.status]} · version {state.minutes.version}
            </span>
          </p>
        </div>
        <div className="live-bar">
          <label className="check suggest-toggle" title="Underline passages that may be confidential while you type">
            <input
              type="checkbox"
              checked={suggestOn}
              onChange={(e) => {
                setSuggestOn(e.target.checked);
                localStorage.setItem(SUGGESTIONS_KEY, e.target.checked ? 'on' : 'off');
              }}
            />{' '}
            Suggest flags
          </label>
          <span className={failed ? 'saving-indicator failed' : busy ? 'saving-indicator busy' : 'saving-indicator'} role="status" aria-live="polite">
            {failed ? `Not saved — ${failed.error ?? 'retrying'}` : busy ? 'Saving…' : lastSaved ? `All changes saved ${new Date(lastSaved).toLocaleTimeString('en-GB')}` : 'Nothing to save yet'}
          </span>
          {live.startedAt && (
            <span className="meeting-clock" aria-label="Meeting time">
              {clock(meetingSeconds)}
            </span>
          )}
          {!live.startedAt || live.endedAt ? (
            <button type="button" className="primary" onClick={startMeeting} disabled={readOnly}>
              {live.endedAt ? 'Resume meeting' : 'Start meeting'}
            </button>
          ) : (
            <button type="button" onClick={endMeeting}>
              End meeting
            </button>
          )}
          {state.minutes.status === 'draft' && (
            <button type="button" onClick={() => setStatus('circulated')}>
              Circulate for comments
            </button>
          )}
          {state.minutes.status === 'circulated' && (
            <>
              <button type="button" onClick={() => setStatus('draft')}>
                Back to draft
              </button>
              <button type="button" onClick={() => setStatus('approved')}>
                Approve minutes
              </button>
            </>
          )}
          {readOnly && (
            <button type="button" onClick={reopen}>
              Reopen (new version)
            </button>
          )}
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (Alt+Shift+H)">
            ?
          </button>
        </div>
      </div>
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      <ErrorNote error={suggestions.error} onDismiss={suggestions.clearError} />
      {readOnly && <p className="read-only-note">These minutes are approved and read-only. Reopening creates a new version and is recorded.</p>}
      <div className={panel === 'preview' ? 'minutes-layout wide-side' : 'minutes-layout'}>
        <LiveOutline
          sections={sections.map((s) => ({ section: s, plannedMinutes: agendaById.get(s.key)?.plannedMinutes ?? 0 }))}
          live={live}
          elapsed={elapsed}
          onGoto={(k) => void gotoSection(k)}
          onToggleTimer={(k) => void toggleTimer(k)}
        />
        {flagNotice && <FlagNotice notice={flagNotice} onShowFlags={() => setPanel('flags')} onDismiss={() => setFlagNotice(null)} />}
        <div className="sections">
          {sections.map((s) => (
            <SectionBlock
              key={s.key}
              ref={(h) => {
                if (h) editors.current.set(s.key, h);
                else editors.current.delete(s.key);
              }}
              mountKey={`${s.key}:${mountKeys[s.key] ?? 0}`}
              section={s}
              current={live.currentSection === s.key}
              plannedMinutes={agendaById.get(s.key)?.plannedMinutes ?? 0}
              withheld={withheld(s.key)}
              publication={
                s.kind === 'item' && agendaById.has(s.key)
                  ? {
                      published: agendaById.get(s.key)!.forPublication,
                      withParent: publication.get(s.key) === 'withheld_with_parent',
                      locked: readOnly,
                      onToggle: (next) => void setPublication(s.key, next),
                    }
                  : undefined
              }
              readOnly={readOnly}
              status={statuses[s.key]}
              onDirty={() => autosaveOf(s.key).changed()}
              onChange={(meta) => {
                syncRecords(meta);
                preview.changed();
                suggestions.schedule(s.key);
              }}
              footer={
                !readOnly && (
                  <SuggestionList
                    label={sectionLabel(s.key)}
                    items={suggestions.bySection[s.key] ?? []}
                    onAccept={(x) => void suggestions.accept(s.key, x)}
                    onDismiss={(x) => void suggestions.dismiss(s.key, x)}
                  />
                )
              }
              onFocus={() => {
                if (live.currentSection !== s.key && !(live.startedAt && !live.endedAt)) setState((st) => (st ? { ...st, live: { ...st.live, currentSection: s.key } } : st));
              }}
              onHistory={() => setHistory(s.key)}
              onOpenLink={(url) => {
                if (window.confirm(`Open this link in your web browser?\n\n${url}`)) void openExternal(url);
              }}
              callbacks={{
                onCapture: onCapture(s.key),
                onRequestFlag: onRequestFlag(s.key),
                onFlagsUndone: (ids) => setFlagNotice({ kind: 'undo', excerpts: ids.map((fid) => flagStoreRef.current.flags.find((f) => f.id === fid)?.excerpt ?? '') }),
              }}
            />
          ))}
        </div>
        <aside className="side">
          <div className="tabs" role="tablist" aria-label="Side panel">
            <button type="button" role="tab" aria-selected={panel === 'attendance'} onClick={() => setPanel('attendance')}>
              Attendance
            </button>
            <button type="button" role="tab" aria-selected={panel === 'records'} onClick={() => setPanel('records')}>
              Decisions & actions
            </button>
            <button type="button" role="tab" aria-selected={panel === 'procedure'} onClick={() => setPanel('procedure')}>
              Procedure
            </button>
            <button type="button" role="tab" aria-selected={panel === 'flags'} onClick={() => setPanel('flags')}>
              Flags{flagStore.inForce.length > 0 ? ` (${flagStore.inForce.length})` : ''}
            </button>
            <button type="button" role="tab" aria-selected={panel === 'preview'} onClick={() => setPanel('preview')}>
              Public preview
            </button>
          </div>
          {panel === 'attendance' && (
            <AttendancePanel meetingId={id} attendance={state.attendance} members={members} readOnly={readOnly} onChange={(a) => setState((s) => (s ? { ...s, attendance: a } : s))} />
          )}
          {panel === 'records' && (
            <RecordsPanel
              decisions={state.decisions}
              actions={state.actions}
              sectionLabel={sectionLabel}
              readOnly={readOnly}
              onDecision={(d) => setState((s) => (s ? { ...s, decisions: s.decisions.map((x) => (x.id === d.id ? d : x)) } : s))}
              onAction={(a) => setState((s) => (s ? { ...s, actions: s.actions.map((x) => (x.id === a.id ? a : x)) } : s))}
            />
          )}
          {panel === 'procedure' && (
            <ProcedurePanel
              meetingId={id}
              readOnly={readOnly}
              sectionKey={live.currentSection ?? 'opening'}
              sectionLabel={sectionLabel}
              decisions={state.decisions}
              participants={state.attendance.participants}
              onDecision={(d) => setState((s) => (s ? { ...s, decisions: s.decisions.some((x) => x.id === d.id) ? s.decisions.map((x) => (x.id === d.id ? d : x)) : [...s.decisions, d] } : s))}
              onAttendance={(a) => setState((s) => (s ? { ...s, attendance: a } : s))}
            />
          )}
          {panel === 'flags' && (
            <FlagsPanel
              flags={flagStore.flags}
              onFlagAgain={flagAgain}
              counts={flagStore.counts}
              error={flagStore.error}
              sectionLabel={sectionLabel}
              sectionOrder={sectionOrder}
              readOnly={readOnly}
              onJump={jumpToFlag}
              onUpdated={upsertFlag}
              onUnflag={unflag}
              terms={suggestions.terms}
              onSetTerms={suggestions.setTerms}
            />
          )}
          {panel === 'preview' && (
            <section className="panel preview-panel" aria-labelledby="preview-title">
              <h2 id="preview-title">Public summary preview</h2>
              <p className="sub">
                What the published summary would say now, built from the text as you type. Each flagged passage shows as{' '}
                <span className="pv-redacted">{meeting.redactionMarker}</span>.
              </p>
              <PublicPreview result={preview.result} withheldDisplay={meeting.withheldDisplay} stale={preview.stale} />
            </section>
          )}
        </aside>
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {!readOnly && <FlagContextMenu editorOf={(k) => editors.current.get(k)?.getEditor()} />}
      {flagRequest && <FlagDialog request={flagRequest} onDone={() => setFlagRequest(null)} />}
      {history && (
        <RevisionsDialog
          meetingId={id}
          sectionKey={history}
          title={sectionLabel(history)}
          readOnly={readOnly}
          beforeRestore={async () => {
            await autosaves.current.get(history)?.flush();
          }}
          onRestored={(rev, content, changedFlags) => {
            applyFlagChanges(changedFlags);
            autosaves.current.get(history)?.dispose();
            autosaves.current.delete(history);
            setState((s) => (s ? { ...s, sections: s.sections.map((x) => (x.key === history ? { ...x, content, rev } : x)) } : s));
            setMountKeys((m) => ({ ...m, [history]: (m[history] ?? 0) + 1 }));
          }}
          onClose={() => setHistory(null)}
        />
      )}
    </div>
  );
}
