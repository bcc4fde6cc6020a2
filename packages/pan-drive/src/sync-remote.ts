/**
 * The sync's cloud port (`SyncRemote` of @pandesk/sync) on the open-api client of whichever
 * drive session is current: listings with ids, folders made or found (`ensureFolderPath`
 * resolves a lost mkdir answer by lookup), renames, moves, the recycle bin, and item info for
 * the checks after a crash. Failures become SyncRemoteErrors: lost sign-in and the network
 * (429 included: the client already paced and retried) stop a run; "does not exist" and a
 * name clash fail one step; everything else fails the step. Each carries the reason, params
 * and service words open-api named, so the pair's problem is worded like any other failure.
 */
import { ApiException } from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { PanClient, PanEntry, PanErrorCode } from '@pandesk/open-api';
import { SyncRemoteError } from '@pandesk/sync';
import { factsOf } from './errors';
import type { RemoteFailureKind, SyncRemote } from '@pandesk/sync';

const KIND: Partial<Record<PanErrorCode, RemoteFailureKind>> = {
  auth_required: 'auth',
  rate_limited: 'network',
  network: 'network',
  timeout: 'network',
  server: 'network',
  processing: 'network',
  bad_response: 'network',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
};

export function toSyncRemoteError(error: unknown): unknown {
  if (error instanceof SyncRemoteError) return error;
  if (error instanceof ApiException && error.code === 'auth_required')
    return new SyncRemoteError(
      'auth',
      error.message,
      error.reason === undefined ? {} : { reason: error.reason },
    );
  if (!isPanError(error) || error.code === 'aborted') return error;
  return new SyncRemoteError(
    KIND[error.code] ?? 'other',
    error.message.replace(/^[\w.]+:\s*/, ''),
    factsOf(error),
  );
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSyncRemoteError(error);
  }
}

export interface SyncRemoteHooks {
  /** Items the sync sent to the recycle bin (for the app's own view of the bin). */
  onTrashed?(fileIds: readonly number[]): Promise<void> | void;
}

const kindOf = (e: PanEntry): 'file' | 'folder' => (e.kind === 'folder' ? 'folder' : 'file');

export function createSyncRemote(client: () => PanClient, hooks: SyncRemoteHooks = {}): SyncRemote {
  return {
    async *list(folderId, signal) {
      const pages = await guard(async () =>
        client().files.list(folderId, { signal })[Symbol.asyncIterator](),
      );
      for (;;) {
        const next = await guard(() => pages.next());
        if (next.done === true) return;
        yield next.value.items.map((e) => ({
          fileId: e.id,
          name: e.name,
          kind: kindOf(e),
          size: e.kind === 'folder' ? 0 : e.size,
          etag: e.kind === 'folder' ? '' : e.md5.toLowerCase(),
        }));
      }
    },
    ensureFolder: (parentId, name, signal) =>
      guard(() => client().files.ensureFolderPath([name], { rootId: parentId, signal })),
    rename: (fileId, name, signal) => guard(() => client().files.rename(fileId, name, { signal })),
    move: (fileIds, toParentId, signal) => guard(() => client().files.move(fileIds, toParentId, { signal })),
    async trash(fileIds, signal) {
      await guard(() => client().files.trash(fileIds, { signal }));
      await hooks.onTrashed?.(fileIds);
    },
    info: (fileIds, signal) =>
      guard(async () =>
        (await client().files.infos(fileIds, { signal })).map((e) => ({
          fileId: e.id,
          name: e.name,
          parentId: e.parentId,
          kind: kindOf(e),
          trashed: e.trashed,
          size: e.size,
          etag: e.md5.toLowerCase(),
        })),
      ),
  };
}
