import { fail, ok } from '@pandesk/contract';
import type { Result } from '@pandesk/contract';
import { CLIPBOARD_CHANNEL, MAX_CLIPBOARD_CHARS } from '../../common/host-channels';
import { checkSender } from '../security/sender';
import type { SenderVerdict } from '../security/sender';
import { refusedResult } from './bind-ipc';
import type { IpcMainLike } from './bind-ipc';

/**
 * The clipboard for the renderer: one `ipcMain.handle` that writes a text with Electron's
 * `clipboard` for our own window only (the same sender check as the contract's channels), so
 * the page needs no clipboard permission (the session denies every permission request).
 * Everything is injected, so the test passes fakes.
 */

/** The slice of Electron's `clipboard` used. */
export interface ClipboardLike {
  writeText(text: string): void;
}

export interface BindClipboardOptions {
  readonly ipcMain: IpcMainLike;
  readonly clipboard: ClipboardLike;
  /** The id of the window's `webContents` now; `undefined` while there is no window. */
  readonly ownContentsId: () => number | undefined;
  /** Told about every refused call (the reason only, never the text). */
  readonly onRefused?: (channel: string, verdict: Exclude<SenderVerdict, { trusted: true }>) => void;
}

/** Binds the clipboard channel; returns the function that removes it again. */
export function bindClipboard(options: BindClipboardOptions): () => void {
  const { ipcMain } = options;
  ipcMain.handle(CLIPBOARD_CHANNEL, async (event, ...args): Promise<Result<null>> => {
    const verdict = checkSender(event, options.ownContentsId());
    if (!verdict.trusted) {
      options.onRefused?.(CLIPBOARD_CHANNEL, verdict);
      return refusedResult(CLIPBOARD_CHANNEL);
    }
    const [text] = args;
    if (args.length !== 1 || typeof text !== 'string')
      return fail('invalid_input', `${CLIPBOARD_CHANNEL} takes one text.`, false);
    if (text.length > MAX_CLIPBOARD_CHARS)
      return fail(
        'invalid_input',
        `${CLIPBOARD_CHANNEL}: the text is longer than ${MAX_CLIPBOARD_CHARS} characters.`,
        false,
      );
    options.clipboard.writeText(text);
    return ok(null);
  });
  return () => ipcMain.removeHandler(CLIPBOARD_CHANNEL);
}
