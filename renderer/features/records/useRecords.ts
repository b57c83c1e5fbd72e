import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import type { MinutesOutline, MinutesPageState as MinutesState } from '../../../shared/contract/minutes';
import type { ActionItem, ActionStatus, Decision, DecisionOutcome } from '../../../shared/domain/decisions';
import { api } from '../../api';
import type { ChangeMeta } from '../../editor';
import type { ReportError } from '../../ui/errors';

/** Per record: 'saving' until the backend acknowledges the change, then 'saved'; 'failed' keeps what was typed. */
export type RecordSave = 'saving' | 'saved' | 'failed';

export type ActionPatch = { owner?: string; dueDate?: string; status?: ActionStatus };

/** What `seen` holds for a text whose sending failed: equal to no text (a NUL is refused in every text). */
const UNSENT = '\u0000unsent';

/** What another window's records look like now (`look`), and how many changes this window had made when it asked. */
export type RecordsSeen = { since: number; decisions: Decision[]; actions: ActionItem[] };

/**
 * Decisions and action items: created from the editor (capture), their text kept equal to their block in the
 * minutes, their outcome, owner, due date and status edited beside it. Every change is sent, acknowledged and shown;
 * a failure is reported, never dropped. Records recorded, changed or deleted in another window are followed (`look`,
 * `follow`); a record's text only while this window's minutes do not show its block.
 */
export function useRecords(o: {
  meetingId: string;
  stateRef: MutableRefObject<MinutesState | null>;
  putDecision: (d: Decision) => void;
  putAction: (a: ActionItem) => void;
  patch: (f: (s: MinutesOutline) => MinutesOutline) => void;
  report: ReportError;
}) {
  const { meetingId, stateRef, putDecision, putAction, patch, report } = o;
  const [saves, setSaves] = useState<Record<string, RecordSave>>({});
  /** This window's changes of records, counted: which record changed here last, at which count (for `follow`). */
  const changes = useRef(0);
  const changedAt = useRef(new Map<string, number>());
  const mark = useCallback((id: string, s: RecordSave) => {
    changedAt.current.set(id, ++changes.current);
    setSaves((m) => ({ ...m, [id]: s }));
  }, []);

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

  /** The text of each record as this window's minutes last showed it (syncText), and the records whose text this window took from another (follow). */
  const seen = useRef(new Map<string, string>());
  const followed = useRef(new Set<string>());

  /**
   * Keeps each record's text equal to its block in the minutes (after each debounced change of a section): a block's
   * text that changed here is sent. The first time this window's minutes show a record, its text is sent when it
   * differs from the record's (a text not sent before the app closed) — unless this window took the record's text from
   * another window meanwhile: the block here may then be older than the text stored, and is not sent back over it.
   */
  const syncText = useCallback(
    (meta: ChangeMeta) => {
      const s = stateRef.current;
      if (!s || s.minutes.status === 'approved') return;
      for (const r of meta.records) {
        const known = r.kind === 'decision' ? s.decisions.find((x) => x.id === r.recordId) : s.actions.find((x) => x.id === r.recordId);
        const text = r.text.trim();
        const before = seen.current.get(r.recordId);
        seen.current.set(r.recordId, text);
        if (!known || known.text === text || before === text) continue;
        if (before === undefined && followed.current.has(r.recordId)) continue;
        const sent =
          r.kind === 'decision'
            ? track(r.recordId, 'Saving the text of a decision', () => api.call('decisions.update', { id: r.recordId, text }), putDecision)
            : track(r.recordId, 'Saving the text of an action item', () => api.call('actions.update', { id: r.recordId, text }), putAction);
        // Not stored: sent again with the next change of the minutes, as the block still differs.
        void sent.then((ok) => {
          if (!ok && seen.current.get(r.recordId) === text) seen.current.set(r.recordId, UNSENT);
        });
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

  /** Asks for the records as stored now (another window changed some). */
  const look = useCallback(async (): Promise<RecordsSeen> => {
    const since = changes.current;
    const [decisions, actions] = await Promise.all([api.call('decisions.list', { meetingId }), api.call('actions.list', { meetingId })]);
    return { since, decisions, actions };
  }, [meetingId]);

  /**
   * Takes what another window recorded, changed or deleted: records new there are listed, records gone there go, and a
   * record's outcome, owner, due date and status follow. Its text follows too, unless this window's minutes show the
   * record: its text is then its block here (syncText sends a block changed here), not words from elsewhere that the
   * block here does not hold. A record changed here since the look began keeps this window's version.
   */
  const follow = useCallback(
    (look: RecordsSeen) => {
      const mine = (id: string) => (changedAt.current.get(id) ?? 0) > look.since;
      const ownText = (id: string) => seen.current.has(id);
      // The texts taken from there: a block of them shown here later may be older (syncText does not send it back).
      const shown = stateRef.current;
      const textHere = new Map([...(shown?.decisions ?? []), ...(shown?.actions ?? [])].map((r) => [r.id, r.text]));
      for (const r of [...look.decisions, ...look.actions]) if (!ownText(r.id) && !mine(r.id) && textHere.get(r.id) !== r.text) followed.current.add(r.id);
      patch((s) => {
        const decisions = merged(s.decisions, look.decisions, mine, ownText);
        const actions = merged(s.actions, look.actions, mine, ownText);
        return decisions === s.decisions && actions === s.actions ? s : { ...s, decisions, actions };
      });
    },
    [patch, stateRef],
  );

  return { saves, capture, syncText, updateDecision, updateAction, look, follow };
}

/**
 * The records as stored now (`fresh`), with this window's version of those `mine` and this window's text of those whose
 * text is its own (`ownText`); the same array when nothing changed.
 */
export function merged<T extends { id: string; text: string }>(local: T[], fresh: readonly T[], mine: (id: string) => boolean, ownText: (id: string) => boolean): T[] {
  const byId = new Map(local.map((x) => [x.id, x]));
  const freshIds = new Set(fresh.map((x) => x.id));
  const next = fresh.map((f) => {
    const l = byId.get(f.id);
    if (!l) return f;
    if (mine(f.id)) return l;
    const m = ownText(f.id) ? { ...f, text: l.text } : f;
    return JSON.stringify(m) === JSON.stringify(l) ? l : m;
  });
  // Made here after the look began (not in its answer yet): kept.
  for (const l of local) if (!freshIds.has(l.id) && mine(l.id)) next.push(l);
  return next.length === local.length && next.every((x, i) => x === local[i]) ? local : next;
}
