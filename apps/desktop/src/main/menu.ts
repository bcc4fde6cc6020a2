import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu as data (Electron's `Menu.buildFromTemplate` input), built from
 * injected actions so a test checks it without Electron. Roles give the usual shortcuts and
 * their platform-correct labels (Cmd on macOS, Ctrl elsewhere) for free.
 */

export interface MenuActions {
  readonly openLogFolder: () => void;
  /** Shown only in development builds (`app.isPackaged === false`). */
  readonly toggleDevTools?: () => void;
  /** View › as Grid / as List: the `viewMode` setting (the window follows `settings:changed`). */
  readonly setViewMode?: (mode: 'grid' | 'list') => void;
  /** View > Preview Pane: shows or hides the file list's preview pane (label in the system language). */
  readonly previewPane?: { readonly label: string; readonly toggle: () => void };
}

export interface MenuOptions {
  readonly platform: string;
  readonly appName: string;
  readonly actions: MenuActions;
}

function viewMenu(actions: MenuActions): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] =
    actions.toggleDevTools === undefined
      ? []
      : [{ label: 'Toggle Developer Tools', accelerator: 'CmdOrCtrl+Alt+I', click: actions.toggleDevTools }];
  const setViewMode = actions.setViewMode;
  // Finder's shortcuts: Cmd+1 icons, Cmd+2 list (the renderer answers them too, for the browser host).
  const modes: MenuItemConstructorOptions[] =
    setViewMode === undefined
      ? []
      : [
          { label: 'as Grid', accelerator: 'CmdOrCtrl+1', click: () => setViewMode('grid') },
          { label: 'as List', accelerator: 'CmdOrCtrl+2', click: () => setViewMode('list') },
          { type: 'separator' },
        ];
  // The page handles Alt+P itself (the browser host has no menu): the menu only shows the key.
  const pane: MenuItemConstructorOptions[] =
    actions.previewPane === undefined
      ? []
      : [
          {
            label: actions.previewPane.label,
            accelerator: 'Alt+P',
            registerAccelerator: false,
            click: actions.previewPane.toggle,
          },
          { type: 'separator' },
        ];
  return {
    label: 'View',
    submenu: [
      ...modes,
      ...pane,
      { role: 'reload' },
      ...dev,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, actions } = options;
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac ? [{ label: appName, role: 'appMenu' }] : [];
  return [
    ...appMenu,
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    viewMenu(actions),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'Open Log Folder', click: actions.openLogFolder }],
    },
  ];
}
