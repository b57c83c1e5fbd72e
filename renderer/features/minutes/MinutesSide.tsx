import { useEffect } from 'react';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { FlagsPanel } from '../flags/FlagsPanel';
import type { useMeetingFlags } from '../flags/useMeetingFlags';
import { PublicPreview } from '../preview/PublicPreview';
import { PreviewTopics } from '../preview/PreviewTopics';
import type { StaleTopic } from '../../../shared/contract/exports';
import { localInstant } from '../../../shared/format/zoned';
import { usePublicationHold } from '../backup/HoldNote';
import { href } from '../../app/router';
import type { usePublicPreview } from '../preview/usePublicPreview';
import { LazyProcedurePanel, preloadProcedurePanel } from '../procedure/LazyProcedurePanel';
import { RecordsPanel } from '../records/RecordsPanel';
import type { useRecords } from '../records/useRecords';
import type { useSuggestions } from '../suggestions/useSuggestions';
import { SidePanel, type Panel } from './SidePanel';
import type { useFlagActions } from './useFlagActions';
import type { MinutesData } from './useMinutesData';

/** The side panel of the minutes page: attendance, decisions and actions, flags, the public preview. */
export function MinutesSide(props: {
  meetingId: string;
  panel: Panel;
  onPanel: (p: Panel) => void;
  data: MinutesData;
  records: ReturnType<typeof useRecords>;
  flagStore: ReturnType<typeof useMeetingFlags>;
  flags: ReturnType<typeof useFlagActions>;
  suggestions: ReturnType<typeof useSuggestions>;
  preview: ReturnType<typeof usePublicPreview>;
  /** What refuses the summary besides the minutes (the export's own finding): shown above the preview. */
  staleTopics: readonly StaleTopic[];
  readOnly: boolean;
  sectionLabel: (key: string) => string;
}) {
  const { panel, data, flagStore, readOnly } = props;
  // The Procedure tab's code, once the page's other sections load (after the officer's first keys): there when opened.
  useEffect(() => {
    if (data.rest) preloadProcedurePanel().catch(() => undefined);
  }, [data.rest]);
  // Stable, so that the attendance table does not render again with every render of the page (AttendancePanel is memo).
  const onAttendance = data.setAttendance;
  const state = data.state!;
  const meeting = data.detail!.meeting;
  const sectionOrder = (key: string) => {
    const i = state.sections.findIndex((s) => s.key === key);
    return i < 0 ? state.sections.length : i;
  };
  return (
    <SidePanel
      panel={panel}
      onPanel={props.onPanel}
      tabs={[
        { id: 'attendance', label: 'Attendance' },
        { id: 'records', label: 'Decisions & actions' },
        { id: 'procedure', label: 'Procedure' },
        { id: 'flags', label: `Flags${flagStore.inForce.length > 0 ? ` (${flagStore.inForce.length})` : ''}` },
        { id: 'preview', label: 'Public preview' },
      ]}
    >
      {panel === 'attendance' && (
        <AttendancePanel meetingId={props.meetingId} attendance={state.attendance} members={data.members} readOnly={readOnly} onChange={onAttendance} />
      )}
      {panel === 'records' && (
        <RecordsPanel
          decisions={state.decisions}
          actions={state.actions}
          attendance={state.attendance}
          members={data.members}
          saves={props.records.saves}
          sectionLabel={props.sectionLabel}
          readOnly={readOnly}
          onOutcome={props.records.updateDecision}
          onAction={props.records.updateAction}
        />
      )}
      {panel === 'procedure' && (
        <LazyProcedurePanel
          meetingId={props.meetingId}
          readOnly={readOnly}
          sectionKey={state.live.currentSection ?? 'opening'}
          sectionLabel={props.sectionLabel}
          decisions={state.decisions}
          participants={state.attendance.participants}
          onDecision={(d) => data.patch((s) => ({ ...s, decisions: s.decisions.some((x) => x.id === d.id) ? s.decisions.map((x) => (x.id === d.id ? d : x)) : [...s.decisions, d] }))}
          onAttendance={onAttendance}
        />
      )}
      {panel === 'flags' && (
        <FlagsPanel
          flags={flagStore.flags}
          onFlagAgain={props.flags.flagAgain}
          counts={flagStore.counts}
          error={flagStore.error}
          sectionLabel={props.sectionLabel}
          sectionOrder={sectionOrder}
          readOnly={readOnly}
          onJump={props.flags.jumpToFlag}
          onUpdated={flagStore.upsert}
          onUnflag={props.flags.unflag}
          terms={props.suggestions.terms}
          onSetTerms={props.suggestions.setTerms}
        />
      )}
      {panel === 'preview' && (
        <section className="panel preview-panel" aria-labelledby="preview-title">
          <h2 id="preview-title">Public summary preview</h2>
          <p className="sub">
            What the published summary would say now, built from the text as you type. Each flagged passage shows as <span className="pv-redacted">{meeting.redactionMarker}</span>.
          </p>
          <PreviewHold />
          <PreviewTopics meetingId={props.meetingId} topics={props.staleTopics} />
          <PublicPreview result={props.preview.result} withheldDisplay={meeting.withheldDisplay} stale={props.preview.stale} />
        </section>
      )}
    </SidePanel>
  );
}

/** While publication is on hold (HoldNote), the preview says this summary cannot be exported yet, and where to go. */
function PreviewHold() {
  const hold = usePublicationHold();
  if (!hold) return null;
  return (
    <div className="error-note pv-hold" role="status">
      <strong>Publication is on hold:</strong> this summary cannot be exported until the minutes changed since the backup of {localInstant(hold.backupCreatedAt)}{' '}
      have been checked and the hold released. <a href={href({ name: 'backups' })}>Open Backups</a>
    </div>
  );
}
