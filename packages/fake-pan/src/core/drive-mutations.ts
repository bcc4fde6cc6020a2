/**
 * Rename, move, trash, recover and delete over a `DriveState` (reference §5.2-§5.8).
 *
 * Batches are checked whole before anything changes: one bad id (5066), a name clash or a
 * forbidden target fails the call and leaves the drive as it was. The root (0) is immutable.
 */
import type { DriveState, FileNode } from './drive-state';
import { ROOT_ID } from './drive-state';
import { ApiError, CODES, MESSAGES, notFound } from './errors';
import { assertValidName } from './names';

/** Batch limits (reference §11). */
export const LIMITS = { move: 100, trash: 100, delete: 100, recover: 100, renameMany: 30 } as const;

export function assertBatch(ids: readonly number[], max: number): void {
  if (ids.length === 0) throw new ApiError(CODES.general, '文件ID列表不能为空');
  if (ids.length > max) throw new ApiError(CODES.general, `一次最多操作${max}个文件`);
}

/** Existing, non-root nodes for `ids` (duplicates dropped); 5066 if any is unknown. */
function nodesOf(state: DriveState, ids: readonly number[]): FileNode[] {
  const out = new Map<number, FileNode>();
  for (const id of ids) {
    if (id === ROOT_ID) throw new ApiError(CODES.general, '根目录不能被操作');
    const node = state.get(id);
    if (!node) throw notFound();
    out.set(id, node);
  }
  return [...out.values()];
}

/** Throws unless every entry can be renamed; names in the batch must not clash with each other. */
export function checkRenames(state: DriveState, entries: readonly { id: number; name: string }[]): void {
  const planned = new Map<string, number>();
  for (const { id, name } of entries) {
    const node = nodesOf(state, [id])[0] as FileNode;
    assertValidName(name);
    const holder = state.nameHolder(node.parentId, name, id);
    const key = `${node.parentId}/${name}`;
    const movedAway = holder && entries.some((e) => e.id === holder.id && e.name !== name);
    if ((holder && !movedAway) || (planned.has(key) && planned.get(key) !== id)) {
      throw new ApiError(CODES.general, MESSAGES.nameExists);
    }
    planned.set(key, id);
  }
}

/** Renames after `checkRenames`; returns the touched nodes. */
export function applyRenames(
  state: DriveState,
  entries: readonly { id: number; name: string }[],
): FileNode[] {
  const now = state.clock.now();
  const touched = entries.map(({ id, name }) => {
    const node = state.require(id);
    state.tree.rename(id, name);
    node.updateAt = now;
    return node;
  });
  state.changed();
  return touched;
}

function isSameOrDescendant(state: DriveState, candidateId: number, ancestorId: number): boolean {
  for (let node = state.get(candidateId); node; node = state.get(node.parentId)) {
    if (node.id === ancestorId) return true;
  }
  return false;
}

/**
 * Moves `ids` under `toParentId`. A folder moved into itself or its subtree is refused (code 1)
 * with `refuseMoveIntoSelf`, otherwise silently left where it is.
 */
export function moveNodes(state: DriveState, ids: readonly number[], toParentId: number): void {
  assertBatch(ids, LIMITS.move);
  const nodes = nodesOf(state, ids);
  state.requireLiveFolder(toParentId);
  const movable: FileNode[] = [];
  const incoming = new Set<string>();
  for (const node of nodes) {
    if (node.type === 1 && isSameOrDescendant(state, toParentId, node.id)) {
      if (state.switches.refuseMoveIntoSelf)
        throw new ApiError(CODES.general, '不能将文件夹移动到自身或其子目录下');
      continue;
    }
    if (node.parentId === toParentId) continue;
    const holder = state.nameHolder(toParentId, node.name);
    const holderLeaves = holder && nodes.some((n) => n.id === holder.id);
    if ((holder && !holderLeaves) || incoming.has(node.name)) {
      throw new ApiError(CODES.general, MESSAGES.nameExists);
    }
    incoming.add(node.name);
    movable.push(node);
  }
  const now = state.clock.now();
  for (const node of movable) {
    state.tree.reparent(node.id, toParentId);
    node.updateAt = now;
  }
  state.changed();
}

/** Puts nodes in the trash; they keep their parent and show up in lists with trashed: 1. */
export function trashNodes(state: DriveState, ids: readonly number[]): void {
  assertBatch(ids, LIMITS.trash);
  const now = state.clock.now();
  for (const node of nodesOf(state, ids)) {
    if (node.trashed) continue;
    node.trashed = true;
    node.updateAt = now;
  }
  state.changed();
}

function restoreName(state: DriveState, node: FileNode, parentId: number): string {
  const holder = state.nameHolder(parentId, node.name, node.id);
  return holder ? state.uniqueName(parentId, node.name) : node.name;
}

/**
 * Takes nodes out of the trash into their own parent. Ids whose parent is gone or itself in the
 * trash stay trashed and are returned (`abnormalFileIDs`). A live sibling with the same name
 * makes the restored node take a "keep both" name (own choice; the reference is silent).
 */
export function recoverNodes(state: DriveState, ids: readonly number[]): number[] {
  assertBatch(ids, LIMITS.recover);
  const abnormal: number[] = [];
  const now = state.clock.now();
  for (const node of nodesOf(state, ids)) {
    if (!node.trashed) continue;
    const parent = state.get(node.parentId);
    if (node.parentId !== ROOT_ID && (!parent || state.inTrash(parent))) {
      abnormal.push(node.id);
      continue;
    }
    const name = restoreName(state, node, node.parentId);
    node.trashed = false;
    state.tree.rename(node.id, name);
    node.updateAt = now;
  }
  state.changed();
  return abnormal;
}

/** Takes nodes out of the trash into `parentId` (reference §5.7 `recover/by_path`). */
export function recoverNodesTo(state: DriveState, ids: readonly number[], parentId: number): void {
  assertBatch(ids, LIMITS.recover);
  const nodes = nodesOf(state, ids);
  state.requireLiveFolder(parentId);
  for (const node of nodes) {
    if (node.type === 1 && isSameOrDescendant(state, parentId, node.id)) {
      throw new ApiError(CODES.general, '不能将文件夹恢复到自身或其子目录下');
    }
  }
  const now = state.clock.now();
  for (const node of nodes) {
    if (!node.trashed && node.parentId === parentId) continue;
    const name = restoreName(state, node, parentId);
    state.tree.reparent(node.id, parentId);
    node.trashed = false;
    state.tree.rename(node.id, name);
    node.updateAt = now;
  }
  state.changed();
}

/** Removes trashed nodes for good; any id not in the trash fails the call (code 1). */
export function deleteNodes(state: DriveState, ids: readonly number[]): void {
  assertBatch(ids, LIMITS.delete);
  const nodes = nodesOf(state, ids);
  if (nodes.some((n) => !n.trashed)) throw new ApiError(CODES.general, '只能彻底删除回收站中的文件');
  for (const node of nodes) removeTrashed(state, node.id);
  state.changed();
}

/** Removes a node and its untrashed descendants; trashed descendants stay as orphans. */
function removeTrashed(state: DriveState, id: number): void {
  for (const childId of [...state.tree.childIds(id)]) {
    const child = state.get(childId);
    if (child && !child.trashed) removeTrashed(state, childId);
  }
  state.tree.remove(id);
}
