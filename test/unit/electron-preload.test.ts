import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../shared/contract/index';
import type { TaskforceBridge } from '../../shared/contract/bridge';
import * as fake from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

// Importing the preload is what Electron does: it must expose the bridge once, at load.
await import('../../electron/hosts/electron-preload');
const exposed = fake.contextBridge.exposeInMainWorld.mock.calls.map((c) => [...c]);

function bridge(): TaskforceBridge {
  return exposed[0]![1] as TaskforceBridge;
}

beforeEach(() => fake.ipcRenderer.invoke.mockClear());

describe('electron-preload', () => {
  it('exposes exactly one object, window.taskforce, with call, callJson, openExternal, saveFile, chooseBackupFile and host', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe('taskforce');
    expect(Object.keys(bridge()).sort()).toEqual(['call', 'callJson', 'chooseBackupFile', 'host', 'openExternal', 'saveFile']);
    expect(bridge().host).toBe('electron');
    expect(typeof bridge().call).toBe('function');
    expect(typeof bridge().openExternal).toBe('function');
    expect(Object.isFrozen(bridge())).toBe(true);
    // ipcRenderer itself never crosses.
    expect(Object.values(bridge())).not.toContain(fake.ipcRenderer);
  });

  it('carries every contract call over the one call channel and returns its Result', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { name: 'x' } } as never);
    await expect(bridge().call('app.info', {})).resolves.toEqual({ ok: true, value: { name: 'x' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('tfs:call', 'app.info', {});
    for (const name of CALL_NAMES) {
      await bridge().call(name, {});
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('tfs:call', name, {});
    }
  });

  it.each(['no.such.call', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null])(
    'refuses %s without any IPC',
    async (name) => {
      await expect(bridge().call(name as string, {})).rejects.toThrow(/no call named/);
      expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('callJson carries a contract call with its input as JSON bytes over its own channel; anything else stays here', async () => {
    const bytes = new TextEncoder().encode('{"id":"m1"}');
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 1 } as never);
    await expect(bridge().callJson('meetings.get', bytes)).resolves.toEqual({ ok: true, value: 1 });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('tfs:call-json', 'meetings.get', bytes);
    fake.ipcRenderer.invoke.mockClear();
    await expect(bridge().callJson('no.such.call', bytes)).rejects.toThrow(/no call named/);
    await expect(bridge().callJson('meetings.get', '{"id":"m1"}' as unknown as Uint8Array)).rejects.toThrow(/JSON bytes/);
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('openExternal asks the main process and rejects with its reason when refused', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(bridge().openExternal('https://example.org/')).resolves.toBeUndefined();
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('tfs:open-external', 'https://example.org/');

    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'bad_request', message: 'Only web links.' } } as never);
    await expect(bridge().openExternal('file:///etc/passwd')).rejects.toThrow('Only web links.');

    fake.ipcRenderer.invoke.mockClear();
    await expect(bridge().openExternal(42 as unknown as string)).rejects.toThrow();
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
