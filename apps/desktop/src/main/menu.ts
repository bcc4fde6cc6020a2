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
  return {
    label: 'View',
    submenu: [
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
