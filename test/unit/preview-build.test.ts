import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import { buildPreview, previewInput, type PreviewSource } from '../../renderer/features/preview/previewInput';
import { PublicPreview } from '../../renderer/features/preview/PublicPreview';

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
    organisations: ['Mistral AI', 'Aleph Alpha', 'Mistral AI', ' '],
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
    expect(html).toMatch(/2 Security incident<\/h4><p class="pv-withheld">Not published\.<\/p>/);
    expect(html).toMatch(/2\.1 Follow-up<\/h4><p class="pv-withheld">Not published\.<\/p>/);
    // Links elsewhere: text and URL, not clickable.
    expect(html).toContain('the plan');
    expect(html).toContain('(https://example.org/plan)');
    expect(html).not.toMatch(/<a\b/);
    // Organisations: de-duplicated, blanks dropped, sorted.
    expect(html).toContain('Participants: Aleph Alpha, Mistral AI');
  });

  it('leaves withheld items out when the meeting says omit', () => {
    const src = source();
    const r = buildPreview({ ...src, meeting: { ...src.meeting, withheldDisplay: 'omit' } });
    if (!r.ok) throw new Error(r.message);
    expect(r.doc.sections.map((s) => s.key)).toEqual(['opening', 'a1', 'closing']);
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
    expect(input.organisations).toEqual(['Aleph Alpha', 'Mistral AI']);
  });
});
