import { PanError } from '../errors';
import type { CallOptions, HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import { chunk } from '../util/batch';
import { assertValidName } from '../util/names';
import { wireNullData } from '../wire/common';
import { wireMkdir, wireRecover, wireRenameMany } from '../wire/files';

/** Per-call limits (§11): ids per move/trash/recover/delete, entries per rename-many. */
export const MAX_IDS_PER_CALL = 100;
export const MAX_RENAMES_PER_CALL = 30;

export type Signalled = CallOptions;

export interface RenameFailure {
  fileId: number;
  message: string;
}

export interface MutationsApi {
  /** Create a folder; a sibling with the same name gives `name_conflict`. Returns the new id. */
  mkdir(parentId: number, name: string, options?: Signalled): Promise<number>;
  rename(fileId: number, name: string, options?: Signalled): Promise<void>;
  /** Rename many (split into calls of 30). Returns the per-item failures the service reported. */
  renameMany(
    items: ReadonlyArray<{ fileId: number; name: string }>,
    options?: Signalled,
  ): Promise<RenameFailure[]>;
  move(fileIds: readonly number[], toParentId: number, options?: Signalled): Promise<void>;
  trash(fileIds: readonly number[], options?: Signalled): Promise<void>;
  /** Restore from the recycle bin; returns ids that could not go back (parent gone: use recoverTo). */
  recover(fileIds: readonly number[], options?: Signalled): Promise<number[]>;
  recoverTo(fileIds: readonly number[], parentId: number, options?: Signalled): Promise<void>;
  /** Delete for good; only trashed items can be deleted. */
  deleteForever(fileIds: readonly number[], options?: Signalled): Promise<void>;
}

function checkIds(ids: readonly number[]): void {
  for (const id of ids)
    if (!Number.isSafeInteger(id) || id <= 0) throw new PanError('invalid_argument', `not a file id: ${id}`);
}

export function createMutationsApi(core: HttpCore): MutationsApi {
  /** Run `send` per batch in order; batches already sent stay done if a later one fails. */
  const batched = async (ids: readonly number[], send: (batch: number[]) => Promise<void>): Promise<void> => {
    checkIds(ids);
    for (const batch of chunk(ids, MAX_IDS_PER_CALL)) await send(batch);
  };

  return {
    async mkdir(parentId, name, options = {}) {
      assertValidName(name);
      const data = await core.call(ENDPOINTS.mkdir, wireMkdir, {
        signal: options.signal,
        onWait: options.onWait,
        json: { name, parentID: parentId },
      });
      return data.dirID;
    },
    async rename(fileId, name, options = {}) {
      assertValidName(name);
      checkIds([fileId]);
      await core.call(ENDPOINTS.renameOne, wireNullData, {
        signal: options.signal,
        json: { fileId, fileName: name },
      });
    },
    async renameMany(items, options = {}) {
      for (const item of items) assertValidName(item.name);
      checkIds(items.map((i) => i.fileId));
      const failures: RenameFailure[] = [];
      for (const batch of chunk(items, MAX_RENAMES_PER_CALL)) {
        const data = await core.call(ENDPOINTS.renameMany, wireRenameMany, {
          signal: options.signal,
          json: { renameList: batch.map((i) => `${i.fileId}|${i.name}`) },
        });
        for (const f of data?.failList ?? []) failures.push({ fileId: f.fileID, message: f.message });
      }
      return failures;
    },
    move(fileIds, toParentId, options = {}) {
      return batched(fileIds, async (batch) => {
        await core.call(ENDPOINTS.move, wireNullData, {
          signal: options.signal,
          json: { fileIDs: batch, toParentFileID: toParentId },
        });
      });
    },
    trash(fileIds, options = {}) {
      return batched(fileIds, async (batch) => {
        await core.call(ENDPOINTS.trash, wireNullData, { signal: options.signal, json: { fileIDs: batch } });
      });
    },
    async recover(fileIds, options = {}) {
      const abnormal: number[] = [];
      await batched(fileIds, async (batch) => {
        abnormal.push(
          ...(await core.call(ENDPOINTS.recover, wireRecover, {
            signal: options.signal,
            json: { fileIDs: batch },
          })),
        );
      });
      return abnormal;
    },
    recoverTo(fileIds, parentId, options = {}) {
      return batched(fileIds, async (batch) => {
        await core.call(ENDPOINTS.recoverByPath, wireNullData, {
          signal: options.signal,
          json: { fileIDs: batch, parentFileID: parentId },
        });
      });
    },
    deleteForever(fileIds, options = {}) {
      return batched(fileIds, async (batch) => {
        await core.call(ENDPOINTS.delete, wireNullData, { signal: options.signal, json: { fileIDs: batch } });
      });
    },
  };
}
