import type { DragEvent, MouseEvent } from 'react';
import type { FileEntry } from '@pandesk/contract';
import { useApp } from '../../context';
import { useFolderDropTarget } from '../../hooks/use-drop-target';
import { writeDragPayload } from '../../lib/dnd';
import type { DragPayload } from '../../lib/dnd';
import { openEntry } from './open-entry';

/** Starts an internal drag of the selection (the item joins it first when it was not selected). */
function useEntryDrag(entry: FileEntry): (e: DragEvent) => void {
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
    // the item was pressed (Chromium's DownloadURL)...
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

/**
 * What a list row and a grid tile do alike: click to select (Ctrl/Shift to extend), double-click
 * to open, the context menu for the selection, dragging the selection, and a folder taking drops.
 * Spread the result on the item's element.
 */
export function useEntryHandlers(entry: FileEntry, renaming: boolean) {
  const ctx = useApp();
  const { browser, ui, actions } = ctx;
  const drop = useFolderDropTarget(entry.kind === 'folder' ? entry.id : null);
  const onDragStart = useEntryDrag(entry);
  return {
    dropOver: drop.over,
    props: {
      draggable: !renaming,
      onClick: (e: MouseEvent): void =>
        browser.getState().click(entry.id, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey }),
      onPointerDown: (): void => {
        if (entry.kind === 'file') actions.prepareDragOut(entry.id);
      },
      onDoubleClick: (): void => openEntry(ctx, entry),
      onContextMenu: (e: MouseEvent): void => {
        e.preventDefault();
        e.stopPropagation();
        if (!browser.getState().selection.selected.has(entry.id)) browser.getState().click(entry.id);
        ui.getState().openContextMenu({ x: e.clientX, y: e.clientY });
      },
      onDragStart,
      onDragEnd: (): void => ui.getState().setDrag(null),
      ...drop.props,
    },
  };
}
