import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/hosts/electron-menu';

const roles = (items: unknown) => (items as MenuItemConstructorOptions[]).map((i) => i.role ?? i.type ?? i.label);
const menu = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label === label);

function template(over: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  return buildMenuTemplate({ appName: 'Taskforce Secretariat', isPackaged: true, platform: 'linux', onAbout: () => {}, ...over });
}

describe('electron-menu', () => {
  it('has File, Edit, View, Window, Help in that order', () => {
    expect(template().map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('File quits; Edit has the editing roles', () => {
    expect(roles(menu(template(), 'File')!.submenu)).toEqual(['quit']);
    expect(roles(menu(template(), 'Edit')!.submenu)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('View: reload and zoom; developer tools only when not packaged', () => {
    const packaged = roles(menu(template({ isPackaged: true }), 'View')!.submenu);
    expect(packaged).toEqual(['reload', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(packaged).not.toContain('toggleDevTools');
    expect(roles(menu(template({ isPackaged: false }), 'View')!.submenu)).toContain('toggleDevTools');
  });

  it('Window and Help; About calls back', () => {
    expect(roles(menu(template(), 'Window')!.submenu)).toEqual(['minimize', 'zoom', 'close']);
    const onAbout = vi.fn();
    const help = menu(template({ onAbout }), 'Help')!.submenu as MenuItemConstructorOptions[];
    expect(help.map((i) => i.label)).toEqual(['About Taskforce Secretariat']);
    (help[0]!.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('on macOS the app menu comes first and File closes the window', () => {
    const mac = template({ platform: 'darwin' });
    expect(mac[0]!.role).toBe('appMenu');
    expect(roles(menu(mac, 'File')!.submenu)).toEqual(['close']);
  });

  it('no item loads anything from the network', () => {
    const json = JSON.stringify(template({ isPackaged: false }));
    expect(json).not.toMatch(/https?:/);
  });
});
