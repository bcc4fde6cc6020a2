import type { FileEntry, FileId, PanDeskBridge } from '@pandesk/contract';
import type { KnownFolder } from '../../stores/browser-store';

/** Deepest folder chain followed upwards; deeper paths end with "…". */
const MAX_DEPTH = 64;

/**
 * The names of the folders from the drive root down to `folderId` (root excluded), learnt from
 * the folders seen so far and, for the rest, from `files.detail`. `null` marks a folder whose
 * name could not be read (gone, or the chain was too deep).
 */
export async function folderNames(
  bridge: Pick<PanDeskBridge, 'files'>,
  known: ReadonlyMap<FileId, KnownFolder>,
  rootId: FileId,
  folderId: FileId,
): Promise<(string | null)[]> {
  const names: (string | null)[] = [];
  const seen = new Set<FileId>();
  let id: FileId = folderId;
  while (id !== rootId && id !== 0 && !seen.has(id)) {
    if (names.length >= MAX_DEPTH) {
      names.unshift(null);
      break;
    }
    seen.add(id);
    const cached = known.get(id);
    if (cached !== undefined) {
      names.unshift(cached.name);
      id = cached.parentId;
      continue;
    }
    const detail = await bridge.files.detail({ id });
    if (!detail.ok) {
      names.unshift(null);
      break;
    }
    names.unshift(detail.value.name);
    id = detail.value.parentId;
  }
  return names;
}

export interface FolderCount {
  files: number;
  folders: number;
}

/** Counts a folder's direct children by streaming its listing to the end. */
export async function countChildren(
  bridge: Pick<PanDeskBridge, 'files'>,
  folderId: FileId,
): Promise<FolderCount | { error: string }> {
  const count: FolderCount = { files: 0, folders: 0 };
  const add = (items: readonly FileEntry[]): void => {
    for (const item of items) count[item.kind === 'folder' ? 'folders' : 'files']++;
  };
  let page = await bridge.files.list({ folderId });
  while (true) {
    if (!page.ok) return { error: page.error.message };
    add(page.value.items);
    if (page.value.cursor === null) return count;
    page = await bridge.files.listMore({ folderId, cursor: page.value.cursor });
  }
}

/**
 * Total bytes of a selection: files by their listed size, folders by what `files.detail`
 * reports for their contents. `null` when a folder's size could not be read.
 */
export async function totalSize(
  bridge: Pick<PanDeskBridge, 'files'>,
  entries: readonly FileEntry[],
): Promise<number | null> {
  const sizes = await Promise.all(
    entries.map(async (entry) => {
      if (entry.kind === 'file') return entry.size;
      const detail = await bridge.files.detail({ id: entry.id });
      return detail.ok ? detail.value.size : null;
    }),
  );
  return sizes.some((s) => s === null) ? null : sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0);
}
