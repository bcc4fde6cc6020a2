/**
 * Folder listings, pull-streamed and cached. A folder seen before answers from the cache at
 * once and is revalidated in the background; when the fresh listing differs, `folder:changed`
 * tells the renderer to reload it. A first visit streams service pages (100 items each) and
 * caches the folder once the last page arrives.
 */
import type { FileEntry, FileId, FolderPage, PanDeskEventHub, TreeNode } from '@pandesk/contract';
import type { ListPage, PanClient } from '@pandesk/open-api';
import { isPanError } from '@pandesk/open-api';
import type { Logger } from '../log/daily-log';
import type { Clock } from '../ports';
import { encodeCursor, expectCursor } from './cursor';
import type { FolderCache } from './folder-cache';
import { listingSignature, toFileEntry } from './map-entry';

/** Items per page served from the cache. */
export const CACHE_PAGE_SIZE = 500;

export interface FolderListingOptions {
  client: () => PanClient;
  cache: FolderCache;
  events: PanDeskEventHub;
  clock: Clock;
  logger: Logger;
  /** A cached listing younger than this is not revalidated (0: always revalidate). */
  freshMs: number;
}

export interface FolderListing {
  /** `fresh`: ask the service now even when the folder is cached (a refresh the user asked for). */
  list(folderId: FileId, fresh?: boolean): Promise<FolderPage>;
  listMore(folderId: FileId, cursor: string): Promise<FolderPage>;
  treeChildren(folderId: FileId): Promise<TreeNode[]>;
  /** Resolves when every background revalidation started so far has finished (tests, close). */
  settled(): Promise<void>;
}

/** One service page of a folder, starting after `cursor` (0: the first page). */
export async function fetchPage(
  client: PanClient,
  folderId: FileId,
  cursor: number,
  search?: { query: string; exact: boolean },
): Promise<ListPage> {
  const options = {
    cursor,
    limit: 100,
    ...(search === undefined
      ? {}
      : { search: search.query, searchMode: search.exact ? ('exact' as const) : ('fuzzy' as const) }),
  };
  for await (const page of client.files.list(folderId, options)) return page;
  return { items: [], trashed: [], nextCursor: -1, done: true };
}

export function createFolderListing(options: FolderListingOptions): FolderListing {
  const { cache, events } = options;
  /** Listings being streamed for the first time: items so far and the cursor expected next. */
  const building = new Map<FileId, { items: FileEntry[]; next: number; version: number }>();
  const revalidating = new Map<FileId, Promise<void>>();

  function fromCache(folderId: FileId, offset: number): FolderPage | undefined {
    const hit = cache.get(folderId);
    if (hit === undefined) return undefined;
    const end = offset + CACHE_PAGE_SIZE;
    const cursor =
      end < hit.items.length
        ? encodeCursor({ kind: 'cache', folderId, offset: end, generation: hit.generation })
        : null;
    return { folderId, items: hit.items.slice(offset, end), cursor };
  }

  async function fetchAll(folderId: FileId): Promise<FileEntry[]> {
    return (await options.client().files.listAll(folderId)).map(toFileEntry);
  }

  async function revalidate(folderId: FileId): Promise<void> {
    const before = cache.get(folderId);
    const version = cache.version(folderId);
    try {
      const items = await fetchAll(folderId);
      const changed = before === undefined || listingSignature(before.items) !== listingSignature(items);
      if (cache.set(folderId, items, version, options.clock.now()) && changed) {
        events.emit('folder:changed', { folderIds: [folderId], trashChanged: false });
      }
    } catch (error) {
      if (isPanError(error) && error.code === 'not_found') {
        cache.invalidate(folderId);
        events.emit('folder:changed', { folderIds: [folderId], trashChanged: false });
      } else options.logger.warn(`revalidating folder ${folderId} failed; its cached listing stays`, error);
    }
  }

  function startRevalidation(folderId: FileId): void {
    const hit = cache.get(folderId);
    if (hit === undefined || revalidating.has(folderId)) return;
    if (options.freshMs > 0 && options.clock.now() - hit.fetchedAt < options.freshMs) return;
    const run = revalidate(folderId).finally(() => revalidating.delete(folderId));
    revalidating.set(folderId, run);
  }

  async function serverPage(folderId: FileId, cursor: number): Promise<FolderPage> {
    const version = cursor === 0 ? cache.version(folderId) : building.get(folderId)?.version;
    const page = await fetchPage(options.client(), folderId, cursor);
    const items = page.items.map(toFileEntry);
    const partial = building.get(folderId);
    const continues = cursor === 0 || (partial !== undefined && partial.next === cursor);
    const sofar = cursor === 0 ? items : continues && partial ? [...partial.items, ...items] : null;
    if (page.done) {
      building.delete(folderId);
      if (sofar !== null && version !== undefined) cache.set(folderId, sofar, version, options.clock.now());
      return { folderId, items, cursor: null };
    }
    if (sofar !== null && version !== undefined)
      building.set(folderId, { items: sofar, next: page.nextCursor, version });
    return { folderId, items, cursor: encodeCursor({ kind: 'server', folderId, next: page.nextCursor }) };
  }

  return {
    async list(folderId, fresh = false) {
      if (fresh) return serverPage(folderId, 0);
      const cached = fromCache(folderId, 0);
      if (cached !== undefined) {
        startRevalidation(folderId);
        return cached;
      }
      return serverPage(folderId, 0);
    },
    async listMore(folderId, text) {
      const cursor = expectCursor(text, ['server', 'cache'], folderId);
      if (cursor.kind === 'server') return serverPage(folderId, cursor.next);
      // Replaced meanwhile: serve the new listing from the same offset; dropped: end here. Both
      // cases emitted `folder:changed`, so the renderer reloads the folder anyway.
      return fromCache(folderId, cursor.offset) ?? { folderId, items: [], cursor: null };
    },
    async treeChildren(folderId) {
      let hit = cache.get(folderId);
      if (hit === undefined) {
        const version = cache.version(folderId);
        const items = await fetchAll(folderId);
        cache.set(folderId, items, version, options.clock.now());
        hit = { items, generation: 0, fetchedAt: 0 };
      } else startRevalidation(folderId);
      return hit.items
        .filter((e) => e.kind === 'folder')
        .map((e) => ({ id: e.id, name: e.name, parentId: e.parentId }));
    },
    async settled() {
      await Promise.all([...revalidating.values()]);
    },
  };
}
