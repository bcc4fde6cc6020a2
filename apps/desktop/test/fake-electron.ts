import { EventEmitter } from 'node:events';
import * as path from 'node:path';
import {
  createFakeSafeStorage,
  createFakeSession,
  createNotificationClass,
  fakeNativeImage,
  createTrayClass,
  requireReady,
} from './fake-electron-services';
import type { FakeSessionRequest, SafeStorageOptions } from './fake-electron-services';

/**
 * A stand-in for the `electron` module, wide enough to run the real main bundle
 * (dist/main/index.cjs) in plain Node: no Electron binary exists on build machines, and loading
 * the real package there starts a download. Every object records what the app did with it, and
 * refuses what Electron refuses: windows, sessions, notifications and the power monitor before
 * `ready`; privileged schemes after it; any call on a destroyed window or web contents;
 * Windows-only calls on other platforms. IPC answers and sent events go through
 * `structuredClone`, as Electron serialises them, so a function or class instance in an answer
 * fails here as it would there.
 */

export type Listener = (...args: never[]) => unknown;

/** Electron's message for a call on a destroyed window or web contents. */
const DESTROYED = 'Object has been destroyed';

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  readonly drags: unknown[] = [];
  windowOpenHandler: Listener | undefined;
  destroyed = false;
  private live(): void {
    if (this.destroyed) throw new TypeError(DESTROYED);
  }
  send(channel: string, payload: unknown): void {
    this.live();
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  startDrag(item: { file: string; icon: { isEmpty(): boolean } }): void {
    this.live();
    // Electron (macOS) refuses an empty drag image.
    if (item.icon.isEmpty()) throw new Error("Must specify non-empty 'icon' option");
    this.drags.push(item);
  }
  toggleDevTools(): void {
    this.live();
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  /** What happened to the window, in order ("maximize", "show", "ready-to-show"). */
  readonly calls: string[] = [];
  bounds = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  progress: number[] = [];
  /** Set to make `loadURL` reject like a failed navigation. */
  loadError: Error | undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  private live(what: string): void {
    if (this.destroyed) throw new TypeError(DESTROYED);
    this.calls.push(what);
  }
  loadURL(url: string): Promise<void> {
    this.live('loadURL');
    this.loaded.push(url);
    if (this.loadError !== undefined) return Promise.reject(this.loadError);
    // The first paint follows the load, as in Electron.
    setImmediate(() => {
      if (this.destroyed) return;
      this.calls.push('ready-to-show');
      this.emit('ready-to-show');
    });
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    this.live('isMinimized');
    return false;
  }
  isFullScreen(): boolean {
    this.live('isFullScreen');
    return false;
  }
  isMaximized(): boolean {
    this.live('isMaximized');
    return this.maximized;
  }
  maximize(): void {
    this.live('maximize');
    this.maximized = true;
  }
  getNormalBounds(): typeof this.bounds {
    this.live('getNormalBounds');
    return this.bounds;
  }
  setProgressBar(value: number): void {
    this.live('setProgressBar');
    this.progress.push(value);
  }
  show(): void {
    this.live('show');
  }
  focus(): void {
    this.live('focus');
  }
  restore(): void {
    this.live('restore');
  }
  /** What Electron does when the user closes the window. */
  close(): void {
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export interface FakeElectronOptions {
  /** `process.platform` the fake pretends to be (Windows-only calls exist only for 'win32'). */
  readonly platform?: string;
  readonly safeStorage?: SafeStorageOptions;
  readonly notificationsSupported?: boolean;
  readonly switches?: readonly string[];
}

export function createFakeElectron(root: string, options: FakeElectronOptions = {}) {
  const platform = options.platform ?? process.platform;
  const paths: Record<string, string> = {};
  for (const name of ['userData', 'logs', 'downloads', 'desktop', 'documents', 'home', 'temp', 'appData'])
    paths[name] = path.join(root, name);
  let ready = false;
  const readiness = { isReady: () => ready };
  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    exitCodes: [] as number[],
    paths,
    userModelIds: [] as string[],
  });
  const notifications: EventEmitter[] = [];
  const trays: EventEmitter[] = [];
  const sessionRequests: FakeSessionRequest[] = [];
  const messageBoxes: Array<{ message: string; detail?: string; buttons?: string[] }> = [];
  const fake = {
    module: {} as Record<string, unknown>,
    app,
    ipcHandlers: new Map<string, Listener>(),
    ipcOnListeners: new Map<string, Listener[]>(),
    protocolHandlers: new Map<string, Listener>(),
    privilegedSchemes: [] as unknown[],
    windows: [] as FakeWindow[],
    session: {} as { headers?: Listener; request?: Listener; check?: Listener; device?: Listener },
    sessionRequests,
    notifications,
    trays,
    messageBoxes,
    /** The answer `dialog.showMessageBox` gives (button index). */
    messageBoxResponse: 0,
    errorBoxes: [] as Array<{ title: string; content: string }>,
    /** Paths handed to `shell.openPath` and `shell.showItemInFolder`, in order. */
    opened: [] as string[],
    revealed: [] as string[],
    powerMonitor: new EventEmitter(),
    menu: undefined as unknown,
    /** Calls a bound IPC handler as a renderer would; the answer is cloned like Electron's. */
    async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
      const handler = fake.ipcHandlers.get(channel);
      if (handler === undefined) throw new Error(`${channel} is not bound`);
      return structuredClone(await (handler as (...a: unknown[]) => unknown)(event, ...args));
    },
  };
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: Record<string, unknown>) {
      requireReady(readiness, 'BrowserWindow');
      super(windowOptions);
      fake.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  const defaultSession = {
    webRequest: { onHeadersReceived: (h: Listener) => (fake.session.headers = h) },
    setPermissionRequestHandler: (h: Listener) => (fake.session.request = h),
    setPermissionCheckHandler: (h: Listener) => (fake.session.check = h),
    setDevicePermissionHandler: (h: Listener) => (fake.session.device = h),
  };
  const partitions = new Map<string, ReturnType<typeof createFakeSession>>();
  const switches = new Set(options.switches ?? []);
  const appApi: Record<string, unknown> = {
    isPackaged: false,
    commandLine: { hasSwitch: (name: string) => switches.has(name) },
    setPath: (name: string, value: string) => (paths[name] = value),
    getPath: (name: string) => paths[name] ?? path.join(root, name),
    getVersion: () => '0.1.0',
    getLocale: () => 'en-US',
    isReady: () => ready,
    requestSingleInstanceLock: () => true,
    whenReady: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          ready = true;
          resolve();
        }),
      ),
    quit: () => {
      app.quitCalls += 1;
      app.emit('before-quit', { preventDefault: () => undefined });
    },
    exit: (code: number) => app.exitCodes.push(code),
    getFileIcon: async () => fakeNativeImage.createEmpty(),
  };
  // Windows-only in Electron: elsewhere the method does not exist.
  if (platform === 'win32') appApi.setAppUserModelId = (id: string) => app.userModelIds.push(id);
  Object.assign(fake.module, {
    app: Object.assign(app, appApi),
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (fake.ipcHandlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        fake.ipcHandlers.set(channel, listener);
      },
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
      on: (channel: string, listener: Listener) =>
        fake.ipcOnListeners.set(channel, [...(fake.ipcOnListeners.get(channel) ?? []), listener]),
      removeAllListeners: (channel: string) => fake.ipcOnListeners.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        if (ready)
          throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        fake.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: Listener) => {
        requireReady(readiness, 'protocol.handle');
        fake.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      get defaultSession() {
        requireReady(readiness, 'session');
        return defaultSession;
      },
      fromPartition: (name: string) => {
        requireReady(readiness, 'session');
        if (!partitions.has(name)) partitions.set(name, createFakeSession(readiness, sessionRequests));
        return partitions.get(name);
      },
    },
    BrowserWindow,
    Notification: createNotificationClass(
      readiness,
      notifications,
      () => options.notificationsSupported ?? true,
    ),
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (fake.menu = m) },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async (...args: unknown[]) => {
        const box = args[args.length - 1] as { message: string; detail?: string; buttons?: string[] };
        messageBoxes.push(box);
        return { response: fake.messageBoxResponse, checkboxChecked: false };
      },
      showErrorBox: (title: string, content: string) => fake.errorBoxes.push({ title, content }),
    },
    shell: {
      showItemInFolder: (p: string) => void fake.revealed.push(p),
      openPath: async (p: string) => (fake.opened.push(p), ''),
    },
    powerSaveBlocker: { start: () => 1, stop: () => true, isStarted: () => false },
    safeStorage: createFakeSafeStorage(readiness, { platform, ...options.safeStorage }),
    nativeImage: fakeNativeImage,
    Tray: createTrayClass(readiness, trays),
  });
  Object.defineProperty(fake.module, 'powerMonitor', {
    enumerable: true,
    get: () => {
      requireReady(readiness, 'powerMonitor');
      return fake.powerMonitor;
    },
  });
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
