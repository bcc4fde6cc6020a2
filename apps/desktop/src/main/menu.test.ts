import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const hit = find(item.submenu, label);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

describe('application menu', () => {
  it('has the usual menus, and Help opens the log folder', () => {
    let opened = 0;
    const template = buildMenuTemplate({
      platform: 'win32',
      appName: 'PanDesk',
      actions: { openLogFolder: () => (opened += 1) },
    });
    expect(template.map((m) => m.label ?? m.role)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
    const item = find(template, 'Open Log Folder');
    (item?.click as (() => void) | undefined)?.();
    expect(opened).toBe(1);
    expect(find(template, 'Toggle Developer Tools')).toBeUndefined();
  });

  it('View switches between the grid and the list when the host wires it', () => {
    const modes: string[] = [];
    const template = buildMenuTemplate({
      platform: 'linux',
      appName: 'PanDesk',
      actions: { openLogFolder: () => undefined, setViewMode: (mode) => modes.push(mode) },
    });
    const grid = find(template, 'as Grid');
    const list = find(template, 'as List');
    expect([grid?.accelerator, list?.accelerator]).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2']);
    (grid?.click as (() => void) | undefined)?.();
    (list?.click as (() => void) | undefined)?.();
    expect(modes).toEqual(['grid', 'list']);
  });

  it('adds the app menu on macOS and developer tools only when asked', () => {
    const template = buildMenuTemplate({
      platform: 'darwin',
      appName: 'PanDesk',
      actions: { openLogFolder: () => undefined, toggleDevTools: () => undefined },
    });
    expect(template[0]).toEqual({ label: 'PanDesk', role: 'appMenu' });
    expect(find(template, 'Toggle Developer Tools')?.accelerator).toBe('CmdOrCtrl+Alt+I');
  });

  it('toggles the preview pane from View, showing Alt+P without taking the key from the page', () => {
    let toggled = 0;
    const template = buildMenuTemplate({
      platform: 'linux',
      appName: 'PanDesk',
      actions: {
        openLogFolder: () => undefined,
        previewPane: { label: '预览窗格', toggle: () => (toggled += 1) },
      },
    });
    const item = find(template, '预览窗格');
    expect(item).toMatchObject({ accelerator: 'Alt+P', registerAccelerator: false });
    (item?.click as (() => void) | undefined)?.();
    expect(toggled).toBe(1);
  });
});
