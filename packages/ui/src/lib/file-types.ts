import type { FileEntry } from '@pandesk/contract';
import { extensionOf } from './sort';

/** What kind of thing a file is, as its icon and the Properties dialog name it. */
export type FileType =
  | 'folder'
  | 'image'
  | 'video'
  | 'audio'
  | 'archive'
  | 'document'
  | 'spreadsheet'
  | 'slides'
  | 'pdf'
  | 'code'
  | 'text'
  | 'executable'
  | 'other';

const BY_EXTENSION: Readonly<Record<Exclude<FileType, 'folder' | 'other'>, readonly string[]>> = {
  image: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'svg', 'ico', 'avif', 'heic', 'heif', 'tif', 'tiff'],
  video: ['mp4', 'm4v', 'mkv', 'webm', 'mov', 'avi', 'wmv', 'flv', 'm2ts', 'mpg', 'mpeg', '3gp'], // '.ts' is listed as code: TypeScript far more often than an MPEG stream
  audio: ['mp3', 'flac', 'wav', 'aac', 'm4a', 'ogg', 'oga', 'opus', 'wma', 'ape'],
  archive: ['zip', 'rar', '7z', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst', 'iso', 'dmg'],
  document: ['doc', 'docx', 'odt', 'rtf', 'pages', 'epub'],
  spreadsheet: ['xls', 'xlsx', 'ods', 'csv', 'tsv', 'numbers'],
  slides: ['ppt', 'pptx', 'odp', 'key'],
  pdf: ['pdf'],
  code: [
    'js',
    'mjs',
    'cjs',
    'ts',
    'tsx',
    'jsx',
    'json',
    'py',
    'rb',
    'go',
    'rs',
    'java',
    'kt',
    'c',
    'h',
    'cpp',
    'hpp',
    'cc',
    'cs',
    'php',
    'swift',
    'sh',
    'bash',
    'ps1',
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
    'lua',
    'dart',
    'vue',
  ],
  text: ['txt', 'md', 'markdown', 'log', 'nfo', 'srt', 'ass', 'vtt'],
  executable: ['exe', 'msi', 'bat', 'cmd', 'com', 'apk', 'app', 'deb', 'rpm', 'appimage', 'jar', 'pkg'],
};

const TYPE_OF_EXTENSION = new Map<string, FileType>(
  Object.entries(BY_EXTENSION).flatMap(([type, exts]) => exts.map((ext) => [ext, type as FileType])),
);

/**
 * The type of an item from its extension; for files without a known one, from the service's
 * coarse category (audio, video, image).
 */
export function fileTypeOf(entry: Pick<FileEntry, 'kind' | 'name' | 'category'>): FileType {
  if (entry.kind === 'folder') return 'folder';
  const byName = TYPE_OF_EXTENSION.get(extensionOf(entry.name).toLowerCase());
  if (byName !== undefined) return byName;
  return entry.category === 'other' ? 'other' : entry.category;
}
