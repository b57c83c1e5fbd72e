import { useCallback, useState, type MutableRefObject } from 'react';
import type { MinutesPageState as MinutesState } from '../../../shared/contract/minutes';
import type { ActionItem, ActionStatus, Decision, DecisionOutcome } from '../../../shared/domain/decisions';
import { api } from '../../api';
import type { ChangeMeta } from '../../editor';
import type { ReportError } from '../../ui/errors';

/** Per record: 'saving' until the backend acknowledges the change, then 'saved'; 'failed' keeps what was typed. */
export type RecordSave = 'saving' | 'saved' | 'failed';

export type ActionPatch = { owner?: string; dueDate?: string; status?: ActionStatus };

/**
 * Decisions and action items: created from the editor (capture), their text kept equal to their block in the
 * minutes, their outcome, owner, due date and status edited beside it. Every change is sent, acknowledged and shown;
 * a failure is reported, never dropped.
 */
export function useRecords(o: {
  meetingId: string;
  stateRef: MutableRefObject<MinutesState | null>;
  putDecision: (d: Decision) => void;
  putAction: (a: ActionItem) => void;
  report: ReportError;
}) {
  const { meetingId, stateRef, putDecision, putAction, report } = o;
  const [saves, setSaves] = useState<Record<string, RecordSave>>({});
  const mark = useCallback((id: string, s: RecordSave) => setSaves((m) => ({ ...m, [id]: s })), []);

  const track = useCallback(
    async <T,>(id: string, doing: string, call: () => Promise<T>, put: (v: T) => void): Promise<boolean> => {
      mark(id, 'saving');
      try {
        put(await call());
        mark(id, 'saved');
        return true;
      } catch (e) {
        mark(id, 'failed');
        report(doing, e);
        return false;
      }
    },
    [mark, report],
  );

  /** For the editor's capture commands: create the record, answer its id (null: the text stays as typed). */
  const capture = useCallback(
    (sectionKey: string) =>
      async (kind: 'decision' | 'action', text: string): Promise<string | null> => {
        try {
          if (kind === 'decision') {
            const d = await api.call('decisions.create', { meetingId, sectionKey, text });
            putDecision(d);
            mark(d.id, 'saved');
            return d.id;
          }
          const a = await api.call('actions.create', { meetingId, sectionKey, text });
          putAction(a);
          mark(a.id, 'saved');
          return a.id;
        } catch (e) {
          report(kind === 'decision' ? 'Recording the decision' : 'Recording the action item', e);
          return null;
        }
      },
    [meetingId, putDecision, putAction, mark, report],
  );

  /** Keeps each record's text equal to its block in the minutes (after each debounced change of a section). */
  const syncText = useCallback(
    (meta: ChangeMeta) => {
      const s = stateRef.current;
      if (!s || s.minutes.status === 'approved') return;
      for (const r of meta.records) {
        const known = r.kind === 'decision' ? s.decisions.find((x) => x.id === r.recordId) : s.actions.find((x) => x.id === r.recordId);
        const text = r.text.trim();
        if (!known || known.text === text) continue;
        if (r.kind === 'decision') void track(r.recordId, 'Saving the text of a decision', () => api.call('decisions.update', { id: r.recordId, text }), putDecision);
        else void track(r.recordId, 'Saving the text of an action item', () => api.call('actions.update', { id: r.recordId, text }), putAction);
      }
    },
    [stateRef, track, putDecision, putAction],
  );

  const updateDecision = useCallback(
    (id: string, outcome: DecisionOutcome) => track(id, 'Saving the outcome of a decision', () => api.call('decisions.update', { id, outcome }), putDecision),
    [track, putDecision],
  );
  const updateAction = useCallback(
    (id: string, patch: ActionPatch) => track(id, 'Saving an action item', () => api.call('actions.update', { id, ...patch }), putAction),
    [track, putAction],
  );

  return { saves, capture, syncText, updateDecision, updateAction };
}
