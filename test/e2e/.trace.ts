import { launchChromium, makeDataDir, openExampleSession, startHost, apiCall } from './harness';
(async () => {
  const dataDir = makeDataDir();
  const { browser, host, meetingId } = await openExampleSession(dataDir);
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript((t) => sessionStorage.setItem('tfs-token', t), (host as any).token);
    const page = await context.newPage();
    await page.addInitScript(() => { (window as any).__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true } as any); });
    const t0 = Date.now();
    await page.goto(`${host.origin}/#/meetings/${meetingId}/minutes`);
    const sel = '[data-section-key="opening"] [contenteditable="true"]';
    await page.locator(sel).first().waitFor();
    const shown = Date.now() - t0;
    await page.locator(sel).first().click({ position: { x: 4, y: 4 } });
    await page.keyboard.type('x');
    const typed = Date.now() - t0;
    const info = await page.evaluate(() => ({
      res: performance.getEntriesByType('resource').map((e: any) => [e.name.replace(/^.*\//, '').slice(0, 40), Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize]),
      nav: (performance.getEntriesByType('navigation')[0] as any).domContentLoadedEventEnd,
      lt: (window as any).__lt,
      now: Math.round(performance.now()),
    }));
    console.log(`run ${run}: editor shown ${shown} ms, typed ${typed} ms, DCL ${Math.round(info.nav)}, now ${info.now}`);
    if (run === 2) { for (const r of info.res) console.log('  ', r.join('\t')); console.log('  long tasks', JSON.stringify(info.lt)); }
    await context.close();
  }
  await browser.close(); await (host as any).kill?.(); process.exit(0);
})();
