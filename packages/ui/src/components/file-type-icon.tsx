import type { FileType } from '../lib/file-types';
import { FolderIcon } from './icons';

/**
 * One 16×16 glyph per file type, drawn inside the page outline of a document so every type
 * still reads as "a file". Colours come from the stylesheet (`.pd-type-<type>`), so both
 * themes can tune them; shapes use `currentColor`.
 */
const GLYPHS: Readonly<Record<Exclude<FileType, 'folder'>, string>> = {
  image: 'M5 12l2.2-3 1.6 2 1.2-1.4 1.5 2.4z M10 6.6a1 1 0 1 0 0.01 0',
  video: 'M6 7v5l4-2.5z',
  audio: 'M9.5 6v4.6a1.3 1.3 0 1 1-1-1.3V6.8l2.5-.6',
  archive: 'M7.5 2v1.2h1V4.4h-1V5.6h1v1.2h-1V8h1v2.5h-1z',
  document: 'M5.5 7h5 M5.5 9h5 M5.5 11h3.5',
  spreadsheet: 'M5 7h6v5H5z M5 9.5h6 M8 7v5',
  slides: 'M4.8 7.2h6.4v4H4.8z M8 11.2v1.5',
  pdf: 'M4.5 8.5h7v3h-7z',
  code: 'M6.5 7.5L5 9.5l1.5 2 M9.5 7.5l1.5 2-1.5 2',
  text: 'M5.5 7h5 M5.5 9h5 M5.5 11h5',
  executable: 'M8 6.5l2.8 2.8L8 12.1 5.2 9.3z',
  other: '',
};

const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
} as const;

/** The icon of an item in the file list (folders keep the folder icon of the tree). */
export function FileTypeIcon({ type }: { type: FileType }) {
  if (type === 'folder') return <FolderIcon />;
  const filled = type === 'pdf' || type === 'video' || type === 'executable';
  return (
    <svg {...common} className={`pd-icon pd-type-icon pd-type-${type}`} data-file-type={type}>
      <path d="M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3" fill="none" stroke="currentColor" strokeWidth="1" />
      {GLYPHS[type] !== '' && (
        <path
          d={GLYPHS[type]}
          fill={filled ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="1"
          strokeLinejoin="round"
        />
      )}
    </svg>
  );
}
