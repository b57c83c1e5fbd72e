import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testKeyFile } from '../helpers/key';

export const ROOT = process.env.TFS_ROOT ?? path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The browser host as a user runs it: `node dist/electron/start.cjs --browser`, on a real SQLite file. */
export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGKILL: no chance to flush anything that was not already committed. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-e2e-'));
}

export async function startHost(dataDir: string, extra: string[] = []): Promise<HostProcess> {
  const main = path.join(ROOT, 'dist/electron/start.cjs');
  if (!fs.existsSync(main)) throw new Error('dist/ is not built: run `npm run build` (npm test does).');
  // Every host a test starts is encrypted, with a key file the test chose (as an officer would with --key-file).
  const keyArgs = extra.includes('--key-file') ? [] : ['--key-file', testKeyFile(dataDir)];
  const proc = spawn(process.execPath, [main, '--browser', '--port', '0', '--data-dir', dataDir, ...keyArgs, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not print its URL:\n${out}`)), 30_000);
    const check = () => {
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout.on('data', check);
    proc.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${out}`)));
  });
  const origin = new URL(url).origin;
  const token = /token=([^&]+)/.exec(url)![1]!;
  return {
    url,
    origin,
    token,
    dataDir,
    proc,
    output: () => out,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      }),
  };
}

/**
 * The features Playwright turns off in every Chromium it launches (playwright-core's chromiumSwitches.ts), repeated
 * here because the list below is passed as a second `--disable-features` and Chromium may keep only one of them.
 * test/unit/chromium-features.test.ts fails when Playwright's own list has a feature this one lacks.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Headless Chromium is the whole browser without a screen: every new context opens a window, and about half of them
 * also loaded their address bar's WebUI popup — 130 to 390 requests to chrome:// pages and a renderer of their own,
 * while the page under test loaded. On these two cores that took 100–250 ms from those page loads (traces of the
 * start-up bench: the meetings list 589–835 ms with it, 360–466 ms without), the widest source of spread in the bench
 * and of slow e2e steps. The app's own window (Electron) has no address bar, so nothing it measures is lost.
 */
const ADDRESS_BAR_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_FEATURES].join(',')}`,
    ],
  });
}

export async function openApp(browser: Browser, host: HostProcess, width = 1280, height = 860): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  // E2E_API_DELAY_MS=N (not in `npm test`): every call waits up to N ms, at random, as on a loaded machine, so that a
  // test or a page that reads before an answer came shows itself (a diagnostic run: `E2E_API_DELAY_MS=300 npx vitest
  // run --project e2e`).
  const delay = Number(process.env.E2E_API_DELAY_MS ?? 0);
  if (delay > 0) {
    const slow = async (route: import('playwright-core').Route) => {
      await new Promise((r) => setTimeout(r, Math.random() * delay));
      await route.fallback();
    };
    await context.route('**/api/**', slow);
    await context.route('**/api-batch', slow);
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // The app asks its questions in its own dialogs; a browser dialog is a bug: say so and refuse it.
  // (beforeunload is the browser's own "leave the page?" while a save is pending: a test that navigates accepts it.)
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') return void d.accept();
    console.error(`browser dialog (a bug): ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(host.url);
  return page;
}

/** A direct call to the browser host, as the page makes it. */
export async function apiCall(host: HostProcess, name: string, body: unknown, opts: { token?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...opts.headers };
  const token = opts.token === undefined ? host.token : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${host.origin}/api/${name}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

export interface ExampleSession {
  browser: Browser;
  host: HostProcess;
  page: Page;
  meetingId: string;
}

/** Chromium, a browser host on `dataDir` started with the example meeting (`--example`), and one page on it. */
export async function openExampleSession(dataDir: string, width = 1440, height = 900): Promise<ExampleSession> {
  const browser = await launchChromium();
  const host = await startHost(dataDir, ['--example']);
  const meetingId = /meeting=([\w-]+)/.exec(host.url)![1]!;
  const page = await openApp(browser, host, width, height);
  return { browser, host, page, meetingId };
}

/** Closes what openExampleSession opened (whatever was started since) and removes the data folder. */
export async function closeSession(s: { browser?: Browser; host?: HostProcess; dataDir: string }) {
  await s.browser?.close();
  await s.host?.kill();
  fs.rmSync(s.dataDir, { recursive: true, force: true });
}

/**
 * One test's own host, data folder and example meeting: opened, given to `fn`, then closed — the host that is in
 * `s.host` by then (a test may restart it). So that each e2e test sets up its own state and can run alone.
 */
export async function withExampleSession(fn: (s: ExampleSession & { dataDir: string }) => Promise<void>, width = 1440, height = 900): Promise<void> {
  const dataDir = makeDataDir();
  const s = { ...(await openExampleSession(dataDir, width, height)), dataDir };
  try {
    await fn(s);
  } finally {
    await closeSession(s);
  }
}
