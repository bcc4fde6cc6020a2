/**
 * The `files` domain with the root folder's last listing on hand: while signing in is under
 * way or the service is unreachable, listing the root (and its tree children) answers the
 * entries kept on disk from the last signed-in listing, so the window shows them at once
 * (the renderer marks them offline, from the auth status). Every signed-in listing of the root
 * keeps its first page. Other folders, and every other state, go straight through.
 */
import { ok } from '@pandesk/contract';
import type { AuthStatus, FileId, FilesApi } from '@pandesk/contract';
import type { OfflineRoot } from './offline-root';

export interface OfflineFilesOptions {
  readonly offline: OfflineRoot;
  readonly rootFolderId: () => FileId;
  /** Which drive and root a listing belongs to; null when none should be kept (demo drive). */
  readonly key: () => string | null;
  readonly status: () => AuthStatus;
  /** Tracks background work so close() can wait for it. */
  readonly track: (work: Promise<unknown>) => void;
}

/** Signing in is under way or the service cannot be reached: the drive may come back by itself. */
export function waitingForService(status: AuthStatus): boolean {
  return (
    status.state === 'connecting' || (status.state === 'auth_required' && status.problem === 'unreachable')
  );
}

export function withOfflineRoot(files: FilesApi, options: OfflineFilesOptions): FilesApi {
  /** The kept entries when the root is asked for while waiting for the service. */
  async function offlineRoot(folderId: FileId) {
    const key = options.key();
    if (key === null || folderId !== options.rootFolderId() || !waitingForService(options.status()))
      return null;
    return options.offline.recall(key);
  }

  return {
    ...files,
    async list(input) {
      const kept = await offlineRoot(input.folderId);
      if (kept !== null) return ok({ folderId: input.folderId, items: kept, cursor: null });
      const result = await files.list(input);
      const key = options.key();
      if (
        result.ok &&
        key !== null &&
        input.folderId === options.rootFolderId() &&
        options.status().state === 'signed_in'
      )
        options.track(options.offline.remember(key, result.value.items));
      return result;
    },
    async treeChildren(input) {
      const kept = await offlineRoot(input.folderId);
      if (kept === null) return files.treeChildren(input);
      return ok(
        kept
          .filter((e) => e.kind === 'folder')
          .map((e) => ({ id: e.id, name: e.name, parentId: e.parentId })),
      );
    },
  };
}
