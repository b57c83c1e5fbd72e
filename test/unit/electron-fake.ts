import { vi } from 'vitest';

/**
 * A stand-in for the 'electron' module that records what the app asks of it. The Electron runtime is not
 * installed on the machines that run the tests (and importing the real package would try to download it), so every
 * test of electron/hosts/electron-*.ts goes through this fake: vi.mock('electron', () => import('./electron-fake')).
 */
type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface FakeNavEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export function navEvent(): FakeNavEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeWebContents extends FakeEmitter {
  reload = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
}

class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows() {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = 0;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.shown++;
  }
  focus() {
    this.focused++;
  }
  restore() {
    this.restored++;
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

class FakeApp extends FakeEmitter {
  lockGranted = true;
  isPackaged = false;
  userData = '/nonexistent/userData';
  appPath = '/nonexistent/app';
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((_name: string) => this.userData);
  getAppPath = vi.fn(() => this.appPath);
  commandLine = { appendSwitch: vi.fn() };
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  },
};
export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
export const Menu = { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() };
export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
};
/**
 * The system keychain: "wraps" by a reversible marking (enough to see that the file on disk is not the key itself).
 * `available` false: no keychain; `backend` 'basic_text': Linux's fixed-password fallback.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptString: vi.fn((plain: string) => Buffer.from(`wrapped:${Buffer.from(plain).reverse().toString('base64')}`)),
  decryptString: vi.fn((wrapped: Buffer) => {
    const t = wrapped.toString();
    if (!t.startsWith('wrapped:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(t.slice('wrapped:'.length), 'base64').reverse().toString();
  }),
};
export const shell = { openExternal: vi.fn(async () => {}) };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })), send: vi.fn(), on: vi.fn() };

/** Back to a fresh state between tests (the module is a singleton, like the real one). */
export function resetFakeElectron() {
  vi.clearAllMocks();
  app.listeners.clear();
  app.lockGranted = true;
  app.isPackaged = false;
  app.userData = '/nonexistent/userData';
  app.appPath = '/nonexistent/app';
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  FakeBrowserWindow.instances = [];
}

export default { app, BrowserWindow, protocol, safeStorage, session, ipcMain, Menu, dialog, shell, contextBridge, ipcRenderer };
