import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caretAtEnd, storedSection, withMinutes } from './minutes-helpers';
import { ConfidentialityModel } from './pages';

/**
 * A large formatted paste into the minutes during a meeting (an audit, 2026-12-07): 250 paragraphs as Word and as
 * Google Docs put them on the clipboard (their styles, list paragraphs, nested lists, tables, line breaks, images as
 * data: URLs, comments, non-breaking spaces). Nothing is lost or doubled, the words typed around it are kept, no image
 * or inline style gets in, undo and redo are saved, a pasted passage can be flagged, and all of it is there after a
 * reload.
 */

const IMG = 'data:image/png;base64,' + 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='.repeat(50);

/** Word-like HTML with `n` marked paragraphs (markers «Wnnnn»), lists, tables, images, comments. */
function wordHtml(n: number): { html: string; markers: string[] } {
  const markers: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const mk = `«W${String(i).padStart(4, '0')}»`;
    markers.push(mk);
    switch (i % 10) {
      case 0:
        parts.push(`<p class=MsoNormal><b><span lang=EN-GB style='font-size:12.0pt;mso-bidi-font-weight:normal'>${mk} Heading-ish bold</span></b><span style='mso-spacerun:yes'>&nbsp; </span>text&nbsp;with&nbsp;nbsp<o:p></o:p></p>`);
        break;
      case 1:
        parts.push(`<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${mk} list item level one<o:p></o:p></p>`);
        break;
      case 2:
        parts.push(`<p class=MsoListParagraphCxSpLast style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${mk} list item level two<o:p></o:p></p>`);
        break;
      case 3:
        parts.push(`<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr style='mso-yfti-irow:0'><td width=300 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal>${mk} cell A<o:p></o:p></p></td><td width=300 valign=top><p class=MsoNormal>cell B<o:p></o:p></p></td></tr><tr><td><p class=MsoNormal>cell C<o:p></o:p></p></td><td><p class=MsoNormal>cell D<o:p></o:p></p></td></tr></table>`);
        break;
      case 4:
        parts.push(`<p class=MsoNormal>${mk} line one<br>line two<br style='mso-special-character:line-break'>line three<o:p></o:p></p>`);
        break;
      case 5:
        parts.push(`<p class=MsoNormal><span style='mso-no-proof:yes'><img width=20 height=20 src="${IMG}" alt="logo"></span>${mk} after image<o:p></o:p></p>`);
        break;
      case 6:
        parts.push(`<!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026"/></xml><![endif]--><p class=MsoNormal style='mso-margin-top-alt:auto;mso-margin-bottom-alt:auto'><i>${mk} italic</i> <u>under</u> <s>strike</s> <span style='color:red;background:yellow;mso-highlight:yellow'>highlighted</span><o:p></o:p></p>`);
        break;
      case 7:
        parts.push(`<ul><li>${mk} html list<ul><li>nested one<ol><li>deep numbered</li></ol></li></ul></li><li>second</li></ul>`);
        break;
      case 8:
        parts.push(`<p class=MsoNormal><a href="https://example.org/x?y=1">${mk} a link</a> and <a href="javascript:alert(1)">bad link</a><o:p></o:p></p>`);
        break;
      default:
        parts.push(`<p class=MsoNormal>${mk} Member states’ representatives discussed — “quotes” &amp; ampersands &lt;tags&gt; and&nbsp;&nbsp;spaces<o:p></o:p></p>`);
    }
  }
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15"><style><!--
p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:11.0pt;}
--></style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head><body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'><!--StartFragment-->${parts.join('\r\n')}<!--EndFragment--></body></html>`;
  return { html, markers };
}

/** Google-Docs-like HTML: all wrapped in <b style="font-weight:normal">, ul-in-ul nesting. */
function gdocsHtml(n: number): { html: string; markers: string[] } {
  const markers: string[] = [];
  const parts: string[] = [];
  const span = (t: string, w = 400) => `<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:${w};font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">${t}</span>`;
  for (let i = 0; i < n; i++) {
    const mk = `«G${String(i).padStart(4, '0')}»`;
    markers.push(mk);
    if (i % 5 === 0)
      parts.push(`<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation">${span(mk + ' gdoc bullet')}</p></li><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:circle;" aria-level="2"><p dir="ltr" role="presentation">${span('nested gdoc')}</p></li></ul></ul>`);
    else if (i % 5 === 1) parts.push(`<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">${span(mk + ' bold part', 700)}${span(' normal part')}</p><br />`);
    else parts.push(`<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">${span(mk + ' plain gdoc paragraph with   spaces')}</p>`);
  }
  return { html: `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-9abcdef01234">${parts.join('')}</b>`, markers };
}

async function paste(page: Page, key: string, data: Record<string, string>) {
  return page.locator(`[data-section-key="${key}"] [contenteditable="true"]`).evaluate((el, d) => {
    const dt = new DataTransfer();
    for (const [k, v] of Object.entries(d)) dt.setData(k, v);
    const t0 = performance.now();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    return performance.now() - t0;
  }, data);
}

function countOf(text: string, s: string) {
  return text.split(s).length - 1;
}

describe('a large formatted paste (Word, Google Docs)', () => {
  for (const kind of ['word', 'gdocs'] as const) {
    it(`${kind}: 250 formatted paragraphs: nothing lost or doubled, saved, undo/redo, flag on pasted text, reload`, () =>
      withMinutes(async ({ page, m, host, meetingId }) => {
        const c = new ConfidentialityModel(page);
        const ed = m.editor(m.section('opening'));
        await caretAtEnd(m, 'opening');
        await page.keyboard.type('Typed before.');
        await page.keyboard.press('Enter');
        await m.waitSaved();
        const { html, markers } = kind === 'word' ? wordHtml(250) : gdocsHtml(250);
        await paste(page, 'opening', { 'text/html': html, 'text/plain': markers.join('\n') });
        await page.keyboard.press('Control+End');
        await page.keyboard.type('Z');
        await m.waitSaved();
        const stored = await storedSection(host, meetingId, 'opening');
        expect(markers.filter((mk) => countOf(stored.text, mk) !== 1)).toEqual([]);
        expect(stored.text.startsWith('Typed before.')).toBe(true);
        expect(stored.text.endsWith('Z')).toBe(true);
        const blocksText = () => ed.evaluate((el) => [...el.children].map((b) => b.textContent).join('\n'));
        const shown = await blocksText();
        expect(await ed.locator('img, [style*="color"], [style*="font"]').count()).toBe(0);
        // Undo the key and the paste; redo both.
        await page.keyboard.press('Control+z');
        await page.keyboard.press('Control+z');
        await m.waitSaved();
        expect((await storedSection(host, meetingId, 'opening')).text).toBe('Typed before.');
        await page.keyboard.press('Control+Shift+z');
        await page.keyboard.press('Control+Shift+z');
        await m.waitSaved();
        expect((await storedSection(host, meetingId, 'opening')).text).toBe(stored.text);
        // A pasted passage can be flagged.
        await c.flagByShortcut(ed, markers[9]!);
        await m.waitSaved();
        expect(await c.marks(m.section('opening'))).toEqual([expect.objectContaining({ text: markers[9] })]);
        await page.reload();
        await m.section('opening').waitFor();
        await expect.poll(blocksText).toBe(shown);
        expect(await c.marks(m.section('opening'))).toEqual([expect.objectContaining({ text: markers[9] })]);
      }));
  }
});
