import { useCallback, useEffect, useState } from 'react';
import type { MeetingDetail } from '../../../shared/contract/core';
import type { MinutesState } from '../../../shared/contract/minutes';
import type { ActionItem, Decision } from '../../../shared/domain/decisions';
import type { Organisation } from '../../../shared/domain/members';
import type { LiveState, MinutesInfo } from '../../../shared/domain/minutes';
import { api } from '../../api';
import type { ReportError } from '../../ui/errors';
import { useLatest } from '../../ui/useLatest';

/**
 * What the minutes page shows, loaded once per meeting: the meeting and agenda, the minutes (sections, status, live
 * state, records, attendance), the members and the body's name. Refs mirror the state for callbacks that must not
 * re-create on every change (autosave, shortcuts).
 */
export function useMinutesData(id: string, report: ReportError) {
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [state, setState] = useState<MinutesState | null>(null);
  const [members, setMembers] = useState<Organisation[]>([]);
  const [bodyName, setBodyName] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const stateRef = useLatest(state);
  const detailRef = useLatest(detail);

  useEffect(() => {
    api.call('body.get', {}).then(
      (b) => setBodyName(b.name),
      (e) => report('Loading the name of the body (for the public preview)', e),
    );
  }, [report]);

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

  const patch = useCallback((f: (s: MinutesState) => MinutesState) => setState((s) => (s ? f(s) : s)), []);
  const setLive = useCallback((live: LiveState) => patch((s) => ({ ...s, live })), [patch]);
  /** Moves the current section locally (no meeting running, so no timer moves). */
  const setCurrentLocally = useCallback((key: string) => patch((s) => ({ ...s, live: { ...s.live, currentSection: key } })), [patch]);
  const setMinutes = useCallback((minutes: MinutesInfo) => patch((s) => ({ ...s, minutes })), [patch]);
  const putDecision = useCallback((d: Decision) => patch((s) => ({ ...s, decisions: upsert(s.decisions, d) })), [patch]);
  const putAction = useCallback((a: ActionItem) => patch((s) => ({ ...s, actions: upsert(s.actions, a) })), [patch]);

  return { detail, setDetail, state, patch, members, bodyName, loadError, stateRef, detailRef, setLive, setCurrentLocally, setMinutes, putDecision, putAction };
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export type MinutesData = ReturnType<typeof useMinutesData>;
