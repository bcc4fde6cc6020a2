import { BROWSER_AUDIO, BROWSER_RASTER_IMAGES, BROWSER_VIDEOS } from '@pandesk/contract';
import type { FileEntry } from '@pandesk/contract';
import { fileTypeOf } from './file-types';
import { extensionOf } from './sort';

/**
 * Which viewer of the quick preview shows a file, by its type. Only types Chromium shows
 * itself: raster images and SVG (through `<img>` only), audio and video it plays, PDF in its
 * own viewer, and text (code highlighted, Markdown rendered). Everything else is `none`, and the
 * preview offers Open and Download instead.
 */
export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'markdown' | 'code' | 'text' | 'none';

/** Types Chromium shows itself; other images (HEIC, TIFF) and videos (MKV, AVI) have no viewer. */
const SHOWN: Readonly<Record<'image' | 'video' | 'audio', readonly string[]>> = {
  image: [...BROWSER_RASTER_IMAGES, 'ico', 'svg'],
  video: BROWSER_VIDEOS,
  audio: BROWSER_AUDIO,
};
const MARKDOWN = ['md', 'markdown'];
/** Spreadsheets that are plain text. */
const TEXT_TABLES = ['csv', 'tsv'];

/** Most bytes of a text file the preview reads (one Range request); the rest is left unread. */
export const TEXT_PREVIEW_BYTES = 256 * 1024;

/** The viewer for an item, from its file type (file-types.ts); folders and other types have none. */
export function previewKindOf(entry: Pick<FileEntry, 'kind' | 'name' | 'category'>): PreviewKind {
  const type = fileTypeOf(entry);
  const ext = extensionOf(entry.name);
  if (type === 'image' || type === 'video' || type === 'audio')
    return SHOWN[type].includes(ext) ? type : 'none';
  if (type === 'pdf') return 'pdf';
  if (MARKDOWN.includes(ext)) return 'markdown';
  if (type === 'code') return 'code';
  if (type === 'text' || TEXT_TABLES.includes(ext)) return 'text';
  return 'none';
}
