import type { FileId } from './common';

/** Facts about the host, and the OS integrations it offers. */

export type HostKind = 'desktop' | 'web';

/**
 * What the host can do; the UI hides or disables features accordingly instead of calling a
 * method that would answer `unsupported`.
 */
export interface HostCapabilities {
  /** `app.startDrag`: drag local files out of the window onto the OS (Electron only). */
  readonly startDrag: boolean;
  /** `app.choosePaths`: native open/choose-folder dialogs. */
  readonly nativeDialogs: boolean;
  /** `app.revealInFolder` and `app.openLogFolder` open the OS file manager. */
  readonly revealInFolder: boolean;
  /** Can keep the computer awake while transfers run. */
  readonly keepAwake: boolean;
  /** `app.openFile` and `app.openDownload`: files open with the OS's default applications. */
  readonly openFiles: boolean;
  /** `app.previewUrl`: the host streams cloud files to the quick preview. */
  readonly preview: boolean;
}

export interface AppInfo {
  readonly name: string;
  /** The app's semantic version, e.g. `0.1.0`. */
  readonly version: string;
  readonly host: HostKind;
  /** Node's `process.platform` of the back end: `win32`, `darwin`, `linux`, ... */
  readonly platform: string;
  /** Node's `process.arch`: `x64`, `arm64`, ... */
  readonly arch: string;
  /** Version strings of the runtime parts, e.g. `{ node: '20.18.0', electron: '45.5.0' }`. */
  readonly versions: Readonly<Record<string, string>>;
  readonly capabilities: HostCapabilities;
}

export interface RevealInFolderInput {
  readonly path: string;
}

/** Most paths one native drag may carry. */
export const MAX_DRAG_PATHS = 1000;

export interface StartDragInput {
  readonly paths: readonly string[];
}

/** `open_files` / `open_folders`: things to upload. `choose_folder`: one destination folder. */
export const CHOOSE_MODES = ['open_files', 'open_folders', 'choose_folder'] as const;

export interface ChoosePathsInput {
  readonly mode: (typeof CHOOSE_MODES)[number];
  readonly title?: string;
  readonly defaultPath?: string;
}

/** Paths the user picked; empty when the dialog was cancelled. */
export interface ChosenPaths {
  readonly paths: readonly string[];
}

/** Input of `app.downloadLink`: the cloud file the browser should save. */
export interface DownloadLinkInput {
  readonly fileId: FileId;
  /**
   * Shown in the browser tab where the browser can show the type (images, audio, video, PDF,
   * text), instead of saved; other types are saved as usual.
   */
  readonly inline?: boolean;
}

/**
 * A link the browser can save one cloud file from (browser host only): a path on the host
 * (`/api/dl/<ticket>`) that works once, for about a minute, and carries no launch key, so
 * the browser's download history and a drag payload hold nothing that outlives the download.
 */
export interface DownloadLink {
  /** Relative to the page's origin. */
  readonly url: string;
  /** Epoch ms after which the link answers 410 even if unused. */
  readonly expiresAt: number;
}

/** Input of `app.previewUrl`: the cloud file the quick preview shows. */
export interface PreviewUrlInput {
  readonly fileId: FileId;
}

/**
 * Where the quick preview reads one cloud file from: a URL of the host (`/api/preview/<grant>`
 * in the browser host, `pandesk-media://preview/<grant>` on the desktop) that answers repeated
 * `Range` requests for that file only, until `expiresAt`. It carries neither the signed CDN URL
 * nor a token; the grant is 128 random bits.
 */
export interface PreviewUrl {
  readonly url: string;
  /** Epoch ms after which the URL answers 410; ask for a new one. */
  readonly expiresAt: number;
}
