import { describe, expect, it } from 'vitest';
import { withExampleSession } from './harness';
import { ConfidentialityModel, MinutesPageModel, screenshot } from './pages';

/**
 * The live public preview when it cannot be built at all (its worker and its in-page builder both fail to load, as
 * after an update that replaced the app's files under a page still open): the panel says so calmly, as a status, and
 * tells the officer what to do; it does not blame the minutes (that is the red "refused" note, for minutes the
 * redaction refuses), and the page goes on saving what is typed.
 */
describe('the live preview, not built', () => {
  it('says "No preview right now" with what to do, not that the minutes were refused, and typing goes on', () =>
    withExampleSession(async ({ page, host, meetingId }) => {
      const m = new MinutesPageModel(page);
      const c = new ConfidentialityModel(page);
      await m.open(host.origin, meetingId);
      // The preview's code cannot be fetched any more: its worker's file and the chunk the page builds it with.
      await page.route(/\/assets\/(preview\.worker|previewInput)-[\w-]+\.js$/, (route) => route.abort());
      await c.openTab('Public preview');
      const note = page.getByRole('status').filter({ hasText: 'No preview right now.' });
      await note.waitFor();
      expect(await note.innerText()).toContain('The preview could not be loaded. Reload the app (Ctrl+R) to try again.');
      expect(await page.getByRole('alert').filter({ hasText: 'the redaction refused these minutes' }).count()).toBe(0);
      await screenshot(page, 'preview-not-built');

      const section = m.section('opening');
      await m.editor(section).click();
      await page.keyboard.type(' Typed while the preview is down.');
      await m.waitSaved();
    }));
});
