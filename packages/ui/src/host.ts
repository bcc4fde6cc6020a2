/**
 * What the UI needs from the page that hosts it, beyond the contract bridge. Implemented by
 * apps/desktop (preload: Electron webUtils, native dialogs, startDrag) and apps/web (browser:
 * staging uploads on the host, <input type=file>, browser downloads). Everything optional is
 * feature-detected: the UI hides or disables what a host cannot do.
 */
export interface HostAdapter {
  kind: 'electron' | 'web';
  /**
   * Turn dropped/picked entries into local paths the back end can read (Electron: webUtils
   * paths; web: streams bytes to the host's staging folder, keeping folder structure).
   * Top-level dropped folders must come back as one path each (the back end walks them).
   * Called synchronously inside the drop handler: browsers empty `items` once the handler
   * returns, so read them (e.g. `webkitGetAsEntry()`) before the first `await`.
   */
  stageFiles(input: { files: File[]; items?: DataTransferItemList | null }): Promise<string[]>;
  /** Pick files or a folder to upload (web: <input type=file [webkitdirectory]>; Electron: native dialog via api.app.choosePaths). Empty when cancelled. */
  pickForUpload?(mode: 'files' | 'folder'): Promise<string[]>;
  /** Drag local files out of the window (Electron startDrag). Must be called during dragstart. */
  startDrag?(paths: string[]): void;
  /**
   * The browser may save cloud files itself (web host): the UI asks `app.downloadLink` for a
   * single-use link per file and lets the browser open it ("Save to…", drag out of the window).
   */
  browserDownloads?: boolean;
  /**
   * Puts text on the system clipboard (Electron: the main process's clipboard through the
   * preload; web: the browser's clipboard API). Rejects when the host could not.
   */
  writeClipboard?(text: string): Promise<void>;
}
