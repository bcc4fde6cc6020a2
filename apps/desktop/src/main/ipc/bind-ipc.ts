import { API_CHANNELS, fail } from '@pandesk/contract';
import type { Result } from '@pandesk/contract';
import type { Dispatch } from '@pandesk/contract/server';
import { checkSender } from '../security/sender';
import type { IpcEventLike, SenderVerdict } from '../security/sender';

/**
 * Binds every channel of the contract's table to `ipcMain.handle`, by looping, so a new API
 * method needs no edit here. Each call is answered only after two checks: the sender is our
 * window's main frame on our own page, and the input passes the channel's schema (done by the
 * contract's dispatcher). Everything is injected, so the test passes a fake `ipcMain`.
 */

/** The slice of Electron's `ipcMain` this binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface BindIpcOptions {
  readonly ipcMain: IpcMainLike;
  /** The contract's dispatcher (validates, calls the handler, always answers a Result). */
  readonly dispatch: Dispatch;
  /** The id of the window's `webContents` now; `undefined` while there is no window. */
  readonly ownContentsId: () => number | undefined;
  /** Told about every refused call, for the log (channel and reason only, never the input). */
  readonly onRefused?: (channel: string, verdict: Exclude<SenderVerdict, { trusted: true }>) => void;
}

/** The answer a refused sender gets; deliberately says nothing about the back end. */
export function refusedResult(channel: string): Result<never> {
  return fail('unsupported', `${channel} may only be called by PanDesk's own window.`, false);
}

/** A call must carry at most one argument (the input); anything more is not from our preload. */
function extraArgs(channel: string): Result<never> {
  return fail('invalid_input', `${channel} takes a single input.`, false);
}

/** Binds all channels; returns a function that removes every handler again. */
export function bindIpc(options: BindIpcOptions): () => void {
  const { ipcMain, dispatch, ownContentsId, onRefused } = options;
  const bound: string[] = [];
  for (const { channel } of API_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args) => {
      const verdict = checkSender(event, ownContentsId());
      if (!verdict.trusted) {
        onRefused?.(channel, verdict);
        return refusedResult(channel);
      }
      if (args.length > 1) return extraArgs(channel);
      return dispatch(channel, args[0]);
    });
    bound.push(channel);
  }
  return () => {
    for (const channel of bound) ipcMain.removeHandler(channel);
  };
}
