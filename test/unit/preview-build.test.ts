import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { buildPreview, previewInput, type PreviewSource } from '../../renderer/features/preview/previewInput';
import { PublicPreview } from '../../renderer/features/preview/PublicPreview';
import { publicVotes } from '../../renderer/features/procedure/useMeetingVotes';
import type { DecisionVote } from '../../shared/procedure';
import { summaryText } from '../../shared/redaction/public-summary';

const text = (t: string, format = 0): SerializedNode => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 });
const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const doc = (...blocks: SerializedNode[]): SerializedDoc => ({ root: el('root', blocks) }) as unknown as SerializedDoc;
const flag = (ids: string[], ...children: SerializedNode[]) => el('flag', children, { ids });
const link = (url: string, ...children: SerializedNode[]) => el('link', children, { url, rel: null, target: null, title: null });

function source(over: Partial<PreviewSource> = {}): PreviewSource {
  return {
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Plenary 3', startsAt: '2026-03-04T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
    agenda: [
      { id: 'a1', number: '1', title: 'Budget', parentId: null, forPublication: true },
      { id: 'a2', number: '2', title: 'Security incident', parentId: null, forPublication: false },
      { id: 'a21', number: '2.1', title: 'Follow-up', parentId: 'a2', forPublication: true },
    ],
    sections: [
      { key: 'opening', content: doc(el('paragraph', [text('The chair opened the meeting.')])) },
      {
        key: 'a1',
        content: doc(
          el('paragraph', [text('Acme will spend '), flag(['f1'], text('40 million euros')), text(' next year.')]),
          el('paragraph', [text('See '), link('https://example.org/plan', text('the plan')), text(' and '), link('https://secret.example/x', flag(['f2'], text('the annex')))]),
          el('list', [el('listitem', [text('first')], { value: 1 }), el('listitem', [flag(['f3'], text('second'))], { value: 2 })], { listType: 'number', start: 1, tag: 'ol' }),
        ),
      },
      { key: 'a2', content: doc(el('paragraph', [text('Details of the breach at Acme.')])) },
      { key: 'a21', content: doc(el('paragraph', [text('Patch by Friday.')])) },
    ],
    attendance: [
      { organisation: 'Mistral AI', status: 'in_person' },
      { organisation: 'Aleph Alpha', status: 'remote' },
      { organisation: 'Mistral AI', status: 'remote' },
      { organisation: ' ', status: 'in_person' },
      { organisation: 'Absent Corp', status: 'absent' },
      { organisation: 'Excused Ltd', status: 'excused' },
    ],
    flagsInForce: [],
    ...over,
  };
}

