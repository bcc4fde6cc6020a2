/**
 * The drive: file nodes, ids, names, trash, sizes and persistence (reference §5, §11, §12).
 *
 * Invariants:
 * - ids come from one ascending counter starting at `FIRST_ID`; the root is `0` and is no node;
 * - among siblings, live names are unique (trashed siblings count only with the
 *   `trashedBlocksNames` switch);
 * - a trashed node keeps its parent; deleting a trashed folder removes it and its untrashed
 *   descendants, while descendants trashed on their own stay in the trash with a missing parent
 *   (they are what `recover` reports in `abnormalFileIDs`).
 * Mutations (move, trash, recover, delete, rename) live in `drive-mutations.ts`.
 */
import { join } from 'node:path';
import type { Switches } from '../options';
import type { Clock } from '@pandesk/contract';
import { createDriveTree, upperBound, type DriveTree, type FileNode } from './drive-tree';
import { ApiError, CODES, MESSAGES, notFound } from './errors';
import { createJsonFile } from './json-file';
import { assertValidName, categoryOf, splitExt } from './names';

export type { FileNode } from './drive-tree';

/** First id handed out; real ids look like 14749954. */
export const FIRST_ID = 10_000_000;
export const ROOT_ID = 0;
/** Coalescing delay for drive saves: a burst of mutations costs one write. */
const SAVE_DELAY_MS = 200;

export interface NewFile {
  parentId: number;
  name: string;
  md5: string;
  size: number;
}

export interface DriveState {
  readonly tree: DriveTree;
  readonly clock: Clock;
  readonly switches: Switches;
  get(id: number): FileNode | undefined;
  /** The node, or 5066. */
  require(id: number): FileNode;
  /** Children of a folder by ascending id, trashed ones included. */
  children(parentId: number): FileNode[];
  /** Up to `limit` children with id > `afterId`, and whether more follow. */
  page(parentId: number, afterId: number, limit: number): { items: FileNode[]; hasMore: boolean };
  /** Throws unless `id` is the root or a live (untrashed) folder: 5066 unknown, 1 otherwise. */
  requireLiveFolder(id: number): void;
  /** A live sibling (or any sibling with `trashedBlocksNames`) called `name`, other than `exceptId`. */
  nameHolder(parentId: number, name: string, exceptId?: number): FileNode | undefined;
  /** `name`, or the first free "keep both" variant of it (`keepBothSuffix`). */
  uniqueName(parentId: number, name: string): string;
  createFolder(parentId: number, name: string): FileNode;
  createFile(input: NewFile): FileNode;
  /** Folder id for `segments` under `parentId`, creating missing folders (upload `containDir`). */
  ensureFolderPath(parentId: number, segments: readonly string[]): number;
  /** Changes a file's content in place (overwrite that keeps the id). */
  updateContent(id: number, md5: string, size: number): void;
  /** Removes a node and its whole subtree at once (overwrite that replaces the node). */
  removeSubtree(id: number): void;
  /** True when the node or one of its ancestors is trashed, or its parent is gone. */
  inTrash(node: FileNode): boolean;
  /** Total size of the live files under a folder. */
  folderSize(id: number): number;
  /** Bytes counted against the quota (trash included with `trashCountsTowardsQuota`). */
  spaceUsed(): number;
  pathOf(id: number): string;
  /** Live node at "/a/b/c" (root "/" is undefined: it is no node). */
  findByPath(path: string): FileNode | undefined;
  allocateId(): number;
  /** Call after every mutation: persists soon. */
  changed(): void;
  flush(): void;
}

interface Snapshot {
  nextId: number;
  nodes: FileNode[];
}

export interface DriveStateOptions {
  clock: Clock;
  switches: Switches;
  /** Folder holding `drive.json`; nothing is persisted without it. */
  dataDir?: string;
}

