import type { FileEntry, FileId } from '@pandesk/contract';

/**
 * Drag and drop payloads. Internal drags (cloud items moved inside the app or dropped on a local
 * place) carry a custom MIME type, so they never mix with OS file drops, which carry `Files`.
 */
export const INTERNAL_MIME = 'application/x-pandesk-items';

export interface DragPayload {
  sourceFolderId: FileId | null;
  entries: readonly Pick<FileEntry, 'id' | 'name' | 'kind' | 'size' | 'md5' | 'parentId'>[];
}

export function isInternalDrag(types: readonly string[]): boolean {
  return types.includes(INTERNAL_MIME);
}

/** An OS drag of files or folders (and not one of ours). */
export function isOsFileDrag(types: readonly string[]): boolean {
  return types.includes('Files') && !types.includes(INTERNAL_MIME);
}

export function writeDragPayload(data: DataTransfer, payload: DragPayload): void {
  data.setData(INTERNAL_MIME, JSON.stringify(payload));
  data.setData('text/plain', payload.entries.map((e) => e.name).join('\n'));
}

/** The payload of an internal drag, or null when absent or malformed. */
export function readDragPayload(data: DataTransfer): DragPayload | null {
  const raw = data.getData(INTERNAL_MIME);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as DragPayload;
    return Array.isArray(parsed.entries) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Whether dropping the dragged items into `folderId` is a real move: not onto themselves, not
 * all into the folder they are already in, and not a folder into one of its own subfolders
 * (`parents` knows where folders are: from listings and the tree).
 */
export function canMoveInto(
  payload: DragPayload | null,
  folderId: FileId,
  parents: ReadonlyMap<FileId, { parentId: FileId }> = new Map(),
): boolean {
  if (payload === null) return true;
  const dragged = new Set(payload.entries.map((e) => e.id));
  const seen = new Set<FileId>();
  for (
    let id: FileId | undefined = folderId;
    id !== undefined && !seen.has(id);
    id = parents.get(id)?.parentId
  ) {
    if (dragged.has(id)) return false;
    seen.add(id);
  }
  return payload.entries.some((e) => e.parentId !== folderId);
}
