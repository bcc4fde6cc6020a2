import type { FileId } from './common';

/**
 * Opening files with the computer's own applications (desktop host). A cloud file is fetched
 * into a per-account cache through the transfer queue, verified like any download, then handed
 * to the OS; an unchanged file (same MD5) opens from the cache without new traffic.
 */

/** Input of `app.openFile`: the cloud file to open. */
export interface OpenFileInput {
  readonly fileId: FileId;
}

export interface OpenedFile {
  /** The local copy the OS application received. */
  readonly path: string;
  /** True when the cached copy was still current: nothing was downloaded. */
  readonly fromCache: boolean;
}

/** What the open cache holds now, and its limit (the `openCacheLimitMb` setting). */
export interface OpenCacheInfo {
  readonly files: number;
  readonly bytes: number;
  readonly limitBytes: number;
}

/** Input of `app.openDownload`: a finished download of the transfer list. */
export interface OpenDownloadInput {
  readonly transferId: string;
  /** `open`: with its default application; `reveal`: selected in the file manager. */
  readonly how: 'open' | 'reveal';
}

/** Smallest and largest open cache accepted, in MiB; files larger than the limit are not cached. */
export const MIN_OPEN_CACHE_MB = 16;
export const MAX_OPEN_CACHE_MB = 1024 * 1024;

/** Raster image formats Chromium decodes (an `<img>`, a tab, a canvas). */
export const BROWSER_RASTER_IMAGES: readonly string[] = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'avif'];
/** Video containers Chromium plays. */
export const BROWSER_VIDEOS: readonly string[] = ['mp4', 'm4v', 'webm'];
/** Audio formats Chromium plays. */
export const BROWSER_AUDIO: readonly string[] = ['mp3', 'm4a', 'ogg', 'oga', 'opus', 'wav', 'flac'];

/**
 * Extensions a browser tab shows (`app.downloadLink` with `inline`): raster images, audio,
 * video, PDF and plain text. The browser host serves these inline and saves everything else,
 * and the UI opens a tab only for these (other types are saved without an empty tab).
 */
export const TAB_VIEWABLE_EXTENSIONS: readonly string[] = [
  ...BROWSER_RASTER_IMAGES,
  ...BROWSER_VIDEOS,
  ...BROWSER_AUDIO,
  'pdf',
  'txt',
  'md',
  'markdown',
  'log',
  'csv',
  'json',
  'js',
  'ts',
  'py',
  'css',
  'yaml',
  'yml',
];