export function createDriveState(options: DriveStateOptions): DriveState {
  const { clock, switches } = options;
  const tree = createDriveTree();
  let nextId = FIRST_ID;
  const file = options.dataDir
    ? createJsonFile<Snapshot>(
        join(options.dataDir, 'drive.json'),
        () => ({ nextId, nodes: [...tree.values()] }),
        SAVE_DELAY_MS,
      )
    : undefined;
  const loaded = file?.load();
  if (loaded) {
    nextId = loaded.nextId;
    for (const node of loaded.nodes) tree.insert(node);
  }

  const get = (id: number) => tree.get(id);
  const require = (id: number): FileNode => {
    const node = tree.get(id);
    if (!node) throw notFound();
    return node;
  };

  function requireLiveFolder(id: number): void {
    if (id === ROOT_ID) return;
    const node = require(id);
    if (node.type !== 1) throw new ApiError(CODES.general, '目标不是文件夹');
    if (state.inTrash(node)) throw new ApiError(CODES.general, '目标文件夹已在回收站');
  }

  function nameHolder(parentId: number, name: string, exceptId?: number): FileNode | undefined {
    for (const id of tree.idsNamed(parentId, name)) {
      const node = tree.get(id);
      if (!node || node.id === exceptId) continue;
      if (!node.trashed || switches.trashedBlocksNames) return node;
    }
    return undefined;
  }

  function uniqueName(parentId: number, name: string): string {
    if (!nameHolder(parentId, name)) return name;
    const { base, ext } = splitExt(name);
    for (let n = 1; ; n++) {
      const candidate = switches.keepBothSuffix
        .replace('{name}', base)
        .replace('{ext}', ext)
        .replace('{n}', String(n));
      if (!nameHolder(parentId, candidate)) return candidate;
    }
  }

  function addNode(parentId: number, name: string, type: 0 | 1, md5: string, size: number): FileNode {
    const now = clock.now();
    const node: FileNode = {
      id: nextId++,
      parentId,
      name,
      type,
      size: type === 1 ? 0 : size,
      md5: type === 1 ? '' : md5,
      trashed: false,
      createAt: now,
      updateAt: now,
      category: type === 1 ? 0 : categoryOf(name),
      status: 0,
    };
    tree.insert(node);
    state.changed();
    return node;
  }

  function createFolder(parentId: number, name: string): FileNode {
    assertValidName(name);
    requireLiveFolder(parentId);
    if (nameHolder(parentId, name)) throw new ApiError(CODES.general, MESSAGES.folderExists);
    return addNode(parentId, name, 1, '', 0);
  }

  function createFile(input: NewFile): FileNode {
    assertValidName(input.name);
    requireLiveFolder(input.parentId);
    if (nameHolder(input.parentId, input.name)) throw new ApiError(CODES.general, MESSAGES.nameExists);
    return addNode(input.parentId, input.name, 0, input.md5.toLowerCase(), input.size);
  }

  function ensureFolderPath(parentId: number, segments: readonly string[]): number {
    let current = parentId;
    for (const segment of segments) {
      const existing = nameHolder(current, segment);
      if (existing && existing.type === 1 && !existing.trashed) current = existing.id;
      else current = createFolder(current, segment).id;
    }
    return current;
  }

  function removeSubtree(id: number): void {
    for (const child of [...tree.childIds(id)]) removeSubtree(child);
    tree.remove(id);
    state.changed();
  }

  function inTrash(node: FileNode): boolean {
    let current: FileNode | undefined = node;
    while (current) {
      if (current.trashed) return true;
      if (current.parentId === ROOT_ID) return false;
      current = tree.get(current.parentId);
    }
    return true; // an ancestor is gone: only possible for orphans left in the trash
  }

  function folderSize(id: number): number {
    let total = 0;
    for (const childId of tree.childIds(id)) {
      const child = tree.get(childId);
      if (!child || child.trashed) continue;
      total += child.type === 1 ? folderSize(child.id) : child.size;
    }
    return total;
  }

  function spaceUsed(): number {
    let total = 0;
    for (const node of tree.values()) {
      if (node.type !== 0) continue;
      if (switches.trashCountsTowardsQuota || !inTrash(node)) total += node.size;
    }
    return total;
  }

  function pathOf(id: number): string {
    const parts: string[] = [];
    for (let node = tree.get(id); node; node = tree.get(node.parentId)) parts.unshift(node.name);
    return `/${parts.join('/')}`;
  }

  function findByPath(path: string): FileNode | undefined {
    let node: FileNode | undefined;
    let parentId = ROOT_ID;
    for (const segment of path.split('/').filter((s) => s.length > 0)) {
      node = tree
        .childIds(parentId)
        .map((c) => tree.get(c))
        .find((c) => c && !c.trashed && c.name === segment);
      if (!node) return undefined;
      parentId = node.id;
    }
    return node;
  }

  const state: DriveState = {
    tree,
    clock,
    switches,
    get,
    require,
    children: (parentId) => tree.childIds(parentId).map((id) => tree.get(id) as FileNode),
    page(parentId, afterId, limit) {
      const ids = tree.childIds(parentId);
      const start = upperBound(ids, afterId);
      const items = ids.slice(start, start + limit).map((id) => tree.get(id) as FileNode);
      return { items, hasMore: start + limit < ids.length };
    },
    requireLiveFolder,
    nameHolder,
    uniqueName,
    createFolder,
    createFile,
    ensureFolderPath,
    updateContent(id, md5, size) {
      const node = require(id);
      node.md5 = md5.toLowerCase();
      node.size = size;
      node.updateAt = clock.now();
      state.changed();
    },
    removeSubtree,
    inTrash,
    folderSize,
    spaceUsed,
    pathOf,
    findByPath,
    allocateId: () => nextId++,
    changed: () => file?.scheduleSave(),
    flush: () => file?.flush(),
  };
  return state;
}
