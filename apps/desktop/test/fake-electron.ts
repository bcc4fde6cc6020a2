import { EventEmitter } from 'node:events';
import * as path from 'node:path';

/**
 * A stand-in for the `electron` module, just wide enough to run the real main bundle
 * (dist/main/index.cjs) in plain Node: no Electron binary exists on build machines, and loading
 * the real package there starts a download. Every object records what the app did with it so
 * the test can drive IPC, the protocol and the window like Electron would.
 */

export type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  readonly drags: unknown[] = [];
  windowOpenHandler: Listener | undefined;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  startDrag(item: unknown): void {
    this.drags.push(item);
  }
  toggleDevTools(): void {}
}

export interface FakeElectron {
  readonly module: Record<string, unknown>;
  readonly app: EventEmitter & { quitCalls: number; paths: Record<string, string> };
  readonly ipcHandlers: Map<string, Listener>;
  readonly ipcOnListeners: Map<string, Listener[]>;
  readonly protocolHandlers: Map<string, Listener>;
  readonly privilegedSchemes: unknown[];
  readonly windows: FakeWindow[];
  readonly progress: number[];
  readonly session: { headers?: Listener; request?: Listener; check?: Listener; device?: Listener };
  menu: unknown;
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  bounds = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  progress: number[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  isFullScreen(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  getNormalBounds(): typeof this.bounds {
    return this.bounds;
  }
  setProgressBar(value: number): void {
    this.progress.push(value);
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  /** What Electron does when the user closes the window. */
  close(): void {
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** XOR "encryption" so stored values differ from the plain text and round-trip. */
const KEY = 0x3c;
const xor = (buf: Buffer): Buffer => Buffer.from([...buf].map((b) => b ^ KEY));

export function createFakeElectron(root: string): FakeElectron {
  const paths: Record<string, string> = {};
  for (const name of ['userData', 'logs', 'downloads', 'desktop', 'documents', 'home', 'temp'])
    paths[name] = path.join(root, name);
  const app = Object.assign(new EventEmitter(), { quitCalls: 0, paths });
  const fake: FakeElectron = {
    module: {},
    app,
    ipcHandlers: new Map(),
    ipcOnListeners: new Map(),
    protocolHandlers: new Map(),
    privilegedSchemes: [],
    windows: [],
    progress: [],
    session: {},
    menu: undefined,
  };
  class BrowserWindow extends FakeWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      fake.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }
  class Notification {
    static isSupported = (): boolean => false;
    on(): void {}
    show(): void {}
  }
  Object.assign(fake.module, {
    app: Object.assign(app, {
      isPackaged: false,
      setPath: (name: string, value: string) => (paths[name] = value),
      getPath: (name: string) => paths[name] ?? path.join(root, name),
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      quit: () => {
        app.quitCalls += 1;
        app.emit('before-quit', { preventDefault: () => undefined });
      },
      exit: () => undefined,
      getFileIcon: async () => ({ isEmpty: () => false }),
    }),
    ipcMain: {
      handle: (channel: string, listener: Listener) => fake.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
      on: (channel: string, listener: Listener) =>
        fake.ipcOnListeners.set(channel, [...(fake.ipcOnListeners.get(channel) ?? []), listener]),
      removeAllListeners: (channel: string) => fake.ipcOnListeners.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (h: Listener) => (fake.session.headers = h) },
        setPermissionRequestHandler: (h: Listener) => (fake.session.request = h),
        setPermissionCheckHandler: (h: Listener) => (fake.session.check = h),
        setDevicePermissionHandler: (h: Listener) => (fake.session.device = h),
      },
    },
    BrowserWindow,
    Notification,
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (fake.menu = m) },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    shell: { showItemInFolder: () => undefined, openPath: async () => '' },
    powerSaveBlocker: { start: () => 1, stop: () => true, isStarted: () => false },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => xor(Buffer.from(text, 'utf8')),
      decryptString: (buf: Buffer) => xor(buf).toString('utf8'),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    nativeImage: { createFromPath: () => ({ isEmpty: () => false }) },
  });
  return fake;
}
