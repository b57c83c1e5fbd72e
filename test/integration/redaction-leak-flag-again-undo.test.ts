// @vitest-environment jsdom
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { $dfs } from '@lexical/utils';
import { strFromU8, unzipSync } from 'fflate';
import { $createRangeSelection, $getRoot, $getSelection, $isRangeSelection, $isTextNode, $setSelection, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import { applyFlags } from '../../shared/redaction/apply-flags';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { putFlagBack, registerFlagUndoTracking } from '../../renderer/editor/flag-undo';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

/**
 * "Flag again" (renderer/features/minutes/useFlagActions.ts) puts a missing mark back (MinutesEditorHandle.putFlagBack):
 * Lexical's history records that as an ordinary undo step, and the next Ctrl+Z undid it. registerFlagUndoTracking saw
 * a mark removed by an undo and reported it as liftedByUndo, so the save retired the flag as lifted: the flag had been
 * in force (mark missing: export refused), and after the undo, which should bring back exactly that state, it guarded
 * nothing and the passage was published (fifth audit). putFlagBack now tags the update, and no undo lifts such a flag.
 */
const SECRET = 'Acme will close its Lyon plant in March';

describe('Flag again, then Ctrl+Z', () => {
  it('leaves the flag in force (mark missing), not lifted', async () => {
    const b = makeBackend();
    const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'P', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
    const [item] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'One' });
    const key = item!.id;
    const initial = doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.')));
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: initial });

    // The editor as MinutesEditor mounts it: history from the content it opened with, flag-undo tracking.
    const editor: LexicalEditor = createHeadlessMinutesEditor(initial);
    const history = createEmptyHistoryState();
    history.current = { editor, editorState: editor.getEditorState() };
    const undone = new Set<string>();
    registerRichText(editor);
    registerMinutesCommands(editor);
    registerHistory(editor, history, 0);
    registerFlagUndoTracking(editor, history, undone);
    const save = async () => {
      const liftedByUndo = [...undone];
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: serializeEditor(editor), ...(liftedByUndo.length ? { liftedByUndo } : {}) });
      liftedByUndo.forEach((id) => undone.delete(id)); // acknowledgeLiftedByUndo
    };

    // 1. The paragraph is pasted over with its own text as plain text: mark lost, flag in force with its mark missing.
    editor.update(() => {
      const texts = $dfs($getRoot()).map((e) => e.node).filter($isTextNode);
      const sel = $createRangeSelection();
      sel.anchor.set(texts[0]!.getKey(), 0, 'text');
      sel.focus.set(texts[texts.length - 1]!.getKey(), 1, 'text');
      $setSelection(sel);
      const s = $getSelection();
      if ($isRangeSelection(s)) s.insertRawText(`Reported: ${SECRET}.`);
    }, { discrete: true });
    await save();
    expect((await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true })).ok).toBe(false);

    // 2. "Flag again" from the flags panel: exactly what useFlagActions.flagAgain does.
    const r = applyFlags(serializeEditor(editor), [{ id: 'F1', excerpt: SECRET }]);
    putFlagBack(editor, r.content); // as MinutesEditorHandle.putFlagBack
    await save();

    // 3. Ctrl+Z.
    editor.update(() => void editor.dispatchCommand(UNDO_COMMAND, undefined), { discrete: true });
    await new Promise((res) => setTimeout(res, 0));
    await save();

    const f1 = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags.find((f) => f.id === 'F1')!;
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    const text = res.ok ? visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!)) : '';
    expect(normaliseForMatch(text), `flag ${f1.retiredReason ?? 'in force'}`).not.toContain(normaliseForMatch(SECRET));
    expect(f1.retiredReason).toBeNull();
  });
});
