import { describe, it } from 'vitest';
import { closeSession, makeDataDir, openExampleSession } from './harness';
import { MinutesPageModel } from './pages';
import { seriousViolations } from './axe';

describe('explore', () => {
  it('shows', async () => {
    const dataDir = makeDataDir();
    const s = await openExampleSession(dataDir, 1280, 720);
    try {
      const saves: string[] = [];
      s.page.on('request', (r) => r.url().includes('/api/') && saves.push(r.url().split('/api/')[1]!));
      const m = new MinutesPageModel(s.page);
      await m.open(s.host.origin, s.meetingId);
      await s.page.waitForTimeout(2500);
      console.log('calls', saves.join(','));
      await s.page.screenshot({ path: '/tmp/m1280.png' });
      await s.page.getByRole('button', { name: 'Start meeting' }).click();
      await s.page.keyboard.type('Hello world.');
      await s.page.keyboard.press('Alt+Shift+N');
      await s.page.keyboard.press('Alt+Shift+N');
      await s.page.waitForTimeout(1500);
      await s.page.screenshot({ path: '/tmp/m1280b.png' });
      console.log(JSON.stringify(await seriousViolations(s.page), null, 1));
    } finally {
      await closeSession({ ...s, dataDir });
    }
  });
});
