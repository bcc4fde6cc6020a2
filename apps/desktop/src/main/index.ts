import * as path from 'node:path';
import { app, ipcMain, Menu, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { createBackend } from '@pandesk/backend';
import type { Backend } from '@pandesk/backend';
import { createDispatcher } from '@pandesk/contract/server';
import type { Dispatch } from '@pandesk/contract/server';
import type { PanDeskApi } from '@pandesk/contract';
import { createDragRoots, DRAG_FOLDERS_FILE } from './adapters/drag-roots';
import { createNativeDrag } from './adapters/native-drag';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createBackendPorts } from './backend-ports';
import { bindIpc } from './ipc/bind-ipc';
import { createDeferredDispatch } from './ipc/deferred-dispatch';
import { forwardEvents } from './ipc/forward-events';
import { buildMenuTemplate } from './menu';
import { guardContents, hardenSession } from './security/session-guard';
import { openAppStore } from './store/app-store';
import type { AppStore } from './store/app-store';
import { createMainWindow } from './window/main-window';

/**
 * The Electron entry: one instance, a hardened session, the `pandesk://` renderer, the back end
 * composed over Electron ports, IPC bound by looping over the contract's channel table, events
 * forwarded to the window. The window opens before the back end is composed (its calls wait
 * for it), and the back end never waits for the network (sign-in runs in the background), so
 * the window shows at once whatever the network does. Bundled to `dist/main/index.cjs`;
 * `__dirname` is `dist/main`.
 */

const DIST = path.join(__dirname, '..');
const PRELOAD = path.join(DIST, 'preload', 'index.cjs');
const RENDERER = path.join(DIST, 'renderer');
const ICON = path.join(__dirname, 'icon.png');

/** Longest wait for the back end to stop on quit, ms. */
const CLOSE_DEADLINE_MS = 5000;

let mainWindow: BrowserWindow | undefined;
let backend: Backend | undefined;

function log(error: unknown, context: string): void {
  if (backend !== undefined) backend.logError(error, context);
  else console.error(`[pandesk] ${context}:`, error instanceof Error ? error.message : String(error));
}

function liveWindow(): BrowserWindow | undefined {
  return mainWindow !== undefined && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

function openWindow(store: AppStore): void {
  mainWindow = createMainWindow({
    preloadPath: PRELOAD,
    iconPath: ICON,
    savedState: store.readWindowState(),
    saveState: (state) => store.writeWindowState(state),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

/** The back end's handlers, with `app.startDrag` replaced by the guarded native drag. */
function desktopHandlers(api: PanDeskApi, startDrag: PanDeskApi['app']['startDrag']): PanDeskApi {
  return { ...api, app: { ...api.app, startDrag } };
}

/** IPC for every channel (sender-checked, validated); calls wait until `ready` gives the dispatcher. */
function bindChannels(ready: Promise<Dispatch>): void {
  bindIpc({
    ipcMain,
    dispatch: createDeferredDispatch(ready),
    ownContentsId: () => liveWindow()?.webContents.id,
    onRefused: (channel, verdict) => log(new Error(`refused ${channel}: ${verdict.reason}`), 'ipc'),
  });
}

/** Every event forwarded to the window, then the dispatcher for the back end's handlers. */
function serveBackend(running: Backend, startDrag: PanDeskApi['app']['startDrag']): Dispatch {
  forwardEvents(running, () => liveWindow()?.webContents);
  return createDispatcher(desktopHandlers(running.api, startDrag), { onError: (e, c) => log(e, c) });
}

function installMenu(running: Backend): void {
  const openLogFolder = (): void => void running.api.app.openLogFolder();
  const devTools = app.isPackaged ? {} : { toggleDevTools: () => liveWindow()?.webContents.toggleDevTools() };
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: 'PanDesk',
    actions: { openLogFolder, ...devTools },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveAppProtocol(RENDERER);
  const store = openAppStore(app.getPath('userData'), (message) => log(new Error(message), 'store'));
  // Drags out of the window take files only from Downloads and folders picked in native dialogs.
  const dragRoots = createDragRoots({
    file: path.join(app.getPath('userData'), DRAG_FOLDERS_FILE),
    fixed: [app.getPath('downloads')],
    legacySettings: () => store.readSettings(),
    onProblem: (message) => log(new Error(message), 'drag roots'),
  });
  const startDrag = createNativeDrag({
    contents: () => liveWindow()?.webContents,
    roots: () => dragRoots.list(),
    fallbackIconPath: ICON,
  });
  const ports = createBackendPorts({
    store,
    window: liveWindow,
    onFolderChosen: (folder) => dragRoots.add(folder),
    startDrag: (input) => startDrag(input).catch((error: unknown) => log(error, 'drag')),
    onVaultProblem: (key) => log(new Error(`stored secret ${key} could not be decrypted`), 'vault'),
  });
  const composing = createBackend(ports);
  bindChannels(
    composing.then((running) => {
      backend = running;
      return serveBackend(running, startDrag);
    }),
  );
  openWindow(store);
  app.on('activate', () => {
    if (liveWindow() === undefined) openWindow(store);
  });
  installMenu(await composing);
}

function main(): void {
  // One profile folder for `electron .` and the installed app alike (Electron would otherwise
  // name it after package.json: "@pandesk/desktop" in development). End-to-end tests give every
  // run its own. Must happen before anything reads paths.
  const userData = process.env.PANDESK_USER_DATA;
  const custom = userData !== undefined && path.isAbsolute(userData);
  app.setPath('userData', custom ? userData : path.join(app.getPath('appData'), 'PanDesk'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) =>
    guardContents(contents, (what) => log(new Error(`blocked ${what}`), 'guard')),
  );
  app.on('second-instance', () => {
    const win = liveWindow();
    if (win === undefined) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || backend === undefined) return;
    closing = true;
    event.preventDefault();
    // Transfers stop and are journaled; never let a stuck close keep the app alive.
    const deadline = new Promise((resolve) => setTimeout(resolve, CLOSE_DEADLINE_MS));
    void Promise.race([backend.close(), deadline]).finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start, (error: unknown) => log(error, 'ready'))
    .catch((error: unknown) => {
      log(error, 'start');
      app.exit(1);
    });
}

main();
