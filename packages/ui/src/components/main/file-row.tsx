import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { extensionOf } from '../../lib/sort';
import { formatBytes, formatDate } from '../../lib/format';
import { folderPath } from './nav-bar';
import { openContainingFolder } from './open-entry';
import { useEntryHandlers } from './entry-handlers';
import { RenameInput } from './rename-input';
import { FileTypeIcon } from '../file-type-icon';
import { fileTypeOf } from '../../lib/file-types';

export const ROW_HEIGHT = 28;

interface FileRowProps {
  entry: FileEntry;
  index: number;
  selected: boolean;
  focused: boolean;
  renaming: boolean;
  /** Search results: a Location column says where the item is. */
  searching?: boolean;
  style: CSSProperties;
}

/** Where an item is, root first ("My drive › Work › 2025"), from the folders learnt so far. */
function LocationCell({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const ctx = useApp();
  const known = useSlice(ctx.browser, (s) => s.known);
  const rootId = useSlice(ctx.browser, (s) => s.rootId);
  const rootName = useSlice(ctx.browser, (s) => s.rootName);
  const path = folderPath(known, rootId, entry.parentId)
    .map((c) => c.name ?? (c.id === rootId ? (rootName ?? t('app.rootName')) : `#${c.id}`))
    .join(' › ');
  return (
    <span role="gridcell" className="pd-cell pd-cell-location" title={path} data-testid="file-location">
      <button
        type="button"
        className="pd-link-button pd-location-link"
        tabIndex={-1}
        onClick={(e) => {
          e.stopPropagation();
          openContainingFolder(ctx, entry);
        }}
      >
        {path}
      </button>
    </span>
  );
}

export function FileRow({ entry, index, selected, focused, renaming, searching, style }: FileRowProps) {
  const { t, i18n } = useTranslation();
  const handlers = useEntryHandlers(entry, renaming);
  const ext = extensionOf(entry.name);
  const type =
    entry.kind === 'folder'
      ? t('list.folder')
      : ext
        ? t('list.file', { ext: ext.toUpperCase() })
        : t('list.fileNoExt');
  return (
    <div
      role="row"
      id={`file-row-${entry.id}`}
      data-testid="file-row"
      data-id={entry.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`pd-row${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}${handlers.dropOver ? ' is-drop-target' : ''}`}
      style={style}
      {...handlers.props}
    >
      <span role="gridcell" className="pd-cell pd-cell-name">
        <FileTypeIcon type={fileTypeOf(entry)} />
        {renaming ? (
          <RenameInput entry={entry} />
        ) : (
          <span className="pd-name" title={entry.name}>
            {entry.name}
          </span>
        )}
        {entry.blocked && <span className="pd-badge">{t('list.blocked')}</span>}
      </span>
      {searching && <LocationCell entry={entry} />}
      <span role="gridcell" className="pd-cell pd-cell-size">
        {entry.kind === 'folder' ? '' : formatBytes(t, entry.size)}
      </span>
      <span role="gridcell" className="pd-cell pd-cell-type">
        {type}
      </span>
      <span role="gridcell" className="pd-cell pd-cell-modified">
        {formatDate(i18n.language, entry.modifiedAt)}
      </span>
    </div>
  );
}
