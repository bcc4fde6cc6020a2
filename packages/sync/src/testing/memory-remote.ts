/**
 * A cloud folder tree in memory behind the SyncRemote port, for unit tests: ids, pages of a
 * chosen size, a recycle bin (trashed items keep their parent), call counts and the most
 * listings seen in flight at once.
 */
import type { RemoteChild, RemoteWhere, SyncRemote } from '../ports';
import { SyncRemoteError } from '../ports';

interface Node {
  id: number;
  parentId: number;
  name: string;
  kind: 'file' | 'folder';
  size: number;
  etag: string;
  trashed: boolean;
}

export interface MemoryRemote extends SyncRemote {
  readonly rootId: number;
  addFolder(parentId: number, name: string): number;
  addFile(parentId: number, name: string, size: number, etag: string): number;
  node(id: number): Readonly<Node> | undefined;
  readonly calls: { list: number; pages: number; mkdir: number; move: number; rename: number; trash: number };
  readonly maxInFlight: number;
  pageSize: number;
  /** Each listing waits this many turns of the event loop per page (to let others start). */
  listDelayTurns: number;
}

export function createMemoryRemote(): MemoryRemote {
  const nodes = new Map<number, Node>();
  let nextId = 2;
  let inFlight = 0;
  const rootId = 1;
  nodes.set(rootId, { id: rootId, parentId: 0, name: '', kind: 'folder', size: 0, etag: '', trashed: false });
  const children = (id: number): Node[] =>
    [...nodes.values()]
      .filter((n) => n.parentId === id && !n.trashed && n.id !== rootId)
      .sort((a, b) => a.id - b.id);
  const add = (
    parentId: number,
    name: string,
    kind: 'file' | 'folder',
    size: number,
    etag: string,
  ): number => {
    const id = nextId++;
    nodes.set(id, { id, parentId, name, kind, size, etag, trashed: false });
    return id;
  };
  const live = (id: number): Node => {
    const n = nodes.get(id);
    if (!n || n.trashed) throw new SyncRemoteError('not_found', 'The file does not exist.');
    return n;
  };
  const remote: MemoryRemote = {
    rootId,
    pageSize: 100,
    listDelayTurns: 0,
    calls: { list: 0, pages: 0, mkdir: 0, move: 0, rename: 0, trash: 0 },
    maxInFlight: 0,
    addFolder: (parentId, name) => add(parentId, name, 'folder', 0, ''),
    addFile: (parentId, name, size, etag) => add(parentId, name, 'file', size, etag),
    node: (id) => nodes.get(id),
    async *list(folderId) {
      remote.calls.list++;
      inFlight++;
      (remote as { maxInFlight: number }).maxInFlight = Math.max(remote.maxInFlight, inFlight);
      try {
        const all = children(folderId);
        for (let i = 0; i === 0 || i < all.length; i += remote.pageSize) {
          for (let t = 0; t < remote.listDelayTurns; t++) await new Promise((r) => setImmediate(r));
          remote.calls.pages++;
          yield all.slice(i, i + remote.pageSize).map((n): RemoteChild => ({
            fileId: n.id,
            name: n.name,
            kind: n.kind,
            size: n.size,
            etag: n.etag,
          }));
        }
      } finally {
        inFlight--;
      }
    },
    async ensureFolder(parentId, name) {
      remote.calls.mkdir++;
      const existing = children(parentId).find((n) => n.name === name && n.kind === 'folder');
      return existing?.id ?? add(parentId, name, 'folder', 0, '');
    },
    async rename(fileId, name) {
      remote.calls.rename++;
      const n = live(fileId);
      if (children(n.parentId).some((c) => c.name === name && c.id !== fileId))
        throw new SyncRemoteError('name_conflict', 'The name is taken.');
      n.name = name;
    },
    async move(fileIds, toParentId) {
      remote.calls.move++;
      for (const id of fileIds) {
        const n = live(id);
        if (children(toParentId).some((c) => c.name === n.name))
          throw new SyncRemoteError('name_conflict', 'The name is taken.');
        n.parentId = toParentId;
      }
    },
    async trash(fileIds) {
      remote.calls.trash++;
      for (const id of fileIds) {
        const n = nodes.get(id);
        if (n) n.trashed = true;
      }
    },
    async info(fileIds) {
      return fileIds.flatMap((id): RemoteWhere[] => {
        const n = nodes.get(id);
        return n
          ? [
              {
                fileId: n.id,
                name: n.name,
                parentId: n.parentId,
                kind: n.kind,
                trashed: n.trashed,
                size: n.size,
                etag: n.etag,
              },
            ]
          : [];
      });
    },
  };
  return remote;
}
