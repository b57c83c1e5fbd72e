import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { MINUTES_STATUS_LABEL } from '../../../shared/domain/minutes-labels';
import type { MinutesInfo } from '../../../shared/domain/minutes';
import { meetingMinutes } from '../../../shared/domain/meeting-labels';
import { formatLongDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { href } from '../../app/router';
import { $hasFlagMark, type MinutesEditorHandle } from '../../editor';
import { ErrorList, useErrorList } from '../../ui/errors';
import { ErrorNote } from '../../ui/kit';
import { FlagContextMenu } from '../flags/FlagContextMenu';
import { MeetingMissing, namesNoMeeting } from '../meetings/MeetingMissing';
import { FlagDialog } from '../flags/FlagDialog';
import { FlagNotice } from '../flags/FlagNotice';
import { useMeetingFlags } from '../flags/useMeetingFlags';
import { LiveOutline } from '../live/LiveOutline';
import { MeetingBar } from '../live/MeetingBar';
import { rollUp, schedule, type TimedSection } from '../live/timing';
import { useLiveClock } from '../live/useLiveClock';
import { useLiveControls } from '../live/useLiveControls';
import { OfficerNamePrompt } from '../officer/OfficerNamePrompt';
import { previewAttendance } from '../preview/previewAttendance';
import { usePublicOptions } from '../preview/usePublicOptions';
import type { StaleTopic } from '../../../shared/contract/exports';
import { usePublicPreview } from '../preview/usePublicPreview';
import type { LazySection } from '../preview/previewSections';
import { publicVotes, useMeetingVotes } from '../procedure/useMeetingVotes';
import { useRecords } from '../records/useRecords';
import { useSuggestions } from '../suggestions/useSuggestions';
import { rememberSuggestionsWanted, suggestionsWanted } from '../suggestions/preference';
import { useChangedElsewhere, withFreshAgenda } from './useChangedElsewhere';
import { useFollowSections } from './useFollowSections';
import { useHeardElsewhere } from './useHeardElsewhere';
import { ATTENDANCE_CHANGES, LIVE_CHANGES, MINUTES_STATUS_CHANGES, RECORDS_CHANGES } from '../../window-changes';
import { MinutesSections } from './MinutesSections';
import { MinutesSide } from './MinutesSide';
import { RevisionsDialog } from './RevisionsDialog';
import { pageSaveView, typedWaiting } from './saveState';
import { ShortcutsHelp } from './ShortcutsHelp';
import { PendingOutline, PendingSide } from './PendingSides';
import { SkipLinks } from './SkipLinks';
import type { Panel } from './SidePanel';
import { StatusControls } from './StatusControls';
import { useAutosave } from './useAutosave';
import { useFlagActions } from './useFlagActions';
import { useFlagNotice } from './useFlagNotice';
import { useMeetingShortcuts } from './useMeetingShortcuts';
import { useMarkCurrentOnFocus } from './useMarkCurrentOnFocus';
import { useOpenAtCurrent } from './useOpenAtCurrent';
import { SMALL_MEETING_CHARS, useMinutesData } from './useMinutesData';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { useSnapshots } from './useSnapshots';
import { useTypeAhead } from './useTypeAhead';
import { useLatest } from '../../ui/useLatest';

/** A section as the officer reads it: "2.1 Transparency", "Opening". */
const labelOf = (s: { number: string; title: string }) => (s.number ? `${s.number} ${s.title}` : s.title);
const NO_TOPICS: readonly StaleTopic[] = [];

/**
 * The live minutes of one meeting: one editor per section (opening, each agenda item, closing), the meeting bar always
 * in view, autosave per section, attendance, records, flags and the public preview beside them. The concerns live in
 * hooks (data, autosave, snapshots, records, live controls, flags, shortcuts); this component only puts them together.
 */
export function MinutesPage({ id }: { id: string }) {
  const { errors, report, dismiss } = useErrorList();
  const data = useMinutesData(id, report);
  const typeAhead = useTypeAhead(id);
  const { detail, state, stateRef, detailRef } = data;
  const editors = useRef(new Map<string, MinutesEditorHandle>());
  const [mountKeys, setMountKeys] = useState<Record<string, number>>({});
  const [panel, setPanel] = useState<Panel>('attendance');
  const [help, setHelp] = useState(false);
  // A preference of this machine's officer, not of the meeting: kept in the renderer's own storage.
  const [suggestOn, setSuggestOn] = useState(suggestionsWanted);
  const [history, setHistory] = useState<string | null>(null);
  // The outline and the side panel wait for the rest of the page too (data.rest: the first keys and a pause, or a
  // second without keys; issue 16): on a machine of two cores, laying them out cost the first click and key 25–30 ms.
  // Until then their places are kept; asked for sooner (a press into a place, a shortcut, a skip link), they come at
  // once, and so they do when a section could not be loaded (the page's rest may then be late).
  const [sidesAsked, setSidesAsked] = useState(false);
  const sidesShown = data.rest || sidesAsked || data.failed.size > 0;
  const askSides = () => setSidesAsked(true);
  const showPanel = (p: Panel) => {
    askSides();
    setPanel(p);
  };
  // The flags list, the votes and the suggestions start once the first editor is editable and its first key has
  // landed (data.rest): the officer's first keys never wait behind them (issue 16).
  const flagStore = useMeetingFlags(id, data.rest);
  const { notice: flagNotice, setNotice: setFlagNotice, flagsSaved, undone: flagsUndone, storeRef: flagStoreRef } = useFlagNotice(flagStore);

  const snapshots = useSnapshots(id, report);
  const autosave = useAutosave({ meetingId: id, stateRef, editors, saved: snapshots.saved, revOf: data.sectionRev, revSaved: data.sectionSaved, report, flagsSaved });
  /** Why the last change of status was not made (words not stored yet), shown in the page until the next try. */
  const [statusHeld, setStatusHeld] = useState<string | null>(null);
  /** The minutes are being approved: the editors are locked meanwhile (StatusControls). */
  const [approving, setApproving] = useState(false);
  const records = useRecords({ meetingId: id, stateRef, putDecision: data.putDecision, putAction: data.putAction, patch: data.patch, report });
  const markCurrent = useMarkCurrentOnFocus(stateRef, data.setCurrentLocally);
  const liveControls = useLiveControls({ meetingId: id, stateRef, editors, setLive: data.setLive, setCurrentLocally: data.setCurrentLocally, flush: autosave.flush, flushAll: autosave.flushAll, leave: snapshots.leave, report });
  const flags = useFlagActions({ meetingId: id, editors, upsertFlag: flagStore.upsert, report, changed: autosave.changed, flush: autosave.flush, clearNotice: () => setFlagNotice(null) });

  const live = state?.live;
  const { elapsed, meetingSeconds, now } = useLiveClock(live);
  const sections = useMemo(() => state?.sections ?? [], [state?.sections]);
  const smallMeeting = sections.reduce((n, s) => n + s.textLength, 0) < SMALL_MEETING_CHARS;
  const agendaById = useMemo(() => new Map(detail?.agenda.map((a) => [a.id, a]) ?? []), [detail]);
  const timed: TimedSection[] = useMemo(
    () => sections.map((s) => ({ key: s.key, parentKey: agendaById.get(s.key)?.parentId ?? null, plannedMinutes: agendaById.get(s.key)?.plannedMinutes ?? 0 })),
    [sections, agendaById],
  );
  const timing = rollUp(timed, elapsed);
  const sectionLabel = (key: string) => {
    const s = sections.find((x) => x.key === key);
    return s ? labelOf(s) : 'A removed item';
  };

  // Another window deleted the meeting or removed items (said in a note), or added, moved, renamed, withheld or
  // published items (shown so: sections, numbers, switches and the preview): at once from a window of the app, else
  // when the officer comes back to this one.
  const shownItems = useMemo(() => sections.filter((s) => s.kind === 'item').map((s) => ({ key: s.key, label: labelOf(s) })), [sections]);
  const setDetail = data.setDetail;
  const followAgenda = data.followAgenda;
  const elsewhere = useChangedElsewhere(id, shownItems, (fresh) => {
    setDetail((d) => {
      const next = withFreshAgenda(d, fresh.agenda);
      return next && JSON.stringify(next.meeting) !== JSON.stringify(fresh.meeting) ? { ...next, meeting: fresh.meeting } : next;
    });
    followAgenda(fresh.agenda);
  });
  // A status change here and one told by another window are handled alike (StatusControls' onMinutes below): useAutosave
  // resetAll keeps unsaved words, and a save refused because the minutes were approved keeps them in the History.
  const onMinutes = (m: MinutesInfo) => {
    autosave.resetAll();
    data.setMinutes(m);
  };
  useHeardElsewhere(
    MINUTES_STATUS_CHANGES,
    () => api.call('minutes.outline', { meetingId: id }).then((o) => o.minutes),
    (m) => {
      const now = stateRef.current?.minutes;
      if (now && (now.status !== m.status || now.version !== m.version)) onMinutes(m);
    },
  );
  // The live meeting moved in another window (started, another item, a timer, ended): its bar and outline here follow.
  useHeardElsewhere(LIVE_CHANGES, () => api.call('live.get', { meetingId: id }), data.setLive);
  // The attendance taken in another window (a check-in window beside this one): the table, the counts and the preview.
  useHeardElsewhere(ATTENDANCE_CHANGES, () => api.call('attendance.list', { meetingId: id }), data.setAttendance);
  // Decisions and action items recorded, changed or deleted in another window (their text stays this window's: useRecords).
  useHeardElsewhere(RECORDS_CHANGES, records.look, records.follow);

  /**
   * Shows a section as stored (a revision restored, another window's words): its editor starts again from the stored
   * content, its autosave from the stored rev. Called in one task with the check that nothing typed here is lost by
   * it; the editor is mounted again in that task too (flushSync), so no key can reach the editor that goes.
   */
  const showAsStored = (key: string, section: { rev: number; content: unknown }) => {
    autosave.reset(key);
    data.hold(key, JSON.stringify(section.content));
    data.sectionSaved(key, section.rev);
    if (editors.current.has(key)) flushSync(() => setMountKeys((m) => ({ ...m, [key]: (m[key] ?? 0) + 1 })));
  };
  /**
   * After a save refused because another window changed the section: its newest words are sent (refused, they are
   * kept in its History too), then the section is shown as stored — unless something was typed meanwhile (the officer
   * asks again; those words are kept the same way).
   */
  const showStored = async (key: string) => {
    await autosave.flush(key);
    try {
      const section = await api.call('minutes.section', { meetingId: id, sectionKey: key });
      if (autosave.allKept(key) && !editors.current.get(key)?.hasPendingChange()) showAsStored(key, section);
    } catch (e) {
      report('Showing the section as it now stands', e);
    }
  };

  // Words and flags saved in another window: shown in each item not being typed into here (useFollowSections).
  const followed = useFollowSections({
    meetingId: id,
    revOf: data.sectionRev,
    standing: (key) => {
      const handle = editors.current.get(key);
      if (!autosave.settled(key) || handle?.hasPendingChange()) return 'unsaved';
      const root = handle?.getEditor().getRootElement();
      return (root && root.contains(document.activeElement)) || flags.flagging() || history === key ? 'busy' : 'free';
    },
    follow: showAsStored,
    takeFlags: flagStore.merge,
  });

  const votes = useMeetingVotes(id, panel, data.rest);
  const publicOptions = usePublicOptions(id, panel === 'preview', `${state?.minutes.status}:${state?.minutes.version}`, (e) => report('load what the public summary states besides the minutes', e));
  const publicOptionsRef = useLatest(publicOptions);
  // The live public preview: redact() over the editors' CURRENT content, rebuilt shortly after they change.
  const preview = usePublicPreview(panel === 'preview', () => {
    const d = detailRef.current;
    const st = stateRef.current;
    const options = publicOptionsRef.current;
    if (!d || !st || !options) return null;
    const { withheldElsewhere: _inTrash, ...layout } = options;
    // Every section's current content: its editor's, or the loaded one not yet in an editor. Until every section has
    // loaded there is no preview (never a summary with a section missing).
    // Each section is read only if it changed since the worker got it (previewSections.ts): its editor's state, or
    // its stored JSON when it is in no editor, says whether it did.
    const sections: LazySection[] = [];
    for (const s of st.sections) {
      const held = data.contents.current.get(s.key);
      const editor = editors.current.get(s.key);
      const section: LazySection | null = editor
        ? { key: s.key, token: editor.contentToken(), read: () => editor.getContent() }
        : held === undefined
          ? null
          : { key: s.key, token: held, read: () => JSON.parse(held) as SerializedDoc };
      if (!section) {
        // Sections held packed (a long meeting) are unpacked for the preview; it is made again once they are.
        if (data.packed.current.has(s.key)) data.unpackSections();
        return null;
      }
      sections.push(section);
    }
    return {
      bodyName: data.bodyName,
      meeting: d.meeting,
      agenda: d.agenda,
      sections,
      attendance: previewAttendance(st.attendance.participants),
      flagsInForce: flagStoreRef.current.inForce.map((f) => ({ id: f.id, excerpt: f.excerpt })),
      flagsTextRemoved: flagStoreRef.current.textRemoved.map((f) => ({ id: f.id, excerpt: f.excerpt })),
      flaggedElsewhere: flagStoreRef.current.elsewhere.map((f) => ({ id: f.id, excerpt: f.excerpt, meeting: f.meeting })),
      withheldElsewhere: options.withheldElsewhere,
      // The same options the export lays the summary out with (one computation, in the backend).
      document: { ...layout, meeting: d.meeting, actions: st.actions.map((a) => ({ recordId: a.id, status: a.status, dueDate: a.dueDate })) },
      votes: publicVotes(votes, st.decisions),
    };
  });

  const previewChanged = preview.changed;
  useEffect(
    () => previewChanged(),
    [detail, state?.attendance, state?.actions, data.bodyName, flagStore.inForce, flagStore.textRemoved, flagStore.elsewhere, votes, publicOptions, previewChanged, data.ready, data.held],
  );

  // Suggestions as you type, in idle time after each section's debounced change.
  const suggestions = useSuggestions({
    meetingId: id,
    members: data.members,
    referenceDate: detail?.meeting.startsAt.slice(0, 10) ?? '',
    active: suggestOn && Boolean(state) && state?.minutes.status !== 'approved',
    // Only sections with an editor on the page (a section's suggestions start when its editor mounts).
    sectionKeys: data.rest ? sections.filter((s) => s.kind !== 'orphan' && data.ready.has(s.key) && (data.near.has(s.key) || smallMeeting)).map((s) => s.key) : [],
    getEditor: (k) => editors.current.get(k)?.getEditor(),
    createFlag: async (sectionKey, excerpt, reason) => {
      const flag = await api.call('flags.create', { meetingId: id, sectionKey, excerpt, reason });
      flagStore.upsert(flag);
      return flag.id;
    },
  });

  /**
   * A flag id of this meeting: one of its records, or a mark in one of its sections. A pasted mark of any other id
   * (another meeting's) becomes a new flag here (renderer/editor/paste.ts). Read at paste time only.
   */
  const isMeetingFlag = (flagId: string) =>
    flagStoreRef.current.flags.some((f) => f.id === flagId) || [...editors.current.values()].some((h) => h.getEditor().getEditorState().read(() => $hasFlagMark(flagId)));

  useOpenAtCurrent(id, state, (key) => editors.current.has(key), liveControls.reveal);

  useMeetingShortcuts({
    help: () => setHelp((h) => !h),
    next: () => liveControls.step(1),
    previous: () => liveControls.step(-1),
    timer: () => void liveControls.toggleTimer(),
    attendance: () => {
      showPanel('attendance');
      setTimeout(() => document.getElementById('side-tab-attendance')?.focus(), 0);
    },
  });

  if (data.loadError) return namesNoMeeting(id, data.loadError) ? <MeetingMissing /> : <ErrorNote error={data.loadError} />;
  if (!detail || !state || !live) return <p className="muted">Loading the minutes…</p>;
  const { meeting } = detail;
  const readOnly = state.minutes.status === 'approved';
  const current = live.currentSection;
  const plannedMeetingSeconds = meetingMinutes(meeting) * 60;

  return (
    <div className="minutes-page">
      <SkipLinks
        toCurrent={() => void liveControls.gotoSection(current ?? sections[0]?.key ?? 'opening')}
        toSide={() => {
          askSides();
          setTimeout(() => document.getElementById(`side-tab-${panel}`)?.focus(), 0);
        }}
        toBar={() => document.querySelector<HTMLElement>('.meeting-bar .live-row button')?.focus()}
      />
      <MeetingBar
        title={
          <div className="bar-title">
            <p className="crumbs">
              <a href={href({ name: 'meetings' })}>Meetings</a> › <a href={href({ name: 'meeting', id })}>{meeting.title}</a> ›
            </p>
            <h1 tabIndex={-1}>Minutes</h1>
            <span className="meta">
              {formatLongDate(meeting.startsAt)} · {MINUTES_STATUS_LABEL[state.minutes.status]} · version {state.minutes.version}
            </span>
          </div>
        }
        live={live}
        currentLabel={current ? sectionLabel(current) : null}
        currentTiming={current ? (timing.get(current) ?? null) : null}
        meetingSeconds={meetingSeconds}
        schedule={schedule({ sections: timed, timing, currentKey: current, meetingSeconds, plannedMeetingSeconds, now })}
        save={pageSaveView(Object.values(autosave.statuses), { approved: readOnly, ...typedWaiting(typeAhead.typed, data.failed) })}
        readOnly={readOnly}
        onStart={() => void liveControls.start()}
        onEnd={() => void liveControls.end()}
        tools={
          <>
            <label className="check suggest-toggle" title="Underline passages that may be confidential while you type">
              <input
                type="checkbox"
                checked={suggestOn}
                onChange={(e) => {
                  setSuggestOn(e.target.checked);
                  rememberSuggestionsWanted(e.target.checked);
                }}
              />{' '}
              Suggest flags
            </label>
            <StatusControls
              meetingId={id}
              minutes={state.minutes}
              // Keys typed into a section whose editor has not come yet are not stored either.
              saveAll={async () => (await autosave.saveAll()) + typeAhead.typed.size}
              onHeld={setStatusHeld}
              onApproving={setApproving}
              report={report}
              onMinutes={onMinutes}
            />
            <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (Alt+Shift+H)">
              ?
            </button>
          </>
        }
      />
      {/* Why a status change was held back: with the page's other notes, in view under the meeting bar however far down
          the officer was typing (the note used to be at the top of the page, scrolled out of sight). */}
      <ErrorList errors={errors} onDismiss={dismiss}>
        {elsewhere.note && (
          <div className="error-note changed-elsewhere" role="alert">
            <span>{elsewhere.note}</span>
            <button type="button" className="link" onClick={elsewhere.dismiss}>
              Dismiss
            </button>
          </div>
        )}
        {statusHeld && (
          <div className="error-note status-held" role="alert">
            <span>{statusHeld}</span>
            <button type="button" className="link" onClick={() => setStatusHeld(null)}>
              Dismiss
            </button>
          </div>
        )}
      </ErrorList>
      {!readOnly && <OfficerNamePrompt report={report} />}
      <ErrorNote error={suggestions.error} onDismiss={suggestions.clearError} />
      {readOnly && <p className="read-only-note">These minutes are approved and read-only. Reopening creates a new version and is recorded.</p>}
      <div className={panel === 'preview' ? 'minutes-layout wide-side' : 'minutes-layout'}>
        {/* The outline and the sections in a grid of their own: the outline sticks within it, so in a narrow window it
            leaves with the sections instead of sliding over the side panel below them. */}
        <div className="minutes-body">
          {sidesShown ? (
            <LiveOutline sections={sections} live={live} timing={timing} onGoto={(k) => void liveControls.gotoSection(k)} onToggleTimer={(k) => void liveControls.toggleTimer(k)} />
          ) : (
            <PendingOutline onWanted={askSides} />
          )}
          <div className="minutes-center">
            {flagNotice && <FlagNotice notice={flagNotice} onShowFlags={() => showPanel('flags')} onDismiss={() => setFlagNotice(null)} />}
            <MinutesSections
              state={state}
              contents={data.contents}
              ready={data.ready}
              failed={data.failed}
              typeAhead={typeAhead}
              held={data.held}
              near={data.near}
              bringNear={data.bringNear}
              agendaById={agendaById}
              editors={editors}
              mountKeys={mountKeys}
              newerElsewhere={followed.waiting}
              onShowStored={(key) => void showStored(key)}
              statuses={autosave.statuses}
              // Locked while the minutes are being approved (StatusControls), so no word is typed into them then.
              readOnly={readOnly || approving}
              sectionLabel={sectionLabel}
              suggestions={suggestions}
              setDetail={data.setDetail}
              report={report}
              onDirty={autosave.changed}
              onEditorGone={(key) => void autosave.flush(key)}
              onMeta={(key, meta) => {
                records.syncText(meta);
                preview.changed();
                suggestions.schedule(key);
              }}
              onFocusSection={markCurrent}
              onHistory={setHistory}
              callbacks={(key) => ({
                onCapture: records.capture(key),
                onRequestFlag: flags.requestFlag(key),
                onFlagsUndone: flagsUndone,
                isMeetingFlag,
              })}
            />
          </div>
        </div>
        {sidesShown ? (
          <MinutesSide
            meetingId={id}
            panel={panel}
            onPanel={setPanel}
            data={data}
            records={records}
            flagStore={flagStore}
            flags={flags}
            suggestions={suggestions}
            preview={preview}
            staleTopics={publicOptions?.staleTopics ?? NO_TOPICS}
            readOnly={readOnly}
            sectionLabel={sectionLabel}
          />
        ) : (
          <PendingSide onWanted={askSides} />
        )}
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {autosave.leaveDialog}
      {!readOnly && <FlagContextMenu editorOf={(k) => editors.current.get(k)?.getEditor()} />}
      {flags.flagRequest && <FlagDialog request={flags.flagRequest} onDone={flags.clearFlagRequest} />}
      {history && (
        <RevisionsDialog
          meetingId={id}
          sectionKey={history}
          title={sectionLabel(history)}
          readOnly={readOnly}
          beforeRestore={() => autosave.saveSection(history)}
          onRestored={(rev, content, changedFlags) => {
            flagStore.applyChanges(changedFlags);
            showAsStored(history, { rev, content }); // the remounted editor starts from it, its autosave from its rev
          }}
          onClose={() => setHistory(null)}
        />
      )}
    </div>
  );
}
