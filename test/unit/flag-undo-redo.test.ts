// @vitest-environment jsdom
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerList } from '@lexical/list';
import { strFromU8, unzipSync } from 'fflate';
import { $getRoot, $createRangeSelection, $setSelection, $isTextNode, REDO_COMMAND, UNDO_COMMAND, $getSelection, $isRangeSelection } from 'lexical';
import { $dfs } from '@lexical/utils';
import { describe, expect, it } from 'vitest';
import { registerFlagUndoTracking } from '../../renderer/editor/flag-undo';
import { $collectFlagIds } from '../../renderer/editor/flags';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { FLAG_SELECTION_COMMAND } from '../../renderer/editor/commands';
import type { MeetingDetail } from '../../shared/contract/core';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import type { ExportResult } from '../../shared/contract/exports';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { visibleText } from '../unit/export-docx-helpers';

const SECRET = 'Acme will close its Lyon plant in March';
const PARA = `Intro: ${SECRET}. End. `;

describe('Flags: only an undo lifts a flag; a redo that removes a mark leaves the flag in force', () => {
  it('paste plain text over a flagged paragraph, undo, redo: the flag stays in force and the export is refused', async () => {
    const b = makeBackend();
    const detail = await call<MeetingDetail>(b, 'meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' });
    const m = detail.meeting.id;
    const [item] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'Item A' });
    const key = item!.id;
    const initial = doc(p(t('Intro: '), flag(['F1'], t(SECRET)), t('. End.')));
    await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: initial });

    const editor = createHeadlessMinutesEditor(initial);
    const undone = new Set<string>();
    const history = createEmptyHistoryState();
    const offs = [registerHistory(editor, history, 0), registerList(editor), registerMinutesCommands(editor), registerFlagUndoTracking(editor, history, undone)];
    const save = async () => {
      const liftedByUndo = [...undone];
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: serializeEditor(editor), ...(liftedByUndo.length ? { liftedByUndo } : {}) });
      undone.clear();
    };
    const marks = () => editor.getEditorState().read(() => $collectFlagIds().map((f) => f.id));

    // (a first edit, as the page always has one before: Lexical's history records from the second state on)
    editor.update(() => { $getRoot().selectEnd(); const s = $getSelection(); if ($isRangeSelection(s)) s.insertText(' '); }, { discrete: true });
    await new Promise((r) => setTimeout(r, 5));
    // 1. The officer selects the whole paragraph and pastes the same sentence as plain text (e.g. to clean formatting).
    editor.update(() => {
      const texts = $dfs($getRoot()).map((e) => e.node).filter($isTextNode);
      const first = texts[0]!;
      const last = texts[texts.length - 1]!;
      const sel = $createRangeSelection();
      sel.anchor.set(first.getKey(), 0, 'text');
      sel.focus.set(last.getKey(), last.getTextContentSize(), 'text');
      $setSelection(sel);
      const s = $getSelection();
      if ($isRangeSelection(s)) s.insertRawText(PARA);
    }, { discrete: true });
    expect([marks(), [...undone]]).toEqual([[], []]);
    await save();
    expect((await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true })).ok).toBe(false); // mark missing: refused

    // 2. Ctrl+Z: the mark is back.  3. Ctrl+Y: the paste again, the mark gone again (no flagging was undone).
    editor.update(() => { editor.dispatchCommand(UNDO_COMMAND, undefined); }, { discrete: true });
    await new Promise((r) => setTimeout(r, 0));
    expect([marks(), [...undone]]).toEqual([['F1'], []]);
    await save();
    editor.update(() => { editor.dispatchCommand(REDO_COMMAND, undefined); }, { discrete: true });
    await new Promise((r) => setTimeout(r, 0));
    expect([marks(), [...undone]], 'a redo lifts nothing').toEqual([[], []]);
    await save();
    const f = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags[0]!;
    expect(f.retiredAt).toBeNull();

    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    offs.forEach((o) => o());
    if (!res.ok) return;
    const text = visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!));
    expect(text, `flag ${f.retiredReason}`).not.toContain(SECRET);
  });

  it('an undo of the flagging lifts it (and a redo of the flagging takes the lift back)', async () => {
    const editor = createHeadlessMinutesEditor(doc(p(t('Acme intends to acquire Beta Labs next spring.'))));
    const undone = new Set<string>();
    const lifted: string[][] = [];
    const history = createEmptyHistoryState();
    const offs = [registerHistory(editor, history, 0), registerMinutesCommands(editor), registerFlagUndoTracking(editor, history, undone, (ids) => lifted.push(ids))];
    const marks = () => editor.getEditorState().read(() => $collectFlagIds().map((f) => f.id));
    editor.update(() => { $getRoot().selectEnd(); const s = $getSelection(); if ($isRangeSelection(s)) s.insertText(' '); }, { discrete: true });
    await new Promise((r) => setTimeout(r, 5));
    editor.update(() => {
      const text = $dfs($getRoot()).map((e) => e.node).filter($isTextNode)[0]!;
      const sel = $createRangeSelection();
      sel.anchor.set(text.getKey(), 6, 'text');
      sel.focus.set(text.getKey(), 33, 'text');
      $setSelection(sel);
      editor.dispatchCommand(FLAG_SELECTION_COMMAND, 'F9');
    }, { discrete: true });
    expect(marks()).toEqual(['F9']);
    editor.update(() => { editor.dispatchCommand(UNDO_COMMAND, undefined); }, { discrete: true });
    await new Promise((r) => setTimeout(r, 0));
    expect([marks(), [...undone], lifted]).toEqual([[], ['F9'], [['F9']]]);
    editor.update(() => { editor.dispatchCommand(REDO_COMMAND, undefined); }, { discrete: true });
    await new Promise((r) => setTimeout(r, 0));
    expect([marks(), [...undone]]).toEqual([['F9'], []]);
    offs.forEach((o) => o());
  });
});
