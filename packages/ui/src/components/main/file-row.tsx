import type { CSSProperties, DragEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { useFolderDropTarget } from '../../hooks/use-drop-target';
import { writeDragPayload } from '../../lib/dnd';
import type { DragPayload } from '../../lib/dnd';
import { extensionOf } from '../../lib/sort';
import { formatBytes, formatDate } from '../../lib/format';
import { folderPath } from './nav-bar';
import { openContainingFolder, openEntry } from './open-entry';
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

/** Starts an internal drag of the selection (the row joins it first when it was not selected). */
function useRowDrag(entry: FileEntry): (e: DragEvent) => void {
  const { browser, ui, host, transfers, actions } = useApp();
  return (e) => {
    const b = browser.getState();
    if (!b.selection.selected.has(entry.id)) b.click(entry.id);
    const entries = browser.getState().selectedEntries();
    const here = b.location;
    const payload: DragPayload = {
      sourceFolderId: here.kind === 'folder' ? here.folderId : null,
      entries: entries.map(({ id, name, kind, size, md5, parentId }) => ({
        id,
        name,
        kind,
        size,
        md5,
        parentId,
      })),
    };
    writeDragPayload(e.dataTransfer, payload);
    e.dataTransfer.effectAllowed = 'copyMove';
    ui.getState().setDrag(payload);
    // Out of the window: the browser saves a single file through a single-use link readied when
    // the row was pressed (Chromium's DownloadURL)...
    const only = entries[0];
    const link = entries.length === 1 && only?.kind === 'file' ? actions.takeDragOutUrl(only.id) : undefined;
    if (only !== undefined && link !== undefined) {
      const url = new URL(link, window.location.href).href;
      e.dataTransfer.setData('DownloadURL', `application/octet-stream:${only.name}:${url}`);
    }
    // ...and the desktop hands the OS the local copies of files it has already downloaded. As in
    // Electron's recipe the page's own drag is cancelled so the native one takes over (such
    // items then move inside the drive with cut/paste or Move instead of a drag).
    const copies = entries.map((x) => transfers.getState().localCopies.get(x.id));
    if (host.startDrag && copies.length > 0 && copies.every((p) => p !== undefined)) {
      e.preventDefault();
      ui.getState().setDrag(null);
      host.startDrag(copies as string[]);
    }
  };
}

export function FileRow({ entry, index, selected, focused, renaming, searching, style }: FileRowProps) {
  const { t, i18n } = useTranslation();
  const ctx = useApp();
  const { browser, ui, actions } = ctx;
  const drop = useFolderDropTarget(entry.kind === 'folder' ? entry.id : null);
  const onDragStart = useRowDrag(entry);
  const ext = extensionOf(entry.name);
  const type =
    entry.kind === 'folder'
      ? t('list.folder')
      : ext
        ? t('list.file', { ext: ext.toUpperCase() })
        : t('list.fileNoExt');
  const onClick = (e: MouseEvent): void =>
    browser.getState().click(entry.id, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey });
  return (
    <div
      role="row"
      id={`file-row-${entry.id}`}
      data-testid="file-row"
      data-id={entry.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`pd-row${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}${drop.over ? ' is-drop-target' : ''}`}
      style={style}
      draggable={!renaming}
      onClick={onClick}
      onPointerDown={() => entry.kind === 'file' && actions.prepareDragOut(entry.id)}
      onDoubleClick={() => openEntry(ctx, entry)}
      onContextMenu={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (!browser.getState().selection.selected.has(entry.id)) browser.getState().click(entry.id);
        ui.getState().openContextMenu({ x: e.clientX, y: e.clientY });
      }}
      onDragStart={onDragStart}
      onDragEnd={() => ui.getState().setDrag(null)}
      {...drop.props}
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
