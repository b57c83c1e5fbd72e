import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import { askBeforeLeaving, createMainWindow, reopenAfterCrash, startApp, startupErrorMessage, type ElectronApi, type StartedApp } from '../../electron/hosts/electron-main';
import { CONTENT_SECURITY_POLICY } from '../../electron/hosts/electron-security';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/temp';
import * as fake from './electron-fake';
import { navEvent } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));
// electron-store imports the real Electron runtime; the tests give it a store in memory with the same get/set.
vi.mock('electron-store', () => ({
  default: class {
    private readonly values = new Map<string, unknown>();
    constructor(opts: { defaults?: Record<string, unknown> }) {
      for (const [k, v] of Object.entries(opts.defaults ?? {})) this.values.set(k, v);
    }
    get(k: string) {
      return this.values.get(k);
    }
    set(k: string, v: unknown) {
      this.values.set(k, v);
    }
  },
}));

// Recorded before any test runs: importing electron-main must not start the app.
const lockRequestsAtImport = fake.app.requestSingleInstanceLock.mock.calls.length;
const schemesAtImport = fake.protocol.registerSchemesAsPrivileged.mock.calls.length;

const e = fake as unknown as ElectronApi;
const started: StartedApp[] = [];

beforeEach(() => fake.resetFakeElectron());
afterEach(() => {
  while (started.length) started.pop()!.backend.close();
});

/** A built-looking app root in a temp folder: dist/renderer with a page and an asset, and a secret beside it. */
function appRoot() {
  const root = tempDir('tfs-approot-');
  const renderer = path.join(root, 'dist', 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>TFS</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log("hi")');
  fs.writeFileSync(path.join(root, 'dist', 'secret.txt'), 'TOP-SECRET');
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"secret-package"}');
  return root;
}

async function start(opts: { root?: string } = {}) {
  fake.app.userData = tempDir('tfs-userdata-');
  fake.app.appPath = opts.root ?? appRoot();
  const s = await startApp(e);
  if (s) started.push(s);
  return s;
}

type Handler = (...args: any[]) => any;
function ipcHandler(channel: string): Handler {
  const found = fake.ipcMain.handle.mock.calls.find((c) => c[0] === channel);
  if (!found) throw new Error(`no handler for ${channel}`);
  return found[1] as Handler;
}
function protocolHandler(): (req: Request) => Promise<Response> {
  expect(fake.protocol.handle).toHaveBeenCalledTimes(1);
  expect(fake.protocol.handle.mock.calls[0]![0]).toBe('app');
  return fake.protocol.handle.mock.calls[0]![1] as (req: Request) => Promise<Response>;
}
const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } });

