// @vitest-environment jsdom
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { $dfs } from '@lexical/utils';
import { strFromU8, unzipSync } from 'fflate';
import { $createRangeSelection, $getRoot, $getSelection, $isRangeSelection, $isTextNode, $setSelection, CONTROLLED_TEXT_INSERTION_COMMAND, UNDO_COMMAND, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import type { SerializedDoc } from '../../shared/editor/doc-model';
import { applyFlags } from '../../shared/redaction/apply-flags';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { putFlagBack, registerFlagUndoTracking } from '../../renderer/editor/flag-undo';
import { $wrapSelectionInFlag } from '../../renderer/editor/flags';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $insertCleanedDataTransfer } from '../../renderer/editor/paste';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

/**
 * A review of this session's editor fixes (sixth audit), each case seen failing before its fix: a rich or multi-line
 * paste over the end of a flagged passage (the new words must be flagged), words selected after a flag and typed
 * over (they must NOT be flagged: the selection held no flagged character), and an undo back past the officer's own
 * flagging after "Flag again" (it must lift the flag, as without "Flag again").
 */
const BEFORE = 'Acme will close its ';
const TAIL = 'Lyon plant in March';
const SECRET = BEFORE + TAIL;

function flagged(d: SerializedDoc): string[] {
  const out: string[] = [];
  type N = { type: string; text?: unknown; children?: N[] };
  const text = (n: N): string => (typeof n.text === 'string' ? n.text : (n.children ?? []).map(text).join(''));
  const walk = (n: N): void => void (n.type === 'flag' ? out.push(text(n)) : (n.children ?? []).forEach(walk));
  walk(d.root);
  return out;
}
const texts = () => $dfs($getRoot()).map((e) => e.node).filter((n): n is TextNode => $isTextNode(n));
const select = (a: [number, number], f: [number, number]) => {
  const ts = texts();
  const sel = $createRangeSelection();
  sel.anchor.set(ts[a[0]]!.getKey(), a[1], 'text');
  sel.focus.set(ts[f[0]]!.getKey(), f[1], 'text');
  $setSelection(sel);
};
const typeIt = (editor: LexicalEditor, words: string) => {
  for (const ch of words) if (!editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, ch)) { const s = $getSelection(); if ($isRangeSelection(s)) s.insertText(ch); }
};

async function backend(initial: SerializedDoc) {
  const b = makeBackend();
  const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'P', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
  const [item] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'One' });
  const key = item!.id;
  await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: initial });
  const editor = createHeadlessMinutesEditor(initial);
  registerRichText(editor);
  registerMinutesCommands(editor);
  const exportText = async () => {
    const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
    return res.ok ? normaliseForMatch(visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!))) : 'REFUSED';
  };
  return { b, m, key, editor, exportText };
}
async function editAndExport(edit: (editor: LexicalEditor) => void) {
  const s = await backend(doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
  s.editor.update(() => edit(s.editor), { discrete: true });
  await call(s.b, 'minutes.saveSection', { meetingId: s.m, sectionKey: s.key, content: serializeEditor(s.editor) });
  return { content: serializeEditor(s.editor), text: await s.exportText() };
}

describe('typing or pasting over a flagged passage', () => {
  it('a rich (HTML) paste over the last words of a flagged passage: the new words are flagged', async () => {
    const NEW = 'Lyon and Turin plants by the end of March';
    const r = await editAndExport((editor) => {
      select([1, BEFORE.length], [1, SECRET.length]);
      $insertCleanedDataTransfer(editor, { getData: (k) => (k === 'text/html' ? `<span>${NEW}</span>` : k === 'text/plain' ? NEW : '') }, $getSelection()!);
    });
    expect(r.text).not.toContain(normaliseForMatch('Turin plants'));
  });

  it('a multi-line plain paste over the last words of a flagged passage: every line is flagged', async () => {
    const r = await editAndExport((editor) => {
      select([1, BEFORE.length], [1, SECRET.length]);
      $insertCleanedDataTransfer(editor, { getData: (k) => (k === 'text/plain' ? 'Lyon and Turin\nplants by the end of March' : '') }, $getSelection()!);
    });
    expect(r.text).not.toContain(normaliseForMatch('by the end of March'));
  });

  it('words after a flag, selected from the end of its text, typed over: they stay outside the flag', async () => {
    const s = await backend(doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t(' said the chair.'))));
    s.editor.update(() => {
      select([1, SECRET.length], [2, ' said the chair'.length]); // the selection covers only " said the chair"
      typeIt(s.editor, ' noted the member');
    }, { discrete: true });
    expect(flagged(serializeEditor(s.editor))).toEqual([SECRET]);
  });
});

describe('Flag again and undo', () => {
  it('after Flag again, an undo back past the officer’s own flagging lifts it, as without Flag again', async () => {
    const s = await backend(doc(p(t(`Reported: ${SECRET}.`))));
    const history = createEmptyHistoryState();
    history.current = { editor: s.editor, editorState: s.editor.getEditorState() };
    const undone = new Set<string>();
    registerHistory(s.editor, history, 0);
    registerFlagUndoTracking(s.editor, history, undone);
    const save = async () => {
      const liftedByUndo = [...undone];
      await call(s.b, 'minutes.saveSection', { meetingId: s.m, sectionKey: s.key, content: serializeEditor(s.editor), ...(liftedByUndo.length ? { liftedByUndo } : {}) });
      liftedByUndo.forEach((id) => undone.delete(id));
    };
    const undo = async () => {
      s.editor.update(() => void s.editor.dispatchCommand(UNDO_COMMAND, undefined), { discrete: true });
      await new Promise((res) => setTimeout(res, 0));
      await save();
    };
    const f = await call<{ id: string }>(s.b, 'flags.create', { meetingId: s.m, sectionKey: s.key, reason: 'commercially_confidential', note: '', excerpt: SECRET });
    s.editor.update(() => { select([0, 'Reported: '.length], [0, 'Reported: '.length + SECRET.length]); $wrapSelectionInFlag(f.id); }, { discrete: true });
    await save();
    s.editor.update(() => { // pasted over with its own text as plain text: mark lost
      const ts = texts();
      const sel = $createRangeSelection();
      sel.anchor.set(ts[0]!.getKey(), 0, 'text');
      sel.focus.set(ts[ts.length - 1]!.getKey(), ts[ts.length - 1]!.getTextContentSize(), 'text');
      $setSelection(sel);
      sel.insertRawText(`Reported: ${SECRET}.`);
    }, { discrete: true });
    await save();
    putFlagBack(s.editor, applyFlags(serializeEditor(s.editor), [{ id: f.id, excerpt: SECRET }]).content);
    await save();
    await undo(); // Flag again undone
    await undo(); // paste undone
    await undo(); // the officer's own flagging undone: meant to unflag
    const rec = (await call<FlagList>(s.b, 'flags.list', { meetingId: s.m })).flags.find((x) => x.id === f.id)!;
    expect({ retired: rec.retiredReason, refused: (await s.exportText()) === 'REFUSED' }).toEqual({ retired: 'undo', refused: false });
  });
});
