import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, closeSession, launchChromium, makeDataDir, openApp, startHost, type HostProcess } from './harness';
import { AgendaPage, ConfidentialityModel, MinutesPageModel, screenshot } from './pages';

/**
 * The five ways a confidential passage reached the public summary through ordinary actions (issue 8), each driven in
 * Chromium against the browser host on a real SQLite file, each on a meeting of its own (every test runs alone):
 * restoring a revision taken before the flag, undoing the flagging, moving a sub-item out of a withheld item, the
 * preview not being the export, and a link split into two nodes with one of them flagged.
 */
describe('redaction integrity in Chromium', () => {
  let browser: Browser;
  let host: HostProcess;
  let page: Page;
  const dataDir = makeDataDir();

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(dataDir);
    page = await openApp(browser, host, 1440, 900);
  });
  afterAll(() => closeSession({ browser, host, dataDir }));

  async function call<T>(name: string, input: unknown): Promise<T> {
    const r = await apiCall(host, name, input);
    if (!r.json.ok) throw new Error(`${name}: ${r.json.error?.message}`);
    return r.json.value as T;
  }

  /** A meeting of its own with the given agenda (titles; "  title" is a sub-item of the item before). */
  async function meeting(title: string, items: string[]) {
    const d = await call<{ meeting: { id: string } }>('meetings.create', { title, startsAt: '2026-04-02T10:00', endsAt: '2026-04-02T12:00' });
    const ids: string[] = [];
    let parent: string | null = null;
    for (const it of items) {
      const sub = it.startsWith('  ');
      const agenda: Array<{ id: string; title: string }> = await call('agenda.add', { meetingId: d.meeting.id, title: it.trim(), ...(sub ? { parentId: parent } : {}) });
      const id = agenda.find((a) => a.title === it.trim())!.id;
      if (!sub) parent = id;
      ids.push(id);
    }
    return { meetingId: d.meeting.id, ids };
  }

  /** Exports the public summary through the contract; every part of the file as text. */
  async function publicParts(meetingId: string): Promise<{ ok: true; parts: Record<string, string> } | { ok: false; message: string }> {
    const r = await apiCall(host, 'exports.create', { meetingId, kind: 'public_summary', confirmDraft: true });
    if (!r.json.ok) return { ok: false, message: r.json.error!.message };
    const bytes = Buffer.from((r.json.value as { bytesBase64: string }).bytesBase64, 'base64');
    const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
    return { ok: true, parts };
  }

  async function expectNotPublished(meetingId: string, secret: string) {
    const r = await publicParts(meetingId);
    if (!r.ok) return; // refused: nothing published (the message is checked where it matters)
    for (const [name, text] of Object.entries(r.parts)) expect(text, `"${secret}" in ${name}`).not.toContain(secret);
  }

  const models = () => ({ m: new MinutesPageModel(page), c: new ConfidentialityModel(page) });

  async function typeIn(meetingId: string, title: string, sentence: string) {
    const { m, c } = models();
    await m.open(host.origin, meetingId);
    const section = m.sectionByTitle(title);
    const editor = m.editor(section);
    await editor.click();
    await page.keyboard.type(sentence);
    await m.waitSaved();
    return { m, c, section, editor };
  }

  async function flag(c: ConfidentialityModel, section: ReturnType<MinutesPageModel['sectionByTitle']>, editor: ReturnType<MinutesPageModel['editor']>, secret: string) {
    await c.select(editor, secret);
    await page.keyboard.press('Alt+Shift+F');
    await c.flagDialog().waitFor();
    await page.keyboard.press('Enter');
    await c.flagDialog().waitFor({ state: 'detached' });
    await section.locator('mark.tfs-flag', { hasText: secret }).waitFor();
  }

  /** "Keep a revision now" in the section's revision history, then the dialog closed. */
  async function keepRevision(section: ReturnType<MinutesPageModel['sectionByTitle']>) {
    await section.getByRole('button', { name: /Revision history of/ }).click();
    await page.getByRole('button', { name: 'Keep a revision now' }).click();
    await page.getByRole('button', { name: /kept by hand/ }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  }

  it('restoring a revision taken before a passage was flagged keeps the passage flagged', async () => {
    const SECRET = 'invest 40 million euros';
    const { meetingId } = await meeting('Restore case', ['Budget']);
    const { m, c, section, editor } = await typeIn(meetingId, 'Budget', 'Acme will invest 40 million euros in Europe.');
    // A revision of the unflagged text, then the flag.
    await keepRevision(section);
    await flag(c, section, editor, SECRET);
    await m.waitSaved();

    // Restore the old revision: the viewer shows the passage as flagged, the restore re-applies the flag.
    await section.getByRole('button', { name: /Revision history of/ }).click();
    await page.getByRole('button', { name: /kept by hand/ }).click();
    await page.locator('.rev-text mark.tfs-flag', { hasText: SECRET }).waitFor();
    await page.getByRole('button', { name: 'Restore this revision' }).click();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await section.locator('mark.tfs-flag', { hasText: SECRET }).waitFor();

    // The next keystrokes and saves keep it in force, and the public summary does not print it.
    await m.editor(section).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Next.');
    await m.waitSaved();
    const flags = await call<{ flags: Array<{ excerpt: string; retiredAt: string | null }> }>('flags.list', { meetingId });
    expect(flags.flags.filter((f) => f.retiredAt === null).map((f) => f.excerpt)).toEqual([SECRET]);
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(true);
    await expectNotPublished(meetingId, '40 million');
  });

  it('restoring a revision that holds only part of a flagged passage keeps that part flagged, and says so before the restore', async () => {
    const { meetingId } = await meeting('Partial restore case', ['Pricing']);
    const { m, c, section, editor } = await typeIn(meetingId, 'Pricing', 'Acme quoted Zyxcorp terms.');
    await keepRevision(section);
    // Words typed after the revision, then one flag over old and new words.
    await m.editor(section).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Qorvane rates follow.');
    await m.waitSaved();
    await flag(c, section, editor, 'Zyxcorp terms. Qorvane');
    await m.waitSaved();

    await section.getByRole('button', { name: /Revision history of/ }).click();
    await page.getByRole('button', { name: /kept by hand/ }).click();
    await page.locator('.rev-text mark.tfs-flag', { hasText: 'Zyxcorp terms.' }).waitFor();
    await page.getByRole('button', { name: 'Restore this revision' }).click();
    await expect.poll(() => page.getByTestId('rev-partly').textContent()).toContain('stays flagged: “Zyxcorp terms.”');
    await screenshot(page, 'restore-partly');
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => m.editor(section).textContent()).toBe('Acme quoted Zyxcorp terms.');
    expect(await section.locator('mark.tfs-flag').allTextContents()).toEqual(['Zyxcorp terms.']);
    const flags = await call<{ flags: Array<{ excerpt: string; retiredAt: string | null }> }>('flags.list', { meetingId });
    expect(flags.flags.map((f) => [f.excerpt, f.retiredAt])).toEqual([['Zyxcorp terms.', null]]);
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(true);
    await expectNotPublished(meetingId, 'Zyxcorp');
  });

  it('undoing the flagging says so at once ("Flag lifted — Redo to restore"), records it as lifted by undo, and Redo restores it', async () => {
    const SECRET = 'acquire Beta Labs';
    const { meetingId } = await meeting('Undo case', ['Acquisitions']);
    const { m, c, section, editor } = await typeIn(meetingId, 'Acquisitions', 'Acme intends to acquire Beta Labs next spring.');
    await flag(c, section, editor, SECRET);
    await m.waitSaved();

    await page.keyboard.press('Control+z');
    await page.getByTestId('flag-notice').getByText('Flag lifted by undo').waitFor();
    expect(await section.locator('mark.tfs-flag').count()).toBe(0);
    await m.waitSaved();
    let list = await call<{ flags: Array<{ retiredReason: string | null }> }>('flags.list', { meetingId });
    expect(list.flags.map((f) => f.retiredReason)).toEqual(['undo']);

    await page.keyboard.press('Control+y');
    await section.locator('mark.tfs-flag', { hasText: SECRET }).waitFor();
    await m.waitSaved();
    list = await call('flags.list', { meetingId });
    expect(list.flags.map((f) => f.retiredReason)).toEqual([null]);
    await expectNotPublished(meetingId, 'Beta Labs');
    expect((await publicParts(meetingId)).ok).toBe(true);
  });

  it('the undo notice shows where the officer is, without moving the columns of the page', async () => {
    // The last of eight items, far below the top of the minutes: the notice must come into view there, and the
    // outline, the sections and the side panel must stay in their columns (the notice used to take the sections'
    // column, pushing the sections into the side panel's and the side panel below the outline).
    const items = ['Opening remarks', 'Budget', 'Work plan', 'Membership', 'External experts', 'Timeline', 'Reporting', 'Acquisitions'];
    const { meetingId } = await meeting('Undo far down', items);
    const { m, c, section, editor } = await typeIn(meetingId, 'Acquisitions', 'Acme intends to acquire Gamma Labs next spring.');
    await flag(c, section, editor, 'acquire Gamma Labs');
    await m.waitSaved();
    await page.keyboard.press('Control+z');
    const notice = page.getByTestId('flag-notice');
    await notice.getByText('Flag lifted by undo').waitFor();
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    const [outline, sections, side, n, bar] = await Promise.all([box('.live-outline'), box('.sections'), box('.side'), box('[data-testid="flag-notice"]'), box('.meeting-bar')]);
    expect(sections.x, 'the sections right of the outline').toBeGreaterThanOrEqual(outline.x + outline.width);
    expect(side.x, 'the side panel right of the sections').toBeGreaterThanOrEqual(sections.x + sections.width);
    expect(n.x, 'the notice in the sections column').toBeGreaterThanOrEqual(sections.x - 1);
    expect(n.x + n.width).toBeLessThanOrEqual(sections.x + sections.width + 1);
    expect(n.y, 'the notice in view, below the bar').toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(n.y + n.height, 'the notice in view').toBeLessThanOrEqual(900);
    await screenshot(page, 'flag-notice-far-down');
    await page.keyboard.press('Control+y');
    await section.locator('mark.tfs-flag', { hasText: 'acquire Gamma Labs' }).waitFor();
    await m.waitSaved();
    await expectNotPublished(meetingId, 'Gamma Labs');
  });

  it('a sub-item moved out of a withheld item stays withheld, and the agenda says so', async () => {
    const SECRET = 'the breach affected 12,000 accounts';
    const { meetingId, ids } = await meeting('Move case', ['Security incident', '  Follow-up', 'Other business']);
    await call('agenda.update', { id: ids[0], forPublication: false });
    await call('minutes.saveSection', {
      meetingId,
      sectionKey: ids[1],
      content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: `Details: ${SECRET}.` }] }] } },
    });
    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    const agenda = new AgendaPage(page);
    await agenda.waitForOutline(['1 Security incident', '1.1 Follow-up', '2 Other business']);
    await expect.poll(() => agenda.rows().nth(1).innerText()).toContain('Withheld with its parent item');

    await agenda.handle('1.1', 'Follow-up').focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await agenda.waitForOutline(['1 Security incident', '2 Follow-up', '3 Other business']);
    await expect.poll(() => agenda.rows().nth(1).innerText()).toContain('Withheld from publication');
    await expectNotPublished(meetingId, '12,000');
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(true);
  });

  it('the preview shows what the DOCX prints, paragraph by paragraph (observers’ organisations included)', async () => {
    const { meetingId, ids } = await meeting('Preview case', ['Exchange of views']);
    const obs = await call<{ id: string }>('attendance.addPerson', { meetingId, category: 'observer', name: 'Ann Observer', organisation: 'Observer Institute' });
    expect(obs.id).toBeTruthy(); // added as attending in person
    await call('minutes.saveSection', {
      meetingId,
      sectionKey: ids[0],
      content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Members exchanged views on H', format: 0 }, { type: 'text', version: 1, text: '2', format: 32 }, { type: 'text', version: 1, text: 'O.', format: 0 }] }] } },
    });
    const { m, c } = models();
    await m.open(host.origin, meetingId);
    await c.openTab('Public preview');
    await c.waitPreview((t) => t.includes('Observer Institute'), 'the observer’s organisation');
    const preview = await c.preview().locator('[data-pv-block]').evaluateAll((els) =>
      els.map((e) => {
        const text = (n: Node): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n as Element).tagName === 'BR' ? '\n' : [...n.childNodes].map(text).join(''));
        return text(e);
      }),
    );
    const r = await publicParts(meetingId);
    if (!r.ok) throw new Error(r.message);
    const docx = (r.parts['word/document.xml']!.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
      (p.match(/<w:r[ >][\s\S]*?<\/w:r>/g) ?? [])
        .map((run) => (run.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? []).map((t) => (t === '<w:tab/>' ? '\t' : t === '<w:br/>' ? '\n' : t.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!))).join(''))
        .join(''),
    );
    expect(preview).toEqual(docx);
    expect(preview).toContain('Observer Institute');
  });

  it('a link split into two nodes with the same URL, one of them flagged, does not publish the URL', async () => {
    const URL = 'https://deal.example/acme-merger-terms';
    const { meetingId, ids } = await meeting('Link case', ['Mergers']);
    const link = (children: unknown[]) => ({ type: 'link', version: 1, url: URL, rel: null, target: null, title: null, children });
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0 });
    await call('minutes.saveSection', {
      meetingId,
      sectionKey: ids[0],
      content: {
        root: {
          type: 'root',
          version: 1,
          children: [{ type: 'paragraph', version: 1, children: [text('See '), link([text('the ')]), { type: 'flag', version: 1, ids: ['fl-1'], children: [link([text('merger terms')])] }, text('.')] }],
        },
      },
    });
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(true);
    await expectNotPublished(meetingId, 'deal.example');
    const { m, c } = models();
    await m.open(host.origin, meetingId);
    await c.openTab('Public preview');
    await c.waitPreview((t) => t.includes('See the'), 'the paragraph');
    expect(await c.preview().innerHTML()).not.toContain('deal.example');
  });

  it('a passage flagged in another meeting and typed here unflagged: the preview says so, naming that meeting, as the export refuses it', async () => {
    const SECRET = 'Gamma Labs will license its model weights to Delta Corp';
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0 });
    const para = (children: unknown[]) => ({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children }] } });
    const first = await meeting('Flagging meeting', ['Licensing']);
    await call('minutes.saveSection', { meetingId: first.meetingId, sectionKey: first.ids[0], content: para([text('Reported: '), { type: 'flag', version: 1, ids: ['fl-elsewhere'], children: [text(SECRET)] }, text('.')]) });
    const second = await meeting('Repeating meeting', ['Follow-up']);
    await call('minutes.saveSection', { meetingId: second.meetingId, sectionKey: second.ids[0], content: para([text(`Recalled: ${SECRET}.`)]) });
    const r = await publicParts(second.meetingId);
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toContain('flagged in the minutes of “Flagging meeting” of 2 April 2026');

    const { m, c } = models();
    await m.open(host.origin, second.meetingId);
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-blocked');
    await note.getByText(/flagged in the minutes of “Flagging meeting” of 2 April 2026/).waitFor();
    expect(await note.textContent()).toContain('flag it here too, or remove it');
    await screenshot(page, 'preview-flagged-elsewhere');
  });

  it('a flagged figure typed again in another way in another item: the preview says how it is written there, and the export refuses it', async () => {
    const { meetingId } = await meeting('Figure meeting', ['Market developments', 'Any other business']);
    const first = await typeIn(meetingId, 'Market developments', 'Acme’s compute budget is €12 million.');
    await flag(first.c, first.section, first.editor, '€12 million');
    const { m, c } = models();
    const other = m.sectionByTitle('Any other business');
    await m.editor(other).click();
    await page.keyboard.type('Acme will spend EUR 12m on compute.');
    await m.waitSaved();
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-blocked');
    await note.getByText(/flagged in these minutes, and would be printed without a flag/).waitFor();
    expect(await note.textContent()).toContain('“€12 million” under “2. Any other business”, written there as “eur 12m”');
    await screenshot(page, 'preview-written-otherwise');
    expect((await publicParts(meetingId)).ok).toBe(false);
    await expectNotPublished(meetingId, 'EUR 12m');
  });

  it('a passage flagged here and typed again unflagged in another item: the preview says so under that item, as the export refuses it', async () => {
    const SECRET = 'Omega Systems plans to close its Brussels office';
    const { meetingId } = await meeting('Copy meeting', ['Market developments', 'Any other business']);
    const first = await typeIn(meetingId, 'Market developments', `Reported: ${SECRET}.`);
    await flag(first.c, first.section, first.editor, SECRET);
    const { m, c } = models();
    const other = m.sectionByTitle('Any other business');
    await m.editor(other).click();
    await page.keyboard.type(`Recalled: ${SECRET}.`);
    await m.waitSaved();
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-blocked');
    await note.getByText(/flagged in these minutes, and would be printed without a flag/).waitFor();
    expect(await note.textContent()).toContain('under “2. Any other business”');
    expect(await note.textContent()).toContain('Flag the copy too, or remove it');
    await screenshot(page, 'preview-printed-copy');
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toContain('the passage “Omega Systems plans to close its Brussels office” flagged');
    await expectNotPublished(meetingId, SECRET);
  });

  it('the address of a link flagged in another meeting, linked here under other words: the preview lists it, as the export refuses it', async () => {
    const URL = 'https://dataroom.example.com/gamma-delta-terms';
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0 });
    const link = (children: unknown[]) => ({ type: 'link', version: 1, url: URL, rel: null, target: null, title: null, children });
    const para = (children: unknown[]) => ({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children }] } });
    const first = await meeting('Data room meeting', ['Documents']);
    await call('minutes.saveSection', { meetingId: first.meetingId, sectionKey: first.ids[0], content: para([text('See '), link([{ type: 'flag', version: 1, ids: ['fl-room'], children: [text('the data room')] }]), text('.')]) });
    const second = await meeting('Linking meeting', ['Papers']);
    await call('minutes.saveSection', { meetingId: second.meetingId, sectionKey: second.ids[0], content: para([text('The papers are '), link([text('here')]), text('.')]) });
    expect((await publicParts(second.meetingId)).ok).toBe(false);

    const { m, c } = models();
    await m.open(host.origin, second.meetingId);
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-blocked');
    await note.getByText(/flagged in the minutes of “Data room meeting” of 2 April 2026/).waitFor();
    expect(await note.textContent()).toContain(URL);
  });
  it('the words of a withheld item typed again in a published one: the preview names the withheld item, as the export refuses it', async () => {
    const WORDS = 'Beta Robotics prepares a takeover bid for Gamma Vision';
    const { meetingId, ids } = await meeting('Withheld copy meeting', ['Market developments', 'Any other business']);
    await call('agenda.update', { id: ids[0], forPublication: false });
    await typeIn(meetingId, 'Market developments', `In confidence: ${WORDS}.`);
    const { m, c } = models();
    await m.editor(m.sectionByTitle('Any other business')).click();
    await page.keyboard.type(`As said, ${WORDS}.`);
    await m.waitSaved();
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-blocked');
    await note.getByText(/These words of a withheld item are in a published item/).waitFor();
    expect(await note.textContent()).toContain(
      `“In confidence: ${WORDS}.” under “2. Any other business”, written there as “${WORDS}”, from the withheld item “1. Market developments”`,
    );
    await screenshot(page, 'preview-withheld-copy');
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toContain('from the withheld item “1. Market developments”');
  });

  it('a withheld item removed to the trash: its words typed in a published item still block the preview, as the export refuses them', async () => {
    const WORDS = 'Gamma Vision negotiates an exclusive licence with Delta Labs';
    const { meetingId, ids } = await meeting('Removed withheld meeting', ['Licensing', 'Any other business']);
    await call('agenda.update', { id: ids[0], forPublication: false });
    await call('minutes.saveSection', {
      meetingId,
      sectionKey: ids[0],
      content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: `In confidence: ${WORDS}.`, format: 0 }] }] } },
    });
    await call('agenda.remove', { id: ids[0] });
    const { m, c } = models();
    await m.open(host.origin, meetingId);
    await m.editor(m.sectionByTitle('Any other business')).click();
    await page.keyboard.type(`As said, ${WORDS}.`);
    await m.waitSaved();
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-blocked');
    await note.getByText(/These words of a withheld item are in a published item/).waitFor();
    expect(await note.textContent()).toContain('from the withheld item “Licensing (removed from the agenda, in the trash)”');
    await screenshot(page, 'preview-withheld-trash');
    const r = await publicParts(meetingId);
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toContain('from the withheld item “Licensing (removed from the agenda, in the trash)”');
  });

  it('a future topic whose item of origin was withheld after it was put on this agenda: the preview says which item, as the export refuses it', async () => {
    const TOPIC = 'Acme plans the closure of its Lyon plant';
    const first = await meeting('Raising meeting', ['Industrial developments']);
    const topic = await call<{ id: string }>('topics.raise', { title: TOPIC, notes: '', meetingId: first.meetingId, sectionKey: first.ids[0] });
    const second = await meeting('Picking meeting', ['Opening remarks']);
    await call('topics.pick', { topicId: topic.id, meetingId: second.meetingId });
    await call('agenda.update', { id: first.ids[0], forPublication: false });
    const r = await publicParts(second.meetingId);
    expect(r.ok).toBe(false);
    expect((r as { message: string }).message).toContain('holds the future topic');

    const { m, c } = models();
    await m.open(host.origin, second.meetingId);
    await c.openTab('Public preview');
    const note = page.getByTestId('preview-topics');
    await note.getByText(/The public summary cannot be exported yet/).waitFor();
    expect(await note.textContent()).toContain(`“${TOPIC}” in item 2 “${TOPIC}”, raised in “Raising meeting”`);
    await screenshot(page, 'preview-stale-topic');
    await note.getByRole('link', { name: 'Open the meeting page' }).click();
    await page.getByRole('heading', { name: /Picking meeting/ }).first().waitFor();
  });
});
