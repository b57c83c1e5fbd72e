import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withExampleSession } from './harness';
import { MinutesPageModel, ConfidentialityModel } from './pages';

/**
 * A 1024×700 window (a laptop beside the meeting's screen; an audit, 2026-12-07): on the meetings list, the meeting
 * page, the minutes page during the meeting (its Flags and Public preview tabs) and the dialogs, nothing needs sideways
 * scrolling, no control is off the side, cut off by its container or over another, and no dialog reaches past the window.
 */
async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const de = document.scrollingElement!;
    if (de.scrollWidth > de.clientWidth + 1) out.push(`page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
    const W = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} "${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').slice(0, 40).replace(/\s+/g, ' ')}"`;
    const clippedBy = (el: Element): Element | null => {
      const r = el.getBoundingClientRect();
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (/(hidden|clip)/.test(cs.overflowX) || /(hidden|clip)/.test(cs.overflow)) {
          const pr = p.getBoundingClientRect();
          if (r.right > pr.right + 1 || r.left < pr.left - 1) return p;
        }
      }
      return null;
    };
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex="0"], [role="tab"], h1, h2, .saving-indicator, .meeting-clock')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.matches('a[href^="#"]') && /^Skip to/.test(el.innerText)) continue; // skip links: shown on focus
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (r.right > W + 1 || r.left < -1) out.push(`off the side (${Math.round(r.left)}..${Math.round(r.right)} of ${W}): ${name(el)}`);
      const c = clippedBy(el);
      if (c) out.push(`cut off by ${name(c).slice(0, 40)}: ${name(el)}`);
      if (el.scrollWidth > el.clientWidth + 2 && /(hidden|clip)/.test(getComputedStyle(el).overflowX) && getComputedStyle(el).textOverflow !== 'ellipsis') out.push(`text cut inside: ${name(el)}`);
    }
    // Overlap between visible interactive controls (not nested).
    const ctrls = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, [role="tab"]')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(e).visibility !== 'hidden';
    });
    // Behind a modal dialog the page is covered on purpose: compare only controls of the dialog, if one is open.
    const modal = document.querySelector('[role="dialog"], [role="alertdialog"]');
    if (modal) ctrls.splice(0, ctrls.length, ...ctrls.filter((e) => modal.contains(e)));
    for (let i = 0; i < ctrls.length; i++)
      for (let j = i + 1; j < ctrls.length; j++) {
        const a = ctrls[i]!, b = ctrls[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 4 && h > 4) {
          // Is one covered by a sticky/fixed layer (normal scrolling under a bar)? Report only when both are on top somewhere.
          out.push(`overlap ${Math.round(w)}×${Math.round(h)}: ${name(a)} / ${name(b)}`);
        }
      }
    const dlg = document.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]');
    if (dlg) {
      const r = dlg.getBoundingClientRect();
      if (r.bottom > innerHeight + 1 || r.top < -1 || r.right > W + 1 || r.left < -1) {
        const scrollable = dlg.scrollHeight > dlg.clientHeight && /(auto|scroll)/.test(getComputedStyle(dlg).overflowY);
        out.push(`dialog beyond the window (${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight}), scrollable: ${scrollable}`);
      }
    }
    return out;
  });
}

describe('a 1024×700 window', () => {
  it('meetings list, meeting page, minutes page during the meeting, its tabs and dialogs: nothing off the side, cut off or overlapping', () =>
    withExampleSession(async ({ page, host, meetingId }) => {
      const report: Record<string, string[]> = {};
      await page.goto(`${host.origin}/#/`);
      await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
      await page.waitForTimeout(500);
      report.list = await layoutProblems(page);
      await page.goto(`${host.origin}/#/meetings/${meetingId}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForTimeout(500);
      report.meeting = await layoutProblems(page);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog', { name: 'Delete this meeting?' }).waitFor();
      report.deleteDialog = await layoutProblems(page);
      await page.keyboard.press('Escape');
      const m = new MinutesPageModel(page);
      await m.open(host.origin, meetingId);
      await m.startMeeting();
      await m.caretInCurrent();
      await page.keyboard.type('Typing during the meeting. The budget is 42 million.');
      await page.waitForTimeout(800);
      report.minutesLive = await layoutProblems(page);
      const c = new ConfidentialityModel(page);
      await c.openTab('Flags');
      await page.waitForTimeout(400);
      report.flagsTab = await layoutProblems(page);
      await c.openTab('Public preview');
      await page.waitForTimeout(800);
      report.previewTab = await layoutProblems(page);
      const ed = m.editor(page.locator('.minutes-section.current'));
      await c.select(ed, 'budget is 42 million');
      await page.keyboard.press('Alt+Shift+F');
      await c.flagDialog().waitFor();
      report.flagDialog = await layoutProblems(page);
      await page.keyboard.press('Escape');
      await c.flagDialog().waitFor({ state: 'detached' });
      await page.getByRole('button', { name: /^Revision history of/ }).first().click();
      await page.getByRole('dialog', { name: /History of/ }).waitFor();
      await page.waitForTimeout(400);
      report.historyDialog = await layoutProblems(page);
      await page.keyboard.press('Escape');
      const sc = page.getByRole('button', { name: /Keyboard shortcuts/ }).first();
      if (await sc.count()) {
        await sc.click();
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        report.shortcutsDialog = await layoutProblems(page);
          await page.keyboard.press('Escape');
      }
      expect(Object.values(report).flat()).toEqual([]);
    }, 1024, 700));
});
