import { app, dialog, Notification, powerSaveBlocker, session, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import type { BackendPaths, BackendPorts, PlatformHooks } from '@pandesk/backend';
import type { StartDragInput } from '@pandesk/contract';
import { createDialogMemory } from './adapters/dialog-folders';
import { openDialogOptions } from './adapters/dialog-options';
import { createKeepAwake } from './adapters/keep-awake';
import { createNotifier } from './adapters/notifier';
import type { DesktopVault } from './adapters/secret-vault';
import { createSessionFetch } from './adapters/session-fetch';
import { createTaskbarProgress } from './adapters/taskbar-progress';
import type { AppStore } from './store/app-store';

/**
 * Implements the back end's ports with Electron: electron-store for settings, the OS keychain
 * for secrets (opened by the caller, see `secret-vault.ts`), Chromium's network stack for the
 * service and its CDN, and the OS hooks (notifications, taskbar progress, keep-awake,
 * reveal/open, native drag, dialogs). Electron-touching glue only; the logic lives in the
 * adapters it composes.
 */

/** The in-memory session the back end's requests use: the system proxy, no disk cache, no cookies kept. */
export const NETWORK_PARTITION = 'pandesk-network';

export interface PortDeps {
  readonly store: AppStore;
  readonly vault: DesktopVault;
  readonly window: () => BrowserWindow | undefined;
  /** Brings the window to the front, opening it again when it was closed. */
  readonly showWindow: () => void;
  /** The checked native drag (see `native-drag.ts`); errors are logged by the caller. */
  readonly startDrag: (input: StartDragInput) => Promise<unknown>;
  /** Told about every folder picked in a `choose_folder` dialog (a download target). */
  readonly onFolderChosen: (folder: string) => void;
}

function tryPath(name: Parameters<typeof app.getPath>[0]): string | undefined {
  try {
    return app.getPath(name);
  } catch {
    return undefined;
  }
}

export function backendPaths(): BackendPaths {
  const desktop = tryPath('desktop');
  const documents = tryPath('documents');
  const home = tryPath('home');
  return {
    userData: app.getPath('userData'),
    logs: app.getPath('logs'),
    downloads: app.getPath('downloads'),
    ...(desktop === undefined ? {} : { desktop }),
    ...(documents === undefined ? {} : { documents }),
    ...(home === undefined ? {} : { home }),
  };
}

function platformHooks(deps: PortDeps): PlatformHooks {
  const keepAwake = createKeepAwake(powerSaveBlocker);
  const dialogs = createDialogMemory({
    read: deps.store.readDialogFolders,
    write: deps.store.writeDialogFolders,
  });
  return {
    notify: createNotifier(
      { isSupported: () => Notification.isSupported(), create: (o) => new Notification(o) },
      deps.showWindow,
    ),
    setProgress: createTaskbarProgress(deps.window),
    keepAwake: (on) => keepAwake.set(on),
    revealInFolder: async (p) => shell.showItemInFolder(p),
    openPath: async (p) => {
      const problem = await shell.openPath(p);
      if (problem !== '') throw new Error(`The system could not open it: ${problem}`);
    },
    startDrag: (paths) => void deps.startDrag({ paths: [...paths] }),
    choosePaths: async (input) => {
      const win = deps.window();
      const options = openDialogOptions(dialogs.withDefault(input));
      const result =
        win === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(win, options);
      const paths = result.canceled ? [] : result.filePaths;
      dialogs.remember(input.mode, paths);
      if (input.mode === 'choose_folder') for (const folder of paths) deps.onFolderChosen(folder);
      return { paths };
    },
  };
}

export function createBackendPorts(deps: PortDeps): BackendPorts {
  return {
    host: 'electron',
    settingsStore: {
      load: async () => deps.store.readSettings(),
      save: async (doc) => deps.store.writeSettings(doc),
    },
    secretVault: deps.vault,
    // The service and its CDN through Chromium (system proxy incl. PAC/WPAD, OS certificates);
    // the explicit proxy setting keeps the back end's own agent (see session-fetch.ts).
    fetch: createSessionFetch(() => session.fromPartition(NETWORK_PARTITION)),
    platform: platformHooks(deps),
    paths: backendPaths(),
    app: {
      name: 'PanDesk',
      version: app.getVersion(),
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
    },
    env: process.env,
  };
}
