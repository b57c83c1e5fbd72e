// @vitest-environment jsdom
import { registerRichText } from '@lexical/rich-text';
import { $dfs } from '@lexical/utils';
import { strFromU8, unzipSync } from 'fflate';
import { $createRangeSelection, $getRoot, $getSelection, $isRangeSelection, $isTextNode, $setSelection, CONTROLLED_TEXT_INSERTION_COMMAND, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/contract/core';
import type { ExportResult } from '../../shared/contract/exports';
import type { AgendaItem } from '../../shared/domain/agenda';
import type { FlagList } from '../../shared/domain/flags';
import { normaliseForMatch } from '../../shared/redaction/match-text';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $insertCleanedDataTransfer } from '../../renderer/editor/paste';
import { registerMinutesCommands } from '../../renderer/editor/register';
import { visibleText } from '../unit/export-docx-helpers';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';

/**
 * FlagNode's rule is "text typed at either edge of the flag joins it". It holds for a caret, not for a selection: the
 * officer selects the last words of a flagged passage (the selection lies wholly inside the flag's text) and types the
 * corrected words, or pastes them. The selection is removed first and the text goes where Lexical puts text at the
 * end of an inline element that refuses text after it: outside the flag ($flagEdgeAtCaret answers null for a range,
 * flags.ts; paste.ts $insertPlainText likewise). The save then recorded the flag's excerpt as what was still marked,
 * so nothing guarded the new words: they were published, with no blocker (fifth audit). Now text typed or pasted over
 * a selection with an end in a flag goes into the flag ($replaceSelectionKeepingFlags), and a save keeps a recorded
 * passage guarded while it stands unmarked (flags-service reconcile).
 */
const BEFORE = 'Acme will close its ';
const TAIL = 'Lyon plant in March';
const NEW_TAIL = 'Lyon and Turin plants by the end of March';

type Input = (editor: LexicalEditor, words: string) => void;
const typeIt: Input = (editor, words) => {
  for (const ch of words) if (!editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, ch)) { const s = $getSelection(); if ($isRangeSelection(s)) s.insertText(ch); }
};
const pasteIt: Input = (editor, words) => void $insertCleanedDataTransfer(editor, { getData: (k) => (k === 'text/plain' ? words : '') }, $getSelection()!);

describe('Typing or pasting over the last words of a flagged passage', () => {
  // The last case pastes the very words that were flagged (as pasting the whole passage over itself does, which IS
  // refused as "mark missing": test/unit/flag-undo-redo.test.ts).
  for (const [how, input, words] of [['typed', typeIt, NEW_TAIL], ['pasted as plain text', pasteIt, NEW_TAIL], ['the same words pasted', pasteIt, TAIL]] as const)
    it(`the new words (${how}) stay flagged, or the export is refused`, async () => {
      const b = makeBackend();
      const m = (await call<MeetingDetail>(b, 'meetings.create', { title: 'P', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' })).meeting.id;
      const [item] = await call<AgendaItem[]>(b, 'agenda.add', { meetingId: m, title: 'One' });
      const key = item!.id;
      const initial = doc(p(t('Reported: '), flag(['F1'], t(BEFORE + TAIL)), t('.')));
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: initial });

      const editor = createHeadlessMinutesEditor(initial);
      registerRichText(editor);
      registerMinutesCommands(editor);
      editor.update(() => {
        const flagged = $dfs($getRoot()).map((e) => e.node).filter((n): n is TextNode => $isTextNode(n))[1]!;
        const sel = $createRangeSelection(); // "Lyon plant in March", inside the flag
        sel.anchor.set(flagged.getKey(), BEFORE.length, 'text');
        sel.focus.set(flagged.getKey(), BEFORE.length + TAIL.length, 'text');
        $setSelection(sel);
        input(editor, words);
      }, { discrete: true });
      await call(b, 'minutes.saveSection', { meetingId: m, sectionKey: key, content: serializeEditor(editor) });

      const f1 = (await call<FlagList>(b, 'flags.list', { meetingId: m })).flags.find((f) => f.id === 'F1')!;
      const res = await b.dispatch('exports.create', { meetingId: m, kind: 'public_summary', confirmDraft: true });
      const text = res.ok ? visibleText(strFromU8(unzipSync(Buffer.from((res.value as ExportResult).bytesBase64, 'base64'))['word/document.xml']!)) : '';
      expect(normaliseForMatch(text), `flag excerpt now "${f1.excerpt}"`).not.toContain(normaliseForMatch(words));
    });
});
