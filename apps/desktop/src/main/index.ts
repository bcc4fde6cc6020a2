import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { app, clipboard, dialog, ipcMain, Menu, powerMonitor, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { createBackend } from '@pandesk/backend';
import type { Backend } from '@pandesk/backend';
import { createDispatcher } from '@pandesk/contract/server';
import type { Dispatch } from '@pandesk/contract/server';
import type { PanDeskApi } from '@pandesk/contract';
import identity from '../../app-identity.json';
import { createDragRoots, DRAG_FOLDERS_FILE } from './adapters/drag-roots';
import { createNativeDrag } from './adapters/native-drag';
import { registerAppScheme, serveAppProtocol, serveMediaProtocol } from './app-protocol';
import { createBackendPorts } from './backend-ports';
import { bindIpc } from './ipc/bind-ipc';
import { bindClipboard } from './ipc/clipboard-ipc';
import { createDeferredDispatch } from './ipc/deferred-dispatch';
import { forwardEvents } from './ipc/forward-events';
import { createDesktopPreview, togglePreviewPane } from './desktop-preview';
import { buildMenuTemplate } from './menu';
import { clearStaleJournalOwners } from './platform/journal-owners';
import { nativeLanguage, nativeText } from './platform/native-text';
import type { NativeText } from './platform/native-text';
import { reportStartupFailure } from './platform/startup-failure';
import { explainSandbox, openVault } from './platform/start-dialogs';
import type { StartDialogDeps } from './platform/start-dialogs';
import { startUpdateChecks } from './platform/updates';
import { guardContents, hardenSession } from './security/session-guard';
import { openAppStore } from './store/app-store';
import type { AppStore } from './store/app-store';
import { createMainWindow } from './window/main-window';
import { createSyncTray } from './tray/sync-tray';
import type { SyncTray } from './tray/sync-tray';
import { keepsRunning } from './tray/tray-menu';
import { trayText } from './tray/tray-text';
import type { SyncPairView } from '@pandesk/contract';

/**
 * The Electron entry: one instance, a hardened session, the `pandesk://` renderer, the back end
 * composed over Electron ports, IPC bound by looping over the contract's channel table, events
 * forwarded to the window. The window opens before the back end is composed (its calls wait
 * for it), and the back end never waits for the network (sign-in runs in the background), so
 * the window shows at once whatever the network does. A failure to start is written to a file
 * and shown in a box before the app exits. Bundled to `dist/main/index.cjs`; `__dirname` is
 * `dist/main`.
 */

const DIST = path.join(__dirname, '..');
const PRELOAD = path.join(DIST, 'preload', 'index.cjs');
const RENDERER = path.join(DIST, 'renderer');
const ICON = path.join(__dirname, 'icon.png');
/** 32 px with a @2x twin: the image under the pointer when the OS has no icon for a file. */
const DRAG_ICON = path.join(__dirname, 'drag.png');
const NATIVE = path.join(__dirname, 'native');

/** Longest wait for the back end to stop on quit, ms. */
const CLOSE_DEADLINE_MS = 5000;

let mainWindow: BrowserWindow | undefined;
let backend: Backend | undefined;
let text: NativeText = nativeText('en');
let tray: SyncTray | undefined;
/** The sync pairs as last announced (the tray shows them; they keep the app running). */
let syncPairs: readonly SyncPairView[] = [];

function log(error: unknown, context: string): void {
  if (backend !== undefined) backend.logError(error, context);
  else console.error(`[pandesk] ${context}:`, error instanceof Error ? error.message : String(error));
}

function liveWindow(): BrowserWindow | undefined {
  return mainWindow !== undefined && !mainWindow.isDestroyed() ? mainWindow : undefined;
}

function openWindow(store: AppStore): BrowserWindow {
  const win = createMainWindow({
    preloadPath: PRELOAD,
    iconPath: ICON,
    savedState: store.readWindowState(),
    saveState: (state) => store.writeWindowState(state),
    onLoadFailed: (error) => log(error, 'window load'),
  });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  // Windows ends apps at shutdown without `before-quit`: start stopping the transfers (they are
  // journaled) as soon as the session asks to end.
  win.on('query-session-end', () => void closeBackend());
  return win;
}

/** Brings the window to the front, opening it again when it was closed (macOS keeps running). */
function showWindow(store: AppStore): void {
  const win = liveWindow() ?? openWindow(store);
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** The quick preview's grants and `pandesk-media://` handler. */
const preview = createDesktopPreview();

/**
 * The back end's handlers, with `app.startDrag` replaced by the guarded native drag and
 * `app.previewUrl` answered with `pandesk-media://` grants.
 */
function desktopHandlers(api: PanDeskApi, startDrag: PanDeskApi['app']['startDrag']): PanDeskApi {
  return preview.wrap({ ...api, app: { ...api.app, startDrag } });
}

/** IPC for every channel (sender-checked, validated); calls wait until `ready` gives the dispatcher. */
function bindChannels(ready: Promise<Dispatch>): void {
  bindIpc({
    ipcMain,
    dispatch: createDeferredDispatch(ready),
    ownContentsId: () => liveWindow()?.webContents.id,
    onRefused: (channel, verdict) => log(new Error(`refused ${channel}: ${verdict.reason}`), 'ipc'),
  });
  bindClipboard({
    ipcMain,
    clipboard,
    ownContentsId: () => liveWindow()?.webContents.id,
    onRefused: (channel, verdict) => log(new Error(`refused ${channel}: ${verdict.reason}`), 'ipc'),
  });
}

/** Every event forwarded to the window, then the dispatcher for the back end's handlers. */
function serveBackend(running: Backend, startDrag: PanDeskApi['app']['startDrag']): Dispatch {
  forwardEvents(running, () => liveWindow()?.webContents);
  preview.attach(running);
  return createDispatcher(desktopHandlers(running.api, startDrag), { onError: (e, c) => log(e, c) });
}

/** The tray icon: sync pairs at a glance, with the window closed too. */
function installTray(running: Backend, store: AppStore): void {
  try {
    tray = createSyncTray(ICON, trayText(nativeLanguage(app.getLocale())), {
      open: () => showWindow(store),
      pauseAll: (paused) => void running.api.sync.pauseAll({ paused }),
      quit: () => app.quit(),
    });
  } catch (error) {
    log(error, 'tray');
    return;
  }
  const show = (pairs: readonly SyncPairView[]): void => {
    syncPairs = pairs;
    tray?.update(pairs);
  };
  running.on('sync:changed', (change) => show(change.pairs));
  void running.api.sync.list().then((r) => r.ok && show(r.value));
}

function installMenu(running: Backend): void {
  const openLogFolder = (): void => void running.api.app.openLogFolder();
  const devTools = app.isPackaged ? {} : { toggleDevTools: () => liveWindow()?.webContents.toggleDevTools() };
  const previewPane = { label: text.previewPane, toggle: () => void togglePreviewPane(running.api) };
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: identity.productName,
    actions: {
      openLogFolder,
      setViewMode: (viewMode) => void running.api.settings.update({ viewMode }),
      previewPane,
      ...devTools,
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** What the start-up dialogs need from this module's state. */
function dialogDeps(store: AppStore): StartDialogDeps {
  return { store, text: () => text, window: liveWindow, log };
}

let closing: Promise<void> | undefined;

/** Stops the back end (transfers journaled) once, within the deadline; never rejects. */
function closeBackend(): Promise<void> {
  if (backend === undefined) return Promise.resolve();
  const running = backend;
  closing ??= new Promise<void>((resolve) => {
    const deadline = setTimeout(resolve, CLOSE_DEADLINE_MS);
    running
      .close()
      .catch((error: unknown) => log(error, 'close'))
      .finally(() => {
        clearTimeout(deadline);
        tray?.destroy();
        tray = undefined;
        resolve();
      });
  });
  return closing;
}

async function start(): Promise<void> {
  text = nativeText(nativeLanguage(app.getLocale()));
  hardenSession(session.defaultSession);
  serveAppProtocol(RENDERER);
  serveMediaProtocol(preview.handler);
  const store = openAppStore(app.getPath('userData'), (message) => log(new Error(message), 'store'));
  // The single-instance lock is held: owner files naming another pid are left from a shutdown.
  for (const name of clearStaleJournalOwners(app.getPath('userData'), process.pid))
    log(new Error(`removed the stale owner file ${name}`), 'journal');
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
    fallbackIconPath: DRAG_ICON,
  });
  openWindow(store);
  app.on('activate', () => {
    if (liveWindow() === undefined) openWindow(store);
  });
  const composing = openVault(dialogDeps(store), NATIVE).then((vault) =>
    createBackend(
      createBackendPorts({
        store,
        vault,
        window: liveWindow,
        showWindow: () => showWindow(store),
        onFolderChosen: (folder) => dragRoots.add(folder),
        startDrag: (input) => startDrag(input).catch((error: unknown) => log(error, 'drag')),
      }),
    ),
  );
  bindChannels(
    composing.then((running) => {
      backend = running;
      return serveBackend(running, startDrag);
    }),
  );
  const running = await composing;
  installMenu(running);
  installTray(running, store);
  explainSandbox(dialogDeps(store));
  startUpdateChecks({
    isPackaged: app.isPackaged,
    feedFile: app.isPackaged ? path.join(process.resourcesPath, 'app-update.yml') : '',
    exists: existsSync,
    updater: () => autoUpdater,
    log,
    every: (ms, run) => setInterval(run, ms),
  });
}

function failStart(error: unknown, context: string): void {
  reportStartupFailure(
    {
      logsDir: () => {
        const dir = app.getPath('logs');
        mkdirSync(dir, { recursive: true });
        return dir;
      },
      writeFile: (file, contents) => writeFileSync(file, contents, { flag: 'a' }),
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      exit: (code) => app.exit(code),
      now: () => new Date(),
      text,
    },
    error,
    context,
  );
}

function main(): void {
  // One profile folder for `electron .` and the installed app alike. End-to-end tests give every
  // run its own. Must happen before anything reads paths.
  const userData = process.env.PANDESK_USER_DATA;
  const custom = userData !== undefined && path.isAbsolute(userData);
  app.setPath('userData', custom ? userData : path.join(app.getPath('appData'), identity.productName));
  // The Start-menu shortcuts NSIS makes carry the appId as their AppUserModelID; the running app
  // must use the same one, or Windows drops its toasts and shows a second taskbar button.
  if (process.platform === 'win32') app.setAppUserModelId(identity.appId);
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
    if (win === undefined) {
      // Running in the tray with the window closed: a second launch brings the window back.
      if (tray !== undefined) app.emit('activate');
      return;
    }
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    // Sync pairs that are not paused keep running in the tray with the window closed.
    if (tray !== undefined && keepsRunning(syncPairs)) return;
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || backend === undefined) return;
    quitting = true;
    event.preventDefault();
    void closeBackend().then(() => app.quit());
  });
  app
    .whenReady()
    .then(() => {
      // Linux and macOS announce a shutdown here (Windows through the window's session events).
      powerMonitor.on('shutdown', () => app.quit());
      return start();
    })
    .catch((error: unknown) => failStart(error, 'start'));
}

try {
  main();
} catch (error) {
  failStart(error, 'main');
}
