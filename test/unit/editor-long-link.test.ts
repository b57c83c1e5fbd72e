// @vitest-environment jsdom
import { $toggleLink } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $insertCleanedDataTransfer } from '../../renderer/editor/paste';
import { linkAddressProblem, normalizeLinkUrl } from '../../renderer/editor/plugins/LinkPlugins';
import { saveFailureAdvice } from '../../renderer/features/minutes/saveState';
import { LINK_URL_MAX } from '../../shared/editor/links';
import { plainText } from '../../shared/editor/doc-model';
import type { MeetingDetail } from '../../shared/contract/core';
import { makeBackend } from '../helpers/temp';
import { clip, saveable, up } from './editor-saveable';

/**
 * A link whose address is longer than the stored minutes allow (4,000 characters: a SafeLinks or SharePoint address
 * with its tracking parameters) was accepted by the editor — from a paste, or typed in the link editor (Ctrl+K) — and
 * from then on every save of that item was refused: nothing typed into it afterwards was stored, whatever the retries
 * (an audit, 2026-12-05). A pasted link that long now comes in as its words only; the link editor refuses the
 * address and says why; and a save refused for its content tells the officer to undo the last change, not to wait.
 */
const longUrl = `https://emea01.safelinks.protection.outlook.com/?url=${'https%3A%2F%2Fexample.sharepoint.com%2Fsites%2Ftaskforce%2F'.repeat(70)}&data=05`;
const TYPED = ' The chair then summarised the discussion.';

function typedAfter(editor: LexicalEditor) {
  up(editor, () => {
    $getSelection()!.insertText(TYPED);
  });
}

function pasteLink(editor: LexicalEditor, url: string) {
  up(editor, () => {
    const p = $createParagraphNode().append($createTextNode('See the document: '));
    $getRoot().clear().append(p);
    $insertCleanedDataTransfer(editor, clip({ 'text/html': `<p><a href="${url}">the draft report</a></p>`, 'text/plain': 'the draft report' }), p.selectEnd());
  });
}

describe('a long link never makes a section unsaveable', () => {
  it('the address is over the stored limit and a plausible pasted link', () => {
    expect(longUrl.length).toBeGreaterThan(LINK_URL_MAX);
    expect(longUrl.length).toBeLessThan(5000);
  });

  it('pasted HTML with a long link: its words come in without the link, and the section with the words typed after it saves', () => {
    const editor = createHeadlessMinutesEditor();
    pasteLink(editor, longUrl);
    typedAfter(editor);
    const doc = saveable(editor);
    expect(plainText(doc.root)).toContain(`See the document: the draft report${TYPED}`);
    expect(JSON.stringify(doc)).not.toContain('"type":"link"');
  });

  it('a link of exactly the longest address kept stays a link', () => {
    const editor = createHeadlessMinutesEditor();
    const url = `https://example.org/?q=${'a'.repeat(LINK_URL_MAX - 23)}`;
    expect(url.length).toBe(LINK_URL_MAX);
    pasteLink(editor, url);
    expect(JSON.stringify(saveable(editor))).toContain('"type":"link"');
  });

  it('the link editor (Ctrl+K) refuses the long address and says why', () => {
    expect(normalizeLinkUrl(longUrl)).toBeNull();
    expect(linkAddressProblem(longUrl)).toMatch(/too long/);
    expect(linkAddressProblem('example.org')).toBeNull();
    expect(linkAddressProblem('not an address')).toMatch(/Enter a web address/);
    // Toggled anyway (another path): the save's schema refusal would be the last line.
    const editor = createHeadlessMinutesEditor();
    up(editor, () => {
      const t = $createTextNode('the draft report');
      $getRoot().clear().append($createParagraphNode().append(t));
      t.select(0, t.getTextContentSize());
      $toggleLink(normalizeLinkUrl('example.org'));
    });
    saveable(editor);
  });

  it('in the backend: after the pasted long link, the words typed in the item are stored', async () => {
    const b = makeBackend();
    const created = await b.dispatch('meetings.create', { title: 'Plenary', startsAt: '2026-02-03T10:00', endsAt: '2026-02-03T12:00', timeZone: 'Europe/Brussels' });
    const m = (created as { value: MeetingDetail }).value.meeting.id;
    const editor = createHeadlessMinutesEditor();
    pasteLink(editor, longUrl);
    typedAfter(editor);
    const r = await b.dispatch('minutes.saveSection', { meetingId: m, sectionKey: 'opening', baseRev: 0, writer: '0123456789abcdef01234567', content: serializeEditor(editor) });
    expect(r.ok ? 'saved' : `${r.error.code}: ${r.error.message.slice(0, 160)}`).toBe('saved');
  });

  it('a save refused for what the item holds: the officer is told to undo the last change, not to wait for a retry', () => {
    expect(saveFailureAdvice('bad_request')).toMatch(/undo/i);
    expect(saveFailureAdvice('bad_request')).not.toMatch(/retries on its own/);
  });
});
