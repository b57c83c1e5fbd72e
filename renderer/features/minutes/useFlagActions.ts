import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Flag, FlagReason } from '../../../shared/domain/flags';
import { api } from '../../api';
import { REMOVE_FLAG_COMMAND, type MinutesEditorHandle } from '../../editor';
import { endEditorWaits, withEditor } from './editorReady';
import type { ReportError } from '../../ui/errors';
import type { FlagRequest } from '../flags/FlagDialog';
import { selectFlagInEditor } from '../flags/jump';
import { onDemand } from '../../ui/onDemand';

/** applyFlags reads stored minutes (the redaction's reader, zod/mini): loaded at the first "Flag again" (issue 16). */
const applyFlagsCode = onDemand(() => import('../../../shared/redaction/apply-flags'));

/**
 * The page's side of flags: the reason dialog for a new flag (then its record), going to a flag from the list, and
 * lifting one (record first, then the editor's node; the next save syncs the rest).
 */
export function useFlagActions(o: {
  meetingId: string;
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>;
  upsertFlag: (f: Flag) => void;
  report: ReportError;
  /** The autosave path: a section changed, and save it now. */
  changed: (key: string) => void;
  flush: (key: string) => Promise<void>;
  /** A flag put back by "Flag again" clears the notice about it. */
  clearNotice: () => void;
}) {
  const { meetingId: id, editors, upsertFlag, report } = o;
  // A jump to a flag still waiting for its section's editor ends with the page (editorReady.ts).
  useEffect(() => endEditorWaits, []);
  const [flagRequest, setFlagRequest] = useState<FlagRequest | null>(null);

  /** Flags answered whose record is on its way: the section is still being flagged (not replaced by another window's words). */
  const recording = useRef(0);
  const requestFlag = useCallback(
    (sectionKey: string) => (text: string, answered?: () => void) =>
      new Promise<string | null>((resolve) => {
        setFlagRequest({
          text,
          answer: (value: { reason: FlagReason; note: string } | null) => {
            // At the press, as Next item does: the caret is back in the text now (at the end of the passage, or the
            // passage selected again when cancelled), so the keys typed next are the minutes', however long the record
            // takes. The editor flags the passage when the record comes; a failure is said in a note (not flagged).
            if (!value) {
              editors.current.get(sectionKey)?.focus();
              return resolve(null);
            }
            if (answered) answered();
            else editors.current.get(sectionKey)?.focus();
            recording.current++;
            void api
              .call('flags.create', { meetingId: id, sectionKey, reason: value.reason, note: value.note, excerpt: text.slice(0, 200_000) })
              .then(
                (flag) => {
                  upsertFlag(flag);
                  resolve(flag.id);
                },
                (e: unknown) => {
                  report('Flagging the passage', e);
                  resolve(null);
                },
              )
              .finally(() => recording.current--);
          },
        });
      }),
    [id, editors, upsertFlag, report],
  );

  const jumpToFlag = useCallback(
    (flag: Flag) => {
      document.getElementById(`section-${flag.sectionKey}`)?.scrollIntoView({ block: 'start' });
      // In a long meeting the section's editor may not be on the page yet: it mounts first.
      withEditor(editors, flag.sectionKey, (h) => {
        if (!h || !selectFlagInEditor(h.getEditor(), flag.id))
          report('Going to the flag', new Error('This flag’s text is not in the minutes any more (it may have just been deleted); the list updates after the next save.'));
      });
    },
    [editors, report],
  );

  const { flush } = o;
  const unflag = useCallback(
    async (flag: Flag) => {
      // The section's save on its way (or due) first: it still carries the mark, and a mark that reaches the backend
      // after the lift puts the flag back in force (marks are what a save trusts: fail closed), so the officer's lift
      // would quietly come undone, the flag then in force with its mark missing (seen in the e2e test under load).
      await flush(flag.sectionKey);
      const updated = await api.call('flags.unflag', { id: flag.id });
      editors.current.get(flag.sectionKey)?.getEditor().dispatchCommand(REMOVE_FLAG_COMMAND, flag.id);
      upsertFlag(updated);
    },
    [editors, upsertFlag, flush],
  );

  /**
   * "Flag again": puts the mark of a flag in force back on its text (applyFlags, the function a restore uses), in
   * the section the record names or, failing that, any section holding the text; then saves at once.
   */
  const flagAgain = useCallback(
    async (flag: Flag) => {
      const { applyFlags } = await applyFlagsCode.load();
      const keys = [flag.sectionKey, ...[...editors.current.keys()].filter((k) => k !== flag.sectionKey)];
      for (const key of keys) {
        const handle = editors.current.get(key);
        if (!handle) continue;
        const r = applyFlags(handle.getContent(), [{ id: flag.id, excerpt: flag.excerpt }]);
        if (r.applied.length === 0) continue;
        handle.putFlagBack(r.content);
        o.changed(key);
        await o.flush(key);
        o.clearNotice();
        return;
      }
      throw new Error('The flagged text was not found in the minutes any more; lift the flag if it no longer applies.');
    },
    [editors, o],
  );

  /** Whether a flag is being set: its dialog open, or its record on its way. */
  const flagging = () => flagRequest !== null || recording.current > 0;
  return { flagAgain, flagRequest, flagging, clearFlagRequest: () => setFlagRequest(null), requestFlag, jumpToFlag, unflag };
}
