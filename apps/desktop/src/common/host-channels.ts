/**
 * IPC channels of the desktop host itself, outside the contract's table: what the UI's
 * HostAdapter needs from the main process that is not a back-end call.
 */

/** Puts one text on the system clipboard (Electron's `clipboard` in the main process). */
export const CLIPBOARD_CHANNEL = 'host:clipboard-write';

/** Longest text accepted for the clipboard: links and their codes are far shorter. */
export const MAX_CLIPBOARD_CHARS = 64 * 1024;