describe('live public preview: built with redact() from the current content', () => {
  it('hides every flagged passage behind one marker and never shows withheld items’ text', () => {
    const r = buildPreview(source());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const html = renderToStaticMarkup(createElement(PublicPreview, { result: r, withheldDisplay: 'title_only' }));
    for (const secret of ['40 million', 'the annex', 'secret.example', 'second', 'breach', 'Patch by Friday']) expect(html).not.toContain(secret);
    expect(html).toContain('Acme will spend <span class="pv-redacted"');
    expect(html.match(/class="pv-redacted"/g)).toHaveLength(3);
    // The withheld item and its sub-item keep their titles, with the note.
    expect(html).toMatch(/2\. Security incident<\/p><p class="pv-p pv-note" data-pv-block=""><em>Not published\.<\/em><\/p>/);
    expect(html).toMatch(/2\.1 Follow-up<\/p><p class="pv-p pv-note" data-pv-block=""><em>Not published\.<\/em><\/p>/);
    // Links elsewhere: text, the URL in the tooltip, not clickable.
    expect(html).toContain('title="https://example.org/plan">the plan');
    expect(html).not.toMatch(/<a\b/);
    // Organisations of those present: de-duplicated, blanks, absent and excused dropped, sorted.
    expect(html).toMatch(/Aleph Alpha<\/p><p class="pv-li pv-ul"[^>]*>Mistral AI<\/p>/);
    expect(html).not.toContain('Absent Corp');
    expect(html).not.toContain('Excused Ltd');
  });

  it('prints a vote’s outcome where its decision is, not under the item its record names (none in a withheld item)', () => {
    const vote = {
      decisionId: 'd1',
      meetingId: 'm1',
      kind: 'invite_external_expert',
      rulesVersionId: null,
      rule: { rule: 'two_thirds', base: 'present', quorum: 'majority' },
      ballot: { kind: 'vote', votes: [] },
      present: [],
      outcome: 'adopted',
      tally: { members: 5, present: 5, inFavour: 4, against: 1, abstained: 0, notVoting: 0, base: 5, required: 4, quorumRequired: 3 },
      explanation: '',
      publicExplanation: '',
      votedAt: '2026-03-04T10:30:00.000Z',
    } as DecisionVote;
    // The record names item 1; the officer moved the decision's paragraph to item 2, which is withheld.
    const decisions = [{ id: 'd1', meetingId: 'm1', sectionKey: 'a1', text: 'To invite an expert', outcome: 'adopted' as const, createdAt: '', updatedAt: '' }];
    const moved = (to: string) =>
      source({ sections: [...source().sections.filter((s) => s.key !== to), { key: to, content: doc(el('decision', [text('The Taskforce agreed.')], { recordId: 'd1' })) }], votes: publicVotes([vote], decisions) });
    const lines = (r: ReturnType<typeof buildPreview>) => (r.ok ? summaryText(r.summary) : [r.message]).filter((l) => l.includes('Outcome of a vote'));
    expect(lines(buildPreview(moved('a2')))).toEqual([]);
    expect(lines(buildPreview(moved('opening')))).toEqual(['Opening: Outcome of a vote: Adopted: 4 of 5 member organisations present in favour; two thirds required (4). 1 against.']);
  });

  it('leaves withheld items out when the meeting says omit', () => {
    const src = source();
    const r = buildPreview({ ...src, meeting: { ...src.meeting, withheldDisplay: 'omit' } });
    if (!r.ok) throw new Error(r.message);
    const headings = r.summary.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' && b.inlines[0]?.kind === 'text' ? b.inlines[0].text : ''));
    expect(headings).toEqual(['Participation', 'Opening', '1. Budget', 'Closing', 'Decisions', 'Next steps']);
    const html = renderToStaticMarkup(createElement(PublicPreview, { result: r, withheldDisplay: 'omit' }));
    expect(html).not.toContain('Security incident');
    expect(html).toContain('left out of the summary');
  });

  it('uses the marker the meeting sets', () => {
    const src = source();
    const r = buildPreview({ ...src, meeting: { ...src.meeting, redactionMarker: '[REDACTED]' } });
    const html = renderToStaticMarkup(createElement(PublicPreview, { result: r, withheldDisplay: 'title_only' }));
    expect(html.match(/\[REDACTED\]/g)).toHaveLength(3);
    expect(html).not.toContain('[…]');
  });

  it('shows a clear error instead of a preview when redact() refuses a node it does not know', () => {
    const src = source();
    const bad = doc(el('paragraph', [text('fine'), { type: 'equation', version: 1, equation: 'x' }]));
    const r = buildPreview({ ...src, sections: [...src.sections.filter((s) => s.key !== 'a1'), { key: 'a1', content: bad }] });
    expect(r.ok).toBe(false);
    const html = renderToStaticMarkup(createElement(PublicPreview, { result: r, withheldDisplay: 'title_only' }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('No preview');
    expect(html).not.toContain('fine');
  });

  it('passes the agenda and meeting through exactly (nothing added, nothing dropped)', () => {
    const input = previewInput(source());
    expect(input.agenda.map((a) => a.id)).toEqual(['a1', 'a2', 'a21']);
    expect(input.withheldItemIds).toBeUndefined();
    expect(input.meeting).toEqual({ title: 'Plenary 3', startsAt: '2026-03-04T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' });
    expect(input.attendance).toHaveLength(6);
  });
});
