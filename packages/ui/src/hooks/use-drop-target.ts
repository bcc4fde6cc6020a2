import { useState } from 'react';
import type { DragEvent } from 'react';
import type { FileId } from '@pandesk/contract';
import { useApp } from '../context';
import { canMoveInto, isInternalDrag, isOsFileDrag, readDragPayload } from '../lib/dnd';

export interface DropTargetProps {
  onDragEnter(e: DragEvent): void;
  onDragOver(e: DragEvent): void;
  onDragLeave(e: DragEvent): void;
  onDrop(e: DragEvent): void;
}

/**
 * Makes an element a drop target for a cloud folder: OS files upload into it, internal items
 * move into it. `over` drives the visible highlight. Handled events stop here so a folder row
 * inside the list does not also trigger the list background.
 */
export function useFolderDropTarget(folderId: FileId | null): { over: boolean; props: DropTargetProps } {
  const { ui, actions, browser } = useApp();
  const [over, setOver] = useState(false);

  const accepts = (e: DragEvent): 'move' | 'copy' | null => {
    if (folderId === null) return null;
    const types = [...e.dataTransfer.types];
    if (isInternalDrag(types))
      return canMoveInto(ui.getState().drag, folderId, browser.getState().known) ? 'move' : null;
    return isOsFileDrag(types) ? 'copy' : null;
  };
  const onOver = (e: DragEvent): void => {
    const effect = accepts(e);
    if (effect === null) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = effect;
    setOver(true);
  };

  return {
    over,
    props: {
      onDragEnter: onOver,
      onDragOver: onOver,
      onDragLeave: (e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setOver(false);
      },
      onDrop(e) {
        const effect = accepts(e);
        setOver(false);
        if (effect === null || folderId === null) return;
        e.preventDefault();
        e.stopPropagation();
        if (effect === 'move') {
          const payload = readDragPayload(e.dataTransfer) ?? ui.getState().drag;
          ui.getState().setDrag(null);
          if (payload)
            void actions.move(
              payload.entries.map((x) => x.id),
              folderId,
            );
          return;
        }
        void actions.uploadDropped(
          { files: [...e.dataTransfer.files], items: e.dataTransfer.items },
          folderId,
        );
      },
    },
  };
}
