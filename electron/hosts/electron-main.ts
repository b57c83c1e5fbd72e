import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NAME, Backend } from '../backend/backend';
import { DB_FILE_NAME } from '../backend/db/connection';
import { outputChecksFromEnv } from '../backend/dispatch';
import { AppError } from '../../shared/errors';
import { registerIpc } from './electron-ipc';
import { createChooseBackupFileHandler, createSaveFileHandler, registerChooseBackupFile, registerSaveFile } from './electron-save';
import { desktopKey, type DesktopKey } from './electron-key';
import type { DataKey } from '../backend/db/key';
import { looksEncrypted } from '../backend/db/data-file';
import { createElectronSettings } from './electron-settings';
import { buildMenuTemplate } from './electron-menu';
import { registerAppScheme, serveRenderer } from './electron-protocol';
import { APP_START_URL, guardWebContents, installSessionGuards, secureWebPreferences } from './electron-security';

/**
 * The Electron main process: thin glue between Electron and the host-independent Backend. Everything that touches
 * Electron takes its pieces as arguments (defaulting to the real module) so tests can drive it with a fake.
 * Bundled to dist/electron/main.cjs; importing this file starts nothing unless it runs as Electron's main process.
 */
export interface ElectronApi {
  app: typeof app;
  BrowserWindow: typeof BrowserWindow;
  dialog: typeof dialog;
  ipcMain: typeof ipcMain;
  Menu: typeof Menu;
  protocol: typeof protocol;
  safeStorage: typeof safeStorage;
  session: typeof session;
  shell: typeof shell;
}

/** British English: the language of the interface and of the documents' dates (shared/format). */
const INTERFACE_LOCALE = 'en-GB';

const realElectron = (): ElectronApi => ({ app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell });

/** Where the built files are, relative to the app root (the folder or app.asar that holds package.json). */
export function appPaths(appRoot: string) {
  return {
    preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
    renderer: path.join(appRoot, 'dist', 'renderer'),
  };
}

export function createMainWindow(BW: ElectronApi['BrowserWindow'], preloadPath: string, startUrl = APP_START_URL): BrowserWindow {
  const win = new BW({
    title: APP_NAME,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  // Shown once painted (no white flash); shown anyway if the page failed, so the user sees the error, not nothing.
  win.once('ready-to-show', () => win.show());
  win.webContents.once('did-fail-load', () => win.show());
  void win.loadURL(startUrl);
  return win;
}

/**
 * The page asked not to be left (its `beforeunload`: words typed but not saved yet, or typed into an item that has not
 * loaded). Electron would cancel the close or reload without a word; instead the officer is asked, and may stay.
 */
export function askBeforeLeaving(win: BrowserWindow, d: Pick<ElectronApi['dialog'], 'showMessageBoxSync'>): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = d.showMessageBoxSync(win, {
      type: 'warning',
      title: APP_NAME,
      message: 'Some of what you typed is not saved yet.',
      detail: 'Stay, and it is saved as soon as it can be (the meeting bar says when). If you leave now, it is lost.',
      buttons: ['Stay', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault(); // leave after all
  });
}

/** Within this long of the window being opened again after its page stopped, a second stop is not met by a third. */
const REOPEN_WINDOW_MS = 60_000;

/**
 * The window's page stopped (its process crashed or was killed, e.g. out of memory) in the middle of a meeting: it is
 * opened again at once, where it was (a running meeting's minutes open at the current item), and the officer is told
 * that the last second of typing may be missing (every save before it is in the data file). Should it stop again
 * soon after, the officer is told to restart the app instead of the window reloading in a loop.
 */
export function reopenAfterCrash(win: BrowserWindow, d: Pick<ElectronApi['dialog'], 'showMessageBox' | 'showErrorBox'>, now: () => number = Date.now): void {
  let reopenedAt = -Infinity;
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (now() - reopenedAt < REOPEN_WINDOW_MS) {
      d.showErrorBox(APP_NAME, 'The window stopped again. Close the app and open it again: everything saved is in the data file.');
      return;
    }
    reopenedAt = now();
    win.webContents.reload();
    void d.showMessageBox(win, {
      type: 'warning',
      title: APP_NAME,
      message: 'The window stopped and has been opened again.',
      detail: 'Everything saved is there. Check the last words you typed: those of the second before it stopped may be missing.',
      buttons: ['OK'],
      noLink: true,
    });
  });
}

/**
 * Guards every webContents the app will ever create (navigation, redirects, window.open, webview) and, once the
 * default session exists, its permissions and outgoing requests.
 */
export function installSecurityHandlers(e: Pick<ElectronApi, 'app'>): void {
  e.app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function installSessionSecurity(e: Pick<ElectronApi, 'session'>): void {
  installSessionGuards(e.session.defaultSession);
}

/** The one message a user sees when the data file cannot be opened (e.g. written by a newer version). */
export function startupErrorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return `Taskforce Secretariat could not open its data: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.`;
}

