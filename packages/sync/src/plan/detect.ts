/**
 * What changed on one side since the last sync, per base entry: where the item is now (its
 * path after any move or rename, or null when it is gone) and whether its content changed.
 * Items not accounted to a base entry are fresh.
 *
 * The cloud is matched by file id, which survives renames and moves. Locally an item that is
 * not where it was is looked for by inode (a rename keeps it; a file must also keep its size
 * and modification time, because a deleted file's inode can be reused), then, for files, by
 * size and MD5 when exactly one candidate has them. Parents are matched before children, so
 * the contents of a renamed folder are found under its new name first.
 */
import type { BaseEntry, BaseTree, LocalEntry, LocalTree, RemoteItem, RemoteTree } from '../model';
import { depthOf, parentOf, rebase } from '../paths';

export interface SideView {
  /** Base path → the item's path on this side now, or null when it is gone. */
  readonly where: ReadonlyMap<string, string | null>;
  /** Base paths of files whose content differs from the base. */
  readonly modified: ReadonlySet<string>;
  /** Paths on this side that belong to no base entry. */
  readonly fresh: ReadonlySet<string>;
}

function byDepth(base: BaseTree): BaseEntry[] {
  return [...base.values()].sort((a, b) => depthOf(a.path) - depthOf(b.path) || (a.path < b.path ? -1 : 1));
}

function sameFingerprint(b: BaseEntry, l: LocalEntry): boolean {
  return l.size === b.size && l.mtimeMs === b.mtimeMs && l.ino === b.ino;
}

export function localChanged(b: BaseEntry, l: LocalEntry): boolean {
  if (b.kind === 'folder' || sameFingerprint(b, l)) return false;
  if (l.size !== b.size) return true;
  return l.md5 === null || b.md5 === null || l.md5 !== b.md5;
}

function uniqueIndex<T>(items: Iterable<T>, key: (item: T) => string | null): Map<string, T | null> {
  const index = new Map<string, T | null>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    index.set(k, index.has(k) ? null : item); // null marks an ambiguous key
  }
  return index;
}

export function detectLocal(base: BaseTree, local: LocalTree): SideView {
  const where = new Map<string, string | null>();
  const claimed = new Set<string>();
  for (const b of base.values()) {
    const l = local.get(b.path);
    if (l !== undefined && l.kind === b.kind) {
      where.set(b.path, b.path);
      claimed.add(b.path);
    }
  }
  const unclaimed = (): LocalEntry[] => [...local.values()].filter((l) => !claimed.has(l.path));
  let byIno: Map<string, LocalEntry | null> | undefined;
  let byContent: Map<string, LocalEntry | null> | undefined;
  for (const b of byDepth(base)) {
    if (where.has(b.path)) continue;
    let found: LocalEntry | undefined;
    // Inside a folder that moved: look at the same place under its new name first.
    const parent = parentOf(b.path);
    const parentNow = where.get(parent);
    if (parent !== '' && parentNow !== undefined && parentNow !== null && parentNow !== parent) {
      const guess = local.get(rebase(b.path, parent, parentNow));
      if (guess !== undefined && guess.kind === b.kind && !claimed.has(guess.path)) found = guess;
    }
    byIno ??= uniqueIndex(unclaimed(), (l) => `${l.kind}:${l.ino}`);
    const sameIno = byIno.get(`${b.kind}:${b.ino}`);
    if (found === undefined && sameIno && !claimed.has(sameIno.path)) {
      if (b.kind === 'folder' || sameFingerprint(b, sameIno)) found = sameIno;
    }
    if (found === undefined && b.kind === 'file' && b.md5 !== null) {
      byContent ??= uniqueIndex(unclaimed(), (l) =>
        l.kind === 'file' && l.md5 ? `${l.size}:${l.md5}` : null,
      );
      const same = byContent.get(`${b.size}:${b.md5}`);
      if (same && !claimed.has(same.path)) found = same;
    }
    where.set(b.path, found?.path ?? null);
    if (found) claimed.add(found.path);
  }
  const modified = new Set<string>();
  for (const b of base.values()) {
    const at = where.get(b.path);
    const l = at ? local.get(at) : undefined;
    if (l && localChanged(b, l)) modified.add(b.path);
  }
  const fresh = new Set([...local.keys()].filter((p) => !claimed.has(p)));
  return { where, modified, fresh };
}

export function detectRemote(base: BaseTree, remote: RemoteTree): SideView {
  const byId = new Map<number, RemoteItem>();
  for (const r of remote.values()) byId.set(r.fileId, r);
  const baseIds = new Set<number>();
  for (const b of base.values()) baseIds.add(b.remoteId);
  const where = new Map<string, string | null>();
  const modified = new Set<string>();
  const claimed = new Set<string>();
  const gone: BaseEntry[] = [];
  for (const b of base.values()) {
    const r = byId.get(b.remoteId);
    if (r === undefined || r.kind !== b.kind || claimed.has(r.path)) {
      gone.push(b);
      continue;
    }
    where.set(b.path, r.path);
    claimed.add(r.path);
    if (b.kind === 'file' && (r.size !== b.size || r.etag !== (b.md5 ?? ''))) modified.add(b.path);
  }
  // Replaced in place (the service's overwrite gives the new version a new id): the item at the
  // same path, of the same kind, is this entry, changed.
  for (const b of gone) {
    const r = remote.get(b.path);
    if (r !== undefined && r.kind === b.kind && !claimed.has(r.path) && !baseIds.has(r.fileId)) {
      where.set(b.path, r.path);
      claimed.add(r.path);
      if (b.kind === 'file' && (r.size !== b.size || r.etag !== (b.md5 ?? ''))) modified.add(b.path);
    } else where.set(b.path, null);
  }
  const fresh = new Set([...remote.keys()].filter((p) => !claimed.has(p)));
  return { where, modified, fresh };
}
