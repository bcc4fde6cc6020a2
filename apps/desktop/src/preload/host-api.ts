import { createApiProxy, isEventName, isResult } from '@pandesk/contract';
import type { PanDeskBridge } from '@pandesk/contract';
import { CLIPBOARD_CHANNEL } from '../common/host-channels';

/**
 * What the preload exposes, built from injected Electron pieces so it is tested without
 * Electron: the contract bridge (every channel of the table, nothing else) and the host
 * functions the UI's HostAdapter needs (dropped `File` → path, native drag out).
 */

/** The slice of `ipcRenderer` used. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  off(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** Exposed as `window.pandeskHost`. */
export interface PanDeskHostApi {
  /** The local path of a dropped or picked `File` (`''` for files that have none). */
  pathForFile(file: File): string;
  /** Starts a native drag of local files; call from a `dragstart` handler. */
  startDrag(paths: readonly string[]): Promise<unknown>;
  /** Puts a text on the system clipboard (the main process's `clipboard`); rejects when refused. */
  writeClipboard(text: string): Promise<void>;
}

export function createBridge(ipc: IpcRendererLike): PanDeskBridge {
  return createApiProxy({
    invoke: (channel, input) => (input === undefined ? ipc.invoke(channel) : ipc.invoke(channel, input)),
    on: (event, listener) => {
      // Only the contract's events: the page cannot listen on arbitrary IPC channels.
      if (!isEventName(event)) return () => undefined;
      const forward = (_event: unknown, payload: unknown): void => listener(payload as never);
      ipc.on(event, forward);
      return () => {
        ipc.off(event, forward);
      };
    },
  });
}

export function createHostApi(
  bridge: PanDeskBridge,
  getPathForFile: (file: File) => string,
  ipc: Pick<IpcRendererLike, 'invoke'>,
): PanDeskHostApi {
  return {
    pathForFile: (file) => getPathForFile(file),
    startDrag: (paths) => bridge.app.startDrag({ paths: [...paths] }),
    async writeClipboard(text) {
      const answer = await ipc.invoke(CLIPBOARD_CHANNEL, String(text));
      if (!isResult(answer) || !answer.ok)
        throw new Error(
          isResult(answer) && !answer.ok ? answer.error.message : 'The clipboard could not be written.',
        );
    },
  };
}
