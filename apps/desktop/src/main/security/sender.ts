import { isAppUrl } from '../app-url';

/**
 * Who may talk to the back end: only the main frame of our own window, showing our own page.
 * The checks use the shape of Electron's `IpcMainInvokeEvent` without importing Electron, so
 * they are unit-tested with plain objects.
 */

/** The parts of a `WebFrameMain` the check reads. */
export interface FrameLike {
  readonly url: string;
  /** `null` for a top-level frame. */
  readonly parent: unknown;
}

/** The parts of an `IpcMainInvokeEvent` the check reads. */
export interface IpcEventLike {
  readonly sender: { readonly id: number };
  /** `null` when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: FrameLike | null;
}

/** Why a sender was refused; logged (never shown to the page). */
export type SenderVerdict =
  | { readonly trusted: true }
  | {
      readonly trusted: false;
      readonly reason: 'no_window' | 'other_contents' | 'no_frame' | 'sub_frame' | 'foreign_url';
    };

/**
 * @param ownContentsId the id of our window's `webContents`, or `undefined` while no window
 *   exists (every sender is then refused).
 */
export function checkSender(event: IpcEventLike, ownContentsId: number | undefined): SenderVerdict {
  if (ownContentsId === undefined) return { trusted: false, reason: 'no_window' };
  if (event.sender.id !== ownContentsId) return { trusted: false, reason: 'other_contents' };
  const frame = event.senderFrame;
  if (frame === null) return { trusted: false, reason: 'no_frame' };
  if (frame.parent !== null) return { trusted: false, reason: 'sub_frame' };
  if (!isAppUrl(frame.url)) return { trusted: false, reason: 'foreign_url' };
  return { trusted: true };
}
