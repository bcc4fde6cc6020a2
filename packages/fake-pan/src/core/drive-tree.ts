/**
 * The raw data structure under the drive: nodes by id plus, per parent, the child ids kept in
 * ascending order (the v2 list pages by ascending `fileId`, reference §4.1). No rules live here;
 * `drive-state.ts` enforces them.
 */

/** One file or folder. The content of a file node is (md5, size) in the content store. */
export interface FileNode {
  id: number;
  parentId: number;
  name: string;
  /** 0 file, 1 folder. */
  type: 0 | 1;
  /** Bytes; 0 for folders. */
  size: number;
  /** Lowercase hex MD5; "" for folders. */
  md5: string;
  trashed: boolean;
  /** Epoch ms. */
  createAt: number;
  updateAt: number;
  category: number;
  /** Review status; 0 normal, > 100 rejected by moderation. */
  status: number;
}

export interface DriveTree {
  get(id: number): FileNode | undefined;
  /** Child ids of `parentId` in ascending order (trashed included). */
  childIds(parentId: number): readonly number[];
  insert(node: FileNode): void;
  /** Removes one node (not its children) from the tree. */
  remove(id: number): void;
  reparent(id: number, parentId: number): void;
  /** Changes a node's name (keeps the name index right; never assign `name` directly). */
  rename(id: number, name: string): void;
  /** Ids of the children of `parentId` called `name` (trashed included), or an empty set. */
  idsNamed(parentId: number, name: string): ReadonlySet<number>;
  values(): IterableIterator<FileNode>;
  readonly size: number;
}

/** Index of the first element greater than `value` in an ascending array. */
export function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createDriveTree(): DriveTree {
  const nodes = new Map<number, FileNode>();
  const children = new Map<number, number[]>();
  /** parentId -> name -> ids: makes sibling name checks O(1) in folders of 20,000 entries. */
  const names = new Map<number, Map<string, Set<number>>>();
  const noIds: ReadonlySet<number> = new Set();

  function index(node: FileNode): void {
    let byName = names.get(node.parentId);
    if (!byName) names.set(node.parentId, (byName = new Map()));
    let ids = byName.get(node.name);
    if (!ids) byName.set(node.name, (ids = new Set()));
    ids.add(node.id);
  }

  function unindex(node: FileNode): void {
    const byName = names.get(node.parentId);
    const ids = byName?.get(node.name);
    if (!byName || !ids) return;
    ids.delete(node.id);
    if (ids.size === 0) byName.delete(node.name);
    if (byName.size === 0) names.delete(node.parentId);
  }

  function link(parentId: number, id: number): void {
    let list = children.get(parentId);
    if (!list) children.set(parentId, (list = []));
    const at = upperBound(list, id);
    if (list[at - 1] !== id) list.splice(at, 0, id);
  }

  function unlink(parentId: number, id: number): void {
    const list = children.get(parentId);
    if (!list) return;
    const at = upperBound(list, id) - 1;
    if (list[at] === id) list.splice(at, 1);
    if (list.length === 0) children.delete(parentId);
  }

  return {
    get: (id) => nodes.get(id),
    childIds: (parentId) => children.get(parentId) ?? [],
    insert(node) {
      nodes.set(node.id, node);
      link(node.parentId, node.id);
      index(node);
    },
    remove(id) {
      const node = nodes.get(id);
      if (!node) return;
      unlink(node.parentId, id);
      unindex(node);
      nodes.delete(id);
    },
    reparent(id, parentId) {
      const node = nodes.get(id);
      if (!node || node.parentId === parentId) return;
      unlink(node.parentId, id);
      unindex(node);
      node.parentId = parentId;
      link(parentId, id);
      index(node);
    },
    rename(id, name) {
      const node = nodes.get(id);
      if (!node || node.name === name) return;
      unindex(node);
      node.name = name;
      index(node);
    },
    idsNamed: (parentId, name) => names.get(parentId)?.get(name) ?? noIds,
    values: () => nodes.values(),
    get size() {
      return nodes.size;
    },
  };
}