export interface StartOptions {
  /** Defaults to app.getAppPath(). */
  appRoot?: string;
  /** Defaults to a real Backend in app.getPath('userData'), encrypted with `key`. */
  createBackend?: (dataDir: string, key: DataKey) => Backend;
}

export interface StartedApp {
  backend: Backend;
  window: BrowserWindow;
}

/**
 * Starts the application. Resolves with the backend and window, or null when this process is a second instance
 * (which hands over to the first and quits) or the data could not be opened (after telling the user).
 */
export async function startApp(e: ElectronApi = realElectron(), opts: StartOptions = {}): Promise<StartedApp | null> {
  if (!e.app.requestSingleInstanceLock()) {
    e.app.quit();
    return null;
  }
  let mainWindow: BrowserWindow | null = null;
  e.app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // The interface's locale, set before ready as Electron requires: Chromium lays out date and time fields by it (not
  // by the page's lang), so the meeting form shows 30/01/2026 and 10:00 as every other date and time in the app and
  // its documents, whatever the system's locale; the spelling checker defaults to British English with it too.
  e.app.commandLine.appendSwitch('lang', INTERFACE_LOCALE);
  registerAppScheme(e.protocol);
  installSecurityHandlers(e);

  await e.app.whenReady();

  let backend: Backend;
  const dataDir = e.app.getPath('userData');
  let key: DesktopKey | null = null;
  try {
    // The key first (system keychain, or a key file the officer chooses when there is none), then the data.
    key = await desktopKey({ safeStorage: e.safeStorage, dialog: e.dialog, dataDir });
    if (!key) {
      e.app.exit(1);
      return null;
    }
    const create =
      opts.createBackend ??
      ((dir: string, k: DataKey) =>
        new Backend({ dataDir: dir, host: 'electron', settings: createElectronSettings(), autoBackup: true, recoverFromBackup: true, outputChecks: outputChecksFromEnv(process.env), key: k }));
    backend = create(dataDir, key.key);
  } catch (err) {
    // The data file is left as it is (openDatabase checks before it writes); no window, no half-started app. A key
    // made by this start for data that was never encrypted with it is removed again (nothing left behind).
    if (key?.created && !looksEncrypted(path.join(dataDir, DB_FILE_NAME))) fs.rmSync(key.created, { force: true });
    e.dialog.showErrorBox(`${APP_NAME} cannot start`, startupErrorMessage(err));
    e.app.exit(1);
    return null;
  }

  installSessionSecurity(e);
  const paths = appPaths(opts.appRoot ?? e.app.getAppPath());
  serveRenderer(e.protocol, paths.renderer);
  registerIpc(e.ipcMain, { dispatch: backend.dispatch, openExternal: (url, options) => e.shell.openExternal(url, options) });
  registerSaveFile(
    e.ipcMain,
    createSaveFileHandler({
      dialog: e.dialog,
      window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
      settings: backend.settings,
      defaultFolder: () => e.app.getPath('documents'),
    }),
  );

  registerChooseBackupFile(
    e.ipcMain,
    createChooseBackupFileHandler({
      dialog: e.dialog,
      window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
      defaultFolder: () => e.app.getPath('documents'),
    }),
  );

  const info = backend.info();
  const template = buildMenuTemplate({
    appName: APP_NAME,
    isPackaged: e.app.isPackaged,
    platform: process.platform,
    onAbout: () =>
      void e.dialog.showMessageBox({
        type: 'info',
        title: `About ${APP_NAME}`,
        message: `${APP_NAME} ${info.version}`,
        detail: `Secretariat of the Signatory Taskforce of the General-Purpose AI Code of Practice.\nData file: ${info.dataPath}\nSchema version ${info.schemaVersion}.`,
      }),
  });
  e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(template));

  // `npm start -- --example` (or the app started with --example): open the example meeting, loading it if needed.
  // A damaged data file with a good backup: the window opens on the recovery screen instead (see backup.status).
  const startUrl =
    process.argv.includes('--example') && !backend.damaged()
      ? `${APP_START_URL}#/meetings/${backend.services.example.ensureLoaded().meeting.id}`
      : APP_START_URL;
  const openWindow = (url?: string) => {
    const win = createMainWindow(e.BrowserWindow, paths.preload, url);
    askBeforeLeaving(win, e.dialog);
    reopenAfterCrash(win, e.dialog);
    return win;
  };
  mainWindow = openWindow(startUrl);

  e.app.on('activate', () => {
    if (e.BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  e.app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') e.app.quit();
  });
  // Every save is already committed (synchronous = FULL); closing checkpoints the WAL and releases the file.
  e.app.on('will-quit', () => backend.close());

  return { backend, window: mainWindow };
}

// Runs only as Electron's main process, never when a test imports this file.
if (process.versions.electron !== undefined && process.type === 'browser') {
  startApp().catch((err: unknown) => {
    dialog.showErrorBox(`${APP_NAME} cannot start`, startupErrorMessage(err));
    app.exit(1);
  });
}
