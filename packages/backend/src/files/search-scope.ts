/**
 * Search results inside the root folder only, with where each one is. The service searches the
 * whole drive, so each hit's ancestors are looked up (`files.infos`, one call per level for every
 * unknown folder at once, remembered across searches) until the chain reaches the root, the
 * drive's top, or a folder that is gone or in the recycle bin. Hits outside the root, or under a
 * trashed folder, are dropped; the folders between the root and the hits are answered with them.
 */
import type { FileEntry, FileId, TreeNode } from '@pandesk/contract';
import type { PanClient } from '@pandesk/open-api';

/** Deepest folder chain followed; a deeper one (or a cycle) counts as outside the root. */
const MAX_DEPTH = 64;
/** Folders remembered between searches. */
const MEMORY_LIMIT = 5000;

interface KnownFolder {
  readonly name: string;
  readonly parentId: FileId;
  readonly trashed: boolean;
}

export interface SearchScope {
  /** Hits inside `rootId` (in their order) and the folders from below the root down to their parents. */
  place(
    client: PanClient,
    hits: readonly FileEntry[],
    rootId: FileId,
  ): Promise<{ items: FileEntry[]; folders: TreeNode[] }>;
}

export function createSearchScope(): SearchScope {
  const known = new Map<FileId, KnownFolder>();

  const remember = (id: FileId, folder: KnownFolder): void => {
    known.delete(id);
    known.set(id, folder);
    if (known.size > MEMORY_LIMIT) known.delete(known.keys().next().value as FileId);
  };

  /** Looks up every folder some chain needs next, level by level. */
  async function learnAncestors(client: PanClient, starts: readonly FileId[], rootId: FileId): Promise<void> {
    const missing = new Set<FileId>();
    const gone = new Set<FileId>();
    let frontier = [...new Set(starts)];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      missing.clear();
      for (const id of frontier)
        if (id !== 0 && id !== rootId && !known.has(id) && !gone.has(id)) missing.add(id);
      if (missing.size > 0) {
        const found = await client.files.infos([...missing]);
        for (const entry of found)
          remember(entry.id, { name: entry.name, parentId: entry.parentId, trashed: entry.trashed });
        for (const id of missing) if (!known.has(id)) gone.add(id);
      }
      frontier = frontier
        .map((id) => known.get(id))
        .filter((f): f is KnownFolder => f !== undefined && !f.trashed)
        .map((f) => f.parentId)
        .filter((id) => id !== 0 && id !== rootId);
    }
  }

  /** The folders from below the root down to `parentId`, or null when it is not inside the root. */
  function chain(parentId: FileId, rootId: FileId): TreeNode[] | null {
    const path: TreeNode[] = [];
    for (let id = parentId, depth = 0; id !== rootId; depth++) {
      if (id === 0 || depth >= MAX_DEPTH) return null;
      const folder = known.get(id);
      if (folder === undefined || folder.trashed) return null;
      path.unshift({ id, name: folder.name, parentId: folder.parentId });
      id = folder.parentId;
    }
    return path;
  }

  return {
    async place(client, hits, rootId) {
      await learnAncestors(
        client,
        hits.map((h) => h.parentId),
        rootId,
      );
      const items: FileEntry[] = [];
      const folders = new Map<FileId, TreeNode>();
      for (const hit of hits) {
        const path = chain(hit.parentId, rootId);
        if (path === null) continue;
        items.push(hit);
        for (const node of path) folders.set(node.id, node);
      }
      return { items, folders: [...folders.values()] };
    },
  };
}
