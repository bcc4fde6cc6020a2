/**
 * Copying files and folders (reference §5.5), shared by the single copy and the async task.
 *
 * - The target must be the root or a live folder (unknown → 5066, otherwise code 1).
 * - Sources must exist (5066) and be live; the root cannot be copied; a folder cannot be copied
 *   into itself or its own subtree (code 1): the copy would never end.
 * - Folders are copied with their live contents, recursively; trashed children stay behind.
 * - A name already taken in the target (or by an earlier source of the same call): switch
 *   `copyNameClash` 'keep_both' gives the copy a `keepBothSuffix` name, 'error' refuses (code 1).
 * - Copies count their bytes against the quota; a copy that does not fit is refused whole, with
 *   switch `quotaExceededMessage`, before anything is made.
 */
import { ROOT_ID, type DriveState, type FileNode } from '../core/drive-state';
import { ApiError, CODES, MESSAGES, notFound } from '../core/errors';
import type { FakePanContext } from '../http/context';

export const COPY_MESSAGES = {
  root: '根目录不能被复制',
  trashed: '回收站中的文件不能复制',
  intoSelf: '不能将文件夹复制到自身或其子目录下',
} as const;

const fail = (message: string): ApiError => new ApiError(CODES.general, message);

function isSameOrDescendant(state: DriveState, candidateId: number, ancestorId: number): boolean {
  for (let node = state.get(candidateId); node; node = state.get(node.parentId)) {
    if (node.id === ancestorId) return true;
  }
  return false;
}

function liveBytes(state: DriveState, node: FileNode): number {
  return node.type === 0 ? node.size : state.folderSize(node.id);
}

/** Checks a copy of `ids` into `targetId` without changing anything; returns the source nodes. */
export function planCopy(ctx: FakePanContext, ids: readonly number[], targetId: number): FileNode[] {
  const { state } = ctx;
  state.requireLiveFolder(targetId);
  const sources: FileNode[] = [];
  const incoming = new Set<string>();
  for (const id of new Set(ids)) {
    if (id === ROOT_ID) throw fail(COPY_MESSAGES.root);
    const node = state.get(id);
    if (!node) throw notFound();
    if (state.inTrash(node)) throw fail(COPY_MESSAGES.trashed);
    if (node.type === 1 && isSameOrDescendant(state, targetId, node.id)) throw fail(COPY_MESSAGES.intoSelf);
    const taken = state.nameHolder(targetId, node.name) !== undefined || incoming.has(node.name);
    if (taken && ctx.switches.copyNameClash === 'error') throw fail(MESSAGES.nameExists);
    incoming.add(node.name);
    sources.push(node);
  }
  const bytes = sources.reduce((sum, node) => sum + liveBytes(state, node), 0);
  if (state.spaceUsed() + bytes > ctx.faults.quotaBytes) throw fail(ctx.switches.quotaExceededMessage);
  return sources;
}

function copyInto(state: DriveState, node: FileNode, parentId: number, name: string): number {
  if (node.type === 0) {
    return state.createFile({ parentId, name, md5: node.md5, size: node.size }).id;
  }
  const folder = state.createFolder(parentId, name);
  for (const child of state.children(node.id)) {
    if (!child.trashed) copyInto(state, child, folder.id, child.name);
  }
  return folder.id;
}

/** Plans (throwing on any problem), then copies; returns the new ids in source order. */
export function copyNodes(ctx: FakePanContext, ids: readonly number[], targetId: number): number[] {
  const sources = planCopy(ctx, ids, targetId);
  return sources.map((node) =>
    copyInto(ctx.state, node, targetId, ctx.state.uniqueName(targetId, node.name)),
  );
}
