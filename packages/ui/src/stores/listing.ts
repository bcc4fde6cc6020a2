import type { FileEntry, FileId, PanDeskBridge, Result, TreeNode } from '@pandesk/contract';

/** What the main pane shows: a folder, the recycle bin, or search results. */
export type Location =
  { kind: 'folder'; folderId: FileId } | { kind: 'trash' } | { kind: 'search'; query: string };

export interface ListingPage {
  items: readonly FileEntry[];
  cursor: string | null;
  /** Search results only: the folders between the root and the hits, to say where each is. */
  folders?: readonly TreeNode[];
}

export function sameLocation(a: Location, b: Location): boolean {
  if (a.kind === 'folder' && b.kind === 'folder') return a.folderId === b.folderId;
  if (a.kind === 'search' && b.kind === 'search') return a.query === b.query;
  return a.kind === b.kind;
}

/**
 * One page of a location's listing: the first when `cursor` is undefined. The three listings
 * share the pull-streamed shape (items + cursor until null), so the store streams them alike.
 * `fresh`: a folder's first page comes from the service now, past the back end's cache.
 */
export function fetchListingPage(
  bridge: PanDeskBridge,
  location: Location,
  cursor?: string,
  fresh = false,
): Promise<Result<ListingPage>> {
  switch (location.kind) {
    case 'folder':
      return cursor === undefined
        ? bridge.files.list(fresh ? { folderId: location.folderId, fresh } : { folderId: location.folderId })
        : bridge.files.listMore({ folderId: location.folderId, cursor });
    case 'trash':
      return bridge.files.listTrash(cursor === undefined ? {} : { cursor });
    case 'search':
      return bridge.files.search(
        cursor === undefined ? { query: location.query } : { query: location.query, cursor },
      );
  }
}
