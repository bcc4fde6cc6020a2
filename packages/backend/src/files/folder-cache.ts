/**
 * Complete listings of folders opened before, so reopening one answers instantly while a
 * background revalidation checks it. A per-folder version guards against stale writes: an
 * invalidation (after a mutation) bumps it, and a fetch that started before is not stored.
 * Bounded by item count (least recently used folders go first), so huge drives cannot grow
 * memory without limit.
 */
import type { FileEntry, FileId } from '@pandesk/contract';

export interface CachedFolder {
  readonly items: readonly FileEntry[];
  /** Changes each time the folder's cached listing is replaced (cursors carry it). */
  readonly generation: number;
  /** Epoch ms of the fetch. */
  readonly fetchedAt: number;
}

export interface FolderCache {
  get(folderId: FileId): CachedFolder | undefined;
  /** The folder's version now; pass it back to {@link FolderCache.set}. */
  version(folderId: FileId): number;
  /** Stores a complete listing unless the folder was invalidated since `version` was read; true when stored. */
  set(folderId: FileId, items: readonly FileEntry[], version: number, fetchedAt: number): boolean;
  invalidate(folderId: FileId): void;
  /** The parent of an item seen in any cached listing. */
  parentOf(id: FileId): FileId | undefined;
  clear(): void;
}

/** Default bound: about 200,000 entries (a few tens of MB). */
export const DEFAULT_MAX_CACHED_ITEMS = 200_000;

export function createFolderCache(maxItems = DEFAULT_MAX_CACHED_ITEMS): FolderCache {
  const folders = new Map<FileId, CachedFolder>();
  const versions = new Map<FileId, number>();
  let total = 0;
  let generation = 0;

  const remove = (folderId: FileId): void => {
    const old = folders.get(folderId);
    if (old === undefined) return;
    total -= old.items.length;
    folders.delete(folderId);
  };

  const evict = (): void => {
    for (const id of folders.keys()) {
      if (total <= maxItems) return;
      remove(id);
    }
  };

  return {
    get(folderId) {
      const hit = folders.get(folderId);
      if (hit === undefined) return undefined;
      // Re-insert: Map order is the LRU order.
      folders.delete(folderId);
      folders.set(folderId, hit);
      return hit;
    },
    version: (folderId) => versions.get(folderId) ?? 0,
    set(folderId, items, version, fetchedAt) {
      if ((versions.get(folderId) ?? 0) !== version) return false;
      remove(folderId);
      folders.set(folderId, { items, generation: ++generation, fetchedAt });
      total += items.length;
      evict();
      return true;
    },
    invalidate(folderId) {
      versions.set(folderId, (versions.get(folderId) ?? 0) + 1);
      remove(folderId);
    },
    parentOf(id) {
      for (const [folderId, folder] of folders) if (folder.items.some((e) => e.id === id)) return folderId;
      return undefined;
    },
    clear() {
      for (const id of folders.keys()) versions.set(id, (versions.get(id) ?? 0) + 1);
      folders.clear();
      total = 0;
    },
  };
}
