import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiCall, closeSession, makeDataDir, openExampleSession, type HostProcess } from './harness';
import { ConfidentialityModel, MinutesPageModel } from './pages';

/**
 * Suggestions that follow the speaker, end to end in Chromium against the browser host: a member named in one
 * sentence, its figure in a pronoun follow-up (in the same paragraph, and in the next paragraph). Each test opens its
 * own example meeting in a fresh data folder.
 */
describe('suggestions follow the speaker in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  let meetingId = '';
  let dataDir = '';
  const ITEM = 'Opening and welcome';
  const INTRO = 'Amazon then reported on its cloud business in Europe.';
  const FOLLOW_UP = "It expected its new region to carry about a third of customers' AI workloads within a year.";

  beforeEach(async () => {
    dataDir = makeDataDir();
    ({ browser, host, page, meetingId } = await openExampleSession(dataDir));
  });
  afterEach(() => closeSession({ browser, host, dataDir }));

  /** Types `text` into a new paragraph at the end of the item. */
  const newParagraph = async (editor: ReturnType<MinutesPageModel['editor']>, text: string) => {
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  };

  const models = () => {
    const m = new MinutesPageModel(page);
    const c = new ConfidentialityModel(page);
    const section = m.sectionByTitle(ITEM);
    return { m, c, section, editor: m.editor(section) };
  };

  it('suggests the pronoun follow-up of a member’s sentence in a paragraph, and accepting it flags the whole statement', async () => {
    const { m, c, section, editor } = models();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await m.open(host.origin, meetingId);
    await newParagraph(editor, `${INTRO} ${FOLLOW_UP}`);

    const suggestion = c.suggestion(section, 'It expected its new region');
    await suggestion.waitFor({ timeout: 20_000 });
    // The whole follow-up sentence, not the introduction; the reason names the member it is about.
    expect(await suggestion.getAttribute('data-suggestion-text')).toBe(FOLLOW_UP);
    expect(await suggestion.locator('.sg-reason').innerText()).toContain('Amazon');
    expect(await section.locator('.suggestion').filter({ hasText: 'then reported on its cloud business' }).count()).toBe(0);
    // The engine ran in its Web Worker: the page never loaded the in-page fallback (the NLP model stays off its thread).
    expect(page.workers().map((w) => w.url()).some((u) => /engine\.worker-[\w-]+\.js$/.test(u))).toBe(true);
    expect(loaded.some((u) => /engine-host-/.test(u))).toBe(false);

    await suggestion.getByRole('button', { name: /^Flag/ }).click();
    await section.locator('mark.tfs-flag', { hasText: 'It expected its new region' }).waitFor();
    expect((await c.marks(section)).map((x) => x.text)).toContain(FOLLOW_UP);
    await m.waitSaved();
  });

  it('carries the speaker into the next paragraph of the same section', async () => {
    const { m, c, section, editor } = models();
    await m.open(host.origin, meetingId);
    await newParagraph(editor, INTRO);
    await page.keyboard.press('Enter');
    await page.keyboard.type('The company was negotiating a contract with a Belgian ministry.');
    const suggestion = c.suggestion(section, 'The company was negotiating');
    await suggestion.waitFor({ timeout: 20_000 });
    expect(await suggestion.locator('.sg-reason').innerText()).toContain('Amazon');
    await m.waitSaved();
  });

  it('underlines only what is near the view, and what a scroll brings near', async () => {
    const { m } = models();
    // 200 paragraphs with an e-mail address each (a suggestion each): far more than a screen.
    const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
    const paragraphs = Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph', version: 1, children: [t(`Point ${i}: write to person${i}@example.org for the figures.`)] }));
    const saved = await apiCall(host, 'minutes.saveSection', { meetingId, sectionKey: 'opening', content: { root: { type: 'root', version: 1, children: paragraphs } } });
    expect(saved.json.ok).toBe(true);
    await m.open(host.origin, meetingId);
    const section = m.section('opening');
    // All 200 found (the list under the section shows the first 8 and counts the rest).
    await section.getByText('…and 192 more').waitFor({ timeout: 30_000 });
    // Which paragraphs' underlines are in the page's highlight (the CSS Custom Highlight API).
    const underlined = () =>
      page.evaluate(() =>
        [...((CSS as unknown as { highlights: Map<string, Set<StaticRange>> }).highlights.get('tfs-suggestion') ?? [])].map((r) => /person(\d+)@/.exec(r.startContainer.textContent ?? '')?.[1] ?? '?'),
      );
    await expect.poll(async () => (await underlined()).includes('0'), { timeout: 10_000 }).toBe(true);
    const first = await underlined();
    // The far ones are not in the highlight.
    expect(first).not.toContain('199');
    expect(first.length).toBeLessThan(200);

    await section.getByText('person199@example.org', { exact: false }).first().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await underlined()).includes('199'), { timeout: 10_000 }).toBe(true);
    expect(await underlined()).not.toContain('0');
  });

  it('the "Suggest flags" switch turned off shows none, and stays off after a reload of the page', async () => {
    const { m, c, section, editor } = models();
    await m.open(host.origin, meetingId);
    const toggle = page.getByRole('checkbox', { name: 'Suggest flags' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await newParagraph(editor, `${INTRO} ${FOLLOW_UP} Write to figures@example.org for the details.`);
    await m.waitSaved();
    await page.reload();
    await m.editor(m.sectionByTitle(ITEM)).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Suggest flags' }).isChecked()).toBe(false);
    // Given time to find them, were it on: nothing is suggested under the section, nothing underlined.
    await page.waitForTimeout(1500);
    expect(await section.locator('.suggestion').count()).toBe(0);
    expect(await c.suggestion(section, 'It expected its new region').count()).toBe(0);
    // On again: the suggestions come.
    await page.getByRole('checkbox', { name: 'Suggest flags' }).check();
    await c.suggestion(section, 'It expected its new region').waitFor({ timeout: 20_000 });
  });

  it('a revision restored takes the suggestions of the text it replaced off the list', async () => {
    const { m, c, section, editor } = models();
    await m.open(host.origin, meetingId);
    // A revision of the item with a sentence of the chair's, then the member's statement typed: its follow-up is suggested.
    await newParagraph(editor, 'The chair opened the item.');
    await expect.poll(() => section.locator('.save-state').innerText(), { timeout: 10_000 }).toMatch(/^Saved/);
    await section.getByRole('button', { name: /Revision history of/ }).click();
    await page.getByRole('button', { name: 'Keep a revision now' }).click();
    await page.getByRole('button', { name: /kept by hand/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await newParagraph(editor, `${INTRO} ${FOLLOW_UP}`);
    await c.suggestion(section, 'It expected its new region').waitFor({ timeout: 20_000 });
    await m.waitSaved();
    await page.waitForTimeout(500);

    // The revision restored: the statement is gone from the text, and its suggestion from the list (it used to stay,
    // pointing at text no longer on the page).
    await section.getByRole('button', { name: /Revision history of/ }).click();
    await page.getByRole('button', { name: /kept by hand/ }).click();
    await page.getByRole('button', { name: 'Restore this revision' }).click();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByRole('dialog', { name: /History of/ }).waitFor({ state: 'detached' });
    await expect.poll(() => editor.innerText()).not.toContain('It expected its new region');
    await expect.poll(() => c.suggestion(section, 'It expected its new region').count(), { timeout: 10_000 }).toBe(0);
  });
});
