import type { FileEntry } from '@pandesk/contract';
import { extensionOf } from './sort';

/**
 * Which viewer of the quick preview shows a file, by extension. Only types Chromium shows
 * itself: raster images and SVG (through `<img>` only), audio and video it plays, PDF in its
 * own viewer, and text (code highlighted, Markdown rendered). Everything else is `none`, and the
 * preview offers Open and Download instead.
 */
export type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'markdown' | 'code' | 'text' | 'none';

const KIND_BY_EXTENSION: Readonly<Record<Exclude<PreviewKind, 'none'>, readonly string[]>> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'avif', 'ico', 'svg'],
  video: ['mp4', 'm4v', 'webm'],
  audio: ['mp3', 'm4a', 'ogg', 'oga', 'opus', 'wav', 'flac'],
  pdf: ['pdf'],
  markdown: ['md', 'markdown'],
  code: [
    'js',
    'mjs',
    'cjs',
    'jsx',
    'ts',
    'tsx',
    'json',
    'py',
    'go',
    'rs',
    'java',
    'c',
    'h',
    'cpp',
    'hpp',
    'cc',
    'cs',
    'sh',
    'bash',
    'sql',
    'html',
    'htm',
    'css',
    'scss',
    'xml',
    'yaml',
    'yml',
    'toml',
    'ini',
  ],
  text: ['txt', 'log', 'csv', 'tsv', 'nfo', 'srt', 'vtt', 'ass'],
};

const KIND_OF_EXTENSION = new Map<string, PreviewKind>(
  Object.entries(KIND_BY_EXTENSION).flatMap(([kind, exts]) => exts.map((ext) => [ext, kind as PreviewKind])),
);

/** Most bytes of a text file the preview reads (one Range request); the rest is left unread. */
export const TEXT_PREVIEW_BYTES = 256 * 1024;

/** The viewer for an item; folders and unknown types have none. */
export function previewKindOf(entry: Pick<FileEntry, 'kind' | 'name'>): PreviewKind {
  if (entry.kind === 'folder') return 'none';
  return KIND_OF_EXTENSION.get(extensionOf(entry.name)) ?? 'none';
}
