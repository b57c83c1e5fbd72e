import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PublicPreview } from '../../renderer/features/preview/PublicPreview';

const shown = (result: Parameters<typeof PublicPreview>[0]['result']) => renderToStaticMarkup(createElement(PublicPreview, { result, withheldDisplay: 'title_only' }));

describe('the preview when it has nothing to show', () => {
  it('a preview not built (its worker stopped, its code not loaded) says so, and does not blame the minutes', () => {
    const html = shown({ ok: false, notBuilt: true, message: 'The preview took too long to build and was stopped. It is built again after the next change.' });
    expect(html).toContain('took too long');
    expect(html).not.toMatch(/redaction refused|cannot be produced/);
  });

  it('minutes the model refuses: the redaction refused them, and the summary cannot be produced until fixed', () => {
    const html = shown({ ok: false, message: 'Unknown node "widget" in section 2.' });
    expect(html).toMatch(/redaction refused these minutes/);
    expect(html).toContain('Unknown node');
  });
});