describe('electron-main: start-up', () => {
  it('starts nothing when imported', () => {
    expect(lockRequestsAtImport).toBe(0);
    expect(schemesAtImport).toBe(0);
  });

  it('requests the single-instance lock and registers the privileged scheme before ready', async () => {
    const s = await start();
    expect(s).not.toBeNull();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = fake.protocol.registerSchemesAsPrivileged.mock.calls[0] as unknown as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
    expect(fake.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(fake.app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('the window it opens asks the officer before a page with words not saved is left (askBeforeLeaving)', async () => {
    const s = await start();
    const win = s!.window as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(win.webContents.count('will-prevent-unload')).toBe(1);
    expect(win.webContents.count('render-process-gone')).toBe(1);
  });

  it('sets the interface locale to en-GB before ready: date and time fields day first, 24-hour clock', async () => {
    await start();
    expect(fake.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');
    const at = fake.app.commandLine.appendSwitch.mock.invocationCallOrder[fake.app.commandLine.appendSwitch.mock.calls.findIndex((c) => c[0] === 'lang')]!;
    expect(at).toBeLessThan(fake.app.whenReady.mock.invocationCallOrder.at(-1)!);
  });

  it('a second instance quits at once and creates nothing', async () => {
    fake.app.lockGranted = false;
    const s = await start();
    expect(s).toBeNull();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('the first instance brings its window forward when a second one starts', async () => {
    const s = await start();
    const win = s!.window as unknown as InstanceType<typeof fake.BrowserWindow>;
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['tfs'], '/');
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);
  });

  it('with --example, loads the example meeting (once) and opens the window on it', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--example'];
    try {
      const s = await start();
      const id = s!.backend.services.meetings.list()[0]!.id;
      expect(fake.BrowserWindow.instances[0]!.loadedUrl).toBe(`app://renderer/index.html#/meetings/${id}`);
      expect(s!.backend.services.example.ensureLoaded().meeting.id).toBe(id);
      expect(s!.backend.services.meetings.list()).toHaveLength(1);
    } finally {
      process.argv = argv;
    }
  });

  it('opens the backend in userData with host electron, loads the app page, sets the menu', async () => {
    const s = await start();
    expect(s!.backend.dbFile).toBe(path.join(fake.app.userData, DB_FILE_NAME));
    expect(s!.backend.info().host).toBe('electron');
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(fake.BrowserWindow.instances[0]!.loadedUrl).toBe('app://renderer/index.html');
    expect(fake.BrowserWindow.instances[0]!.options.webPreferences.preload).toBe(path.join(fake.app.appPath, 'dist', 'electron', 'preload.cjs'));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(fake.app.exit).not.toHaveBeenCalled();
  });

  it('closes the database when the app quits', async () => {
    const s = await start();
    started.pop();
    fake.app.emit('will-quit');
    expect(s!.backend.db.open).toBe(false);
  });

  it('a data file from a newer version: error box with the reason, quit, file untouched', async () => {
    const userData = tempDir('tfs-future-');
    const file = path.join(userData, DB_FILE_NAME);
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE precious (x TEXT); INSERT INTO precious VALUES (\'keep me\');');
    db.pragma('user_version = 999');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const filesBefore = fs.readdirSync(userData).sort();

    fake.app.userData = userData;
    fake.app.appPath = appRoot();
    const s = await startApp(e);

    expect(s).toBeNull();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [, message] = fake.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(message).toMatch(/newer version/);
    expect(message).toMatch(/999/);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    expect(fs.readdirSync(userData).sort()).toEqual(filesBefore);
  });

  it('a damaged data file with a good backup: no error box, the window opens on the recovery screen, the restore works', async () => {
    const userData = tempDir('tfs-recover-');
    fake.app.userData = userData;
    fake.app.appPath = appRoot();
    const first = await startApp(e);
    const created = await first!.backend.dispatch('meetings.create', { title: 'Kept by the backup', startsAt: '2026-02-10T10:00', endsAt: '2026-02-10T12:00' });
    expect(created.ok).toBe(true);
    fake.app.emit('will-quit'); // quitting makes the automatic backup
    const file = path.join(userData, DB_FILE_NAME);
    fs.writeFileSync(file, '');
    fake.resetFakeElectron();
    fake.app.userData = userData;
    fake.app.appPath = appRoot();
    const s = await startApp(e);
    expect(s).not.toBeNull();
    started.push(s!);
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    const status = await s!.backend.dispatch('backup.status', {});
    if (!status.ok) throw new Error(status.error.message);
    const v = status.value as { damaged: { message: string } | null; backups: Array<{ name: string }> };
    expect(v.damaged?.message).toMatch(/is empty \(0 bytes\)/);
    expect((await s!.backend.dispatch('backup.restore', { name: v.backups[0]!.name })).ok).toBe(true);
    const list = await s!.backend.dispatch('meetings.list', {});
    expect(list.ok && (list.value as Array<{ title: string }>).map((m) => m.title)).toEqual(['Kept by the backup']);
  });

  it('start-up messages: an AppError speaks for itself, anything else is wrapped', () => {
    expect(startupErrorMessage(new AppError('storage', 'Disk says no.'))).toBe('Disk says no.');
    expect(startupErrorMessage(new Error('boom'))).toMatch(/could not open its data: boom/);
  });
});

describe('electron-main: window', () => {
  it('a page that stopped (crashed, killed) is opened again and the officer told; stopping again soon after is not met by a reload loop', () => {
    const win = createMainWindow(e.BrowserWindow, '/x/preload.cjs') as unknown as InstanceType<typeof fake.BrowserWindow>;
    let t = 1_000_000;
    reopenAfterCrash(win as never, e.dialog, () => t);
    fake.dialog.showMessageBox.mockClear();
    fake.dialog.showErrorBox.mockClear();
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(win.webContents.reload).not.toHaveBeenCalled();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect((fake.dialog.showMessageBox.mock.calls[0]![1] as { detail: string }).detail).toMatch(/Everything saved is there/);
    t += 5_000;
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    t += 120_000; // long after: opened again as the first time
    win.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(2);
  });
  it('a page that asks not to be left (words not saved yet) gets the officer asked: stay keeps it, leave lets it go', () => {
    const win = createMainWindow(e.BrowserWindow, '/x/preload.cjs') as unknown as InstanceType<typeof fake.BrowserWindow>;
    askBeforeLeaving(win as never, e.dialog);
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const stay = navEvent();
    win.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false); // the page's refusal holds: the window stays, with its words
    const [shownOn, options] = fake.dialog.showMessageBoxSync.mock.calls[0]!;
    const box = options as { message: string; buttons: string[]; cancelId: number };
    expect(shownOn).toBe(win);
    expect(box.message).toMatch(/not saved yet/);
    expect(box.buttons[box.cancelId]).toBe('Stay');
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const leave = navEvent();
    win.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
  });

  it('has exactly the secure web preferences', () => {
    const win = createMainWindow(e.BrowserWindow, '/x/preload.cjs') as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(win.options.webPreferences).toEqual({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(win.loadedUrl).toBe('app://renderer/index.html');
    win.emit('ready-to-show');
    expect(win.shown).toBe(1);
  });
});

describe('electron-main: navigation and windows', () => {
  async function guardedContents() {
    await start();
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    return contents;
  }

  it.each([
    ['will-navigate', 'https://evil.example/'],
    ['will-navigate', 'http://127.0.0.1:8080/'],
    ['will-navigate', 'file:///etc/passwd'],
    ['will-navigate', 'app://other-host/index.html'],
    ['will-navigate', 'javascript:alert(1)'],
    ['will-redirect', 'https://evil.example/'],
    ['will-redirect', 'not a url'],
  ])('%s to %s is prevented', async (event, url) => {
    const contents = await guardedContents();
    const ev = fake.navEvent();
    contents.emit(event, ev, url);
    expect(ev.defaultPrevented).toBe(true);
  });

  it('navigation inside the app is allowed', async () => {
    const contents = await guardedContents();
    for (const event of ['will-navigate', 'will-redirect']) {
      const ev = fake.navEvent();
      contents.emit(event, ev, 'app://renderer/index.html#/meetings');
      expect(ev.defaultPrevented).toBe(false);
    }
  });

  it('window.open is denied, whatever the URL', async () => {
    const contents = await guardedContents();
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of ['https://example.org/', 'app://renderer/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('webviews are refused', async () => {
    const contents = await guardedContents();
    const ev = fake.navEvent();
    contents.emit('will-attach-webview', ev, {}, {});
    expect(ev.defaultPrevented).toBe(true);
  });
});

describe('electron-main: session', () => {
  it('denies every permission request and check', async () => {
    await start();
    const s = fake.session.defaultSession;
    expect(s.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    const request = s.setPermissionRequestHandler.mock.calls[0]![0] as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    const check = s.setPermissionCheckHandler.mock.calls[0]![0] as unknown as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://renderer', {})).toBe(false);
  });

  it('cancels requests that would leave the machine; lets the app scheme through', async () => {
    await start();
    const onBefore = fake.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0]![0] as unknown as (
      d: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      onBefore({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://fonts.example/x.css')).toBe(true);
    expect(verdict('http://127.0.0.1/')).toBe(true);
    expect(verdict('wss://x.example/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('app://renderer/assets/app.js')).toBe(false);
    expect(verdict('data:image/png;base64,AA==')).toBe(false);
  });
});

describe('electron-main: app protocol', () => {
  it('serves the renderer with the Content-Security-Policy on every response', async () => {
    await start();
    const handle = protocolHandler();
    const page = await handle(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>TFS</title>');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).toBe(page.headers.get('content-security-policy'));

    const js = await handle(new Request('app://renderer/assets/app.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');

    const missing = await handle(new Request('app://renderer/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://renderer/..%2f..%2fpackage.json',
    'app://renderer/%00index.html',
    'app://other/secret.txt',
    'app://other/index.html',
  ])('refuses to serve anything outside dist/renderer: %s', async (url) => {
    await start();
    const handle = protocolHandler();
    const res = await handle(new Request(url));
    expect(res.status).not.toBe(200);
    const body = await res.text();
    expect(body).not.toContain('TOP-SECRET');
    expect(body).not.toContain('secret-package');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    await start();
    const res = await protocolHandler()(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });
});

describe('electron-main: IPC', () => {
  it('registers the call, open-external, save-file and choose-backup-file channels, nothing else', async () => {
    await start();
    expect(fake.ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual(['tfs:call', 'tfs:call-json', 'tfs:choose-backup-file', 'tfs:open-external', 'tfs:save-file']);
  });

  it('refuses a sender that is not the app page', async () => {
    const s = await start();
    const spy = vi.spyOn(s!.backend, 'dispatch');
    const call = ipcHandler('tfs:call');
    for (const sender of [from('https://evil.example/'), from('file:///tmp/x.html'), from('app://other/index.html'), from(null), {}]) {
      const r = await call(sender, 'app.info', {});
      expect(r).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('dispatches a call from the app page to the real backend and returns the Result envelope', async () => {
    await start();
    const call = ipcHandler('tfs:call');
    const info = await call(from('app://renderer/index.html'), 'app.info', {});
    expect(info.ok).toBe(true);
    expect(info.value).toMatchObject({ host: 'electron', name: 'Taskforce Secretariat', dataPath: path.join(fake.app.userData, DB_FILE_NAME) });

    const org = await call(from('app://renderer/index.html#/members'), 'organisations.create', { name: 'Signatory A' });
    const list = await call(from('app://renderer/index.html'), 'members.list', {});
    expect(list.ok).toBe(true);
    expect(org.ok).toBe(true);
    expect(list.value.map((o: { name: string }) => o.name)).toContain('Signatory A');

    expect((await call(from('app://renderer/index.html'), 'no.such.call', {})).error.code).toBe('not_found');
    expect((await call(from('app://renderer/index.html'), 'meetings.get', { id: 42 })).error.code).toBe('bad_request');
  });

  it('a call with its input as JSON bytes is parsed, then validated and dispatched as any call; unreadable bytes are refused', async () => {
    const s = await start();
    const call = ipcHandler('tfs:call-json');
    const page = from('app://renderer/index.html');
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const org = await call(page, 'organisations.create', bytes({ name: 'Signatory B' }));
    expect(org.ok).toBe(true);
    expect((await call(page, 'meetings.get', bytes({ id: 42 }))).error.code).toBe('bad_request');
    expect((await call(page, 'no.such.call', bytes({}))).error.code).toBe('not_found');
    const spy = vi.spyOn(s!.backend, 'dispatch');
    for (const bad of [new TextEncoder().encode('{"name":'), new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), '{"name":"x"}', null]) {
      const r = await call(page, 'organisations.create', bad);
      expect(r).toEqual({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/could not be read/) } });
    }
    expect((await call(from('https://evil.example/'), 'organisations.create', bytes({ name: 'X' }))).error.code).toBe('forbidden');
    expect(spy).not.toHaveBeenCalled();
  });

  it('opens only http(s) links, only for the app page', async () => {
    await start();
    const open = ipcHandler('tfs:open-external');
    expect(await open(from('app://renderer/index.html'), 'https://code-of-practice.ai/')).toEqual({ ok: true, value: null });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://code-of-practice.ai/', undefined);
    fake.shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://renderer/index.html', '', 42, 'https://']) {
      const r = await open(from('app://renderer/index.html'), url);
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('bad_request');
    }
    expect((await open(from('https://evil.example/'), 'https://example.org/')).error.code).toBe('forbidden');
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});
