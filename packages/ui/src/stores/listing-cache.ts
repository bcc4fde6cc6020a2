import type { FileEntry, FileId } from '@pandesk/contract';

/** A folder's listing as last seen, and when (epoch ms). */
export interface CachedListing {
  readonly entries: FileEntry[];
  readonly listedAt: number;
}

/** Completed folder listings, the most recently used kept (bounded), so a revisit shows at once. */
export interface ListingCache {
  get(id: FileId): CachedListing | undefined;
  put(id: FileId, listing: CachedListing): void;
  delete(id: FileId): void;
  clear(): void;
}

export function createListingCache(limit: number): ListingCache {
  const cache = new Map<FileId, CachedListing>();
  return {
    get: (id) => cache.get(id),
    put(id, listing) {
      cache.delete(id);
      cache.set(id, listing);
      if (cache.size > limit) cache.delete(cache.keys().next().value as FileId);
    },
    delete: (id) => void cache.delete(id),
    clear: () => cache.clear(),
  };
}
