/**
 * Folder deletions in a plan, made whole or taken apart. A folder planned for the trash goes
 * whole (one step, one call) when every item in it is planned for the trash too; then the
 * steps of those items are dropped. Otherwise the folder stays, because something in it stays
 * (a modified file beats a deletion, a new file arrived), and only its items go; in two-way
 * pairs such a folder is then made again on the side that lost it, so what stays in it has a
 * live folder to go to (its base row pointed at the deleted one).
 */
import type { LocalTree, RemoteItem, RemoteTree } from '../model';
import { depthOf, isWithin, parentOf, rebase } from '../paths';
import type { PlanAction } from './actions';

type TrashRemote = Extract<PlanAction, { kind: 'trash_remote' }>;
type TrashLocal = Extract<PlanAction, { kind: 'trash_local' }>;

export interface MergeContext {
  readonly local: LocalTree;
  readonly remote: RemoteTree;
  readonly remoteById: ReadonlyMap<number, RemoteItem>;
  /** The local moves of the plan, in order: trash paths are read after them. */
  readonly localMoves: readonly [string, string][];
  readonly remoteMoves: readonly [string, string][];
  /** Folders that stay are made again where they were deleted (two-way). */
  readonly restoreFolders: boolean;
}

function follow(moves: readonly [string, string][], path: string): string {
  let p = path;
  for (const [from, to] of moves) if (isWithin(p, from)) p = rebase(p, from, to);
  return p;
}

function deepestFirst<T extends { path: string }>(items: T[]): T[] {
  return items.sort((a, b) => depthOf(b.path) - depthOf(a.path));
}

export function mergeTrash(actions: PlanAction[], ctx: MergeContext): PlanAction[] {
  const dropped = new Set<PlanAction>();
  const restored: PlanAction[] = [];

  // Cloud: children by parent id, from the scan (ids do not change with moves).
  const remoteTrash = actions.filter((a): a is TrashRemote => a.kind === 'trash_remote');
  const trashedIds = new Map<number, TrashRemote>();
  for (const a of remoteTrash) trashedIds.set(a.fileId, a);
  const childrenById = new Map<number, number[]>();
  for (const r of ctx.remote.values()) {
    const list = childrenById.get(r.parentId);
    if (list) list.push(r.fileId);
    else childrenById.set(r.parentId, [r.fileId]);
  }
  for (const a of deepestFirst(remoteTrash.filter((t) => ctx.remoteById.get(t.fileId)?.kind === 'folder'))) {
    const children = childrenById.get(a.fileId) ?? [];
    if (children.every((id) => trashedIds.has(id))) {
      for (const id of children) dropped.add(trashedIds.get(id) as TrashRemote);
    } else {
      dropped.add(a);
      trashedIds.delete(a.fileId);
      if (ctx.restoreFolders) restored.push({ kind: 'mkdir_local', path: a.path, remoteId: a.fileId });
    }
  }

  // Local: children by parent path, read after the plan's local moves.
  const localTrash = actions.filter((a): a is TrashLocal => a.kind === 'trash_local');
  const trashedPaths = new Map<string, TrashLocal>();
  for (const a of localTrash) trashedPaths.set(a.path, a);
  const childrenByPath = new Map<string, string[]>();
  for (const l of ctx.local.values()) {
    const now = follow(ctx.localMoves, l.path);
    const parent = parentOf(now);
    const list = childrenByPath.get(parent);
    if (list) list.push(now);
    else childrenByPath.set(parent, [now]);
  }
  const localFolderAt = (path: string) =>
    [...ctx.local.values()].find((l) => l.kind === 'folder' && follow(ctx.localMoves, l.path) === path);
  for (const a of deepestFirst(localTrash.filter((t) => t.expect === null && localFolderAt(t.path)))) {
    const children = childrenByPath.get(a.path) ?? [];
    if (children.every((p) => trashedPaths.has(p))) {
      for (const p of children) dropped.add(trashedPaths.get(p) as TrashLocal);
    } else {
      dropped.add(a);
      trashedPaths.delete(a.path);
      const folder = localFolderAt(a.path);
      if (ctx.restoreFolders && folder)
        restored.push({
          kind: 'mkdir_remote',
          path: a.path,
          local: { size: folder.size, mtimeMs: folder.mtimeMs, ino: folder.ino },
        });
    }
  }
  if (dropped.size === 0) return actions;
  return [...actions.filter((a) => !dropped.has(a)), ...restored];
}
