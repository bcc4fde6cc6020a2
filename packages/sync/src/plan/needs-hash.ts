/**
 * Which local files the planner must compare by content and so needs hashed: every file
 * without a known MD5 (the hash cache answers for unchanged ones), except, when mirroring
 * down, the user's own new files that nothing in the cloud or the base could match.
 */
import type { SyncMode } from '@pandesk/contract';
import type { BaseTree, LocalEntry, LocalTree, RemoteTree } from '../model';

export function filesToHash(
  mode: SyncMode,
  base: BaseTree,
  local: LocalTree,
  remote: RemoteTree,
): LocalEntry[] {
  const missingSizes = new Set<number>();
  if (mode === 'mirror_down') {
    for (const b of base.values()) if (b.kind === 'file' && !local.has(b.path)) missingSizes.add(b.size);
  }
  return [...local.values()].filter((l) => {
    if (l.kind !== 'file' || l.md5 !== null) return false;
    if (mode !== 'mirror_down' || base.has(l.path) || remote.has(l.path)) return true;
    return missingSizes.has(l.size);
  });
}
